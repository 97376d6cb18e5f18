import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CancelConfirmation } from '#app/components/booking/cancel-confirmation.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import { formatAppointment, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { requirePatientBooking } from '#app/utils/patient-guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Cancel your booking | Dermadesk' }]

/**
 * The confirmation before cancelling, as a page for browsers without JavaScript (with it, the
 * booking page opens the same content in a dialog). A booking that can no longer be cancelled
 * online goes back to its page, which says why.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { booking } = await requirePatientBooking(args, getPatientBooking)
  const upcoming = booking.status === 'confirmed' || booking.status === 'pending_review'
  if (!upcoming || !booking.canChange) throw redirect(`/bookings/${booking.reference}`)
  const zone = booking.timeZone
  return {
    facts: {
      reference: booking.reference,
      serviceName: booking.serviceName,
      when: formatAppointment(booking.startAt, booking.endAt, zone),
      practitionerName: booking.practitionerName,
      changeDeadline: `${formatDateInZone(booking.changeDeadline, zone)} at ${formatTimeInZone(booking.changeDeadline, zone)}`,
      clinicPhone: booking.clinicPhone,
    },
  }
}

export default function CancelBookingRoute() {
  const { facts } = useLoaderData<typeof loader>()
  const pending = useIsPending()
  return (
    <div className="stack page--medium">
      <CancelConfirmation
        facts={facts}
        pending={pending}
        headingId="cancel-heading"
        headingLevel="h1"
      />
    </div>
  )
}
