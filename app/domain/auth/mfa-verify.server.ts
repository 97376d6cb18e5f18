import { and, eq, isNull } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type Tx } from '#db/client.server.ts'
import { userRecoveryCodes } from '#db/schema/index.ts'
import { type SecondFactorMethod } from './mfa.schema.ts'
import { mfaThrottleKey } from './mfa.rules.ts'
import { findRecoveryCode, matchTotpStep } from './mfa-secrets.server.ts'
import {
  consumeTotpStep,
  countUnusedRecoveryCodes,
  mfaThrottled,
  readMfa,
  readSecret,
  recordMfaFailure,
  Rollback,
  runOrRollback,
  type Throttled,
  unusedRecoveryCodes,
} from './mfa.server.ts'
import { getSessionUser, promoteSession } from './sessions.server.ts'
import { clearThrottle } from './throttle.server.ts'

/**
 * The second step of staff sign-in (/login/verify; security goals A5, A6, B2): a code from the
 * authenticator app, or a recovery code, turns a password-only session into a new session
 * with a new token. The password-only token stops working at that moment.
 */

export type SecondFactorInput = {
  /** The password-only session's token, from the cookie. */
  sessionToken: string
  method: SecondFactorMethod
  code: string
  ipAddress: string
  userAgent: string | null
  requestId: string | null
}

export type SecondFactorResult =
  | { ok: true; sessionToken: string; userId: string; recoveryCodesLeft: number | null }
  | { ok: false; reason: 'no-pending-session' }
  | Throttled
  /** Not a current code; or a current code whose time step was already used (a replay). */
  | { ok: false; reason: 'wrong-code' | 'used-code' | 'wrong-recovery-code' }

type Gone = { ok: false; reason: 'no-pending-session' }
const GONE: Gone = { ok: false, reason: 'no-pending-session' }

export async function verifySecondFactor(
  input: SecondFactorInput,
  now = new Date(),
): Promise<SecondFactorResult> {
  const lookup = getSessionUser(input.sessionToken, now)
  if (lookup.status !== 'active' || !lookup.mfaEnrolled || lookup.authLevel !== 'password')
    return GONE
  const userId = lookup.user.id
  const actor: AuditActor = {
    type: 'staff',
    id: userId,
    ipAddress: input.ipAddress,
    requestId: input.requestId,
  }
  const throttled = mfaThrottled(userId, actor, now)
  if (throttled) return throttled

  const fail = (reason: 'wrong-code' | 'used-code' | 'wrong-recovery-code') => {
    recordMfaFailure({ userId, actor, method: input.method, reason, stage: 'sign-in', now })
    return { ok: false as const, reason }
  }

  /** The success half, shared by both methods: new session, counters cleared, audited. */
  const promote = (tx: Tx) => {
    const promoted = promoteSession(tx, {
      token: input.sessionToken,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      now,
    })
    if (!promoted) throw new Rollback<Gone>(GONE)
    clearThrottle(tx, mfaThrottleKey(userId))
    recordAuditEvent(tx, {
      action: 'auth.mfa.succeeded',
      actor,
      subjectType: 'user',
      subjectId: userId,
      details: { method: input.method },
      at: now,
    })
    return promoted.token
  }

  const row = readMfa(userId)
  if (!row || row.status !== 'active') return GONE

  if (input.method === 'totp') {
    const step = await matchTotpStep(input.code, readSecret(row))
    if (step === null) return fail('wrong-code')
    const result = runOrRollback<SecondFactorResult | 'used'>((tx) => {
      if (!consumeTotpStep(tx, row, step)) return 'used'
      return { ok: true, sessionToken: promote(tx), userId, recoveryCodesLeft: null }
    })
    return result === 'used' ? fail('used-code') : result
  }

  const matchedId = await findRecoveryCode(input.code, unusedRecoveryCodes(userId))
  if (!matchedId) return fail('wrong-recovery-code')
  const result = runOrRollback<SecondFactorResult | 'used'>((tx) => {
    // Only if still unused: two requests with the same code cannot both pass.
    const used = tx
      .update(userRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(userRecoveryCodes.id, matchedId), isNull(userRecoveryCodes.usedAt)))
      .run().changes
    if (used !== 1) return 'used'
    const sessionToken = promote(tx)
    const left = countUnusedRecoveryCodes(tx, userId)
    recordAuditEvent(tx, {
      action: 'auth.mfa.recovery_used',
      actor,
      subjectType: 'user',
      subjectId: userId,
      details: { recoveryCodesLeft: left },
      at: now,
    })
    return { ok: true, sessionToken, userId, recoveryCodesLeft: left }
  })
  return result === 'used' ? fail('wrong-recovery-code') : result
}
