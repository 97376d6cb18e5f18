import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { formsMessages } from '#app/i18n/messages/index.ts'
import { type PhoneCountry, toE164 } from './phone.rules.ts'

/**
 * Field schemas shared by every form, each with a human message (zod's defaults are technical)
 * in the page's language (forms catalogue); the constants are the English ones.
 * Everything here is client-safe: it runs in the browser through react-hook-form and again on
 * the server in the action.
 */

/** An email address, stored lower-case; messages in the page's language. */
export function emailSchema(locale: Locale = 'en') {
  const t = translator(formsMessages, locale)
  return (
    z
      .string({ error: t('emailRequired') })
      .trim()
      .min(1, { error: t('emailRequired') })
      .max(254, { error: t('emailTooLong') })
      .pipe(z.email({ error: t('emailInvalid') }))
      // Stored lower-case so that one person cannot appear twice with different capitalisation.
      .transform((value) => value.toLowerCase())
  )
}
export const EmailSchema = emailSchema()

/** A person's full name; messages in the page's language. */
export function personNameSchema(locale: Locale = 'en') {
  const t = translator(formsMessages, locale)
  return (
    z
      .string({ error: t('nameRequired') })
      .trim()
      .min(2, { error: t('nameRequired') })
      .max(120, { error: t('nameTooLong') })
      // Letters from any alphabet, spaces, apostrophes, hyphens and dots ("Anne-Marie O'Neil Jr.").
      .regex(/^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u, { error: t('nameCharacters') })
  )
}
export const PersonNameSchema = personNameSchema()

/**
 * A phone number typed by a person, stored in E.164. Numbers without a country code are read as
 * numbers of the clinic's country (phoneCountryOf), so the schema is made per clinic.
 */
export function phoneSchema(defaultCountry: PhoneCountry | undefined, locale: Locale = 'en') {
  const t = translator(formsMessages, locale)
  const example =
    defaultCountry === 'IT'
      ? t('phoneExampleItaly', { mobile: '333 123 4567', landline: '+39 02 1234 5678' })
      : PHONE_EXAMPLE
  return z
    .string({ error: t('phoneRequired') })
    .trim()
    .min(1, { error: t('phoneRequired') })
    .max(40, { error: t('phoneTooLong') })
    .transform((value, ctx) => {
      const e164 = toE164(value, defaultCountry)
      if (e164) return e164
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: t(defaultCountry ? 'phoneInvalid' : 'phoneWithCountryCode', { example }),
      })
      return z.NEVER
    })
}

/** A number written with its country code, as the examples beside phone fields show it. */
export const PHONE_EXAMPLE = '+39 333 123 4567'

/** A calendar date typed by a person, as YYYY-MM-DD (what <input type="date"> posts). */
export function isoDateSchema(locale: Locale = 'en') {
  const t = translator(formsMessages, locale)
  return z
    .string({ error: t('dateRequired') })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: t('dateFormat') })
    .refine((value) => isRealCalendarDate(value), { error: t('dateNotReal') })
}
export const IsoDateSchema = isoDateSchema()

export function isRealCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * An HTML checkbox posts "on" when ticked and nothing at all when not. Optional, so that a missing
 * key inside an object means "not ticked" (zod 4 otherwise reports a technical "nonoptional").
 */
export const CheckboxSchema = z
  .union([z.literal('on'), z.literal('true'), z.boolean()])
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === true)
