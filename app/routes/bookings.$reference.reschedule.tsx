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
import {
  getPatientBooking,
  getRescheduleLimits,
  reschedulePatientBooking,
} from '#app/domain/booking/booking-manage.server.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formatAppointment, formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'
import { SlotChoiceSchema } from '#app/domain/booking/booking.schema.ts'
import { nearestTimesResponse, slotPickerFromUrl } from '#app/utils/slot-picker.server.ts'

export const meta: MetaFunction = () => [{ title: 'Move your booking | Dermadesk' }]

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
  const { query, picker } = slotPickerFromUrl(args.request, {
    serviceId: booking.serviceId,
    practitioner: booking.practitionerId,
    now,
    earliestStartAt: limits.earliestStartAt,
    ignoreBookingId: limits.bookingId,
  })
  return {
    reference,
    current: formatAppointment(booking.startAt, booking.endAt, booking.timeZone),
    serviceName: booking.serviceName,
    picker,
    query,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
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
      return nearestTimesResponse(
        'Sorry, someone has just taken that time. Here are the nearest free times.',
        result.nearest,
      )
    case 'too-close':
      return formError(
        {
          formErrors: [
            `Your skin needs time to heal between sessions. Please choose a time from ${formatDateInZone(result.earliestStartAt, result.timeZone)} onwards.`,
          ],
        },
        409,
      )
    case 'screening-wait':
      return formError(
        {
          formErrors: [
            `Because of your answers to the health questions, please choose a time from ${formatDateInZone(result.earliestStartAt, result.timeZone)} onwards.`,
          ],
        },
        409,
      )
    case 'outside-window':
      return formError(
        {
          formErrors: [
            'It is too close to the appointment to move it online. Please call the clinic.',
          ],
        },
        409,
      )
    case 'not-changeable':
      return formError({ formErrors: ['This booking can no longer be moved.'] }, 409)
    default:
      return formError(
        { formErrors: ['That time is not available. Please choose one of the times shown.'] },
        400,
      )
  }
}

export default function RescheduleBookingRoute() {
  const { reference, current, serviceName, picker, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  return (
    <div className="stack">
      <h1>Move your booking</h1>
      <p>
        {serviceName}, now {current}. <Link to={`/bookings/${reference}`}>Keep this time</Link>
      </p>
      <FormErrorList errors={actionData?.formErrors} />
      <NearestFreeTimes times={nearestTimesOf(actionData)} pending={pending} />
      <SlotPicker
        picker={picker}
        path={`/bookings/${reference}/reschedule`}
        practitioner={query.practitioner}
        submitLabel="Move my booking to this time"
        pending={pending}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
