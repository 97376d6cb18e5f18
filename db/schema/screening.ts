import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import {
  REVIEW_ACTOR_TYPES,
  REVIEW_EVENT_KINDS,
  SCREENING_OUTCOMES,
  SUBMISSION_SOURCES,
} from '#app/domain/screening/screening.schema.ts'
import { LOCALES } from '#app/i18n/locales.ts'
import { users } from './auth.ts'
import { privacyNoticeVersions } from './privacy.ts'
import { bookings, patients } from './booking.ts'
import { createdAt, enumCheck, id, instant } from './columns.ts'

/**
 * Screening rule-set versions: the clinic's waiting windows and stricter choices as published.
 * Append-only (triggers): publishing makes a new version; submissions point at the one that
 * judged them. Version 1 (the defaults of docs/clinical-reference.md table 1.2) comes with the
 * migration.
 */
export const screeningRuleSets = sqliteTable(
  'screening_rule_sets',
  {
    id: id(),
    version: integer().notNull().unique(),
    /** JSON, parsed with StoredSettingsSchema (screening.schema.ts). */
    settings: text().notNull(),
    note: text(),
    /** Null for the built-in first version. */
    publishedByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    publishedAt: instant().notNull(),
  },
  (table) => [check('screening_rule_sets_version', sql`${table.version} >= 1`)],
)

/**
 * One set of screening answers and what the rules made of them. The answers, the versions and
 * the outcome never change (triggers). A submission made in the booking wizard belongs to no one
 * until the booking is made; then its patient, booking and booking version are written once.
 * Answers the patient changed or abandoned before booking are not clinical records and are purged
 * after a day (the delete trigger allows only those); a linked submission is kept for ever.
 */
export const screeningSubmissions = sqliteTable(
  'screening_submissions',
  {
    id: id(),
    questionnaireVersion: integer().notNull(),
    ruleSetId: text()
      .notNull()
      .references(() => screeningRuleSets.id, { onDelete: 'restrict' }),
    ruleSetVersion: integer().notNull(),
    /** JSON of the answers (parseStoredAnswers reads each questionnaire version). Health data. */
    answers: text().notNull(),
    outcome: text({ enum: SCREENING_OUTCOMES }).notNull(),
    /** The clinic calendar day (YYYY-MM-DD) before which no session may start, if any. */
    waitUntil: text(),
    /** JSON: the rules that fired, with both explanations, as judged then. */
    findings: text().notNull(),
    source: text({ enum: SUBMISSION_SOURCES }).notNull(),
    /** Staff who typed the answers in for the patient (at the visit). */
    enteredByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    patientId: text().references(() => patients.id, { onDelete: 'restrict' }),
    bookingId: text().references(() => bookings.id, { onDelete: 'restrict' }),
    /** 1 for the booking's first answers, then 2, 3… for each update. */
    bookingVersion: integer(),
    /** The language the questions were asked in (answers made before 0019 were all English). */
    locale: text({ enum: LOCALES }).notNull().default('en'),
    /** The privacy notice shown before the first question (ADR 050); null before 0028. */
    privacyNoticeVersionId: text().references(() => privacyNoticeVersions.id, {
      onDelete: 'restrict',
    }),
    submittedAt: instant().notNull(),
  },
  (table) => [
    check('screening_submissions_locale', enumCheck(table.locale, LOCALES)),
    check('screening_submissions_outcome', enumCheck(table.outcome, SCREENING_OUTCOMES)),
    check('screening_submissions_source', enumCheck(table.source, SUBMISSION_SOURCES)),
    check(
      'screening_submissions_link',
      sql`(${table.bookingId} IS NULL) = (${table.bookingVersion} IS NULL) AND (${table.bookingId} IS NULL OR ${table.patientId} IS NOT NULL)`,
    ),
    uniqueIndex('screening_submissions_booking_version').on(table.bookingId, table.bookingVersion),
    index('screening_submissions_patient').on(table.patientId, table.submittedAt),
    // The purge of unlinked answers walks them by age.
    index('screening_submissions_unlinked')
      .on(table.submittedAt)
      .where(sql`${table.bookingId} IS NULL`),
  ],
)

/**
 * The clinician's review of a booking's screening, and the patient's answers to questions: who,
 * when, what. Append-only (triggers). The message is health data (a question, a reason, a note):
 * it is shown in the app only, never emailed or logged.
 */
export const screeningReviewEvents = sqliteTable(
  'screening_review_events',
  {
    id: id(),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    /** The submission the clinician read (or the patient answered about). */
    submissionId: text()
      .notNull()
      .references(() => screeningSubmissions.id, { onDelete: 'restrict' }),
    kind: text({ enum: REVIEW_EVENT_KINDS }).notNull(),
    actorType: text({ enum: REVIEW_ACTOR_TYPES }).notNull(),
    /** A staff user id or a patient id. */
    actorId: text().notNull(),
    message: text(),
    occurredAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    check('screening_review_events_kind', enumCheck(table.kind, REVIEW_EVENT_KINDS)),
    check('screening_review_events_actor', enumCheck(table.actorType, REVIEW_ACTOR_TYPES)),
    check(
      'screening_review_events_message',
      sql`${table.kind} = 'approved' OR length(trim(${table.message})) > 0`,
    ),
    index('screening_review_events_booking').on(table.bookingId, table.occurredAt),
  ],
)

/** "Nothing has changed": the patient confirms their answers at check-in. Append-only. */
export const screeningConfirmations = sqliteTable(
  'screening_confirmations',
  {
    id: id(),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    submissionId: text()
      .notNull()
      .references(() => screeningSubmissions.id, { onDelete: 'restrict' }),
    /** Who recorded it: staff at the desk (a user id), or the patient themselves (a patient id). */
    actorType: text({ enum: REVIEW_ACTOR_TYPES }).notNull(),
    actorId: text().notNull(),
    confirmedAt: instant().notNull(),
  },
  (table) => [
    check('screening_confirmations_actor', enumCheck(table.actorType, REVIEW_ACTOR_TYPES)),
    index('screening_confirmations_booking').on(table.bookingId, table.confirmedAt),
  ],
)

/**
 * A clinician's approval of an earlier first day inside a waiting window, for one booking's
 * answers (docs/decisions/032): the date, the reason (health data: shown in the app only) and who.
 * Append-only (triggers). It counts only while the submission it names is the booking's latest:
 * new answers are judged afresh.
 */
export const screeningWindowOverrides = sqliteTable(
  'screening_window_overrides',
  {
    id: id(),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    submissionId: text()
      .notNull()
      .references(() => screeningSubmissions.id, { onDelete: 'restrict' }),
    /** The new first bookable clinic calendar day (YYYY-MM-DD), before the window's end. */
    firstDay: text().notNull(),
    reason: text().notNull(),
    decidedByUserId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    check('screening_window_overrides_reason', sql`length(trim(${table.reason})) > 0`),
    check(
      'screening_window_overrides_first_day',
      sql`${table.firstDay} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
    ),
    index('screening_window_overrides_booking').on(table.bookingId, table.decidedAt),
  ],
)
