import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BookingSummary, StatusBadge } from '#app/components/booking/booking-summary.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import { COLD_SORE_REMINDER, preVisitAdvice } from '#app/domain/clinical-content/tier-content.ts'
import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formatAppointment } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Booking confirmed | Dermadesk' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, draft, steps } = await requireWizardStep(request, 'confirmation')
  const reference = draft.completedBooking?.reference
  const booking = reference
    ? getPatientBooking({ session, reference, now: new Date(), actor: patientActor(context) })
    : null
  if (!booking) throw redirect('/book')
  return {
    steps,
    email: session.verifiedEmail,
    address: getClinicContact()?.address ?? '',
    booking: {
      reference: booking.reference,
      status: booking.status,
      serviceName: booking.serviceName,
      isConsultation: booking.serviceKind === 'consultation',
      practitionerName: booking.practitionerName,
      when: formatAppointment(booking.startAt, booking.endAt, booking.timeZone),
    },
    beforeVisit: preVisitAdvice({
      tier: booking.serviceTier,
      isConsultation: booking.serviceKind === 'consultation',
      visitMinutes: Math.round((booking.endAt - booking.startAt) / 60_000),
    }),
    coldSoreReminder: booking.coldSoreHistory,
  }
}

export default function BookConfirmationRoute() {
  const { steps, booking, email, address, beforeVisit, coldSoreReminder } =
    useLoaderData<typeof loader>()
  return (
    <div className="stack page--medium">
      <StepIndicator steps={steps} currentId="confirmation" />
      <h1>
        {booking.status === 'pending_review'
          ? 'Your time is reserved'
          : 'Your booking is confirmed'}
      </h1>
      <p className="lead">
        Your reference is <strong>{booking.reference}</strong>. We have emailed the details to{' '}
        {email}.
      </p>
      {booking.status === 'pending_review' ? (
        <p className="notice notice--warning">
          A clinician will check your answers to the health questions before your visit. We keep
          this time for you, and we will email you when your booking is confirmed or if we have a
          question.
        </p>
      ) : null}
      <BookingSummary
        rows={[
          ['Status', <StatusBadge key="status" status={booking.status} />],
          ['Treatment', booking.serviceName],
          ['When', booking.when],
          ['With', booking.practitionerName],
          ['Where', address],
        ]}
      />
      <p className="cluster">
        <a
          className="button button--secondary"
          href={`/bookings/${booking.reference}/calendar.ics`}
          download="appointment.ics"
        >
          Add to my calendar (.ics)
        </a>
        <Link className="button button--secondary" to={`/bookings/${booking.reference}`}>
          See, move or cancel this booking
        </Link>
      </p>
      <section aria-labelledby="before-heading">
        <h2 id="before-heading">Before your visit</h2>
        {coldSoreReminder ? <p className="notice">{COLD_SORE_REMINDER}</p> : null}
        <ul>
          {beforeVisit.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </div>
  )
}
