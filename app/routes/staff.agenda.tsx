import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import {
  agendaNeighbours,
  type AgendaStatus,
  type Badge,
  consentBadge,
  groupByDay,
  type ScreeningBadge,
  screeningBadge,
  statusBadge,
} from '#app/domain/agenda/agenda.rules.ts'
import { agendaHref, AgendaQuerySchema, type AgendaView } from '#app/domain/agenda/agenda.schema.ts'
import { getAgenda } from '#app/domain/agenda/agenda.server.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { SelectField } from '#app/components/forms/fields.tsx'
import { describeTimeZone, formatCalendarDate, formatTimeInZone } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Agenda | Dermadesk' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['clinician', 'admin'])
  const query = AgendaQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const agenda = getAgenda({
    user,
    view: query.view,
    date: query.date,
    practitioner: query.practitioner,
    ipAddress: context.clientIp ?? null,
    requestId: context.requestId ?? null,
  })
  return { view: query.view, ...agenda }
}

type Appointment = ReturnType<typeof useLoaderData<typeof loader>>['appointments'][number]

function BadgeText({ badge }: { badge: Badge }) {
  return <span className={`badge badge--${badge.tone}`}>{badge.label}</span>
}

function badgesOf(a: {
  status: AgendaStatus
  screening: ScreeningBadge
  openQuestion: boolean
  consent: ConsentStatus
  isConsultation: boolean
}): { status: Badge; screening: Badge | null; consent: Badge | null } {
  return {
    status: statusBadge(a.status),
    // A consultation has neither: say it once, in the service column.
    screening: a.isConsultation ? null : screeningBadge(a.screening, a.openQuestion),
    consent: a.isConsultation ? null : consentBadge(a.consent),
  }
}

function AppointmentLink({ appointment }: { appointment: Appointment }) {
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

function DayTable({
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
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Patient</th>
            <th scope="col">Treatment</th>
            {showPractitioner ? <th scope="col">With</th> : null}
            <th scope="col">Booking</th>
            <th scope="col">Screening</th>
            <th scope="col">Consent</th>
          </tr>
        </thead>
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
                <td>{badges.screening ? <BadgeText badge={badges.screening} /> : '—'}</td>
                <td>{badges.consent ? <BadgeText badge={badges.consent} /> : '—'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function WeekDay({
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

function countText(n: number): string {
  return n === 1 ? '1 appointment' : `${n} appointments`
}

export default function AgendaRoute() {
  const agenda = useLoaderData<typeof loader>()
  const { view, date, today, dates, timeZone, appointments } = agenda
  const practitioner = agenda.chosenPractitioner
  const { previous, next } = agendaNeighbours(view, date)
  const href = (to: { view?: AgendaView; date?: string }) =>
    agendaHref({ view: to.view ?? view, date: to.date ?? date, practitioner })
  const unit = view === 'day' ? 'day' : 'week'
  const groups = groupByDay(appointments, dates, timeZone)
  const chosenName = agenda.practitioners.find((p) => p.id === practitioner)?.name
  const showPractitioner = agenda.canChoosePractitioner && !practitioner
  const title =
    view === 'day'
      ? `${formatCalendarDate(date)}${date === today ? ' (today)' : ''}`
      : `Week of ${formatCalendarDate(dates[0]!)}`
  return (
    <div className="stack">
      <p>
        <Link to="/staff">Staff home</Link>
      </p>
      <h1>Agenda</h1>
      <p className="lead">
        {title}
        {agenda.canChoosePractitioner ? `: ${chosenName ?? 'every practitioner'}` : ''}. Times in{' '}
        {describeTimeZone(timeZone)}.
      </p>

      <nav aria-label="Agenda view and dates" className="agenda-nav">
        <ul className="cluster agenda-nav__list">
          <li>
            <Link
              to={href({ view: 'day' })}
              aria-current={view === 'day' ? 'page' : undefined}
              className="button button--secondary"
            >
              Day
            </Link>
          </li>
          <li>
            <Link
              to={href({ view: 'week' })}
              aria-current={view === 'week' ? 'page' : undefined}
              className="button button--secondary"
            >
              Week
            </Link>
          </li>
          <li>
            <Link to={href({ date: previous })} className="button button--quiet">
              Previous {unit}
            </Link>
          </li>
          <li>
            <Link to={href({ date: today })} className="button button--quiet">
              Today
            </Link>
          </li>
          <li>
            <Link to={href({ date: next })} className="button button--quiet">
              Next {unit}
            </Link>
          </li>
        </ul>
      </nav>

      {agenda.canChoosePractitioner ? (
        <Form
          method="get"
          action="/staff/agenda"
          aria-label="Choose a practitioner"
          className="agenda-filter"
        >
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="date" value={date} />
          <SelectField
            label="Practitioner"
            selectProps={{ name: 'practitioner', defaultValue: practitioner ?? '' }}
          >
            <option value="">Everyone</option>
            {agenda.practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            Show agenda
          </button>
        </Form>
      ) : null}

      {!agenda.hasPractitioner ? (
        <p className="notice">
          Your account has no practitioner profile, so there are no appointments to show. An admin
          links staff accounts to practitioners under Clinic settings.
        </p>
      ) : view === 'day' ? (
        appointments.length === 0 ? (
          <p>No appointments on this day.</p>
        ) : (
          <DayTable
            appointments={appointments}
            timeZone={timeZone}
            showPractitioner={showPractitioner}
            caption={`${countText(appointments.length)}, ${formatCalendarDate(date)}`}
          />
        )
      ) : (
        <>
          <p>{countText(appointments.length)} this week.</p>
          {groups.map((group) => (
            <WeekDay
              key={group.date}
              date={group.date}
              appointments={group.appointments}
              timeZone={timeZone}
              showPractitioner={showPractitioner}
              isToday={group.date === today}
            />
          ))}
        </>
      )}
    </div>
  )
}
