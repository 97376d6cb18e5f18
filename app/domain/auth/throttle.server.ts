import { eq } from 'drizzle-orm'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { signInThrottles } from '#db/schema/index.ts'
import {
  addFailure,
  checkThrottle,
  type ThrottleLimits,
  type ThrottleState,
  type ThrottleVerdict,
} from './throttle.rules.ts'

/**
 * Failure counters in SQLite (sign_in_throttles), so a restart keeps them: per account and per IP
 * for passwords (goal A3), per user for second-factor codes (goal A6).
 */

export function readThrottle(key: string, db: Db | Tx = getDb()): ThrottleState | undefined {
  const row = db.select().from(signInThrottles).where(eq(signInThrottles.key, key)).get()
  if (!row) return undefined
  return {
    failures: row.failures,
    windowStartedAt: row.windowStartedAt.getTime(),
    blockedUntil: row.blockedUntil?.getTime() ?? null,
  }
}

export function throttleVerdict(key: string, now: Date): ThrottleVerdict {
  return checkThrottle(readThrottle(key), now.getTime())
}

/** Counts one more failure under `key`, inside the caller's transaction. */
export function recordThrottleFailure(
  tx: Tx,
  key: string,
  limits: ThrottleLimits,
  now: Date,
): ThrottleState {
  const next = addFailure(readThrottle(key, tx), now.getTime(), limits)
  const values = {
    failures: next.failures,
    windowStartedAt: new Date(next.windowStartedAt),
    blockedUntil: next.blockedUntil ? new Date(next.blockedUntil) : null,
  }
  tx.insert(signInThrottles)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: signInThrottles.key, set: values })
    .run()
  return next
}

export function clearThrottle(tx: Tx, key: string): void {
  tx.delete(signInThrottles).where(eq(signInThrottles.key, key)).run()
}
