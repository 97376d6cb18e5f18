import { and, eq, inArray, isNull, max, or, sql } from 'drizzle-orm'
import { patientRecordIds } from '#app/domain/patients/patient-merge.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import {
  bookingDrafts,
  bookingManageLinks,
  bookings,
  checkIns,
  clinicSettings,
  clinicalPhotos,
  consentRecords,
  emailOutbox,
  emailVerifications,
  patients,
  patientSessions,
  screeningSubmissions,
  treatmentRecords,
  waitlistEntries,
} from '#db/schema/index.ts'
import {
  ERASED_NAME,
  erasedEmail,
  type ErasurePlan,
  type PatientDataSummary,
  planErasure,
} from './erasure.rules.ts'
import { DEFAULT_CLINICAL_RECORD_RETENTION_YEARS } from './privacy.constants.ts'

/**
 * Erasure (docs/decisions/051-patient-privacy-requests.md). `previewErasure` and `performErasure`
 * read the same summary and follow the same plan (erasure.rules.ts), so the admin's preview is
 * exactly what the decision does. Performing runs inside the caller's transaction (the decision
 * of the request), and changes nothing when the plan is a refusal.
 */

/** Every (table, column) with a foreign key to patients, read from the schema itself. */
export function patientReferences(db: Db | Tx = getDb()): { table: string; column: string }[] {
  return db.all<{ table: string; column: string }>(
    sql`SELECT m.name AS "table", f."from" AS "column"
          FROM sqlite_master m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f."table" = 'patients'`,
  )
}

type Scope = { ids: string[]; emails: string[] }

/** The patient and every record merged into them, and their addresses (lower case). */
function scopeOf(db: Db | Tx, patientId: string): Scope | null {
  const ids = patientRecordIds(patientId, db)
  const rows = db
    .select({ email: patients.email })
    .from(patients)
    .where(inArray(patients.id, ids))
    .all()
  if (rows.length === 0) return null
  return { ids, emails: [...new Set(rows.map((row) => row.email.toLowerCase()))] }
}

const count = sql<number>`count(*)`

function countOf(query: { get(): { n: number } | undefined }): number {
  return Number(query.get()?.n ?? 0)
}

const latest = (...dates: (Date | number | null | undefined)[]): Date | null => {
  const times = dates
    .filter((d): d is Date | number => d !== null && d !== undefined)
    .map((d) => (typeof d === 'number' ? d : d.getTime()))
  return times.length ? new Date(Math.max(...times)) : null
}

/** What the patient (and their merged records) has in the database, counted. */
export function summarizePatientData(
  db: Db | Tx,
  patientId: string,
): (PatientDataSummary & Scope) | null {
  const scope = scopeOf(db, patientId)
  if (!scope) return null
  const { ids, emails } = scope
  const patient = db
    .select({
      erasedAt: patients.erasedAt,
      legalHoldReason: patients.legalHoldReason,
      restrictedAt: patients.restrictedAt,
    })
    .from(patients)
    .where(eq(patients.id, patientId))
    .get()!
  const theirBookings = inArray(bookings.patientId, ids)
  const visits = db
    .select({ n: count, last: max(bookings.startAt) })
    .from(bookings)
    .where(
      and(
        theirBookings,
        or(
          eq(bookings.status, 'completed'),
          sql`EXISTS (SELECT 1 FROM ${checkIns} WHERE ${checkIns.bookingId} = ${bookings.id})`,
        ),
      ),
    )
    .get()
  const consents = db
    .select({ n: count, last: max(consentRecords.signedAt) })
    .from(consentRecords)
    .where(inArray(consentRecords.patientId, ids))
    .get()
  const treatments = db
    .select({ n: count, last: max(treatmentRecords.recordedAt) })
    .from(treatmentRecords)
    .innerJoin(bookings, eq(bookings.id, treatmentRecords.bookingId))
    .where(theirBookings)
    .get()
  const photos = db
    .select({ n: count, last: max(clinicalPhotos.takenAt) })
    .from(clinicalPhotos)
    .where(inArray(clinicalPhotos.patientId, ids))
    .get()
  return {
    ...scope,
    erasedAt: patient.erasedAt,
    legalHoldReason: patient.legalHoldReason,
    restrictedAt: patient.restrictedAt,
    lastClinicalAt: latest(visits?.last, consents?.last, treatments?.last, photos?.last),
    counts: {
      bookings: countOf(db.select({ n: count }).from(bookings).where(theirBookings)),
      completedVisits: Number(visits?.n ?? 0),
      consents: Number(consents?.n ?? 0),
      treatmentRecords: Number(treatments?.n ?? 0),
      photos: Number(photos?.n ?? 0),
      screeningSubmissions: countOf(
        db
          .select({ n: count })
          .from(screeningSubmissions)
          .where(inArray(screeningSubmissions.patientId, ids)),
      ),
      drafts: countOf(
        db
          .select({ n: count })
          .from(bookingDrafts)
          .where(inArray(sql`lower(${bookingDrafts.email})`, emails)),
      ),
      waitlistEntries: countOf(
        db
          .select({ n: count })
          .from(waitlistEntries)
          .where(inArray(sql`lower(${waitlistEntries.email})`, emails)),
      ),
      emailCodes: countOf(
        db
          .select({ n: count })
          .from(emailVerifications)
          .where(inArray(sql`lower(${emailVerifications.email})`, emails)),
      ),
      sessions: countOf(
        db
          .select({ n: count })
          .from(patientSessions)
          .where(inArray(patientSessions.verifiedEmail, emails)),
      ),
      emails: countOf(
        db
          .select({ n: count })
          .from(emailOutbox)
          .where(inArray(sql`lower(${emailOutbox.toAddress})`, emails)),
      ),
    },
  }
}

export type ErasurePreview = { summary: PatientDataSummary; plan: ErasurePlan }

/** What an erasure of this patient would do now, without doing it. Null: no such patient. */
export function previewErasure(
  patientId: string,
  now: Date,
  db: Db | Tx = getDb(),
): ErasurePreview | null {
  const summary = summarizePatientData(db, patientId)
  if (!summary) return null
  const years =
    db.select({ years: clinicSettings.clinicalRecordRetentionYears }).from(clinicSettings).get()
      ?.years ?? DEFAULT_CLINICAL_RECORD_RETENTION_YEARS
  return { summary, plan: planErasure(summary, now, years) }
}

export type ErasureResult = {
  plan: ErasurePlan
  /** What was removed or changed, counted (ids and counts only: it goes into the audit). */
  counts: Record<string, number>
}

/**
 * Performs the plan inside the caller's transaction. A refusal changes nothing. Granted: the
 * contact details of the patient and of their merged records are blanked (`erased_at`), their
 * drafts, waitlist entries, email codes, sessions, emails and manage links go. Partly granted: the
 * record is restricted (`restricted_at`), and the drafts, waitlist entries and codes go.
 */
export function performErasure(tx: Tx, patientId: string, now: Date): ErasureResult | null {
  const preview = previewErasure(patientId, now, tx)
  if (!preview) return null
  const { plan } = preview
  if (plan.outcome === 'refused') return { plan, counts: {} }
  const { ids, emails } = scopeOf(tx, patientId)!
  const counts: Record<string, number> = {}
  counts.drafts = tx
    .delete(bookingDrafts)
    .where(inArray(sql`lower(${bookingDrafts.email})`, emails))
    .run().changes
  // Offers point at entries: the entries stay, removed and with nobody's name on them.
  counts.waitlistEntries = tx
    .update(waitlistEntries)
    .set({
      fullName: ERASED_NAME,
      email: erasedEmail(patientId),
      status: 'removed',
      confirmTokenHash: null,
      updatedAt: now,
    })
    .where(inArray(sql`lower(${waitlistEntries.email})`, emails))
    .run().changes
  counts.emailCodes = tx
    .delete(emailVerifications)
    .where(inArray(sql`lower(${emailVerifications.email})`, emails))
    .run().changes
  if (plan.outcome === 'partly_granted') {
    counts.restricted = tx
      .update(patients)
      .set({ restrictedAt: now, updatedAt: now })
      .where(and(inArray(patients.id, ids), isNull(patients.restrictedAt)))
      .run().changes
    return { plan, counts }
  }
  counts.sessions = tx
    .delete(patientSessions)
    .where(inArray(patientSessions.verifiedEmail, emails))
    .run().changes
  counts.emails = tx
    .delete(emailOutbox)
    .where(inArray(sql`lower(${emailOutbox.toAddress})`, emails))
    .run().changes
  const bookingIds = tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(inArray(bookings.patientId, ids))
    .all()
    .map((row) => row.id)
  counts.manageLinks = bookingIds.length
    ? tx.delete(bookingManageLinks).where(inArray(bookingManageLinks.bookingId, bookingIds)).run()
        .changes
    : 0
  counts.patients = 0
  for (const id of ids)
    counts.patients += tx
      .update(patients)
      .set({
        fullName: ERASED_NAME,
        email: erasedEmail(id),
        phone: '',
        dateOfBirth: '',
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(patients.id, id))
      .run().changes
  return { plan, counts }
}
