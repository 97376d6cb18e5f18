import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CancelConfirmation } from '#app/components/booking/cancel-confirmation.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { manageMessages } from '#app/i18n/messages/index.ts'
import { formatAppointment, formatDateAndTime } from '#app/utils/format.ts'
import { requirePatientBooking } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

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
  const locale = await requestLocale(args.request)
  return {
    title: translate(manageMessages, locale, 'cancelTitle'),
    facts: {
      reference: booking.reference,
      serviceName: booking.serviceName,
      when: formatAppointment(booking.startAt, booking.endAt, zone, locale),
      practitionerName: booking.practitionerName,
      changeDeadline: formatDateAndTime(booking.changeDeadline, zone, locale),
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
