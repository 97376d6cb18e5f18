import { createHash, randomBytes } from 'node:crypto'
import { eq, lt, sql } from 'drizzle-orm'
import { getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookingDrafts, emailVerifications, patientSessions } from '#db/schema/index.ts'
import { type EmailProof } from './patient.schema.ts'

/** Patients: 30 minutes idle, 12 hours at most (security goal B3). */
export const PATIENT_SESSION_IDLE_MS = 30 * 60_000
export const PATIENT_SESSION_ABSOLUTE_MS = 12 * 60 * 60_000
const LAST_SEEN_WRITE_INTERVAL_MS = 60_000

export type PatientSession = {
  tokenHash: string
  /** The email address this browser has proved it can read, if any. */
  verifiedEmail: string | null
  provenBy: EmailProof | null
  /**
   * Set when an emailed manage link proved the address: the one booking this session may reach
   * (a link in one email must not open the patient's other bookings).
   */
  provenBookingId: string | null
}

/**
 * The address this session proved with a code, which covers all of that address's bookings and
 * new ones. A manage link proves nothing beyond its own booking, so it does not count here.
 */
export function codeProvenEmail(session: PatientSession | null): string | null {
  return session?.provenBy === 'email_code' ? session.verifiedEmail : null
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
  return {
    tokenHash,
    verifiedEmail: row.verifiedEmail,
    provenBy: row.provenBy,
    provenBookingId: row.provenBookingId,
  }
}

/**
 * Records that this session proved an email address (by code, or by a manage link for one
 * booking) and replaces its token, as the staff sign-in does at each step (security goal B2): a
 * token seen before the proof, say on a shared computer, opens nothing afterwards. The draft and
 * the open codes move to the new token. Returns the new token, for the cookie.
 */
export function proveSessionEmail(
  tx: Tx,
  session: PatientSession,
  proof:
    | { email: string; provenBy: 'email_code' }
    | {
        email: string
        provenBy: 'manage_link'
        bookingId: string
      },
  now: Date,
): { token: string; session: PatientSession } {
  const row = tx
    .select()
    .from(patientSessions)
    .where(eq(patientSessions.tokenHash, session.tokenHash))
    .get()
  if (!row) throw new Error('The patient session ended while proving its email')
  // A link never narrows what a code already proved for the same address.
  const keepsCodeProof =
    proof.provenBy === 'manage_link' &&
    row.provenBy === 'email_code' &&
    row.verifiedEmail === proof.email
  const proven = keepsCodeProof
    ? { verifiedEmail: row.verifiedEmail, provenBy: row.provenBy, provenBookingId: null }
    : {
        verifiedEmail: proof.email,
        provenBy: proof.provenBy,
        provenBookingId: proof.provenBy === 'manage_link' ? proof.bookingId : null,
      }
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hashPatientToken(token)
  tx.insert(patientSessions)
    .values({ ...row, ...proven, tokenHash, lastSeenAt: now })
    .run()
  tx.update(bookingDrafts)
    .set({ sessionTokenHash: tokenHash })
    .where(eq(bookingDrafts.sessionTokenHash, session.tokenHash))
    .run()
  tx.update(emailVerifications)
    .set({ sessionTokenHash: tokenHash })
    .where(eq(emailVerifications.sessionTokenHash, session.tokenHash))
    .run()
  tx.delete(patientSessions).where(eq(patientSessions.tokenHash, session.tokenHash)).run()
  return { token, session: { tokenHash, ...proven } }
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
