import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm'
import { addDays, instantAt } from '#app/domain/shared/calendar.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { auditEvents, users } from '#db/schema/index.ts'
import { type AuditActor, AUDIT_PAGE_SIZE, type AuditFilters } from './audit.schema.ts'
import { prefixUpperBound } from './audit.rules.ts'
import { recordAuditEvent, verifyAuditChain } from './audit.server.ts'

/**
 * Reading the audit log (/admin/audit, docs/decisions/020-audit-log.md). Newest first, paged by
 * sequence number (the log only grows, so page boundaries never shift). Every read is itself
 * audited ('audit.viewed'), in the same transaction; so is every chain verification.
 */

export type AuditEntry = {
  seq: number
  occurredAt: Date
  action: string
  actorType: string
  actorId: string | null
  actorName: string | null
  actorEmail: string | null
  subjectType: string | null
  subjectId: string | null
  patientId: string | null
  ipAddress: string | null
  details: string
}

export type AuditPage = {
  entries: AuditEntry[]
  /** Sequence numbers for the links to the next newer and older pages, when there are any. */
  newerAfter: number | null
  olderBefore: number | null
  timeZone: string
  subjectTypes: string[]
  /** The actor filter named a staff email that matches nobody. */
  unknownActorEmail: boolean
}

/** The WHERE conditions for the filters (without the paging cursor). */
function conditionsFor(tx: Tx, filters: AuditFilters, timeZone: string) {
  const conditions: SQL[] = []
  let unknownActorEmail = false
  if (filters.action) {
    conditions.push(gte(auditEvents.action, filters.action))
    conditions.push(lt(auditEvents.action, prefixUpperBound(filters.action)!))
  }
  if (filters.actor) {
    let actorId = filters.actor
    if (filters.actor.includes('@')) {
      const user = tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, filters.actor.toLowerCase()))
        .get()
      unknownActorEmail = !user
      actorId = user?.id ?? ''
    }
    conditions.push(eq(auditEvents.actorId, actorId))
  }
  if (filters.patient) conditions.push(eq(auditEvents.patientId, filters.patient))
  if (filters.subjectType) conditions.push(eq(auditEvents.subjectType, filters.subjectType))
  if (filters.subjectId) conditions.push(eq(auditEvents.subjectId, filters.subjectId))
  if (filters.from)
    conditions.push(gte(auditEvents.occurredAt, new Date(instantAt(filters.from, 0, timeZone))))
  if (filters.to) {
    const end = instantAt(addDays(filters.to, 1), 0, timeZone)
    conditions.push(lt(auditEvents.occurredAt, new Date(end)))
  }
  return { conditions, unknownActorEmail }
}

function selectEntries(tx: Tx) {
  return tx
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      actorName: users.name,
      actorEmail: users.email,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      patientId: auditEvents.patientId,
      ipAddress: auditEvents.ipAddress,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(auditEvents.actorType, 'staff'), eq(users.id, auditEvents.actorId)))
}

/**
 * The record types in the log, by hopping along the (subject_type, subject_id) index one
 * distinct value at a time: a handful of look-ups however long the log grows.
 */
function distinctSubjectTypes(tx: Tx): string[] {
  const rows = tx.all<{ type: string }>(sql`
    WITH RECURSIVE types(type) AS (
      SELECT min(subject_type) FROM audit_events
      UNION ALL
      SELECT (SELECT min(subject_type) FROM audit_events WHERE subject_type > types.type)
        FROM types WHERE types.type IS NOT NULL
    )
    SELECT type FROM types WHERE type IS NOT NULL`)
  return rows.map((row) => row.type)
}

export function listAuditEvents(input: { filters: AuditFilters; actor: AuditActor }): AuditPage {
  const { filters } = input
  const timeZone = getClinicSettings().timeZone
  return getDb().transaction(
    (tx) => {
      const { conditions, unknownActorEmail } = conditionsFor(tx, filters, timeZone)
      const exists = (extra: SQL) =>
        tx
          .select({ seq: auditEvents.seq })
          .from(auditEvents)
          .where(and(...conditions, extra))
          .limit(1)
          .get() !== undefined
      let entries: AuditEntry[]
      let newerAfter: number | null = null
      let olderBefore: number | null = null
      if (filters.after !== undefined && filters.before === undefined) {
        // Going back towards the newest: the N rows just above `after`, shown newest first.
        const rows = selectEntries(tx)
          .where(and(...conditions, gt(auditEvents.seq, filters.after)))
          .orderBy(asc(auditEvents.seq))
          .limit(AUDIT_PAGE_SIZE + 1)
          .all()
        entries = rows.slice(0, AUDIT_PAGE_SIZE).reverse()
        if (rows.length > AUDIT_PAGE_SIZE) newerAfter = entries[0]!.seq
        if (exists(lte(auditEvents.seq, filters.after))) olderBefore = filters.after + 1
      } else {
        const rows = selectEntries(tx)
          .where(
            and(
              ...conditions,
              filters.before !== undefined ? lt(auditEvents.seq, filters.before) : undefined,
            ),
          )
          .orderBy(desc(auditEvents.seq))
          .limit(AUDIT_PAGE_SIZE + 1)
          .all()
        entries = rows.slice(0, AUDIT_PAGE_SIZE)
        if (rows.length > AUDIT_PAGE_SIZE) olderBefore = entries.at(-1)!.seq
        if (filters.before !== undefined && exists(gte(auditEvents.seq, filters.before)))
          newerAfter = filters.before - 1
      }
      const subjectTypes = distinctSubjectTypes(tx)
      // Who looked at the log, and for what (a patient filter names the patient on the row).
      recordAuditEvent(tx, {
        action: 'audit.viewed',
        actor: input.actor,
        patientId: filters.patient ?? null,
        details: {
          filters: Object.fromEntries(
            Object.entries(filters).filter(([, value]) => value !== undefined),
          ),
          rows: entries.length,
        },
      })
      return { entries, newerAfter, olderBefore, timeZone, subjectTypes, unknownActorEmail }
    },
    { behavior: 'immediate' },
  )
}

export type ChainCheck =
  | { ok: true; rows: number; head: string; checkedAt: Date }
  | { ok: false; firstBadSeq: number; reason: string; checkedAt: Date }

/**
 * Walks the whole chain now, and records that an admin did (with the outcome). The walk reads
 * one snapshot outside any write transaction, so writers are never held up while it runs.
 */
export function verifyAuditChainForAdmin(input: { actor: AuditActor }): ChainCheck {
  const db = getDb()
  const report = verifyAuditChain(db)
  const checkedAt = new Date()
  db.transaction(
    (tx) =>
      recordAuditEvent(tx, {
        action: 'audit.chain_verified',
        actor: input.actor,
        details: report.ok
          ? { ok: true, rows: report.rows, head: report.head }
          : { ok: false, firstBadSeq: report.firstBadSeq, reason: report.reason },
        at: checkedAt,
      }),
    { behavior: 'immediate' },
  )
  return { ...report, checkedAt }
}
