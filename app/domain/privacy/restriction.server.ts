import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { mergedInto } from '#app/domain/patients/patient-merge.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { bookings, patients } from '#db/schema/index.ts'

/**
 * Restriction of processing (GDPR Art. 18) and legal holds (docs/decisions/051). A restricted
 * record is opened by admins only: the guards of the staff patient and booking pages ask
 * `mayOpenPatient` / `mayOpenBookingOf` (the one predicate, `patientIsRestricted`).
 */

/** Whether the patient's record (or the record it was merged into) is restricted. */
export function patientIsRestricted(patientId: string, db: Db | Tx = getDb()): boolean {
  const ids = [patientId, mergedInto(patientId, db)].filter((id): id is string => id !== null)
  return ids.some(
    (id) =>
      db
        .select({ restrictedAt: patients.restrictedAt })
        .from(patients)
        .where(eq(patients.id, id))
        .get()?.restrictedAt != null,
  )
}

/** Restricted records are for admins only; anyone may open the others (by their own guards). */
export function mayOpenPatient(roles: readonly StaffRole[], patientId: string): boolean {
  return roles.includes('admin') || !patientIsRestricted(patientId)
}

/** The same for a booking: its patient's record decides (a hold without a patient is open). */
export function mayOpenBookingOf(roles: readonly StaffRole[], bookingId: string): boolean {
  if (roles.includes('admin')) return true
  const row = getDb()
    .select({ patientId: bookings.patientId })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .get()
  return !row?.patientId || !patientIsRestricted(row.patientId)
}

/**
 * Sets (with a reason) or lifts the legal hold on a patient's record: while it stands, an erasure
 * is refused. Audited `patient.legal_hold_set` / `patient.legal_hold_cleared`, without the reason.
 */
export function setLegalHold(input: {
  patientId: string
  reason: string | null
  actor: AuditActor
  now: Date
}): boolean {
  return getDb().transaction(
    (tx) => {
      const changed = tx
        .update(patients)
        .set({
          legalHoldReason: input.reason,
          legalHoldAt: input.reason ? input.now : null,
          updatedAt: input.now,
        })
        .where(eq(patients.id, input.patientId))
        .run().changes
      if (changed === 0) return false
      recordAuditEvent(tx, {
        action: input.reason ? 'patient.legal_hold_set' : 'patient.legal_hold_cleared',
        actor: input.actor,
        subjectType: 'patient',
        subjectId: input.patientId,
        patientId: input.patientId,
        at: input.now,
      })
      return true
    },
    { behavior: 'immediate' },
  )
}

/** What an admin sees on the chart: restricted since, and the legal hold with its reason. */
export function getPatientPrivacyStatus(patientId: string) {
  return (
    getDb()
      .select({
        restrictedAt: patients.restrictedAt,
        legalHoldReason: patients.legalHoldReason,
        legalHoldAt: patients.legalHoldAt,
      })
      .from(patients)
      .where(eq(patients.id, patientId))
      .get() ?? null
  )
}
