import { type LoaderFunctionArgs } from '@remix-run/node'
import { getClinicDay } from '#app/domain/clinic/clinic.server.ts'
import { csvLine, periodContaining } from '#app/domain/reports/reports.rules.ts'
import { reportQuerySchema } from '#app/domain/reports/reports.schema.ts'
import { getClinicReport } from '#app/domain/reports/reports.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { reportsMessages } from '#app/i18n/messages/index.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

// The report as a spreadsheet: one row per practitioner and service, then one per practitioner
// with their open and booked minutes. Counts only, no patient; headings in the page's language.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const parsed = reportQuerySchema(locale).safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  if (!parsed.success)
    return new Response(parsed.error.issues[0]?.message ?? 'Bad request', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  const range = periodContaining(parsed.data.period, parsed.data.date ?? getClinicDay().date)
  const report = getClinicReport(range, locale)
  const t = translator(reportsMessages, locale)
  const countHeadings = [
    t('csv.bookings'),
    t('csv.completed'),
    t('csv.noShows'),
    t('csv.cancelled'),
    t('csv.lateCancellations'),
    t('csv.bookedMinutes'),
  ]
  const countsOf = (c: (typeof report)['totals']) => [
    c.bookings,
    c.completed,
    c.noShows,
    c.cancelled,
    c.lateCancellations,
    c.bookedMinutes,
  ]
  const lines = [
    csvLine([t('csv.practitioner'), t('csv.service'), ...countHeadings]),
    ...report.pairs.map((pair) =>
      csvLine([pair.practitionerName, pair.serviceName, ...countsOf(pair.counts)]),
    ),
    csvLine([t('csv.total'), t('csv.total'), ...countsOf(report.totals)]),
    '',
    csvLine([
      t('csv.practitioner'),
      t('csv.openMinutes'),
      t('csv.bookedMinutes'),
      t('csv.utilisation'),
    ]),
    ...report.practitioners.map((p) =>
      csvLine([
        p.name,
        p.openMinutes,
        p.counts.bookedMinutes,
        p.utilisation === null ? '' : p.utilisation.toFixed(3),
      ]),
    ),
  ]
  // A byte-order mark, so spreadsheet programs read the accents as UTF-8.
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="dermadesk-report-${range.period}-${range.from}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
