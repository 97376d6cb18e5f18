import { createContext, useContext } from 'react'
import { Link } from '@remix-run/react'
import { TableHead } from '#app/components/table-head.tsx'
import {
  type AgendaAppointment,
  type Badge,
  consentBadge,
  screeningBadge,
  statusBadge,
} from '#app/domain/agenda/agenda.rules.ts'
import { formatCalendarDate, formatTimeInZone } from '#app/utils/format.ts'

/** The agenda's day table and week cards (staff.agenda.tsx). Badge texts are words. */

type Appointment = AgendaAppointment

function BadgeText({ badge }: { badge: Badge }) {
  return <span className={`badge badge--${badge.tone}`}>{badge.label}</span>
}

function badgesOf(a: AgendaAppointment): {
  status: Badge
  screening: Badge | null
  consent: Badge | null
} {
  return {
    status: statusBadge(a.status),
    // A consultation has neither: say it once, in the service column.
    screening: a.isConsultation ? null : screeningBadge(a.screening, a.openQuestion),
    consent: a.isConsultation ? null : consentBadge(a.consent),
  }
}

/**
 * Whether patients' names link to their appointment pages: health records are for clinicians,
 * so an admin without the clinician role sees the names as text.
 */
export const OpenRecordsContext = createContext(true)

function AppointmentLink({ appointment }: { appointment: Appointment }) {
  const canOpen = useContext(OpenRecordsContext)
  if (!canOpen) return <>{appointment.patientName}</>
  return <Link to={`/staff/bookings/${appointment.bookingId}`}>{appointment.patientName}</Link>
}

function ServiceSummary({ appointment: a }: { appointment: Appointment }) {
  return (
    <>
      {a.serviceName}{' '}
      <span className={`badge badge--${a.tier}`}>
        {a.tier === 'medical' ? 'Medical' : 'Cosmetic'}
      </span>
      <br />
      <span className="muted">
        {a.isConsultation ? 'Consultation: no screening or consent needed' : a.course}
      </span>
    </>
  )
}

/** The day view: one row per appointment, every badge in words. */
export function AgendaDayTable({
  appointments,
  timeZone,
  showPractitioner,
  caption,
}: {
  appointments: Appointment[]
  timeZone: string
  showPractitioner: boolean
  caption: string
}) {
  return (
    <div className="table-wrap">
      <table className="agenda-table">
        <caption>{caption}</caption>
        <TableHead
          columns={[
            'Time',
            'Patient',
            'Treatment',
            ...(showPractitioner ? ['With'] : []),
            'Booking',
            'Screening',
            'Consent',
          ]}
        />
        <tbody>
          {appointments.map((a) => {
            const badges = badgesOf(a)
            return (
              <tr key={a.bookingId}>
                <td>
                  {formatTimeInZone(a.startAt, timeZone)}–{formatTimeInZone(a.endAt, timeZone)}
                </td>
                <td>
                  <AppointmentLink appointment={a} />
                  {a.firstVisit ? (
                    <>
                      <br />
                      <span className="badge badge--neutral">First visit</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <ServiceSummary appointment={a} />
                </td>
                {showPractitioner ? <td>{a.practitionerName}</td> : null}
                <td>
                  <BadgeText badge={badges.status} />
                </td>
                <td>
                  {badges.screening ? (
                    <BadgeText badge={badges.screening} />
                  ) : (
                    <span className="muted">Not needed</span>
                  )}
                </td>
                <td>
                  {badges.consent ? (
                    <BadgeText badge={badges.consent} />
                  ) : (
                    <span className="muted">Not needed</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** One day of the week view: a heading and compact cards that stack on a phone. */
export function AgendaWeekDay({
  date,
  appointments,
  timeZone,
  showPractitioner,
  isToday,
}: {
  date: string
  appointments: Appointment[]
  timeZone: string
  showPractitioner: boolean
  isToday: boolean
}) {
  const headingId = `day-${date}`
  return (
    <section aria-labelledby={headingId} className="agenda-day">
      <h2 id={headingId}>
        {formatCalendarDate(date)}
        {isToday ? ' (today)' : ''}
      </h2>
      {appointments.length === 0 ? (
        <p className="muted">No appointments.</p>
      ) : (
        <ul className="agenda-list" aria-labelledby={headingId}>
          {appointments.map((a) => {
            const badges = badgesOf(a)
            return (
              <li key={a.bookingId} className="agenda-item">
                <p className="agenda-item__time">
                  {formatTimeInZone(a.startAt, timeZone)}–{formatTimeInZone(a.endAt, timeZone)}
                </p>
                <p>
                  <AppointmentLink appointment={a} />
                  {showPractitioner ? (
                    <span className="muted"> with {a.practitionerName}</span>
                  ) : null}
                </p>
                <p>
                  <ServiceSummary appointment={a} />
                </p>
                <p className="cluster agenda-item__badges">
                  <BadgeText badge={badges.status} />
                  {a.firstVisit ? <span className="badge badge--neutral">First visit</span> : null}
                  {badges.screening ? <BadgeText badge={badges.screening} /> : null}
                  {badges.consent ? <BadgeText badge={badges.consent} /> : null}
                </p>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

export function appointmentCount(n: number): string {
  return n === 1 ? '1 appointment' : `${n} appointments`
}
