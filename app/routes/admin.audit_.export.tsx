import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { auditExportSchema } from '#app/domain/audit/audit-export.schema.ts'
import { auditExportCsv } from '#app/domain/audit/audit-export-csv.ts'
import { exportAuditWindow } from '#app/domain/audit/audit-export.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { auditMessages } from '#app/i18n/messages/index.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

// The audit of a time window as a spreadsheet, for a breach assessment (issue 19 item 6,
// docs/breach-response.md). Admins only; the export is itself audited. Ids, names, roles, IP
// and request id; never the entries' details. No window at all: the form on /admin/audit.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request, user)
  const t = translator(auditMessages, locale)
  const query = new URL(request.url).searchParams
  if (!query.has('from') && !query.has('to')) throw redirect('/admin/audit')
  const parsed = auditExportSchema(locale).safeParse(Object.fromEntries(query))
  if (!parsed.success)
    return new Response(
      t('exportRefused', { message: parsed.error.issues.map((issue) => issue.message).join(' ') }),
      {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      },
    )
  const window = parsed.data
  const { rows, timeZone } = exportAuditWindow({ window, actor: auditActorOf(user, context) })
  const csv = auditExportCsv({ rows, window, timeZone, locale })
  return new Response(csv.body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csv.filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
