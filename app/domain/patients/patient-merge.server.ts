import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { bookings, consentRecords, patients, screeningSubmissions } from '#db/schema/index.ts'
import {
  type MergeLinks,
  type MergeRefusal,
  mergeRefusal,
  recordsOf,
  survivorOf,
} from './patient-merge.rules.ts'

/**
 * Merging two records of one person (issue 17, docs/decisions/041). An admin picks the duplicate
 * from the survivor's chart and confirms a preview of what moves. The merge only marks the
 * duplicate (`patients.merged_into_patient_id`): bookings, answers, consents, check-ins and
 * treatment records keep the patient id they were written with (the clinical tables are
 * append-only), and the survivor's chart and search read the history of every record merged
 * into it. Audited as `patient.merged`, ids only.
 */

/** Every merged record and the record it was merged into. */
export function mergeLinks(db: Db | Tx = getDb()): MergeLinks {
  return new Map(
    db
      .select({ id: patients.id, into: patients.mergedIntoPatientId })
      .from(patients)
      .where(isNotNull(patients.mergedIntoPatientId))
      .all()
      .map((row) => [row.id, row.into!] as const),
  )
}

/** The ids whose history the patient's chart shows: the patient's own first. */
export function patientRecordIds(patientId: string, db: Db | Tx = getDb()): string[] {
  return recordsOf(patientId, mergeLinks(db))
}

/**
 * Where a merged record's chart now is: the survivor's id, or null when the record was never
 * merged (or does not exist).
 */
export function mergedInto(patientId: string, db: Db | Tx = getDb()): string | null {
  const links = mergeLinks(db)
  if (!links.has(patientId)) return null
  return survivorOf(patientId, links)
}

export type MergeSide = {
  id: string
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
}

/**
 * The record a merge starts from (the chart's): who it is, or why nothing may be merged into it.
 */
export function getMergeSurvivor(
  patientId: string,
): { ok: true; survivor: MergeSide } | { ok: false; reason: 'not-found' | 'survivor-merged' } {
  const row = sideOf(getDb(), patientId)
  if (!row) return { ok: false, reason: 'not-found' }
  if (row.mergedIntoPatientId !== null) return { ok: false, reason: 'survivor-merged' }
  const { mergedIntoPatientId: _, ...survivor } = row
  return { ok: true, survivor }
}

/** What a merge moves onto the survivor's chart: the duplicate's records, counted. */
export type MergePreview = {
  survivor: MergeSide
  duplicate: MergeSide
  moves: { bookings: number; screenings: number; consents: number }
}

export type MergeOutcome =
  { ok: true; preview: MergePreview } | { ok: false; reason: MergeRefusal | 'not-found' }

function sideOf(db: Db | Tx, id: string) {
  return db
    .select({
      id: patients.id,
      fullName: patients.fullName,
      email: patients.email,
      phone: patients.phone,
      dateOfBirth: patients.dateOfBirth,
      mergedIntoPatientId: patients.mergedIntoPatientId,
    })
    .from(patients)
    .where(eq(patients.id, id))
    .get()
}

const count = (db: Db | Tx, table: typeof bookings | typeof consentRecords, ids: string[]) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(inArray(table.patientId, ids))
    .get()!.n

function previewIn(db: Db | Tx, survivorId: string, duplicateId: string): MergeOutcome {
  const survivor = sideOf(db, survivorId)
  const duplicate = sideOf(db, duplicateId)
  if (!survivor || !duplicate) return { ok: false, reason: 'not-found' }
  const refusal = mergeRefusal(survivor, duplicate)
  if (refusal) return { ok: false, reason: refusal }
  // The duplicate may hold records merged into it before: they come along.
  const moving = patientRecordIds(duplicate.id, db)
  const strip = ({ mergedIntoPatientId: _, ...side }: typeof survivor): MergeSide => side
  return {
    ok: true,
    preview: {
      survivor: strip(survivor),
      duplicate: strip(duplicate),
      moves: {
        bookings: count(db, bookings, moving),
        screenings: db
          .select({ n: sql<number>`count(*)` })
          .from(screeningSubmissions)
          .where(inArray(screeningSubmissions.patientId, moving))
          .get()!.n,
        consents: count(db, consentRecords, moving),
      },
    },
  }
}

/** What merging `duplicateId` into `survivorId` would do, or why it may not be done. */
export function previewPatientMerge(input: {
  survivorId: string
  duplicateId: string
}): MergeOutcome {
  return previewIn(getDb(), input.survivorId, input.duplicateId)
}

/**
 * Marks the duplicate as merged into the survivor, after the same checks as the preview, inside
 * one write transaction (two admins merging at once cannot both succeed, nor make a cycle).
 */
export function mergePatients(input: {
  survivorId: string
  duplicateId: string
  actor: StaffActor
  now: Date
}): MergeOutcome {
  return getDb().transaction(
    (tx): MergeOutcome => {
      const outcome = previewIn(tx, input.survivorId, input.duplicateId)
      if (!outcome.ok) return outcome
      const changed = tx
        .update(patients)
        .set({ mergedIntoPatientId: input.survivorId, updatedAt: input.now })
        .where(and(eq(patients.id, input.duplicateId), isNull(patients.mergedIntoPatientId)))
        .run().changes
      if (changed !== 1) return { ok: false, reason: 'duplicate-merged' }
      recordAuditEvent(tx, {
        action: 'patient.merged',
        actor: auditActorOf(input.actor),
        subjectType: 'patient',
        subjectId: input.duplicateId,
        patientId: input.survivorId,
        details: { survivorId: input.survivorId, duplicateId: input.duplicateId },
        at: input.now,
      })
      return outcome
    },
    { behavior: 'immediate' },
  )
}
