import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { Field, SelectField } from '#app/components/forms/fields.tsx'
import { BarChart } from '#app/components/reports/bar-chart.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getClinicDay } from '#app/domain/clinic/clinic.server.ts'
import {
  neighbourPeriod,
  periodContaining,
  type PeriodRange,
  REPORT_PERIODS,
} from '#app/domain/reports/reports.rules.ts'
import { reportQuerySchema } from '#app/domain/reports/reports.schema.ts'
import { getClinicReport } from '#app/domain/reports/reports.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { reportsMessages } from '#app/i18n/messages/index.ts'
import { formatCalendarDate, formatMonth, formatPercent } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

function periodName(range: PeriodRange, locale: Locale): string {
  return range.period === 'week'
    ? translate(reportsMessages, locale, 'periodWeek', {
        date: formatCalendarDate(range.from, locale),
      })
    : translate(reportsMessages, locale, 'periodMonth', { month: formatMonth(range.from, locale) })
}

const queryOf = (range: PeriodRange) => `period=${range.period}&date=${range.from}`

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const title = translate(reportsMessages, locale, 'title')
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = reportQuerySchema(locale).safeParse(params)
  if (!parsed.success) {
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
    return data(
      { title, values: params, errors, report: null, name: '', query: '', nav: null },
      { status: 400 },
    )
  }
  const range = periodContaining(parsed.data.period, parsed.data.date ?? getClinicDay().date)
  const report = getClinicReport(range, locale)
  const before = neighbourPeriod(range, -1)
  const after = neighbourPeriod(range, 1)
  return {
    title,
    values: { period: range.period, date: range.from },
    errors: {} as Record<string, string>,
    name: periodName(range, locale),
    query: queryOf(range),
    nav: { previous: queryOf(before), next: queryOf(after) },
    report: {
      totals: report.totals,
      practitioners: report.practitioners.map((p) => ({
        ...p,
        share: p.utilisation === null ? null : formatPercent(p.utilisation, locale),
      })),
      services: report.services,
      courses: report.courses,
    },
  }
}

export default function ReportsRoute() {
  const { values, errors, report, name, query, nav } = useLoaderData<typeof loader>()
  const t = useT(reportsMessages)
  const period = values.period === 'week' ? 'week' : 'month'
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('heading')}</h1>
      <p className="lead">{t('intro')}</p>
      <Form method="get" className="cluster">
        <SelectField
          label={t('periodLabel')}
          error={errors.period}
          selectProps={{ name: 'period', defaultValue: period }}
        >
          {REPORT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('dateLabel')}
          error={errors.date}
          inputProps={{ name: 'date', type: 'date', defaultValue: values.date ?? '' }}
        />
        <p>
          <button type="submit" className="button">
            {t('show')}
          </button>
        </p>
      </Form>
      {report && nav ? (
        <>
          <h2>{name}</h2>
          <ul className="cluster">
            <li>
              <Link to={`?${nav.previous}`}>{t('previous', { period })}</Link>
            </li>
            <li>
              <Link to={`?${nav.next}`}>{t('next', { period })}</Link>
            </li>
            <li>
              <a href={`/admin/reports.csv?${query}`} download>
                {t('download')}
              </a>
            </li>
          </ul>
          {report.totals.bookings === 0 ? <p>{t('nothingBooked')}</p> : null}

          <section aria-labelledby="totals-heading">
            <h3 id="totals-heading">{t('totalsHeading')}</h3>
            <dl className="details">
              <dt>{t('bookings')}</dt>
              <dd>{report.totals.bookings}</dd>
              <dt>{t('completed')}</dt>
              <dd>{report.totals.completed}</dd>
              <dt>{t('noShows')}</dt>
              <dd>{report.totals.noShows}</dd>
              <dt>{t('cancelled')}</dt>
              <dd>{report.totals.cancelled}</dd>
              <dt>{t('lateCancellations')}</dt>
              <dd>{report.totals.lateCancellations}</dd>
            </dl>
          </section>

          <section aria-labelledby="utilisation-heading" className="stack">
            <h3 id="utilisation-heading">{t('utilisationHeading')}</h3>
            <BarChart
              caption={t('utilisationCaption')}
              max={1}
              bars={report.practitioners.map((p) => ({
                label: p.name,
                parts: [{ value: p.utilisation ?? 0, tone: 'neutral' }],
                text: p.share ?? t('utilisationNone'),
              }))}
            />
            <div className="table-wrap">
              <table>
                <TableHead
                  columns={[
                    t('columnPractitioner'),
                    t('columnOpenHours'),
                    t('columnBookedHours'),
                    t('columnUtilisation'),
                  ]}
                />
                <tbody>
                  {report.practitioners.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.name}</th>
                      <td>{t('hours', { hours: p.openMinutes / 60 })}</td>
                      <td>{t('hours', { hours: p.counts.bookedMinutes / 60 })}</td>
                      <td>{p.share ?? t('utilisationNone')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="outcomes-heading" className="stack">
            <h3 id="outcomes-heading">{t('outcomesHeading')}</h3>
            <BarChart
              caption={t('outcomesCaption')}
              max={Math.max(1, ...report.practitioners.map((p) => p.counts.bookings))}
              bars={report.practitioners.map((p) => ({
                label: p.name,
                parts: [
                  { value: p.counts.completed, tone: 'ok' },
                  { value: p.counts.noShows, tone: 'bad' },
                  { value: p.counts.cancelled, tone: 'warn' },
                  {
                    value:
                      p.counts.bookings -
                      p.counts.completed -
                      p.counts.noShows -
                      p.counts.cancelled,
                    tone: 'neutral',
                  },
                ],
                text: t('outcomeBar', {
                  done: p.counts.completed,
                  missed: p.counts.noShows,
                  cancelled: p.counts.cancelled,
                  bookings: p.counts.bookings,
                }),
              }))}
            />
            <CountsTable
              heading={t('columnPractitioner')}
              rows={report.practitioners.map((p) => ({ id: p.id, name: p.name, counts: p.counts }))}
            />
          </section>

          <section aria-labelledby="services-heading" className="stack">
            <h3 id="services-heading">{t('byServiceHeading')}</h3>
            <CountsTable heading={t('columnService')} rows={report.services} />
          </section>

          <section aria-labelledby="courses-heading" className="stack">
            <h3 id="courses-heading">{t('coursesHeading')}</h3>
            <p>{t('coursesIntro')}</p>
            <ul>
              {report.courses.map((course) => (
                <li key={course.tier}>
                  {t('courseLine', {
                    tier: course.tier,
                    reached: course.reachedMinimum,
                    started: course.started,
                    minimum: course.minimum,
                  })}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  )
}

type Counts = {
  bookings: number
  completed: number
  noShows: number
  cancelled: number
  lateCancellations: number
}

function CountsTable({
  heading,
  rows,
}: {
  heading: string
  rows: { id: string; name: string; counts: Counts }[]
}) {
  const t = useT(reportsMessages)
  return (
    <div className="table-wrap">
      <table>
        <TableHead
          columns={[
            heading,
            t('bookings'),
            t('completed'),
            t('noShows'),
            t('cancelled'),
            t('lateCancellations'),
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td>{row.counts.bookings}</td>
              <td>{row.counts.completed}</td>
              <td>{row.counts.noShows}</td>
              <td>{row.counts.cancelled}</td>
              <td>{row.counts.lateCancellations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
