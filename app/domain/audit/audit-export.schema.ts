import * as z from 'zod'
import { addDays } from '#app/domain/shared/calendar.rules.ts'
import { isoDateSchema, isRealCalendarDate } from '#app/domain/shared/fields.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { auditMessages } from '#app/i18n/messages/index.ts'

/** The longest window one export covers, both days included (docs/breach-response.md). */
export const AUDIT_EXPORT_MAX_DAYS = 31

/**
 * The window of /admin/audit/export: two calendar days in the clinic's zone, both included, at
 * most 31 days. Checked in the browser (react-hook-form) and again by the export route.
 */
export function auditExportSchema(locale: Locale = 'en') {
  const t = translator(auditMessages, locale)
  const day = (required: string) =>
    z.string({ error: required }).trim().min(1, { error: required }).pipe(isoDateSchema(locale))
  return z
    .object({ from: day(t('exportFromRequired')), to: day(t('exportToRequired')) })
    .refine((window) => !bothDays(window) || window.from <= window.to, {
      error: t('exportEndBeforeStart'),
      path: ['to'],
    })
    .refine(
      (window) =>
        !bothDays(window) ||
        window.from > window.to ||
        window.to <= addDays(window.from, AUDIT_EXPORT_MAX_DAYS - 1),
      {
        error: t('exportTooLong'),
        path: ['to'],
      },
    )
}

/** The window's checks run once both days are real dates (each field reports its own problem). */
function bothDays(window: { from: string; to: string }): boolean {
  return [window.from, window.to].every(
    (day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && isRealCalendarDate(day),
  )
}
export type AuditExportWindow = z.output<ReturnType<typeof auditExportSchema>>
