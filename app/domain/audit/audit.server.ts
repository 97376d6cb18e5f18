import { createHash } from 'node:crypto'
import { desc, sql } from 'drizzle-orm'
import { type Db, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { auditEvents } from '#db/schema/index.ts'
import { AUDIT_GENESIS_HASH, type AuditActor } from './audit.schema.ts'

export type AuditEventInput = {
  action: string
  actor: AuditActor
  subjectType?: string
  subjectId?: string
  patientId?: string | null
  /** Non-secret facts only: never passwords, tokens, codes or health answers. */
  details?: Record<string, unknown>
  at?: Date
}

type ChainFields = {
  seq: number
  occurredAt: number
  action: string
  actorType: string
  actorId: string | null
  subjectType: string | null
  subjectId: string | null
  patientId: string | null
  ipAddress: string | null
  requestId: string | null
  details: string
}

/** The hash of one row: SHA-256 over the previous hash and the row's fields in a fixed order. */
export function hashAuditRow(prevHash: string, row: ChainFields): string {
  const canonical = JSON.stringify([
    prevHash,
    row.seq,
    row.occurredAt,
    row.action,
    row.actorType,
    row.actorId,
    row.subjectType,
    row.subjectId,
    row.patientId,
    row.ipAddress,
    row.requestId,
    row.details,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Appends one audit row, chained to the last one. Call it inside the transaction that makes the
 * change it records, so the change and its audit row commit together or not at all.
 */
const chainHeadQuery = preparedStatement((db) =>
  db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1)
    .prepare(),
)
const CHAIN_COLUMNS = [
  'seq',
  'occurredAt',
  'action',
  'actorType',
  'actorId',
  'subjectType',
  'subjectId',
  'patientId',
  'ipAddress',
  'requestId',
  'details',
  'prevHash',
  'hash',
] as const
const appendQuery = preparedStatement((db) =>
  db
    .insert(auditEvents)
    .values(
      Object.fromEntries(
        CHAIN_COLUMNS.map((column) => [column, sql.placeholder(column)]),
      ) as unknown as typeof auditEvents.$inferInsert,
    )
    .prepare(),
)

export function recordAuditEvent(tx: Tx | Db, input: AuditEventInput): void {
  const last = chainHeadQuery(tx).get()
  const row: ChainFields = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: (input.at ?? new Date()).getTime(),
    action: input.action,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    patientId: input.patientId ?? null,
    ipAddress: input.actor.ipAddress ?? null,
    requestId: input.actor.requestId ?? null,
    details: JSON.stringify(input.details ?? {}),
  }
  const prevHash = last?.hash ?? AUDIT_GENESIS_HASH
  appendQuery(tx).run({
    ...row,
    occurredAt: new Date(row.occurredAt),
    prevHash,
    hash: hashAuditRow(prevHash, row),
  })
}

export type AuditChainReport =
  { ok: true; rows: number; head: string } | { ok: false; firstBadSeq: number; reason: string }

/**
 * Walks the whole chain and reports the first row whose link or hash does not hold. Takes any
 * connection (the app's, a backup copy's, the audit:verify script's).
 */
export function verifyAuditChain(db: Pick<Db, '$client'>): AuditChainReport {
  let prevHash = AUDIT_GENESIS_HASH
  let expectedSeq = 1
  let rows = 0
  // Iterate row by row: the log grows without bound and must not be loaded whole.
  const iterator = db.$client
    .prepare(
      `SELECT seq, occurred_at AS occurredAt, action, actor_type AS actorType, actor_id AS actorId,
              subject_type AS subjectType, subject_id AS subjectId, patient_id AS patientId,
              ip_address AS ipAddress, request_id AS requestId, details, prev_hash AS prevHash, hash
         FROM audit_events ORDER BY seq`,
    )
    .iterate() as IterableIterator<ChainFields & { prevHash: string; hash: string }>
  for (const row of iterator) {
    if (row.seq !== expectedSeq)
      return { ok: false, firstBadSeq: expectedSeq, reason: 'missing row' }
    if (row.prevHash !== prevHash) return { ok: false, firstBadSeq: row.seq, reason: 'broken link' }
    const recomputed = hashAuditRow(prevHash, row)
    if (recomputed !== row.hash) return { ok: false, firstBadSeq: row.seq, reason: 'altered row' }
    prevHash = row.hash
    expectedSeq += 1
    rows += 1
  }
  return { ok: true, rows, head: prevHash }
}
