import { Link } from '@remix-run/react'
import type { StaffBookingPage } from '#app/domain/booking/staff-booking-page.server.ts'
import { STAFF_BOOKING_PATH } from '#app/domain/booking/staff-booking-links.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { staffBookingMessages } from '#app/i18n/messages/index.ts'

/** The booking just made, with what the caller must still do. */
export function DoneStep({ done }: { done: Extract<StaffBookingPage, { step: 'done' }>['done'] }) {
  const t = useT(staffBookingMessages)
  return (
    <section aria-labelledby="done-heading" className="stack">
      <h2 id="done-heading">{t('doneHeading', { reference: done.reference })}</h2>
      <p className="notice notice--success" role="status">
        {t('doneLine', {
          service: done.serviceName,
          when: done.when,
          practitioner: done.practitionerName,
          name: done.patientName,
        })}
      </p>
      {done.awaitingForms ? (
        <p>
          <span className="badge badge--warn">{t('awaitingForms')}</span>{' '}
          {t('doneEmailed', { email: done.patientEmail })}
        </p>
      ) : null}
      {done.overrideReason ? <p>{t('doneOverride', { reason: done.overrideReason })}</p> : null}
      <p className="cluster">
        <Link to={`/staff/patients/${done.patientId}`}>{t('openChart')}</Link>
        <Link to={STAFF_BOOKING_PATH}>{t('bookAnother')}</Link>
      </p>
    </section>
  )
}
