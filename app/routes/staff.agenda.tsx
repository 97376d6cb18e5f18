import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AgendaGridTable } from '#app/components/agenda/agenda-grid.tsx'
import { AgendaDayCards, AgendaWeekDay, DayNotices } from '#app/components/agenda/agenda-views.tsx'
import { buildAgendaGrid, type GridColumn } from '#app/domain/agenda/agenda-grid.rules.ts'
import { agendaNeighbours, dayNotices, groupByDay } from '#app/domain/agenda/agenda.rules.ts'
import {
  agendaHref,
  type AgendaLayout,
  AgendaQuerySchema,
  type AgendaView,
} from '#app/domain/agenda/agenda.schema.ts'
import { getAgenda } from '#app/domain/agenda/agenda.server.ts'
import { SelectField } from '#app/components/forms/fields.tsx'
import { describeTimeZone, formatCalendarDate, formatMinutesOfDay } from '#app/utils/format.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { agendaGridMessages, agendaMessages } from '#app/i18n/messages/index.ts'
import { useMediaQuery } from '#app/utils/use-media-query.ts'
import { useTickingNow } from '#app/utils/use-ticking-now.ts'
import { useMemo } from 'react'

/** Where the stylesheet stops showing the grid wide (app/styles, `.agenda-grid-wrap`). */
const PHONE_QUERY = '(max-width: 47.99rem)'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Agenda | Dermadesk' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  const query = AgendaQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const agenda = getAgenda({
    user,
    view: query.view,
    date: query.date,
    practitioner: query.practitioner,
    ipAddress: context.clientIp ?? null,
    requestId: context.requestId ?? null,
    locale,
  })
  return {
    title: translate(agendaMessages, locale, 'title'),
    view: query.view,
    layout: query.layout ?? null,
    ...agenda,
  }
}

export default function AgendaRoute() {
  const agenda = useLoaderData<typeof loader>()
  const t = useT(agendaMessages)
  const tg = useT(agendaGridMessages)
  const locale = useLocale()
  const { view, date, today, dates, timeZone, appointments } = agenda
  const practitioner = agenda.chosenPractitioner
  // One layout per page (ADR 048): the grid, or the list a phone reads. Without a choice in the
  // address a phone gets the list as soon as the page's scripts run; before that, or without
  // them, the grid scrolls sideways under a link to the list.
  const narrow = useMediaQuery(PHONE_QUERY)
  const layout: AgendaLayout = agenda.layout ?? (narrow ? 'list' : 'grid')
  // The line at the current time moves while the page stays open.
  const now = useTickingNow(agenda.now)
  const { previous, next } = agendaNeighbours(view, date)
  const href = (to: { view?: AgendaView; date?: string; layout?: AgendaLayout }) =>
    agendaHref({
      view: to.view ?? view,
      date: to.date ?? date,
      practitioner,
      layout: to.layout ?? agenda.layout,
    })
  const chosenName = agenda.practitioners.find((p) => p.id === practitioner)?.name
  const showPractitioner = agenda.canChoosePractitioner && !practitioner
  const noticesOn = (day: string) =>
    dayNotices(day, agenda.closures, agenda.timeOff, formatMinutesOfDay, locale)
  const title =
    view === 'day'
      ? t(date === today ? 'dayTitleToday' : 'dayTitle', { date: formatCalendarDate(date, locale) })
      : t('weekTitle', { date: formatCalendarDate(dates[0]!, locale) })
  const zone = describeTimeZone(timeZone, locale)
  // The grid: a column per practitioner on a day; one practitioner's days on a week (ADR 043).
  const weekPractitioner = practitioner ?? agenda.scope[0]?.id ?? null
  const weekName = agenda.scope.find((p) => p.id === weekPractitioner)?.name ?? ''
  const headers =
    view === 'day'
      ? agenda.scope.map((p) => ({ key: p.id, label: p.name, name: p.name }))
      : dates.map((d) => ({
          key: d,
          label:
            d === today
              ? t('weekDayToday', { date: formatCalendarDate(d, locale) })
              : formatCalendarDate(d, locale),
          name: weekName,
        }))
  const grid = useMemo(() => {
    if (layout !== 'grid') return null
    const columns: GridColumn[] =
      view === 'day'
        ? agenda.scope.map((p) => ({ key: p.id, date, practitionerId: p.id }))
        : weekPractitioner
          ? dates.map((d) => ({ key: d, date: d, practitionerId: weekPractitioner }))
          : []
    return buildAgendaGrid({
      columns,
      appointments,
      timeZone,
      hours: agenda.hours,
      extraHours: agenda.extraHours,
      closures: agenda.closures,
      timeOff: agenda.timeOff,
      now,
      step: agenda.stepMinutes,
    })
  }, [layout, view, date, dates, weekPractitioner, agenda, appointments, timeZone, now])
  return (
    <div className="stack">
      <p>
        <Link to="/staff">{t('staffHome')}</Link>
      </p>
      <h1>{t('heading')}</h1>
      <p className="lead">
        {agenda.canChoosePractitioner
          ? t('leadWithPractitioner', {
              title,
              practitioner: chosenName ?? t('everyPractitioner'),
              zone,
            })
          : t('lead', { title, zone })}
      </p>

      <nav aria-label={t('viewNav')} className="agenda-nav">
        <ul className="cluster agenda-nav__list">
          <li>
            <Link
              to={href({ view: 'day' })}
              aria-current={view === 'day' ? 'page' : undefined}
              className="button button--secondary"
            >
              {t('day')}
            </Link>
          </li>
          <li>
            <Link
              to={href({ view: 'week' })}
              aria-current={view === 'week' ? 'page' : undefined}
              className="button button--secondary"
            >
              {t('week')}
            </Link>
          </li>
          <li>
            <Link to={href({ date: previous })} className="button button--quiet">
              {view === 'day' ? t('previousDay') : t('previousWeek')}
            </Link>
          </li>
          <li>
            <Link to={href({ date: today })} className="button button--quiet">
              {t('today')}
            </Link>
          </li>
          <li>
            <Link to={href({ date: next })} className="button button--quiet">
              {view === 'day' ? t('nextDay') : t('nextWeek')}
            </Link>
          </li>
        </ul>
      </nav>

      {agenda.canChoosePractitioner ? (
        <Form
          method="get"
          action="/staff/agenda"
          aria-label={t('choosePractitioner')}
          className="agenda-filter"
        >
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="date" value={date} />
          <SelectField
            label={t('practitioner')}
            selectProps={{ name: 'practitioner', defaultValue: practitioner ?? '' }}
          >
            <option value="">{t('everyone')}</option>
            {agenda.practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t('showAgenda')}
          </button>
        </Form>
      ) : null}

      {!agenda.hasPractitioner ? (
        <p className="notice">{t('noPractitionerProfile')}</p>
      ) : (
        <>
          <nav aria-label={tg('layoutNav')} className="agenda-nav">
            <ul className="cluster agenda-nav__list">
              {(['grid', 'list'] as const).map((choice) => (
                <li key={choice}>
                  <Link
                    to={href({ layout: choice })}
                    aria-current={layout === choice ? 'page' : undefined}
                    className="button button--quiet"
                  >
                    {choice === 'grid' ? tg('layoutGrid') : tg('layoutList')}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {layout === 'grid' && !agenda.layout ? (
            <p className="agenda-phone-hint notice">
              {tg('phoneHint')} <Link to={href({ layout: 'list' })}>{tg('layoutList')}</Link>
            </p>
          ) : null}
          {view === 'day' ? (
            <>
              <DayNotices notices={noticesOn(date)} />
              {appointments.length === 0 ? <p>{t('noAppointmentsDay')}</p> : null}
              {grid ? (
                <AgendaGridTable
                  grid={grid}
                  headers={headers}
                  timeZone={timeZone}
                  view="day"
                  caption={tg('dayGridCaption', {
                    count: t('appointmentCount', { count: appointments.length }),
                    date: formatCalendarDate(date, locale),
                  })}
                />
              ) : (
                <AgendaDayCards appointments={appointments} timeZone={timeZone} />
              )}
            </>
          ) : (
            <>
              <p>{t('appointmentsThisWeek', { count: appointments.length })}</p>
              {grid ? (
                <div className="stack">
                  <h2>{tg('weekOf', { name: weekName })}</h2>
                  {agenda.canChoosePractitioner && !practitioner ? (
                    <p>{tg('weekShowing', { name: weekName })}</p>
                  ) : null}
                  <AgendaGridTable
                    grid={grid}
                    headers={headers}
                    timeZone={timeZone}
                    view="week"
                    caption={tg('weekGridCaption', {
                      name: weekName,
                      date: formatCalendarDate(dates[0]!, locale),
                      count: t('appointmentCount', {
                        count: appointments.filter((a) => a.practitionerId === weekPractitioner)
                          .length,
                      }),
                    })}
                  />
                </div>
              ) : (
                <div className="agenda-day-cards">
                  {groupByDay(appointments, dates, timeZone).map((group) => (
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
                </div>
              )}
            </>
          )}
        </>
      )}
    </div>
  )
}
