import * as z from 'zod'
import { isoDateSchema } from '#app/domain/shared/fields.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { reportsMessages } from '#app/i18n/messages/index.ts'
import { REPORT_PERIODS } from './reports.rules.ts'

/** The report's period form (a GET): a week or month, and any day in it (today when empty). */
export function reportQuerySchema(locale: Locale = 'en') {
  const t = translator(reportsMessages, locale)
  return z.object({
    period: z.enum(REPORT_PERIODS, { error: t('badPeriod') }).default('month'),
    date: z.union([z.literal('').transform(() => undefined), isoDateSchema(locale)]).optional(),
  })
}
