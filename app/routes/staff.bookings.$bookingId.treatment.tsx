import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { StaffBookingSummary } from '#app/components/visit/staff-booking-summary.tsx'
import { TreatmentRecordForm } from '#app/components/visit/treatment-form.tsx'
import {
  getTreatmentFormView,
  recordTreatment,
} from '#app/domain/treatment/treatment-records.server.ts'
import {
  BookingIdParamSchema,
  treatmentRecordSchema,
} from '#app/domain/treatment/treatment.schema.ts'
import { type MessageKey, translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { visitMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Treatment record | Staff | Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor, user } = await requireClinicianVisit(args)
  const locale = await requestLocale(args.request, user)
  const t = (key: MessageKey<typeof visitMessages>) => translate(visitMessages, locale, key)
  const corrects = new URL(args.request.url).searchParams.get('corrects')
  const correctsRecordId = corrects === null ? null : BookingIdParamSchema.safeParse(corrects)
  if (correctsRecordId && !correctsRecordId.success) throw notFound(t('entryNotFound'))
  const view = getTreatmentFormView({
    bookingId,
    correctsRecordId: correctsRecordId?.data ?? null,
    actor,
    now: new Date(),
    locale,
  })
  if (!view) throw notFound(t('notFound'))
  return { ...view, title: t('treatmentTitle') }
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor, user } = await requireClinicianVisit(args)
  const locale = await requestLocale(args.request, user)
  const t = (key: MessageKey<typeof visitMessages>) => translate(visitMessages, locale, key)
  const parsed = await parseForm(args.request, treatmentRecordSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = recordTreatment({
    bookingId,
    record: parsed.data,
    actor,
    now: new Date(),
    locale,
  })
  if (result.ok) {
    const done = parsed.data.correctsRecordId ? 'corrected' : 'recorded'
    return redirect(`/staff/bookings/${bookingId}?done=${done}`)
  }
  switch (result.reason) {
    case 'not-found':
      throw notFound(t('notFound'))
    case 'depth':
      return formError(
        {
          fieldErrors: Object.fromEntries(
            Object.entries(result.fieldErrors).map(([field, message]) => [field, [message]]),
          ),
          formErrors: [t('depthAboveLimit')],
          values: parsed.values,
        },
        400,
      )
    case 'blocked':
      return formError({ formErrors: result.blockers, values: parsed.values }, 409)
    case 'bad-correction':
      return formError(
        {
          formErrors: [t('badCorrection')],
          values: parsed.values,
        },
        409,
      )
  }
}

export default function TreatmentRoute() {
  const { booking, limits, blockers, corrected, timeZone } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(visitMessages)
  const limitUm = Math.min(limits.serviceMaxUm ?? 0, limits.practitionerMaxUm)
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${booking.id}`}>{t('backToAppointment')}</Link>
      </p>
      <h1>{t(corrected ? 'correctHeading' : 'recordHeadingFor', { name: booking.patientName })}</h1>
      <StaffBookingSummary
        booking={booking}
        timeZone={timeZone}
        rows={['when', 'treatment', 'practitioner', 'reference']}
      />
      {corrected ? <p className="notice">{t('correctNotice')}</p> : null}
      {blockers.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t('cannotRecordYet')}</p>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
          <p>
            <Link to={`/staff/bookings/${booking.id}`}>{t('backToAppointment')}</Link>
          </p>
        </div>
      ) : (
        <TreatmentRecordForm
          limitUm={limitUm}
          start={corrected}
          serverErrors={actionData}
          pending={pending}
        />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
