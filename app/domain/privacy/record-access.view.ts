import { translator } from '#app/i18n/catalogue.ts'
import { INTL_LOCALES, type Locale } from '#app/i18n/locales.ts'
import { auditMessages, privacyMessages } from '#app/i18n/messages/index.ts'
import { describeTimeZone, formatDateAndTime, formatDateInZone } from '#app/utils/format.ts'
import { type RecordAccessReport } from './record-access.server.ts'

/** One row of the list as the page shows it, in the reader's language. */
export type RecordAccessRow = {
  key: string
  when: string
  iso: string
  who: string
  role: string
  what: string
  record: string
}

export type RecordAccessView = {
  rows: RecordAccessRow[]
  since: string
  truncated: boolean
  limit: number
}

/**
 * The report in words: who by name, their roles, when in the clinic's zone, and the names the
 * admin audit log uses for each action and record type (audit catalogue). Codes without a name
 * read as "other use of your record": nothing of the stored details is shown.
 */
export function describeRecordAccess(report: RecordAccessReport, locale: Locale): RecordAccessView {
  const t = translator(privacyMessages, locale)
  const audit = translator(auditMessages, locale)
  const named = (key: string, fallback: string) =>
    Object.hasOwn(auditMessages.en, key) ? audit(key as Parameters<typeof audit>[0]) : fallback
  const list = new Intl.ListFormat(INTL_LOCALES[locale].dates, { type: 'conjunction' })
  return {
    since: t('since', {
      date: formatDateInZone(report.since, report.timeZone, locale),
      zone: describeTimeZone(report.timeZone, locale),
    }),
    truncated: report.truncated,
    limit: report.limit,
    rows: report.entries.map((entry) => ({
      key: String(entry.seq),
      iso: entry.at.toISOString(),
      when: formatDateAndTime(entry.at, report.timeZone, locale),
      who: entry.staffName ?? t('formerStaff'),
      role: entry.roles.length
        ? list.format(entry.roles.map((role) => t('role', { role })))
        : t('noRole'),
      what: named(`action.${entry.action}`, t('otherAction')),
      record: entry.subjectType
        ? named(`record.${entry.subjectType}`, t('otherRecord'))
        : t('otherRecord'),
    })),
  }
}
