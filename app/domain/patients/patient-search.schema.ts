import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { patientsMessages } from '#app/i18n/messages/index.ts'

/** The search box's limits, also the input's minlength and maxlength. */
export const QUERY_MIN_LENGTH = 2
export const QUERY_MAX_LENGTH = 100

/** The search box of /staff/patients: one schema in the browser and in the loader. */
export function patientSearchSchema(locale: Locale = 'en') {
  const t = translator(patientsMessages, locale)
  return z.object({
    q: z
      .string({ error: t('queryTooShort') })
      .trim()
      .min(QUERY_MIN_LENGTH, { error: t('queryTooShort') })
      .max(QUERY_MAX_LENGTH, { error: t('queryTooLong') }),
  })
}
