import { createHash, randomBytes } from 'node:crypto'
import { eq, lt, sql } from 'drizzle-orm'
import { getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { patientSessions } from '#db/schema/index.ts'
import { type EmailProof } from '#app/domain/booking/booking.schema.ts'

/** Patients: 30 minutes idle, 12 hours at most (security goal B3). */
export const PATIENT_SESSION_IDLE_MS = 30 * 60_000
export const PATIENT_SESSION_ABSOLUTE_MS = 12 * 60 * 60_000
const LAST_SEEN_WRITE_INTERVAL_MS = 60_000

export type PatientSession = {
  tokenHash: string
  /** The email address this browser has proved it can read, if any. */
  verifiedEmail: string | null
  provenBy: EmailProof | null
}

export function hashPatientToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new anonymous patient session; returns the cookie token (only its hash is stored). */
export function createPatientSession(now: Date): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hashPatientToken(token)
  getDb()
    .insert(patientSessions)
    .values({
      tokenHash,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + PATIENT_SESSION_ABSOLUTE_MS),
    })
    .run()
  return { token, tokenHash }
}

const sessionQuery = preparedStatement((db) =>
  db
    .select()
    .from(patientSessions)
    .where(eq(patientSessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare(),
)

/** The live session for a cookie token, or null; a timed-out session is deleted. */
export function getPatientSession(token: string, now = new Date()): PatientSession | null {
  const db = getDb()
  const tokenHash = hashPatientToken(token)
  const row = sessionQuery(db).get({ tokenHash })
  if (!row) return null
  const idle = now.getTime() - row.lastSeenAt.getTime() > PATIENT_SESSION_IDLE_MS
  if (idle || now.getTime() >= row.absoluteExpiresAt.getTime()) {
    db.delete(patientSessions).where(eq(patientSessions.tokenHash, tokenHash)).run()
    return null
  }
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_WRITE_INTERVAL_MS) {
    db.update(patientSessions)
      .set({ lastSeenAt: now })
      .where(eq(patientSessions.tokenHash, tokenHash))
      .run()
  }
  return { tokenHash, verifiedEmail: row.verifiedEmail, provenBy: row.provenBy }
}

/** Records that this session proved an email address (by code or by emailed link). */
export function markSessionVerified(
  tx: Tx,
  tokenHash: string,
  email: string,
  provenBy: EmailProof,
): void {
  tx.update(patientSessions)
    .set({ verifiedEmail: email, provenBy })
    .where(eq(patientSessions.tokenHash, tokenHash))
    .run()
}

export function endPatientSession(token: string): void {
  getDb()
    .delete(patientSessions)
    .where(eq(patientSessions.tokenHash, hashPatientToken(token)))
    .run()
}

/** Housekeeping for the scheduler: sessions past their absolute expiry. */
export function purgeExpiredPatientSessions(now = new Date()): number {
  return getDb().delete(patientSessions).where(lt(patientSessions.absoluteExpiresAt, now)).run()
    .changes
}
