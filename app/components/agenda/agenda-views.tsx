import { Link } from '@remix-run/react'
import {
  type AgendaAppointment,
  type Badge,
  consentBadge,
  groupByPractitioner,
  screeningBadge,
  statusBadge,
} from '#app/domain/agenda/agenda.rules.ts'
import { type Translator } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { agendaMessages } from '#app/i18n/messages/index.ts'
import { formatCalendarDate, formatTimeInZone } from '#app/utils/format.ts'

/** The agenda's day table and week cards (staff.agenda.tsx). Badge texts are words. */

type Appointment = AgendaAppointment

export function BadgeText({ badge }: { badge: Badge }) {
  return <span className={`badge badge--${badge.tone}`}>{badge.label}</span>
}

export function badgesOf(
  a: AgendaAppointment,
  locale: Locale,
): {
  status: Badge
  screening: Badge | null
  consent: Badge | null
} {
  return {
    status: statusBadge(a.status, locale),
    // A consultation has neither: say it once, in the service column.
    screening: a.isConsultation ? null : screeningBadge(a.screening, a.openQuestion, locale),
    consent: a.isConsultation ? null : consentBadge(a.consent, locale),
  }
}

function AppointmentLink({ appointment }: { appointment: Appointment }) {
  // Every role may open the appointment: its page shows each role what that role may see.
  return <Link to={`/staff/bookings/${appointment.bookingId}`}>{appointment.patientName}</Link>
}

/** The line under a service's name: the course session, or that a consultation needs no forms. */
export function serviceNote(a: Appointment, t: Translator<keyof typeof agendaMessages.en>): string {
  return a.isConsultation ? t('consultationNoChecks') : a.course
}

export function ServiceSummary({ appointment: a }: { appointment: Appointment }) {
  const t = useT(agendaMessages)
  return (
    <>
      {a.serviceName}{' '}
      <span className={`badge badge--${a.tier}`}>
        {a.tier === 'medical' ? t('medical') : t('cosmetic')}
      </span>
      <br />
      <span className="muted">{serviceNote(a, t)}</span>
    </>
  )
}

/** Compact appointment cards: the week view's days, and the day view on a phone. */
function AppointmentCards({
  appointments,
  timeZone,
  showPractitioner,
  labelledBy,
}: {
  appointments: Appointment[]
  timeZone: string
  showPractitioner: boolean
  labelledBy: string
}) {
  const t = useT(agendaMessages)
  const locale = useLocale()
  return (
    <ul className="agenda-list" aria-labelledby={labelledBy}>
      {appointments.map((a) => {
        const badges = badgesOf(a, locale)
        return (
          <li key={a.bookingId} className="agenda-item">
            <p className="agenda-item__time">
              {formatTimeInZone(a.startAt, timeZone, locale)}–
              {formatTimeInZone(a.endAt, timeZone, locale)}
            </p>
            <p>
              <AppointmentLink appointment={a} />
              {showPractitioner ? (
                <span className="muted">{t('withPractitioner', { name: a.practitionerName })}</span>
              ) : null}
            </p>
            <p>
              <ServiceSummary appointment={a} />
            </p>
            <p className="cluster agenda-item__badges">
              <BadgeText badge={badges.status} />
              {a.awaitingForms ? (
                <span className="badge badge--warn">{t('awaitingForms')}</span>
              ) : null}
              {a.firstVisit ? (
                <span className="badge badge--neutral">{t('firstVisit')}</span>
              ) : null}
              {badges.screening ? <BadgeText badge={badges.screening} /> : null}
              {badges.consent ? <BadgeText badge={badges.consent} /> : null}
            </p>
          </li>
        )
      })}
    </ul>
  )
}

/** Closures and time off, said before the day's appointments. */
export function DayNotices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null
  return (
    <ul className="agenda-notices">
      {notices.map((notice) => (
        <li key={notice} className="notice">
          {notice}
        </li>
      ))}
    </ul>
  )
}

/**
 * The day view on a phone: one heading per practitioner with that practitioner's cards (the
 * table needs a wide screen; the stylesheet shows one or the other).
 */
export function AgendaDayCards({
  appointments,
  timeZone,
}: {
  appointments: Appointment[]
  timeZone: string
}) {
  return (
    <div className="agenda-day-cards">
      {groupByPractitioner(appointments).map((group) => {
        const headingId = `practitioner-${group.practitionerId}`
        return (
          <section key={group.practitionerId} aria-labelledby={headingId} className="agenda-day">
            <h2 id={headingId}>{group.practitionerName}</h2>
            <AppointmentCards
              appointments={group.appointments}
              timeZone={timeZone}
              showPractitioner={false}
              labelledBy={headingId}
            />
          </section>
        )
      })}
    </div>
  )
}

/** One day of the week view: a heading, what else the day holds, and compact cards. */
export function AgendaWeekDay({
  date,
  appointments,
  notices,
  timeZone,
  showPractitioner,
  isToday,
}: {
  date: string
  appointments: Appointment[]
  notices: string[]
  timeZone: string
  showPractitioner: boolean
  isToday: boolean
}) {
  const headingId = `day-${date}`
  const t = useT(agendaMessages)
  const locale = useLocale()
  return (
    <section aria-labelledby={headingId} className="agenda-day">
      <h2 id={headingId}>
        {isToday
          ? t('weekDayToday', { date: formatCalendarDate(date, locale) })
          : formatCalendarDate(date, locale)}
      </h2>
      <DayNotices notices={notices} />
      {appointments.length === 0 ? (
        <p className="muted">{t('noAppointments')}</p>
      ) : (
        <AppointmentCards
          appointments={appointments}
          timeZone={timeZone}
          showPractitioner={showPractitioner}
          labelledBy={headingId}
        />
      )}
    </section>
  )
}
