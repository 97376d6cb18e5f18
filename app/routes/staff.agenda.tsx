import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import {
  AgendaDayCards,
  AgendaDayTable,
  AgendaWeekDay,
  appointmentCount,
  DayNotices,
  OpenRecordsContext,
} from '#app/components/agenda/agenda-views.tsx'
import { agendaNeighbours, dayNotices, groupByDay } from '#app/domain/agenda/agenda.rules.ts'
import { agendaHref, AgendaQuerySchema, type AgendaView } from '#app/domain/agenda/agenda.schema.ts'
import { getAgenda } from '#app/domain/agenda/agenda.server.ts'
import { SelectField } from '#app/components/forms/fields.tsx'
import { describeTimeZone, formatCalendarDate, formatMinutesOfDay } from '#app/utils/format.ts'
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
  return { view: query.view, canOpenRecords: user.roles.includes('clinician'), ...agenda }
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
  const noticesOn = (day: string) =>
    dayNotices(day, agenda.closures, agenda.timeOff, formatMinutesOfDay)
  const title =
    view === 'day'
      ? `${formatCalendarDate(date)}${date === today ? ' (today)' : ''}`
      : `Week of ${formatCalendarDate(dates[0]!)}`
  return (
    <OpenRecordsContext.Provider value={agenda.canOpenRecords}>
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
          <>
            <DayNotices notices={noticesOn(date)} />
            {appointments.length === 0 ? (
              <p>No appointments on this day.</p>
            ) : (
              <>
                <AgendaDayTable
                  appointments={appointments}
                  timeZone={timeZone}
                  showPractitioner={showPractitioner}
                  caption={`${appointmentCount(appointments.length)}, ${formatCalendarDate(date)}`}
                />
                <AgendaDayCards appointments={appointments} timeZone={timeZone} />
              </>
            )}
          </>
        ) : (
          <>
            <p>{appointmentCount(appointments.length)} this week.</p>
            {groups.map((group) => (
              <AgendaWeekDay
                key={group.date}
                date={group.date}
                appointments={group.appointments}
                notices={noticesOn(group.date)}
                timeZone={timeZone}
                showPractitioner={showPractitioner}
                isToday={group.date === today}
              />
            ))}
          </>
        )}
      </div>
    </OpenRecordsContext.Provider>
  )
}
