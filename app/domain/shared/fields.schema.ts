import * as z from 'zod'
import { type PhoneCountry, toE164 } from './phone.rules.ts'

/**
 * Field schemas shared by every form, each with a human message (zod's defaults are technical).
 * Everything here is client-safe: it runs in the browser through react-hook-form and again on
 * the server in the action.
 */

export const EmailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, { error: 'Enter your email address.' })
  .max(254, { error: 'That email address is too long.' })
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }))
  // Stored lower-case so that one person cannot appear twice with different capitalisation.
  .transform((value) => value.toLowerCase())

export const PersonNameSchema = z
  .string({ error: 'Enter your full name.' })
  .trim()
  .min(2, { error: 'Enter your full name.' })
  .max(120, { error: 'Use at most 120 characters.' })
  // Letters from any alphabet, spaces, apostrophes, hyphens and dots ("Anne-Marie O'Neil Jr.").
  .regex(/^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u, {
    error: 'Use letters, spaces, apostrophes and hyphens only.',
  })

/**
 * A phone number typed by a person, stored in E.164. Numbers without a country code are read as
 * numbers of the clinic's country (phoneCountryOf), so the schema is made per clinic.
 */
export function phoneSchema(defaultCountry: PhoneCountry | undefined) {
  const example = defaultCountry === 'IT' ? '333 123 4567 or +39 02 1234 5678' : '+39 333 123 4567'
  return z
    .string({ error: 'Enter your phone number.' })
    .trim()
    .min(1, { error: 'Enter your phone number.' })
    .max(40, { error: 'That phone number is too long.' })
    .transform((value, ctx) => {
      const e164 = toE164(value, defaultCountry)
      if (e164) return e164
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: defaultCountry
          ? `Enter a phone number we can call, for example ${example}.`
          : `Enter your phone number with its country code, for example ${example}.`,
      })
      return z.NEVER
    })
}

/** A calendar date typed by a person, as YYYY-MM-DD (what <input type="date"> posts). */
export const IsoDateSchema = z
  .string({ error: 'Enter a date.' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a date like 1990-04-25.' })
  .refine((value) => isRealCalendarDate(value), { error: 'That date does not exist.' })

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
