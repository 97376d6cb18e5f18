import {
  type ActionFunctionArgs,
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
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import {
  getRescheduleLimits,
  reschedulePatientBooking,
} from '#app/domain/booking/booking-reschedule.server.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { manageMessages } from '#app/i18n/messages/index.ts'
import { formatAppointment, formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'
import { SlotChoiceSchema } from '#app/domain/booking/booking.schema.ts'
import { nearestTimesResponse, slotPickerFromUrl } from '#app/utils/slot-picker.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const {
    reference,
    now,
    booking: { booking, limits },
  } = await requirePatientBooking(args, (query) => {
    const booking = getPatientBooking(query)
    const limits = getRescheduleLimits(query)
    return booking && limits ? { booking, limits } : null
  })
  if (!booking.canChange) throw redirect(`/bookings/${reference}`)
  const locale = await requestLocale(args.request)
  const { query, picker } = slotPickerFromUrl(args.request, {
    serviceId: booking.serviceId,
    practitioner: booking.practitionerId,
    now,
    earliestStartAt: limits.earliestStartAt,
    ignoreBookingId: limits.bookingId,
    locale,
  })
  return {
    title: translate(manageMessages, locale, 'moveTitle'),
    reference,
    current: formatAppointment(booking.startAt, booking.endAt, booking.timeZone, locale),
    serviceName: booking.serviceName,
    picker,
    query,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const locale = await requestLocale(request)
  const t = translator(manageMessages, locale)
  const parsed = await parseForm(request, SlotChoiceSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = reschedulePatientBooking({
    session,
    reference,
    ...parsed.data.slot,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok) return redirect(`/bookings/${reference}?moved=1`)
  switch (result.reason) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'taken':
      return nearestTimesResponse(t('moveTaken'), result.nearest, { locale })
    case 'too-close':
      return formError(
        {
          formErrors: [
            t('moveTooClose', {
              date: formatDateInZone(result.earliestStartAt, result.timeZone, locale),
            }),
          ],
        },
        409,
      )
    case 'screening-wait':
      return formError(
        {
          formErrors: [
            t('moveScreeningWait', {
              date: formatDateInZone(result.earliestStartAt, result.timeZone, locale),
            }),
          ],
        },
        409,
      )
    case 'outside-window':
      return formError({ formErrors: [t('moveOutsideWindow')] }, 409)
    case 'not-changeable':
      return formError({ formErrors: [t('moveNotChangeable')] }, 409)
    default:
      return formError({ formErrors: [t('moveNotAvailable')] }, 400)
  }
}

export default function RescheduleBookingRoute() {
  const { reference, current, serviceName, picker, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(manageMessages)
  return (
    <div className="stack">
      <h1>{t('moveHeading')}</h1>
      <p>
        {t('moveCurrent', { service: serviceName, when: current })}{' '}
        <Link to={`/bookings/${reference}`}>{t('keepTime')}</Link>
      </p>
      <FormErrorList errors={actionData?.formErrors} />
      <NearestFreeTimes times={nearestTimesOf(actionData)} pending={pending} />
      <SlotPicker
        picker={picker}
        path={`/bookings/${reference}/reschedule`}
        practitioner={query.practitioner}
        submitLabel={t('moveHere')}
        pending={pending}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
