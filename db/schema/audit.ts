import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { instant } from './columns.ts'

/**
 * The audit log: one append-only, hash-chained table for security events and every view and
 * change of health and consent records (security goals E1–E3). Each row's hash covers the
 * previous row's hash, so removing or editing a row breaks the chain from that point on.
 * Triggers in the migration refuse UPDATE and DELETE.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    /** Chain position. An integer here is fine: it never appears in a patient-facing URL. */
    seq: integer().primaryKey({ autoIncrement: true }),
    occurredAt: instant().notNull(),
    /** e.g. "auth.sign_in.succeeded", "screening.viewed". */
    action: text().notNull(),
    actorType: text().notNull(),
    actorId: text(),
    /** The kind and id of the record concerned, when there is one. */
    subjectType: text(),
    subjectId: text(),
    /** The patient whose data was touched, so one query answers "who looked at my data?". */
    patientId: text(),
    ipAddress: text(),
    requestId: text(),
    /** JSON with non-secret details (never passwords, tokens, codes or health answers). */
    details: text().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (table) => [
    index('audit_events_patient').on(table.patientId, table.seq),
    index('audit_events_subject').on(table.subjectType, table.subjectId),
    index('audit_events_action').on(table.action, table.seq),
    // The admin audit browser filters by who acted and by date (docs/decisions/020-audit-log.md).
    index('audit_events_actor').on(table.actorId, table.seq),
    index('audit_events_occurred_at').on(table.occurredAt),
  ],
)
