import * as z from 'zod'
import { translate } from '#app/i18n/catalogue.ts'
import { type Locale, LOCALES } from '#app/i18n/locales.ts'
import { staffMessages } from '#app/i18n/messages/index.ts'

/** A staff member's profile form: the language of their pages and emails. */
export const staffProfileSchema = (locale: Locale = 'en') =>
  z.object({
    locale: z.enum(LOCALES, { error: translate(staffMessages, locale, 'profileLanguageRequired') }),
  })
export type StaffProfileInput = z.infer<ReturnType<typeof staffProfileSchema>>

/**
 * The staff language switch (a small form in the header): the language, and the page to go back
 * to. Never refused: a missing or unknown language changes nothing and goes back.
 */
export const languageSwitchSchema = z.object({
  to: z.enum(LOCALES).optional().catch(undefined),
  redirectTo: z.string().max(2000).optional().catch(undefined),
})
