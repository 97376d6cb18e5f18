import { and, desc, eq, gte, inArray, or } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { STAFF_ROLES, type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { loadOwnedBooking } from '#app/domain/booking/owned-booking.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type PatientBookingQuery } from '#app/domain/patient/patient-booking-query.ts'
import { mergedInto, patientRecordIds } from '#app/domain/patients/patient-merge.server.ts'
import { getDb, type Db, type Tx } from '#db/client.server.ts'
import { auditEvents, patients, userRoles, users } from '#db/schema/index.ts'
import { limitRows, RECORD_ACCESS_LIMIT, recordAccessSince } from './record-access.rules.ts'

/**
 * "Who looked at my record" (issue 19, item 3): the staff views and changes of one patient's
 * record, read from the audit chain. Only staff rows (not the patient's own, not the system's),
 * of the record and of any record merged into it, from the last 12 months, newest first, at
 * most RECORD_ACCESS_LIMIT rows. Each row gives who, their roles, when, the action code and the
 * record type; never the details JSON. Reading the list is itself audited
 * ('privacy.access_report.viewed'), in the same transaction.
 */

export type RecordAccessEntry = {
  seq: number
  at: Date
  action: string
  subjectType: string | null
  /** The staff member's display name; null when the account is gone. */
  staffName: string | null
  /** Their roles today, in a fixed order. */
  roles: StaffRole[]
}

export type RecordAccessReport = {
  patientId: string
  entries: RecordAccessEntry[]
  /** The list starts here (12 months back). */
  since: Date
  /** More rows than RECORD_ACCESS_LIMIT: the oldest were left out. */
  truncated: boolean
  limit: number
  timeZone: string
}

/** The rows themselves, without auditing the read (for the two entry points below). */
export function listRecordAccess(input: {
  patientId: string
  now: Date
  db?: Db | Tx
}): Omit<RecordAccessReport, 'timeZone'> {
  const db = input.db ?? getDb()
  const ids = patientRecordIds(input.patientId, db)
  const since = recordAccessSince(input.now)
  const rows = db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.occurredAt,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      actorId: auditEvents.actorId,
      staffName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.actorType, 'staff'),
        or(
          inArray(auditEvents.patientId, ids),
          and(eq(auditEvents.subjectType, 'patient'), inArray(auditEvents.subjectId, ids)),
        ),
        gte(auditEvents.occurredAt, since),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(RECORD_ACCESS_LIMIT + 1)
    .all()
  const { rows: shown, truncated } = limitRows(rows)
  const actorIds = [...new Set(shown.flatMap((row) => (row.actorId ? [row.actorId] : [])))]
  const rolesOf = new Map<string, StaffRole[]>()
  if (actorIds.length)
    for (const row of db
      .select({ userId: userRoles.userId, role: userRoles.role })
      .from(userRoles)
      .where(inArray(userRoles.userId, actorIds))
      .all())
      rolesOf.set(row.userId, [...(rolesOf.get(row.userId) ?? []), row.role])
  const ordered = (roles: StaffRole[]) => STAFF_ROLES.filter((role) => roles.includes(role))
  return {
    patientId: input.patientId,
    since,
    truncated,
    limit: RECORD_ACCESS_LIMIT,
    entries: shown.map((row) => ({
      seq: row.seq,
      at: row.at,
      action: row.action,
      subjectType: row.subjectType,
      staffName: row.staffName,
      roles: ordered(row.actorId ? (rolesOf.get(row.actorId) ?? []) : []),
    })),
  }
}

function reportAndAudit(
  tx: Tx,
  input: { patientId: string; actor: AuditActor; now: Date; bookingId?: string },
): RecordAccessReport {
  const report = listRecordAccess({ patientId: input.patientId, now: input.now, db: tx })
  recordAuditEvent(tx, {
    action: 'privacy.access_report.viewed',
    actor: input.actor,
    subjectType: 'patient',
    subjectId: input.patientId,
    patientId: input.patientId,
    details: {
      rows: report.entries.length,
      ...(input.bookingId ? { bookingId: input.bookingId } : {}),
    },
    at: input.now,
  })
  return { ...report, timeZone: getClinicSettings().timeZone }
}

/**
 * The patient's own list, from one of their booking pages: the session must have proved the
 * booking's email, exactly as for the booking page; anything else is null (a 404).
 */
export function getPatientRecordAccess(
  query: PatientBookingQuery,
): (RecordAccessReport & { reference: string }) | null {
  return getDb().transaction(
    (tx) => {
      const owned = loadOwnedBooking(tx, query.session, query.reference)
      if (!owned) return null
      // A booking of a record since merged into another: the list is the survivor's (both).
      const report = reportAndAudit(tx, {
        patientId: mergedInto(owned.patient.id, tx) ?? owned.patient.id,
        actor: {
          type: 'patient',
          id: owned.patient.id,
          ipAddress: query.actor.ipAddress,
          requestId: query.actor.requestId,
        },
        now: query.now,
        bookingId: owned.booking.id,
      })
      return { ...report, reference: owned.booking.reference }
    },
    { behavior: 'immediate' },
  )
}

export type StaffRecordAccess =
  | { ok: true; report: RecordAccessReport; patientName: string }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'merged'; survivorId: string }

/**
 * The same list for staff answering a patient (the route lets admins and clinicians in). A
 * record merged into another answers with the survivor, whose list holds both.
 */
export function getRecordAccessForStaff(input: {
  patientId: string
  actor: AuditActor
  now: Date
}): StaffRecordAccess {
  const survivorId = mergedInto(input.patientId)
  if (survivorId) return { ok: false, reason: 'merged', survivorId }
  return getDb().transaction(
    (tx) => {
      const patient = tx
        .select({ id: patients.id, fullName: patients.fullName })
        .from(patients)
        .where(eq(patients.id, input.patientId))
        .get()
      if (!patient) return { ok: false, reason: 'not-found' } as const
      const report = reportAndAudit(tx, { ...input, patientId: patient.id })
      return { ok: true, report, patientName: patient.fullName } as const
    },
    { behavior: 'immediate' },
  )
}
