import { and, eq, isNull, lt, or } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { userMfa, userRecoveryCodes } from '#db/schema/index.ts'
import { type SecondFactorMethod } from './mfa.schema.ts'
import { MFA_THROTTLE, mfaThrottleKey } from './mfa.rules.ts'
import { openTotpSecret, sealTotpSecret, shouldSealTotpSecret } from './mfa-secrets.server.ts'
import { recordThrottleFailure, throttleVerdict } from './throttle.server.ts'

/**
 * What the two-factor use cases share (docs/decisions/019-staff-two-factor.md): reading a user's
 * authenticator, consuming a code's time step exactly once, and counting wrong codes.
 * Audit rows name the method and the reason, never a code or a secret (goal E1).
 */

export type MfaRow = typeof userMfa.$inferSelect

export function readMfa(userId: string): MfaRow | undefined {
  return getDb().select().from(userMfa).where(eq(userMfa.userId, userId)).get()
}

export function readSecret(row: MfaRow): string {
  return openTotpSecret(row.secret, row.userId)
}

export type Throttled = { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/** The per-user block on second-factor codes (5 wrong within 5 minutes), audited when it bites. */
export function mfaThrottled(userId: string, actor: AuditActor, now: Date): Throttled | null {
  const verdict = throttleVerdict(mfaThrottleKey(userId), now)
  if (!verdict.blocked) return null
  getDb().transaction(
    (tx) =>
      recordAuditEvent(tx, {
        action: 'auth.mfa.throttled',
        actor,
        subjectType: 'user',
        subjectId: userId,
        at: now,
      }),
    { behavior: 'immediate' },
  )
  return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds }
}

/** One wrong code: counted against the user and audited, in one transaction. */
export function recordMfaFailure(input: {
  userId: string
  actor: AuditActor
  method: SecondFactorMethod
  reason: 'wrong-code' | 'used-code' | 'wrong-recovery-code'
  stage: 'sign-in' | 'enrolment'
  now: Date
}): void {
  getDb().transaction(
    (tx) => {
      recordThrottleFailure(tx, mfaThrottleKey(input.userId), MFA_THROTTLE, input.now)
      recordAuditEvent(tx, {
        action: 'auth.mfa.failed',
        actor: input.actor,
        subjectType: 'user',
        subjectId: input.userId,
        details: { method: input.method, reason: input.reason, stage: input.stage },
        at: input.now,
      })
    },
    { behavior: 'immediate' },
  )
}

/**
 * Marks `step` as used, only if no code of this or a later step was accepted before (goal A6).
 * The condition is in the UPDATE, so two requests with the same code cannot both pass, even
 * from two processes. Also seals a plain-stored seed once a key is configured.
 */
export function consumeTotpStep(tx: Tx, row: MfaRow, step: number): boolean {
  const resealed = shouldSealTotpSecret(row.secret)
    ? sealTotpSecret(openTotpSecret(row.secret, row.userId), row.userId)
    : undefined
  const changes = tx
    .update(userMfa)
    .set({ lastUsedStep: step, ...(resealed ? { secret: resealed } : {}) })
    .where(
      and(
        eq(userMfa.userId, row.userId),
        eq(userMfa.status, row.status),
        // The seed the code was checked against is still the stored one (not restarted meanwhile).
        eq(userMfa.secret, row.secret),
        or(isNull(userMfa.lastUsedStep), lt(userMfa.lastUsedStep, step)),
      ),
    )
    .run().changes
  return changes === 1
}

export function unusedRecoveryCodes(userId: string) {
  return getDb()
    .select({ id: userRecoveryCodes.id, codeHash: userRecoveryCodes.codeHash })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)))
    .all()
}

export function countUnusedRecoveryCodes(tx: Db | Tx, userId: string): number {
  return tx
    .select({ id: userRecoveryCodes.id })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)))
    .all().length
}

/** Replaces a user's recovery codes with new hashes (the old ones stop working). */
export function replaceRecoveryCodes(tx: Tx, userId: string, hashes: string[], now: Date): void {
  tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId)).run()
  for (const codeHash of hashes)
    tx.insert(userRecoveryCodes).values({ userId, codeHash, createdAt: now }).run()
}

/** Thrown inside a transaction to undo it and answer with `result` instead. */
export class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super('rolled back')
  }
}

export function runOrRollback<T>(fn: (tx: Tx) => T): T {
  try {
    return getDb().transaction(fn, { behavior: 'immediate' })
  } catch (error) {
    if (error instanceof Rollback) return error.result as T
    throw error
  }
}
