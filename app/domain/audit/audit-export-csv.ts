import { csvLine } from '#app/domain/reports/reports.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { auditMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone, formatTimeWithSecondsInZone } from '#app/utils/format.ts'
import { type AuditExportWindow } from './audit-export.schema.ts'
import type { AuditExportRow } from './audit-export.server.ts'

/**
 * The breach-check export as a spreadsheet (docs/breach-response.md): a header row in the
 * reader's language, then one row per audit entry with its instant in UTC and in the clinic's
 * zone, and the action's name beside its code. Starts with a byte-order mark, so spreadsheet
 * programs read the accents as UTF-8.
 */
export function auditExportCsv(input: {
  rows: AuditExportRow[]
  window: AuditExportWindow
  timeZone: string
  locale: Locale
}): { filename: string; body: string } {
  const { rows, timeZone, locale } = input
  const t = translator(auditMessages, locale)
  const actionName = (code: string) => {
    const key = `action.${code}`
    return Object.hasOwn(auditMessages.en, key) ? t(key as Parameters<typeof t>[0]) : ''
  }
  const lines = [
    csvLine([
      t('csv.seq'),
      t('csv.at'),
      t('csv.localTime', { zone: timeZone }),
      t('csv.actorType'),
      t('csv.actorId'),
      t('csv.actorName'),
      t('csv.actorEmail'),
      t('csv.actorRoles'),
      t('csv.action'),
      t('csv.actionName'),
      t('csv.subjectType'),
      t('csv.subjectId'),
      t('csv.patientId'),
      t('csv.requestId'),
      t('csv.ip'),
    ]),
    ...rows.map((row) =>
      csvLine([
        row.seq,
        row.occurredAt.toISOString(),
        `${formatDateInZone(row.occurredAt, timeZone, locale)} ${formatTimeWithSecondsInZone(row.occurredAt, timeZone)}`,
        row.actorType,
        row.actorId ?? '',
        row.actorName ?? '',
        row.actorEmail ?? '',
        row.actorRoles.join(' '),
        row.action,
        actionName(row.action),
        row.subjectType ?? '',
        row.subjectId ?? '',
        row.patientId ?? '',
        row.requestId ?? '',
        row.ipAddress ?? '',
      ]),
    ),
  ]
  return {
    filename: `dermadesk-audit-${input.window.from}-to-${input.window.to}.csv`,
    body: `\uFEFF${lines.join('\r\n')}\r\n`,
  }
}
