import { describeWait } from '#app/domain/limits/limits.rules.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { verifyMessages } from '#app/i18n/messages/index.ts'

/** Email codes: 6 digits, valid 10 minutes, 5 tries (issue: booking step "verify"). */
export const CODE_VALID_MINUTES = 10
export const CODE_MAX_ATTEMPTS = 5

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'no-code' | 'expired' | 'too-many-attempts' }
  | { ok: false; reason: 'wrong-code'; attemptsLeft: number }
  /** Too many wrong codes for this address, booking or client: limits.rules.ts. */
  | { ok: false; reason: 'limited'; retryAfterSeconds: number }

/** What to say about a code, given its state (the comparison itself is done by the caller). */
export function judgeCode(
  code: { expiresAt: number; failedAttempts: number; consumedAt: number | null } | undefined,
  matches: boolean,
  now: number,
): CodeCheck {
  if (!code || code.consumedAt !== null) return { ok: false, reason: 'no-code' }
  if (code.failedAttempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: 'too-many-attempts' }
  if (now >= code.expiresAt) return { ok: false, reason: 'expired' }
  if (matches) return { ok: true }
  const attemptsLeft = CODE_MAX_ATTEMPTS - code.failedAttempts - 1
  return attemptsLeft > 0
    ? { ok: false, reason: 'wrong-code', attemptsLeft }
    : { ok: false, reason: 'too-many-attempts' }
}

/** The message beside the code field, in the page's language. */
export function describeCodeProblem(
  check: Exclude<CodeCheck, { ok: true }>,
  locale: Locale = 'en',
): string {
  switch (check.reason) {
    case 'wrong-code':
      return translate(verifyMessages, locale, 'wrongCode', { left: check.attemptsLeft })
    case 'expired':
      return translate(verifyMessages, locale, 'expired')
    case 'too-many-attempts':
      return translate(verifyMessages, locale, 'tooManyAttempts')
    case 'no-code':
      return translate(verifyMessages, locale, 'noCode')
    case 'limited':
      return translate(verifyMessages, locale, 'limited', {
        wait: describeWait(check.retryAfterSeconds, locale),
      })
  }
}

/** The message beside the code field when the code proved another address than the form's. */
export function otherAddressCodeMessage(locale: Locale = 'en'): string {
  return translate(verifyMessages, locale, 'otherAddress')
}

/** The message beside a form when no more codes may be sent for now. */
export function tooManyCodesMessage(retryAfterSeconds: number, locale: Locale = 'en'): string {
  return translate(verifyMessages, locale, 'tooManyCodes', {
    wait: describeWait(retryAfterSeconds, locale),
  })
}
