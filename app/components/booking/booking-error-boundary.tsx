import { Link } from '@remix-run/react'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/i18n/locale-context.tsx'
import { errorsMessages } from '#app/i18n/messages/index.ts'

/**
 * The error page of every patient page about one booking: another patient's booking and an
 * unknown reference get the same 404, with the way to find one's own.
 */
export function PatientBookingErrorBoundary() {
  const t = useT(errorsMessages)
  return (
    <NotFoundBoundary title={t('bookingNotFoundTitle')}>
      <p>{t('bookingNotFoundText')}</p>
      <p>
        <Link to="/bookings">{t('findBooking')}</Link>
      </p>
    </NotFoundBoundary>
  )
}
