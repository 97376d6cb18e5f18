import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import {
  PRIVACY_NOTICE_STATUSES,
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_STATUSES,
} from '#app/domain/privacy/privacy.constants.ts'
import { users } from './auth.ts'
import { bookings, patients } from './booking.ts'
import { createdAt, enumCheck, id, instant, updatedAt } from './columns.ts'

/**
 * The privacy notice patients read before the first health question (ADR 050), in versions like
 * the consent: a draft is edited freely, a published version never changes (triggers), and each
 * screening submission records the version its patient was shown.
 */
export const privacyNoticeVersions = sqliteTable(
  'privacy_notice_versions',
  {
    id: id(),
    versionNumber: integer().notNull(),
    status: text({ enum: PRIVACY_NOTICE_STATUSES }).notNull(),
    /** JSON: the notice in every language (PrivacyNoticeContentSchema). */
    content: text().notNull(),
    createdAt: createdAt(),
    /** Null for the first version, which came with the app (a migration). */
    createdByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    updatedAt: updatedAt(),
    publishedAt: instant(),
    publishedByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
  },
  (table) => [
    check('privacy_notice_status', enumCheck(table.status, PRIVACY_NOTICE_STATUSES)),
    check('privacy_notice_number', sql`${table.versionNumber} >= 1`),
    check(
      'privacy_notice_published',
      sql`${table.status} = 'draft' OR ${table.publishedAt} IS NOT NULL`,
    ),
    uniqueIndex('privacy_notice_version_number').on(table.versionNumber),
    // At most one draft at a time.
    uniqueIndex('privacy_notice_one_draft')
      .on(table.status)
      .where(sql`${table.status} = 'draft'`),
  ],
)

/**
 * A patient's request about their data (GDPR Art. 16–18, ADR 051), made from their booking page and
 * decided by an admin within a month. Decided once: the decision and its reason never change
 * (triggers), and a request is never deleted.
 */
export const privacyRequests = sqliteTable(
  'privacy_requests',
  {
    id: id(),
    patientId: text()
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    /** The booking page the request was made from. */
    bookingId: text().references(() => bookings.id, { onDelete: 'restrict' }),
    kind: text({ enum: PRIVACY_REQUEST_KINDS }).notNull(),
    /** The patient's words: what is wrong (correction) or why (restriction, erasure). */
    details: text().notNull().default(''),
    status: text({ enum: PRIVACY_REQUEST_STATUSES }).notNull().default('open'),
    /** One month after the request (Art. 12(3)). */
    dueAt: instant().notNull(),
    decidedAt: instant(),
    decidedByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    /** Shown to the patient: why, and under which law, anything was kept or refused. */
    decisionReason: text(),
    /** JSON: counts of what the decision removed, restricted or corrected (ids and counts only). */
    outcome: text(),
    createdAt: createdAt(),
  },
  (table) => [
    check('privacy_requests_kind', enumCheck(table.kind, PRIVACY_REQUEST_KINDS)),
    check('privacy_requests_status', enumCheck(table.status, PRIVACY_REQUEST_STATUSES)),
    check(
      'privacy_requests_decided',
      sql`(${table.status} = 'open') = (${table.decidedAt} IS NULL) AND (${table.status} = 'open' OR (${table.decidedByUserId} IS NOT NULL AND ${table.decisionReason} IS NOT NULL))`,
    ),
    index('privacy_requests_queue').on(table.status, table.dueAt),
    index('privacy_requests_patient').on(table.patientId, table.createdAt),
    // One open request of each kind per patient.
    uniqueIndex('privacy_requests_one_open')
      .on(table.patientId, table.kind)
      .where(sql`${table.status} = 'open'`),
  ],
)
