import { describeWait } from '#app/domain/limits/limits.rules.ts'

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

/** The message beside the code field. */
export function describeCodeProblem(check: Exclude<CodeCheck, { ok: true }>): string {
  switch (check.reason) {
    case 'wrong-code':
      return `That code is not right. You have ${check.attemptsLeft} ${check.attemptsLeft === 1 ? 'try' : 'tries'} left.`
    case 'expired':
      return 'That code has expired. Ask for a new one below.'
    case 'too-many-attempts':
      return 'That code was typed wrongly too many times. Ask for a new one below.'
    case 'no-code':
      return 'There is no code waiting for this page. Ask for a new one below.'
    case 'limited':
      return `Too many wrong codes have been typed for this address. Please try again ${describeWait(check.retryAfterSeconds)}, or call the clinic.`
  }
}

/** The message beside a form when no more codes may be sent for now. */
export function tooManyCodesMessage(retryAfterSeconds: number): string {
  return `We have sent several codes already. Please try again ${describeWait(retryAfterSeconds)}, or call the clinic.`
}
