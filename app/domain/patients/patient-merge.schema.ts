import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { patientsMessages } from '#app/i18n/messages/index.ts'

const PATIENT_ID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/

/**
 * The merge's confirmation (/staff/patients/<survivor>/merge): the duplicate chosen from the
 * search. One schema for the page's `?duplicate=` and for the form that confirms.
 */
export function patientMergeSchema(locale: Locale = 'en') {
  const t = translator(patientsMessages, locale)
  return z.object({
    duplicateId: z
      .string({ error: t('mergeChooseRecord') })
      .trim()
      .regex(PATIENT_ID, { error: t('mergeChooseRecord') }),
  })
}
