import { Link } from '@remix-run/react'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'

/**
 * The error page of every patient page about one booking: another patient's booking and an
 * unknown reference get the same 404, with the way to find one's own.
 */
export function PatientBookingErrorBoundary() {
  return (
    <NotFoundBoundary title="Booking not found">
      <p>We could not find that booking for the email address you proved.</p>
      <p>
        <Link to="/bookings">Find a booking with its reference</Link>
      </p>
    </NotFoundBoundary>
  )
}
