import { randomBytes } from 'node:crypto'
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getDummyHash, verifyPassword } from '#app/domain/auth/password.server.ts'
import { hashSessionToken } from '#app/domain/auth/sessions.server.ts'
import {
  ACCOUNT_THROTTLE,
  accountThrottleKey,
  IP_THROTTLE,
  ipThrottleKey,
} from '#app/domain/auth/throttle.rules.ts'
import {
  clearThrottle,
  recordThrottleFailure,
  throttleVerdict,
} from '#app/domain/auth/throttle.server.ts'
import {
  hashPatientToken,
  PATIENT_SESSION_ABSOLUTE_MS,
} from '#app/domain/patient/patient-sessions.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { loadVisit, visitFacts } from '#app/domain/treatment/visit.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookings, patientSessions, sessions, users } from '#db/schema/index.ts'
import { TABLET_LOCK_MAX_MS, tabletHelps, type TabletStep, tabletStep } from './tablet.rules.ts'

/**
 * Clinic tablet mode (docs/decisions/045-clinic-tablet-mode.md). The staff member's session is
 * locked on the server (sessions.tablet_*), and the same browser gets a patient session proven for
 * the one booking (patient_sessions.tablet). Unlocking takes the staff member's password, counted
 * and audited like a sign-in.
 */

export type TabletLock = {
  userId: string
  bookingId: string
  reference: string
  lockedAt: Date
  patientTokenHash: string | null
}

type Actor = { ipAddress: string | null; requestId: string | null }

export type HandOverResult =
  | { ok: true; patientToken: string; reference: string }
  | { ok: false; reason: 'not-found' | 'nothing-to-do' | 'no-session' }

/**
 * Hands the browser of this staff session to the patient of a booking whose health questions or
 * consent are still to do. Returns the patient session's token, for the patient cookie.
 */
export function handOverTablet(input: {
  staffToken: string
  bookingId: string
  actor: Actor
  now: Date
}): HandOverResult {
  const db = getDb()
  return db.transaction(
    (tx): HandOverResult => {
      const visit = loadVisit(tx, input.bookingId)
      if (!visit) return { ok: false, reason: 'not-found' }
      if (!tabletHelps(visitFacts(tx, visit))) return { ok: false, reason: 'nothing-to-do' }
      const staffHash = hashSessionToken(input.staffToken)
      const staff = tx
        .select({ userId: sessions.userId })
        .from(sessions)
        .where(eq(sessions.tokenHash, staffHash))
        .get()
      if (!staff) return { ok: false, reason: 'no-session' }
      const patientToken = randomBytes(32).toString('base64url')
      const patientTokenHash = hashPatientToken(patientToken)
      tx.insert(patientSessions)
        .values({
          tokenHash: patientTokenHash,
          verifiedEmail: visit.patient.email,
          // One booking only, as an emailed link: the staff member checked who the patient is.
          provenBy: 'manage_link',
          provenBookingId: visit.booking.id,
          tablet: true,
          createdAt: input.now,
          lastSeenAt: input.now,
          absoluteExpiresAt: new Date(
            input.now.getTime() + Math.min(TABLET_LOCK_MAX_MS, PATIENT_SESSION_ABSOLUTE_MS),
          ),
        })
        .run()
      tx.update(sessions)
        .set({
          tabletBookingId: visit.booking.id,
          tabletLockedAt: input.now,
          tabletPatientTokenHash: patientTokenHash,
        })
        .where(eq(sessions.tokenHash, staffHash))
        .run()
      recordAuditEvent(tx, {
        action: 'tablet.handed_over',
        actor: { type: 'staff', id: staff.userId, ...input.actor },
        subjectType: 'booking',
        subjectId: visit.booking.id,
        patientId: visit.booking.patientId,
        at: input.now,
      })
      return { ok: true, patientToken, reference: visit.booking.reference }
    },
    { behavior: 'immediate' },
  )
}

// Read on every request of a browser with a staff cookie (the tablet gate): prepared once.
const lockQuery = preparedStatement((db) =>
  db
    .select({
      userId: sessions.userId,
      bookingId: sessions.tabletBookingId,
      lockedAt: sessions.tabletLockedAt,
      patientTokenHash: sessions.tabletPatientTokenHash,
      reference: bookings.reference,
    })
    .from(sessions)
    .innerJoin(bookings, eq(bookings.id, sessions.tabletBookingId))
    .where(
      and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNotNull(sessions.tabletLockedAt)),
    )
    .prepare(),
)

/**
 * The lock on this staff session, or null when it is not a tablet. A lock past its limit ends
 * the staff session and the patient's (the browser then has to sign in from scratch).
 */
export function getTabletLock(staffToken: string, now = new Date()): TabletLock | null {
  const db = getDb()
  const tokenHash = hashSessionToken(staffToken)
  const row = lockQuery(db).get({ tokenHash })
  if (!row?.bookingId || !row.lockedAt) return null
  if (now.getTime() - row.lockedAt.getTime() > TABLET_LOCK_MAX_MS) {
    db.transaction((tx) => {
      endTabletPatient(tx, row.patientTokenHash)
      tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run()
    })
    return null
  }
  return {
    userId: row.userId,
    bookingId: row.bookingId,
    reference: row.reference,
    lockedAt: row.lockedAt,
    patientTokenHash: row.patientTokenHash,
  }
}

function endTabletPatient(tx: Tx, tokenHash: string | null): void {
  if (!tokenHash) return
  tx.delete(patientSessions)
    .where(and(eq(patientSessions.tokenHash, tokenHash), eq(patientSessions.tablet, true)))
    .run()
}

/**
 * What the tablet's own page shows. 'screening' and 'consent': the patient's next step, while
 * their tablet session lives. 'done': nothing left to do, or the patient session has ended
 * (finished, timed out, cookie gone); the patient session is ended here, so the tablet only
 * waits for its staff member's password.
 */
export type TabletScreen = {
  reference: string
  serviceName: string
  startAt: number
  endAt: number
  timeZone: string
  step: TabletStep
}

export function getTabletScreen(input: {
  lock: TabletLock
  /** The patient cookie's token of this request, if any. */
  patientToken: string | null
}): TabletScreen | null {
  const db = getDb()
  const visit = loadVisit(db, input.lock.bookingId)
  if (!visit) return null
  const ownsTablet =
    input.patientToken !== null &&
    input.lock.patientTokenHash === hashPatientToken(input.patientToken) &&
    db
      .select({ tokenHash: patientSessions.tokenHash })
      .from(patientSessions)
      .where(eq(patientSessions.tokenHash, input.lock.patientTokenHash))
      .get() !== undefined
  const step = ownsTablet ? tabletStep(visitFacts(db, visit)) : 'done'
  if (step === 'done' && input.lock.patientTokenHash) {
    const hash = input.lock.patientTokenHash
    db.transaction((tx) => {
      endTabletPatient(tx, hash)
      tx.update(sessions)
        .set({ tabletPatientTokenHash: null })
        .where(eq(sessions.tabletPatientTokenHash, hash))
        .run()
    })
  }
  return {
    reference: visit.booking.reference,
    serviceName: visit.service.name,
    startAt: visit.booking.startAt.getTime(),
    endAt: visit.booking.endAt.getTime(),
    timeZone: getClinicSettings().timeZone,
    step,
  }
}

export type UnlockResult =
  | { ok: true; bookingId: string }
  | { ok: false; reason: 'not-locked' | 'wrong-password' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * The staff member takes the tablet back with their password. Wrong passwords count against the
 * account and the IP exactly as at sign-in (goal A3) and are audited; the lock stays. Success
 * ends the patient's tablet session and reopens the staff session where it was.
 */
export async function unlockTablet(input: {
  staffToken: string
  password: string
  actor: Actor
  now: Date
}): Promise<UnlockResult> {
  const db = getDb()
  const lock = getTabletLock(input.staffToken, input.now)
  if (!lock) return { ok: false, reason: 'not-locked' }
  const user = db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, lock.userId))
    .get()
  const accountKey = accountThrottleKey(user?.email ?? lock.userId)
  const ipKey = ipThrottleKey(input.actor.ipAddress ?? 'unknown')
  const actor = { type: 'staff' as const, id: lock.userId, ...input.actor }
  const blocked = [throttleVerdict(accountKey, input.now), throttleVerdict(ipKey, input.now)].find(
    (verdict) => verdict.blocked,
  )
  if (blocked?.blocked) {
    recordAuditEvent(db, {
      action: 'tablet.unlock_throttled',
      actor,
      subjectType: 'booking',
      subjectId: lock.bookingId,
      at: input.now,
    })
    return { ok: false, reason: 'throttled', retryAfterSeconds: blocked.retryAfterSeconds }
  }
  const matches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password)
  if (!user || !matches) {
    db.transaction(
      (tx) => {
        recordThrottleFailure(tx, accountKey, ACCOUNT_THROTTLE, input.now)
        recordThrottleFailure(tx, ipKey, IP_THROTTLE, input.now)
        recordAuditEvent(tx, {
          action: 'tablet.unlock_failed',
          actor,
          subjectType: 'booking',
          subjectId: lock.bookingId,
          at: input.now,
        })
      },
      { behavior: 'immediate' },
    )
    return { ok: false, reason: 'wrong-password' }
  }
  db.transaction(
    (tx) => {
      clearThrottle(tx, accountKey)
      endTabletPatient(tx, lock.patientTokenHash)
      tx.update(sessions)
        .set({
          tabletBookingId: null,
          tabletLockedAt: null,
          tabletPatientTokenHash: null,
          lastSeenAt: input.now,
        })
        .where(eq(sessions.tokenHash, hashSessionToken(input.staffToken)))
        .run()
      recordAuditEvent(tx, {
        action: 'tablet.unlocked',
        actor,
        subjectType: 'booking',
        subjectId: lock.bookingId,
        at: input.now,
      })
    },
    { behavior: 'immediate' },
  )
  return { ok: true, bookingId: lock.bookingId }
}
