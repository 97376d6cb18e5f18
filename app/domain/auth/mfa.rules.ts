import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { authMessages } from '#app/i18n/messages/index.ts'
import { type SessionAuthLevel } from './mfa.schema.ts'
import { type ThrottleLimits } from './throttle.rules.ts'

/**
 * Pure rules of staff two-factor sign-in (security goals A5, A6; docs/decisions/019-staff-two-factor.md).
 * Randomness and crypto live in mfa-secrets.server.ts; these functions only shape and compare.
 */

/**
 * RFC 6238 defaults, which every authenticator app supports: SHA-1, 6 digits, 30-second steps.
 * A code is accepted one step either side of now (clock drift), so for at most about 90 s, and
 * only once (the last accepted step is stored per user).
 */
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
export const TOTP_ALGORITHM = 'SHA-1'
export const TOTP_WINDOW_STEPS = 1
/** 160-bit seeds, as RFC 4226 recommends (ASVS v5 6.5.3 asks for a CSPRNG and 128 bits or more). */
export const TOTP_SECRET_BYTES = 20

export const RECOVERY_CODE_COUNT = 10
/** 12 symbols of 5 bits each: 60 random bits per code, hashed with argon2id at rest. */
export const RECOVERY_CODE_LENGTH = 12
/** Crockford's base32: no I, L, O or U, so nothing is misread when copied from paper. */
export const RECOVERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 5 wrong codes within 5 minutes block the second step for that user for 15 minutes. */
export const MFA_THROTTLE: ThrottleLimits = {
  maxFailures: 5,
  windowMs: 5 * 60_000,
  blockMs: 15 * 60_000,
}

export function mfaThrottleKey(userId: string): string {
  return `mfa:${userId}`
}

/** The TOTP time step (counter) an instant falls in. */
export function totpStepAt(epochMs: number, periodSeconds = TOTP_PERIOD_SECONDS): number {
  return Math.floor(epochMs / 1000 / periodSeconds)
}

/** A code's step may be used only if no code of this or a later step was accepted before. */
export function isUnusedStep(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep === null || step > lastUsedStep
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding: the form authenticator apps expect a secret in. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let output = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31]
  return output
}

/** "JBSW Y3DP EHPK 3PXP" for typing the secret into an app by hand. */
export function groupForReading(text: string, size = 4): string {
  return (text.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ')
}

/**
 * A recovery code from 12 random bytes: each byte's low 5 bits pick a symbol (256 is a multiple
 * of 32, so every symbol is equally likely). Shown as XXXX-XXXX-XXXX.
 */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_CODE_LENGTH)
    throw new RangeError(`A recovery code needs ${RECOVERY_CODE_LENGTH} random bytes`)
  const symbols = Array.from(bytes, (byte) => RECOVERY_CODE_ALPHABET[byte & 31]).join('')
  return groupForReading(symbols).replace(/ /g, '-')
}

/**
 * What someone typed, in the canonical form that was hashed: upper case, no spaces or dashes,
 * and the letters people confuse with digits read as those digits. Null when it cannot be a code.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const canonical = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (canonical.length !== RECOVERY_CODE_LENGTH) return null
  for (const symbol of canonical) if (!RECOVERY_CODE_ALPHABET.includes(symbol)) return null
  return canonical
}

/** Where a staff session may go, from what it proved and what the user has set up. */
export type StaffAccess = 'full' | 'needs-second-factor' | 'needs-enrolment'

export function staffAccess(input: {
  authLevel: SessionAuthLevel
  mfaEnrolled: boolean
  mfaRequired: boolean
}): StaffAccess {
  if (input.mfaEnrolled) return input.authLevel === 'mfa' ? 'full' : 'needs-second-factor'
  // Required but not set up: only the enrolment page until it is (whatever the session proved,
  // because turning two-factor off must not leave a full session behind).
  if (input.mfaRequired) return 'needs-enrolment'
  return 'full'
}

/** The text file offered for download with a fresh set of recovery codes. */
export function recoveryCodesDocument(
  input: {
    codes: string[]
    accountEmail: string
    clinicName: string
    createdAt: string
  },
  locale: Locale = 'en',
): string {
  const t = translator(authMessages, locale)
  return [
    t('codesFileTitle', { clinic: input.clinicName, email: input.accountEmail }),
    t('codesFileCreated', { createdAt: input.createdAt }),
    '',
    t('codesFileEachCode'),
    t('codesFileKeep'),
    '',
    ...input.codes.map((code, index) => `${String(index + 1).padStart(2, ' ')}. ${code}`),
    '',
  ].join('\n')
}
