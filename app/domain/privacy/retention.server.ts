import { and, desc, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { SYSTEM_ACTOR } from '#app/domain/audit/audit.schema.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import {
  bookingDrafts,
  bookings,
  emailOutbox,
  emailVerifications,
  patients,
  retentionRuns,
} from '#db/schema/index.ts'
import {
  parseRunCounts,
  RETENTION_JOBS,
  retentionRules,
  RETENTION_RUN_HISTORY_DAYS,
  retentionCutoff,
  type RetentionJob,
} from './retention.rules.ts'

/**
 * The retention jobs (docs/decisions/049-retention.md). Each deletes or reduces what is past its
 * period in one transaction, records its run (time and counts) and, when it removed something,
 * one audit row `retention.<job>.ran` with the counts and the ids removed: never names, emails or
 * content, so the audit chain stays whole and verifiable while the rows it mentions are gone.
 * Clinical records are never touched: the database refuses that anyway (append-only triggers).
 */

export type RetentionCounts = Record<string, number>

type JobResult = { counts: RetentionCounts; ids: Record<string, string[]> }

/** The audit action of each job (written out whole: the audit labels test looks for them). */
const AUDIT_ACTIONS: Record<RetentionJob, { action: string }> = {
  drafts: { action: 'retention.drafts.ran' },
  unverified_patients: { action: 'retention.unverified_patients.ran' },
  email_codes: { action: 'retention.email_codes.ran' },
  outbox_bodies: { action: 'retention.outbox_bodies.ran' },
}

/** Records the run, and the audit row when something went. Inside the job's transaction. */
function recordRun(tx: Tx, job: RetentionJob, now: Date, result: JobResult): RetentionCounts {
  tx.insert(retentionRuns)
    .values({ job, ranAt: now, counts: JSON.stringify(result.counts) })
    .run()
  // Run records are counts only; the page needs the latest, so old ones go.
  const historyCutoff = new Date(now.getTime() - RETENTION_RUN_HISTORY_DAYS * 24 * 60 * 60_000)
  tx.delete(retentionRuns)
    .where(and(eq(retentionRuns.job, job), lte(retentionRuns.ranAt, historyCutoff)))
    .run()
  if (Object.values(result.counts).some((count) => count > 0))
    recordAuditEvent(tx, {
      ...AUDIT_ACTIONS[job],
      actor: SYSTEM_ACTOR,
      details: { ...result.counts, ...result.ids },
      at: now,
    })
  return result.counts
}

function runJob(job: RetentionJob, now: Date, work: (tx: Tx, cutoff: Date) => JobResult) {
  return getDb().transaction((tx) => recordRun(tx, job, now, work(tx, retentionCutoff(job, now))), {
    behavior: 'immediate',
  })
}

/**
 * Booking drafts not touched for the period whose hold, if any, lapsed before it too. The hold
 * rows themselves stay: they carry no patient (a hold has none until it is booked), bookings are
 * never deleted (trigger) and their state history points at them.
 */
export function purgeAbandonedDrafts(now: Date): RetentionCounts {
  return runJob('drafts', now, (tx, cutoff) => {
    const rows = tx
      .select({ id: bookingDrafts.id, heldBookingId: bookingDrafts.heldBookingId })
      .from(bookingDrafts)
      .leftJoin(bookings, eq(bookings.id, bookingDrafts.heldBookingId))
      .where(
        and(
          lte(bookingDrafts.updatedAt, cutoff),
          or(
            sql`${bookings.id} IS NULL`,
            ne(bookings.status, 'held'),
            lte(bookings.holdExpiresAt, cutoff),
          ),
        ),
      )
      .all()
    const ids = rows.map((row) => row.id)
    if (ids.length > 0) tx.delete(bookingDrafts).where(inArray(bookingDrafts.id, ids)).run()
    return {
      counts: {
        drafts: ids.length,
        lapsedHolds: rows.filter((row) => row.heldBookingId !== null).length,
      },
      ids: { draftIds: ids },
    }
  })
}

/** Every (table, column) with a foreign key to patients, read from the schema itself. */
function patientReferences(tx: Tx): { table: string; column: string }[] {
  return tx.all<{ table: string; column: string }>(
    sql`SELECT m.name AS "table", f."from" AS "column"
          FROM sqlite_master m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f."table" = 'patients'`,
  )
}

const quoted = (name: string) => sql.identifier(name)

/**
 * Patients created before the period whom nothing references: no booking, consent, health
 * answers, photo, merge, or any table added later with a key to patients. A patient someone
 * refers to stays. Audit rows mention patients by id only, so they do not hold one back.
 */
export function purgeUnverifiedPatients(now: Date): RetentionCounts {
  return runJob('unverified_patients', now, (tx, cutoff) => {
    const unreferenced = patientReferences(tx).map(
      ({ table, column }) =>
        sql`NOT EXISTS (SELECT 1 FROM ${quoted(table)} r WHERE r.${quoted(column)} = ${patients.id})`,
    )
    const ids = tx
      .select({ id: patients.id })
      .from(patients)
      .where(
        and(
          lte(patients.createdAt, cutoff),
          sql`${patients.mergedIntoPatientId} IS NULL`,
          ...unreferenced,
        ),
      )
      .all()
      .map((row) => row.id)
    if (ids.length > 0) tx.delete(patients).where(inArray(patients.id, ids)).run()
    return { counts: { patients: ids.length }, ids: { patientIds: ids } }
  })
}

/** Email codes that expired more than the period ago, used or not. */
export function purgeExpiredEmailCodes(now: Date): RetentionCounts {
  return runJob('email_codes', now, (tx, cutoff) => {
    const ids = tx
      .select({ id: emailVerifications.id })
      .from(emailVerifications)
      .where(lte(emailVerifications.expiresAt, cutoff))
      .all()
      .map((row) => row.id)
    if (ids.length > 0)
      tx.delete(emailVerifications).where(inArray(emailVerifications.id, ids)).run()
    return { counts: { codes: ids.length }, ids: { codeIds: ids } }
  })
}

/**
 * Emails sent (or finally failed) more than the period ago lose their bodies: the text, HTML and
 * calendar file are cleared; to, subject, dedupe key, status and dates stay.
 */
export function reduceOldOutboxBodies(now: Date): RetentionCounts {
  return runJob('outbox_bodies', now, (tx, cutoff) => {
    const ids = tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          or(
            and(eq(emailOutbox.status, 'sent'), lte(emailOutbox.sentAt, cutoff)),
            and(eq(emailOutbox.status, 'failed'), lte(emailOutbox.createdAt, cutoff)),
          ),
          or(
            ne(emailOutbox.textBody, ''),
            isNotNull(emailOutbox.htmlBody),
            isNotNull(emailOutbox.icsContent),
            isNotNull(emailOutbox.icsFilename),
          ),
        ),
      )
      .all()
      .map((row) => row.id)
    if (ids.length > 0)
      tx.update(emailOutbox)
        .set({ textBody: '', htmlBody: null, icsContent: null, icsFilename: null })
        .where(inArray(emailOutbox.id, ids))
        .run()
    return { counts: { emails: ids.length }, ids: { emailIds: ids } }
  })
}

const JOBS: Record<RetentionJob, (now: Date) => RetentionCounts> = {
  drafts: purgeAbandonedDrafts,
  unverified_patients: purgeUnverifiedPatients,
  email_codes: purgeExpiredEmailCodes,
  outbox_bodies: reduceOldOutboxBodies,
}

/** Every retention job, in order, each in its own transaction; the counts of all of them. */
export function runRetentionJobs(now: Date): RetentionCounts {
  const totals: RetentionCounts = {}
  for (const job of RETENTION_JOBS)
    for (const [key, value] of Object.entries(JOBS[job](now))) totals[key] = value
  return totals
}

export type RetentionJobStatus = {
  job: RetentionJob
  lastRun: { ranAt: Date; counts: RetentionCounts } | null
}

/** Each job and its latest run, for the admin page. */
export function listRetentionJobStatus(): RetentionJobStatus[] {
  const db = getDb()
  return RETENTION_JOBS.map((job) => {
    const last = db
      .select()
      .from(retentionRuns)
      .where(eq(retentionRuns.job, job))
      .orderBy(desc(retentionRuns.ranAt))
      .limit(1)
      .get()
    return {
      job,
      lastRun: last ? { ranAt: last.ranAt, counts: parseRunCounts(last.counts) } : null,
    }
  })
}

/** The admin retention page: the rules, each job's latest run, and the clinic's zone. */
export function getRetentionOverview() {
  const settings = getClinicSettings()
  return {
    timeZone: settings.timeZone,
    rules: retentionRules(settings.clinicalRecordRetentionYears),
    jobs: listRetentionJobStatus(),
  }
}
