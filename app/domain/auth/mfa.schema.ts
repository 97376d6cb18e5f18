import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { authMessages } from '#app/i18n/messages/index.ts'
import { PASSWORD_MAX_LENGTH } from './auth.schema.ts'

/**
 * Staff two-factor sign-in with an authenticator app (TOTP), docs/decisions/019-staff-two-factor.md.
 * Client-safe: the forms of /login/verify and /staff/security validate with these in the browser
 * and again in their actions.
 */

/** `pending`: a secret was shown but never confirmed with a code; `active`: confirmed. */
export const MFA_STATUSES = ['pending', 'active'] as const
export type MfaStatus = (typeof MFA_STATUSES)[number]

/** What a session has proved: the password only, or the password and the second factor. */
export const SESSION_AUTH_LEVELS = ['password', 'mfa'] as const
export type SessionAuthLevel = (typeof SESSION_AUTH_LEVELS)[number]

/** How the second factor was passed, for the audit log. */
export const SECOND_FACTOR_METHODS = ['totp', 'recovery_code'] as const
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number]

/** Six digits; spaces people type between the groups are ignored. */
export function totpCodeSchema(locale: Locale = 'en') {
  const message = translator(authMessages, locale)('totpRequired')
  return z
    .string({ error: message })
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, { error: message }))
}
export const TotpCodeSchema = totpCodeSchema()

/** 12 letters and digits, with or without the dashes; checked for shape only here. */
export function recoveryCodeSchema(locale: Locale = 'en') {
  const message = translator(authMessages, locale)('recoveryRequired')
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .max(40, { error: message, abort: true })
    .refine((value) => value.replace(/[\s-]/g, '').length === 12, { error: message })
}
export const RecoveryCodeSchema = recoveryCodeSchema()

const RedirectToSchema = z.string().max(2000).optional()

/**
 * Each form's own fields (what the browser validates), and the action's discriminated union of
 * them with the hidden `intent` (and `redirectTo` on /login/verify).
 */
export function totpCodeFormSchema(locale: Locale = 'en') {
  return z.object({ code: totpCodeSchema(locale) })
}
export const TotpCodeFormSchema = totpCodeFormSchema()
export function recoveryCodeFormSchema(locale: Locale = 'en') {
  return z.object({ recoveryCode: recoveryCodeSchema(locale) })
}
export const RecoveryCodeFormSchema = recoveryCodeFormSchema()

/** /login/verify: a code from the app, or (in a second form) a recovery code. */
export function verifyFormSchema(locale: Locale = 'en') {
  return z.discriminatedUnion('intent', [
    totpCodeFormSchema(locale).extend({
      intent: z.literal('totp'),
      redirectTo: RedirectToSchema,
    }),
    recoveryCodeFormSchema(locale).extend({
      intent: z.literal('recovery'),
      redirectTo: RedirectToSchema,
    }),
  ])
}
export const VerifyFormSchema = verifyFormSchema()

export function currentPasswordFormSchema(locale: Locale = 'en') {
  const t = translator(authMessages, locale)
  return z.object({
    password: z
      .string({ error: t('currentPasswordRequired') })
      .min(1, { error: t('currentPasswordRequired') })
      .max(PASSWORD_MAX_LENGTH, { error: t('passwordTooLong') }),
  })
}
export const CurrentPasswordFormSchema = currentPasswordFormSchema()

/** /staff/security: start, confirm with a code, new recovery codes, turn off. */
export function securityActionSchema(locale: Locale = 'en') {
  return z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('start') }),
    totpCodeFormSchema(locale).extend({ intent: z.literal('confirm') }),
    currentPasswordFormSchema(locale).extend({ intent: z.literal('regenerate') }),
    currentPasswordFormSchema(locale).extend({ intent: z.literal('disable') }),
  ])
}
export const SecurityActionSchema = securityActionSchema()
export type SecurityIntent = z.infer<typeof SecurityActionSchema>['intent']
