import { eq } from 'drizzle-orm'
import QRCode from 'qrcode'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { userMfa, userRecoveryCodes, users } from '#db/schema/index.ts'
import { confirmCurrentPassword } from './auth.server.ts'
import { groupForReading, mfaThrottleKey } from './mfa.rules.ts'
import {
  createRecoveryCodes,
  generateTotpSecret,
  matchTotpStep,
  sealTotpSecret,
  totpAuthUri,
} from './mfa-secrets.server.ts'
import {
  consumeTotpStep,
  countUnusedRecoveryCodes,
  mfaThrottled,
  readMfa,
  readSecret,
  recordMfaFailure,
  replaceRecoveryCodes,
  Rollback,
  runOrRollback,
  type Throttled,
} from './mfa.server.ts'
import { deleteOtherSessionsForUser, promoteSession } from './sessions.server.ts'
import { clearThrottle } from './throttle.server.ts'

/**
 * Setting up, re-keying and turning off two-factor sign-in (/staff/security; goals A5–A7).
 * Enrolment: start (a new seed, shown as a QR code and as text) → confirm with a code from the
 * app → ten recovery codes, shown once. New recovery codes and turning off need the current
 * password. Every change ends the user's sessions on other devices.
 */

type Who = { userId: string; actor: AuditActor }

export type SecurityOverview = {
  email: string
  clinicName: string
  timeZone: string
  /** Staff must have two-factor on (REQUIRE_STAFF_MFA). */
  required: boolean
  status: 'off' | 'pending' | 'on'
  confirmedAt: Date | null
  recoveryCodesLeft: number
  /** While setting up: what the app needs. The seed is shown only to its owner, on this page. */
  setup: { secretText: string; qrCodeDataUrl: string } | null
}

export async function getSecurityOverview(userId: string): Promise<SecurityOverview> {
  const db = getDb()
  const user = db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()
  if (!user) throw new Error('Unknown user')
  const row = readMfa(userId)
  const { name: clinicName, timeZone } = getClinicSettings()
  const base = {
    email: user.email,
    clinicName,
    timeZone,
    required: getEnv().REQUIRE_STAFF_MFA,
    confirmedAt: row?.confirmedAt ?? null,
    recoveryCodesLeft: row?.status === 'active' ? countUnusedRecoveryCodes(db, userId) : 0,
  }
  if (!row) return { ...base, status: 'off', setup: null }
  if (row.status === 'active') return { ...base, status: 'on', setup: null }
  const secret = readSecret(row)
  const uri = totpAuthUri({ secret, accountName: user.email, issuer: clinicName })
  // An SVG image in a data: URL: drawn on the server, allowed by the CSP (img-src data:).
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return {
    ...base,
    status: 'pending',
    setup: {
      secretText: groupForReading(secret),
      qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    },
  }
}

/** A new seed for the user to scan. Starting again replaces an unconfirmed one. */
export function startMfaEnrolment(
  input: Who,
  now = new Date(),
): { ok: true } | { ok: false; reason: 'already-enrolled' } {
  const secret = generateTotpSecret()
  return getDb().transaction(
    (tx) => {
      const existing = tx.select().from(userMfa).where(eq(userMfa.userId, input.userId)).get()
      if (existing?.status === 'active') return { ok: false, reason: 'already-enrolled' } as const
      const values = {
        status: 'pending' as const,
        secret: sealTotpSecret(secret, input.userId),
        lastUsedStep: null,
        createdAt: now,
        confirmedAt: null,
      }
      tx.insert(userMfa)
        .values({ userId: input.userId, ...values })
        .onConflictDoUpdate({ target: userMfa.userId, set: values })
        .run()
      recordAuditEvent(tx, {
        action: 'auth.mfa.enrolment_started',
        actor: input.actor,
        subjectType: 'user',
        subjectId: input.userId,
        at: now,
      })
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}

export type CodesResult = { ok: true; sessionToken?: string; recoveryCodes: string[] }

export type ConfirmEnrolmentResult =
  | (CodesResult & { sessionToken: string })
  | { ok: false; reason: 'no-enrolment' | 'wrong-code' }
  | Throttled

/**
 * The first code from the app proves it holds the seed: two-factor is on from now, the code's
 * step is used up, the session is replaced by a new full one, and ten recovery codes are made.
 */
export async function confirmMfaEnrolment(
  input: Who & { sessionToken: string; code: string; userAgent: string | null },
  now = new Date(),
): Promise<ConfirmEnrolmentResult> {
  const noEnrolment = { ok: false, reason: 'no-enrolment' } as const
  const row = readMfa(input.userId)
  if (row?.status !== 'pending') return noEnrolment
  const throttled = mfaThrottled(input.userId, input.actor, now)
  if (throttled) return throttled
  const step = await matchTotpStep(input.code, readSecret(row))
  if (step === null) {
    recordMfaFailure({
      userId: input.userId,
      actor: input.actor,
      method: 'totp',
      reason: 'wrong-code',
      stage: 'enrolment',
      now,
    })
    return { ok: false, reason: 'wrong-code' }
  }
  const { codes, hashes } = await createRecoveryCodes()
  return runOrRollback<ConfirmEnrolmentResult>((tx) => {
    // The row must still be the one we checked (not restarted or finished meanwhile).
    if (!consumeTotpStep(tx, row, step)) return noEnrolment
    tx.update(userMfa)
      .set({ status: 'active', confirmedAt: now })
      .where(eq(userMfa.userId, input.userId))
      .run()
    replaceRecoveryCodes(tx, input.userId, hashes, now)
    const sessionToken = renewSession(tx, input, now)
    recordAuditEvent(tx, {
      action: 'auth.mfa.enrolled',
      actor: input.actor,
      subjectType: 'user',
      subjectId: input.userId,
      details: { recoveryCodes: codes.length },
      at: now,
    })
    return { ok: true, sessionToken, recoveryCodes: codes }
  })
}

/** A new token for this device at full level; every other session of the user ends. */
function renewSession(
  tx: Tx,
  input: Who & { sessionToken: string; userAgent: string | null },
  now: Date,
): string {
  const promoted = promoteSession(tx, {
    token: input.sessionToken,
    ipAddress: input.actor.ipAddress ?? null,
    userAgent: input.userAgent,
    now,
  })
  if (!promoted) throw new Rollback({ ok: false, reason: 'no-enrolment' })
  deleteOtherSessionsForUser(tx, input.userId, promoted.token)
  clearThrottle(tx, mfaThrottleKey(input.userId))
  return promoted.token
}

export type PasswordGuardedResult<T> =
  T | { ok: false; reason: 'wrong-password' | 'not-enrolled' } | Throttled

/** Ten new recovery codes; the old ones stop working. Needs the current password. */
export async function regenerateRecoveryCodes(
  input: Who & { password: string },
  now = new Date(),
): Promise<PasswordGuardedResult<CodesResult>> {
  if (readMfa(input.userId)?.status !== 'active') return { ok: false, reason: 'not-enrolled' }
  const check = await confirmCurrentPassword({ ...input, purpose: 'recovery-codes' }, now)
  if (!check.ok) return check
  const { codes, hashes } = await createRecoveryCodes()
  return getDb().transaction(
    (tx) => {
      const active = tx.select().from(userMfa).where(eq(userMfa.userId, input.userId)).get()
      if (active?.status !== 'active') return { ok: false, reason: 'not-enrolled' } as const
      replaceRecoveryCodes(tx, input.userId, hashes, now)
      recordAuditEvent(tx, {
        action: 'auth.mfa.recovery_codes_regenerated',
        actor: input.actor,
        subjectType: 'user',
        subjectId: input.userId,
        details: { recoveryCodes: codes.length },
        at: now,
      })
      return { ok: true, recoveryCodes: codes } as const
    },
    { behavior: 'immediate' },
  )
}

/**
 * Turns two-factor off: the seed and the recovery codes are deleted, other sessions end. Needs
 * the current password. Where two-factor is required, the user must set it up again before
 * any other staff page opens.
 */
export async function disableMfa(
  input: Who & { password: string; sessionToken: string },
  now = new Date(),
): Promise<PasswordGuardedResult<{ ok: true }>> {
  if (!readMfa(input.userId)) return { ok: false, reason: 'not-enrolled' }
  const check = await confirmCurrentPassword({ ...input, purpose: 'disable-mfa' }, now)
  if (!check.ok) return check
  return getDb().transaction(
    (tx) => {
      const removed = tx.delete(userMfa).where(eq(userMfa.userId, input.userId)).run().changes
      if (removed === 0) return { ok: false, reason: 'not-enrolled' } as const
      tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, input.userId)).run()
      deleteOtherSessionsForUser(tx, input.userId, input.sessionToken)
      clearThrottle(tx, mfaThrottleKey(input.userId))
      recordAuditEvent(tx, {
        action: 'auth.mfa.disabled',
        actor: input.actor,
        subjectType: 'user',
        subjectId: input.userId,
        at: now,
      })
      return { ok: true } as const
    },
    { behavior: 'immediate' },
  )
}
