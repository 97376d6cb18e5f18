import * as z from 'zod'
import { PASSWORD_MAX_LENGTH } from '#app/domain/auth/auth.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { tabletMessages } from '#app/i18n/messages/index.ts'

/** The staff button "Hand the tablet to the patient" (a form with no field to fill). */
export const handOverSchema = z.object({ intent: z.literal('hand-over') })

/** The unlock form on the tablet's lock screen: the staff member's own password. */
export function tabletUnlockSchema(locale: Locale = 'en') {
  const missing = translator(tabletMessages, locale)('passwordMissing')
  return z.object({
    password: z
      .string({ error: missing })
      .min(1, { error: missing })
      .max(PASSWORD_MAX_LENGTH, { error: missing }),
  })
}
export const TabletUnlockSchema = tabletUnlockSchema()
