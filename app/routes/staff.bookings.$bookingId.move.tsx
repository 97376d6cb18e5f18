import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { NearestFreeTimes, nearestTimesOf } from '#app/components/booking/nearest-free-times.tsx'
import { SlotPicker } from '#app/components/booking/slot-picker.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList } from '#app/components/forms/fields.tsx'
import { agendaHref, MoveBookingSchema } from '#app/domain/agenda/agenda.schema.ts'
import { type RescheduleResult } from '#app/domain/booking/booking-reschedule.server.ts'
import { getBookingToMove, moveBookingAsStaff } from '#app/domain/booking/booking-move.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { agendaGridMessages } from '#app/i18n/messages/index.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { formatAppointment, formatDateAndTime, formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { nearestTimesResponse, slotPickerFromUrl } from '#app/utils/slot-picker.server.ts'
import { requireBookingIdParam } from '#app/utils/visit-params.server.ts'
import { requireOpenBooking } from '#app/utils/restricted-guards.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

/**
 * Staff move an appointment (ADR 043): the practitioner, the day, then the free times of the same
 * slot search the patient's reschedule uses. Any signed-in staff member may move a booking; the
 * page shows who, what and when, never health details. The agenda's grid posts a drag here too.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const bookingId = requireBookingIdParam(params)
  await requireOpenBooking(request, user, bookingId)
  const locale = await requestLocale(request, user)
  const booking = getBookingToMove({ bookingId, locale })
  if (!booking) throw notFound(translate(agendaGridMessages, locale, 'moveNotChangeable'))
  const { query, picker } = slotPickerFromUrl(request, {
    serviceId: booking.serviceId,
    practitioner: booking.practitionerId,
    now: new Date(),
    earliestStartAt: booking.earliestStartAt,
    ignoreBookingId: booking.bookingId,
    locale,
  })
  const done = new URL(request.url).searchParams.get('moved') === '1'
  return {
    title: translate(agendaGridMessages, locale, 'moveTitle'),
    bookingId,
    canMove: booking.canMove,
    done,
    patientName: booking.patientName,
    serviceName: booking.serviceName,
    practitionerName: booking.practitionerName,
    when: formatAppointment(booking.startAt, booking.endAt, booking.timeZone, locale),
    agenda: agendaHref({ view: 'day', date: localDateOf(booking.startAt, booking.timeZone) }),
    picker,
    query,
  }
}

function refusal(result: Exclude<RescheduleResult, { ok: true }>, locale: Locale): string {
  const t = translator(agendaGridMessages, locale)
  switch (result.reason) {
    case 'taken':
      return t('moveTaken')
    case 'too-soon':
      return t('moveTooSoon')
    case 'too-far':
      return t('moveTooFar')
    case 'not-qualified':
      return t('moveNotQualified')
    case 'too-close':
      return t('moveTooClose', {
        date: formatDateInZone(result.earliestStartAt, result.timeZone, locale),
      })
    case 'screening-wait':
      return t('moveScreeningWait', {
        date: formatDateInZone(result.earliestStartAt, result.timeZone, locale),
      })
    case 'not-changeable':
    case 'outside-window':
      return t('moveNotChangeable')
    default:
      return t('moveNotOffered')
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireStaffUser(request)
  const bookingId = requireBookingIdParam(params)
  await requireOpenBooking(request, user, bookingId)
  const locale = await requestLocale(request, user)
  const parsed = await parseForm(request, MoveBookingSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { slot, from } = parsed.data
  const result = moveBookingAsStaff({
    user,
    bookingId,
    ...slot,
    now: new Date(),
    ipAddress: context.clientIp ?? null,
    requestId: context.requestId ?? null,
  })
  if (!result.ok && result.reason === 'not-found')
    throw notFound(translate(agendaGridMessages, locale, 'moveNotChangeable'))
  if (from === 'grid') {
    // The grid's fetcher: a sentence for its live region; the page's data reloads on success.
    if (result.ok) {
      const moved = getBookingToMove({ bookingId, locale })!
      return data({
        ok: true as const,
        message: translate(agendaGridMessages, locale, 'moved', {
          patient: moved.patientName,
          when: formatDateAndTime(moved.startAt, moved.timeZone, locale),
          name: moved.practitionerName,
        }),
      })
    }
    return data({ ok: false as const, message: refusal(result, locale) }, { status: 409 })
  }
  if (result.ok) return redirect(`/staff/bookings/${bookingId}/move?moved=1`)
  if (result.reason === 'taken')
    return nearestTimesResponse(refusal(result, locale), result.nearest, { locale })
  return formError({ formErrors: [refusal(result, locale)] }, 409)
}

export default function MoveBookingRoute() {
  const loaderData = useLoaderData<typeof loader>()
  const { bookingId, canMove, done, picker, query } = loaderData
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(agendaGridMessages)
  const errors = actionData && 'formErrors' in actionData ? actionData.formErrors : undefined
  const path = `/staff/bookings/${bookingId}/move`
  return (
    <div className="stack">
      <p>
        <Link to={loaderData.agenda}>{t('backToAgenda')}</Link>
      </p>
      <h1>{t('moveHeading')}</h1>
      {done ? (
        <p className="notice" role="status">
          {t('moveDone', { when: loaderData.when })}
        </p>
      ) : null}
      <p>
        {t('moveCurrent', {
          patient: loaderData.patientName,
          service: loaderData.serviceName,
          name: loaderData.practitionerName,
          when: loaderData.when,
        })}
      </p>
      {canMove ? (
        <>
          <p>{t('moveHowTo')}</p>
          <FormErrorList errors={errors} />
          <NearestFreeTimes times={nearestTimesOf(actionData)} pending={pending} action={path} />
          <SlotPicker
            picker={picker}
            path={path}
            practitioner={query.practitioner}
            submitLabel={t('moveHere')}
            pending={pending}
          />
        </>
      ) : (
        <p className="notice">{t('cannotMove')}</p>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
