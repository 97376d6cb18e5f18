import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.server.ts'
import { userMfa, users } from '#db/schema/index.ts'
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
  IP_THROTTLE,
  ipThrottleKey,
} from './throttle.rules.ts'
import { clearThrottle, recordThrottleFailure, throttleVerdict } from './throttle.server.ts'

export type SignInInput = {
  email: string
  password: string
  ipAddress: string
  userAgent: string | null
  requestId: string | null
  /** The session the browser had before signing in: it ends, a new one begins (goal B2). */
  previousSessionToken: string | null
}

/**
 * After the password: 'second-factor' (the user has an authenticator app: /login/verify next),
 * 'enrolment' (two-factor is required and not set up yet: /staff/security next) or 'done'.
 */
export type SignInNextStep = 'second-factor' | 'enrolment' | 'done'

export type SignInResult =
  | { ok: true; sessionToken: string; userId: string; nextStep: SignInNextStep }
  | { ok: false; reason: 'invalid-credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

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

  const throttles = [throttleVerdict(accountKey, now), throttleVerdict(ipKey, now)]
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
        recordThrottleFailure(tx, accountKey, ACCOUNT_THROTTLE, now)
        recordThrottleFailure(tx, ipKey, IP_THROTTLE, now)
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
  const mfa = db
    .select({ status: userMfa.status })
    .from(userMfa)
    .where(eq(userMfa.userId, user.id))
    .get()
  const nextStep: SignInNextStep =
    mfa?.status === 'active' ? 'second-factor' : getEnv().REQUIRE_STAFF_MFA ? 'enrolment' : 'done'
  const sessionToken = db.transaction(
    (tx) => {
      // Success clears the account's count but not the IP's: one valid account must not reset it.
      clearThrottle(tx, accountKey)
      if (upgradedHash)
        tx.update(users).set({ passwordHash: upgradedHash }).where(eq(users.id, user.id)).run()
      const token = createSession(tx, {
        userId: user.id,
        ipAddress: input.ipAddress,
        userAgent: input.userAgent,
        now,
      })
      // The password step only: with an authenticator app, auth.mfa.succeeded follows.
      recordAuditEvent(tx, {
        action: 'auth.sign_in.succeeded',
        actor: { ...actor, type: 'staff', id: user.id },
        subjectType: 'user',
        subjectId: user.id,
        details: { nextStep },
        at: now,
      })
      return token
    },
    { behavior: 'immediate' },
  )
  return { ok: true, sessionToken, userId: user.id, nextStep }
}

export type PasswordCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * Re-authentication before a change to how someone signs in (goal A7): the signed-in user types
 * their current password again. Wrong passwords count against the account's sign-in throttle,
 * so a stolen session cannot be used to guess the password faster than the sign-in page allows.
 */
export async function confirmCurrentPassword(
  input: { userId: string; password: string; actor: AuditActor; purpose: string },
  now = new Date(),
): Promise<PasswordCheck> {
  const db = getDb()
  const user = db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId))
    .get()
  if (!user) return { ok: false, reason: 'wrong-password' }
  const accountKey = accountThrottleKey(user.email)
  const verdict = throttleVerdict(accountKey, now)
  if (verdict.blocked) return { ok: false, reason: 'throttled', ...verdict }
  if (await verifyPassword(user.passwordHash, input.password)) return { ok: true }
  db.transaction(
    (tx) => {
      recordThrottleFailure(tx, accountKey, ACCOUNT_THROTTLE, now)
      recordAuditEvent(tx, {
        action: 'auth.reauth.failed',
        actor: input.actor,
        subjectType: 'user',
        subjectId: input.userId,
        details: { purpose: input.purpose },
        at: now,
      })
    },
    { behavior: 'immediate' },
  )
  return { ok: false, reason: 'wrong-password' }
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
