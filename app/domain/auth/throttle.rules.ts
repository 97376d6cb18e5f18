/**
 * Sign-in throttling (security goal A3): failures are counted per account and per client IP in a
 * fixed window. Reaching the limit blocks further attempts for a while; a block always ends.
 * 10 failures per 15 minutes per account allows at most 40 an hour, well under ASVS's 100.
 */
export type ThrottleLimits = { maxFailures: number; windowMs: number; blockMs: number }

export const ACCOUNT_THROTTLE: ThrottleLimits = {
  maxFailures: 10,
  windowMs: 15 * 60_000,
  blockMs: 15 * 60_000,
}

// Higher, because a clinic's staff may all sit behind one office IP address.
export const IP_THROTTLE: ThrottleLimits = {
  maxFailures: 50,
  windowMs: 15 * 60_000,
  blockMs: 15 * 60_000,
}

export type ThrottleState = {
  failures: number
  windowStartedAt: number
  blockedUntil: number | null
}

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterSeconds: number }

export function checkThrottle(state: ThrottleState | undefined, now: number): ThrottleVerdict {
  if (!state?.blockedUntil || state.blockedUntil <= now) return { blocked: false }
  return { blocked: true, retryAfterSeconds: Math.ceil((state.blockedUntil - now) / 1000) }
}

/** The state after one more failure: a new window when the old one has run out. */
export function addFailure(
  state: ThrottleState | undefined,
  now: number,
  limits: ThrottleLimits,
): ThrottleState {
  const windowExpired = !state || now - state.windowStartedAt >= limits.windowMs
  const failures = windowExpired ? 1 : state.failures + 1
  const windowStartedAt = windowExpired ? now : state.windowStartedAt
  const blockedUntil = failures >= limits.maxFailures ? now + limits.blockMs : null
  // Once blocked, the count restarts when the block ends: the lockout is never permanent.
  return blockedUntil
    ? { failures: 0, windowStartedAt: now + limits.blockMs, blockedUntil }
    : { failures, windowStartedAt, blockedUntil }
}

export function accountThrottleKey(email: string): string {
  return `account:${email.toLowerCase()}`
}

export function ipThrottleKey(ipAddress: string): string {
  return `ip:${ipAddress}`
}
