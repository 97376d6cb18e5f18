import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { DoneStep } from '#app/components/staff-booking/done-step.tsx'
import { PatientStep } from '#app/components/staff-booking/patient-step.tsx'
import { TimeStep } from '#app/components/staff-booking/time-step.tsx'
import {
  carriedOf,
  STAFF_BOOKING_PATH,
  staffBookingHref,
} from '#app/domain/booking/staff-booking-links.ts'
import { loadStaffBookingPage } from '#app/domain/booking/staff-booking-page.server.ts'
import {
  confirmStaffBookingSchema,
  newCallerSchema,
  StaffBookingQuerySchema,
} from '#app/domain/booking/staff-booking.schema.ts'
import { addCallerPatient, bookForCaller } from '#app/domain/booking/staff-booking.server.ts'
import { getClinicPhoneCountry, getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { staffBookingMessages } from '#app/i18n/messages/index.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

/**
 * Staff book for a caller (ADR 042), for every staff role: find or add the patient, choose the
 * service, practitioner and time from the patients' own slot search, confirm. Each step is a GET
 * of this page with the choices so far in its address (works without JavaScript, and the
 * calendar's free gaps link here with the practitioner and start filled in).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  const t = translator(staffBookingMessages, locale)
  const query = StaffBookingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const page = loadStaffBookingPage({
    query,
    locale,
    actor: staffActorOf(user, context),
    viewerRoles: user.roles,
    now: new Date(),
  })
  if (!page) throw data({ message: t('notFound') }, { status: 404 })
  return { ...page, title: t('title') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  const t = translator(staffBookingMessages, locale)
  const query = StaffBookingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  // Which form was sent; a body that is no form at all is the booking form's to refuse (400).
  const intent = await request
    .clone()
    .formData()
    .then((form) => form.get('intent'))
    .catch(() => null)
  const now = new Date()

  if (intent === 'new-patient') {
    const parsed = await parseForm(request, newCallerSchema(getClinicPhoneCountry(), locale))
    if (!parsed.ok) return formError(parsed.errors)
    const { intent: _intent, ...details } = parsed.data
    const added = addCallerPatient({ details, actor: staffActorOf(user, context), now })
    if (added.ok)
      return redirect(staffBookingHref(carriedOf(query), { patientId: added.patientId }))
    return data(
      {
        fieldErrors: { email: [t('duplicate', { name: added.existing.fullName })] },
        formErrors: [],
        values: { ...parsed.values, intent },
        duplicateHref: staffBookingHref(carriedOf(query), { patientId: added.existing.id }),
        duplicateName: added.existing.fullName,
      },
      { status: 409 },
    )
  }

  const parsed = await parseForm(request, confirmStaffBookingSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const values = { ...parsed.values, intent: 'book' }
  const result = bookForCaller({
    patientId: parsed.data.patientId,
    serviceId: parsed.data.serviceId,
    ...parsed.data.slot,
    overrideReason: parsed.data.override ? (parsed.data.overrideReason ?? null) : null,
    locale: parsed.data.locale,
    actor: staffActorOf(user, context),
    now,
  })
  if (result.ok) return redirect(`${STAFF_BOOKING_PATH}?booked=${result.bookingId}`)
  const settings = getClinicSettings()
  switch (result.reason) {
    case 'outside-policy':
      return formError(
        {
          fieldErrors: {
            slot: [
              result.limit === 'too-soon'
                ? t('tooSoon', { hours: settings.minNoticeHours })
                : t('tooFar', { days: settings.maxAdvanceDays }),
            ],
          },
          values,
        },
        409,
      )
    case 'too-close':
      return formError(
        {
          formErrors: [
            t('tooClose', {
              date: formatDateInZone(result.earliestStartAt, settings.timeZone, locale),
            }),
          ],
          values,
        },
        409,
      )
    case 'taken':
      return formError({ formErrors: [t('taken')], values }, 409)
    case 'no-patient':
      return formError({ formErrors: [t('patientMissing')], values }, 404)
    default:
      return formError({ formErrors: [t('notOffered')], values }, 409)
  }
}

export default function StaffNewBookingRoute() {
  const data = useLoaderData<typeof loader>()
  const t = useT(staffBookingMessages)
  const stepIndex = { patient: 0, service: 1, time: 1, done: 3 }[data.step]
  return (
    <div className="stack page--medium">
      <h1>{t('heading')}</h1>
      <nav aria-label={t('progress')} className="steps">
        <ol className="steps__list">
          {[t('stepPatient'), t('stepTime'), t('stepConfirm')].map((label, index) => {
            const state = index === stepIndex ? 'current' : index < stepIndex ? 'done' : 'todo'
            return (
              <li
                key={label}
                className={`steps__item steps__item--${state}`}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                <span className="steps__number" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                <span>{label}</span>
                {state === 'done' ? (
                  <span className="visually-hidden"> {t('stepDone')}</span>
                ) : null}
              </li>
            )
          })}
        </ol>
      </nav>
      {data.step === 'done' ? <DoneStep done={data.done} /> : null}
      {data.step === 'patient' ? <PatientStep data={data} /> : null}
      {data.step === 'service' || data.step === 'time' ? <TimeStep data={data} /> : null}
    </div>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
