import * as z from 'zod'
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

const TOTP_MESSAGE = 'Enter the 6-digit code from your authenticator app.'
const RECOVERY_MESSAGE = 'Enter a recovery code like 7KQ4-M2XD-9PFA.'

/** Six digits; spaces people type between the groups are ignored. */
export const TotpCodeSchema = z
  .string({ error: TOTP_MESSAGE })
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: TOTP_MESSAGE }))

/** 12 letters and digits, with or without the dashes; checked for shape only here. */
export const RecoveryCodeSchema = z
  .string({ error: RECOVERY_MESSAGE })
  .trim()
  .min(1, { error: RECOVERY_MESSAGE, abort: true })
  .max(40, { error: RECOVERY_MESSAGE, abort: true })
  .refine((value) => value.replace(/[\s-]/g, '').length === 12, { error: RECOVERY_MESSAGE })

const RedirectToSchema = z.string().max(2000).optional()

/**
 * Each form's own fields (what the browser validates), and the action's discriminated union of
 * them with the hidden `intent` (and `redirectTo` on /login/verify).
 */
export const TotpCodeFormSchema = z.object({ code: TotpCodeSchema })
export const RecoveryCodeFormSchema = z.object({ recoveryCode: RecoveryCodeSchema })

/** /login/verify: a code from the app, or (in a second form) a recovery code. */
export const VerifyFormSchema = z.discriminatedUnion('intent', [
  TotpCodeFormSchema.extend({ intent: z.literal('totp'), redirectTo: RedirectToSchema }),
  RecoveryCodeFormSchema.extend({ intent: z.literal('recovery'), redirectTo: RedirectToSchema }),
])

export const CurrentPasswordFormSchema = z.object({
  password: z
    .string({ error: 'Enter your current password.' })
    .min(1, { error: 'Enter your current password.' })
    .max(PASSWORD_MAX_LENGTH, { error: 'That password is too long.' }),
})

/** /staff/security: start, confirm with a code, new recovery codes, turn off. */
export const SecurityActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('start') }),
  TotpCodeFormSchema.extend({ intent: z.literal('confirm') }),
  CurrentPasswordFormSchema.extend({ intent: z.literal('regenerate') }),
  CurrentPasswordFormSchema.extend({ intent: z.literal('disable') }),
])
export type SecurityIntent = z.infer<typeof SecurityActionSchema>['intent']
