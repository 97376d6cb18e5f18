import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { signInThrottles, users } from '#db/schema/index.ts'
import {
  getDummyHash,
  hashPassword,
  passwordNeedsRehash,
  verifyPassword,
} from './password.server.ts'
import { createSession, deleteSession } from './sessions.server.ts'
import {
  ACCOUNT_THROTTLE,
  accountThrottleKey,
  addFailure,
  checkThrottle,
  IP_THROTTLE,
  ipThrottleKey,
  type ThrottleState,
} from './throttle.rules.ts'

export type SignInInput = {
  email: string
  password: string
  ipAddress: string
  userAgent: string | null
  requestId: string | null
  /** The session the browser had before signing in: it ends, a new one begins (goal B2). */
  previousSessionToken: string | null
}

export type SignInResult =
  | { ok: true; sessionToken: string; userId: string }
  | { ok: false; reason: 'invalid-credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

function readThrottle(key: string): ThrottleState | undefined {
  const row = getDb().select().from(signInThrottles).where(eq(signInThrottles.key, key)).get()
  if (!row) return undefined
  return {
    failures: row.failures,
    windowStartedAt: row.windowStartedAt.getTime(),
    blockedUntil: row.blockedUntil?.getTime() ?? null,
  }
}

/**
 * Signs a staff member in. Unknown email and wrong password give the same answer after the same
 * work (goal A4); failures count against the account and the IP (goal A3).
 */
export async function signIn(input: SignInInput, now = new Date()): Promise<SignInResult> {
  const db = getDb()
  const accountKey = accountThrottleKey(input.email)
  const ipKey = ipThrottleKey(input.ipAddress)
  const actor = {
    type: 'anonymous' as const,
    ipAddress: input.ipAddress,
    requestId: input.requestId,
  }

  const throttles = [
    checkThrottle(readThrottle(accountKey), now.getTime()),
    checkThrottle(readThrottle(ipKey), now.getTime()),
  ]
  const blocked = throttles.find((verdict) => verdict.blocked)
  if (blocked?.blocked) {
    recordAuditEvent(db, { action: 'auth.sign_in.throttled', actor, at: now })
    return { ok: false, reason: 'throttled', retryAfterSeconds: blocked.retryAfterSeconds }
  }

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, input.email))
    .get()
  const passwordMatches = await verifyPassword(
    user?.passwordHash ?? (await getDummyHash()),
    input.password,
  )

  if (!user || !user.isActive || !passwordMatches) {
    db.transaction(
      (tx) => {
        for (const [key, limits] of [
          [accountKey, ACCOUNT_THROTTLE],
          [ipKey, IP_THROTTLE],
        ] as const) {
          const next = addFailure(readThrottle(key), now.getTime(), limits)
          const values = {
            failures: next.failures,
            windowStartedAt: new Date(next.windowStartedAt),
            blockedUntil: next.blockedUntil ? new Date(next.blockedUntil) : null,
          }
          tx.insert(signInThrottles)
            .values({ key, ...values })
            .onConflictDoUpdate({ target: signInThrottles.key, set: values })
            .run()
        }
        recordAuditEvent(tx, {
          action: 'auth.sign_in.failed',
          actor,
          subjectType: user ? 'user' : undefined,
          subjectId: user?.id,
          details: {
            reason: !user ? 'unknown-email' : !user.isActive ? 'inactive' : 'wrong-password',
          },
          at: now,
        })
      },
      { behavior: 'immediate' },
    )
    return { ok: false, reason: 'invalid-credentials' }
  }

  // Upgrade an old hash while we hold the plain password (goal A1).
  const upgradedHash = passwordNeedsRehash(user.passwordHash)
    ? await hashPassword(input.password)
    : null

  if (input.previousSessionToken) deleteSession(input.previousSessionToken)
  const sessionToken = db.transaction(
    (tx) => {
      // Success clears the account's count but not the IP's: one valid account must not reset it.
      tx.delete(signInThrottles).where(eq(signInThrottles.key, accountKey)).run()
      if (upgradedHash)
        tx.update(users).set({ passwordHash: upgradedHash }).where(eq(users.id, user.id)).run()
      const token = createSession(tx, {
        userId: user.id,
        ipAddress: input.ipAddress,
        userAgent: input.userAgent,
        now,
      })
      recordAuditEvent(tx, {
        action: 'auth.sign_in.succeeded',
        actor: { ...actor, type: 'staff', id: user.id },
        subjectType: 'user',
        subjectId: user.id,
        at: now,
      })
      return token
    },
    { behavior: 'immediate' },
  )
  return { ok: true, sessionToken, userId: user.id }
}

/** Ends the session on the server, so the old cookie is worthless even if replayed (goal B4). */
export function signOut(
  sessionToken: string,
  actor: { ipAddress: string | null; requestId: string | null },
): void {
  const userId = deleteSession(sessionToken)
  if (userId) {
    recordAuditEvent(getDb(), {
      action: 'auth.sign_out',
      actor: { type: 'staff', id: userId, ...actor },
      subjectType: 'user',
      subjectId: userId,
    })
  }
}
