import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { EMAIL_PROOFS } from '#app/domain/patient/patient.schema.ts'
import { SERVICE_TIERS } from '#app/domain/clinic/clinic.schema.ts'
import { CONSENT_VERSION_STATUSES } from '#app/domain/consent/consent.schema.ts'
import { LOCALES } from '#app/i18n/locales.ts'
import { users } from './auth.ts'
import { bookings, patients } from './booking.ts'
import { practitioners } from './clinic.ts'
import { createdAt, enumCheck, id, instant, updatedAt } from './columns.ts'

/**
 * Informed consent (docs/decisions/018-informed-consent.md). A consent form per service tier, in
 * versions; a published version never changes (triggers). Signatures, countersignatures,
 * withdrawals and comprehension-check attempts are append-only evidence (triggers).
 */

/** One consent form per tier (medical, cosmetic). */
export const consentDocuments = sqliteTable(
  'consent_documents',
  {
    id: id(),
    tier: text({ enum: SERVICE_TIERS }).notNull().unique(),
    createdAt: createdAt(),
  },
  (table) => [check('consent_documents_tier', enumCheck(table.tier, SERVICE_TIERS))],
)

/**
 * A version of a consent form. Drafts are edited freely; publishing fixes the text for ever and
 * makes it the version sessions from `effective_from` on need.
 */
export const consentDocumentVersions = sqliteTable(
  'consent_document_versions',
  {
    id: id(),
    documentId: text()
      .notNull()
      .references(() => consentDocuments.id, { onDelete: 'restrict' }),
    versionNumber: integer().notNull(),
    status: text({ enum: CONSENT_VERSION_STATUSES }).notNull(),
    /** JSON: title, sections and check questions (ConsentContentSchema). */
    content: text().notNull(),
    createdAt: createdAt(),
    /** Null for the first versions, which came with the app (a migration). */
    createdByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    updatedAt: updatedAt(),
    publishedAt: instant(),
    publishedByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    /** Sessions starting at or after this instant need this version (start of a clinic day). */
    effectiveFrom: instant(),
  },
  (table) => [
    check('consent_versions_status', enumCheck(table.status, CONSENT_VERSION_STATUSES)),
    check('consent_versions_number', sql`${table.versionNumber} >= 1`),
    check(
      'consent_versions_published',
      sql`${table.status} = 'draft' OR (${table.publishedAt} IS NOT NULL AND ${table.effectiveFrom} IS NOT NULL)`,
    ),
    uniqueIndex('consent_versions_document_number').on(table.documentId, table.versionNumber),
    // At most one draft per form at a time.
    uniqueIndex('consent_versions_one_draft')
      .on(table.documentId)
      .where(sql`${table.status} = 'draft'`),
  ],
)

/** The languages a version's text may be translated into: English is the version's own `content`. */
export const CONSENT_TRANSLATION_LOCALES = ['it'] as const satisfies readonly Exclude<
  (typeof LOCALES)[number],
  'en'
>[]

/**
 * A version's text in another language than English (docs/decisions/039): the same sections,
 * risks and questions, translated. Edited with its draft; once the version is published,
 * triggers refuse any insert, change or removal, as for the version itself.
 */
export const consentVersionTexts = sqliteTable(
  'consent_version_texts',
  {
    // A discarded draft takes its texts with it; a published version is never deleted (0006).
    documentVersionId: text()
      .notNull()
      .references(() => consentDocumentVersions.id, { onDelete: 'cascade' }),
    locale: text({ enum: CONSENT_TRANSLATION_LOCALES }).notNull(),
    /** JSON: title, sections and check questions (ConsentContentSchema), as `content`. */
    content: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.documentVersionId, table.locale] }),
    check('consent_version_texts_locale', enumCheck(table.locale, CONSENT_TRANSLATION_LOCALES)),
  ],
)

/**
 * Every answer sheet of the comprehension check, right or wrong (teach-back evidence). The
 * patient may not exist yet in the booking wizard, so the browser session identifies the sheet.
 */
export const consentCheckAttempts = sqliteTable(
  'consent_check_attempts',
  {
    id: id(),
    /** SHA-256 of the patient session token (the session itself expires; this stays). */
    sessionTokenHash: text().notNull(),
    patientId: text().references(() => patients.id, { onDelete: 'restrict' }),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    documentVersionId: text()
      .notNull()
      .references(() => consentDocumentVersions.id, { onDelete: 'restrict' }),
    /** JSON: question key → index of the chosen option. */
    answers: text().notNull(),
    /** JSON: keys of the questions answered wrongly. */
    wrongQuestionKeys: text().notNull(),
    passed: integer({ mode: 'boolean' }).notNull(),
    createdAt: createdAt(),
  },
  // The consent page asks: has this session passed the check for this version?
  (table) => [
    index('consent_check_attempts_session').on(
      table.sessionTokenHash,
      table.documentVersionId,
      table.createdAt,
    ),
  ],
)

/** A patient's signature on one version of a consent form: the legal record (goal E6). */
export const consentRecords = sqliteTable(
  'consent_records',
  {
    id: id(),
    patientId: text()
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    /** The booking it was signed for; it covers the course (same tier and version, 12 months). */
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    documentVersionId: text()
      .notNull()
      .references(() => consentDocumentVersions.id, { onDelete: 'restrict' }),
    tier: text({ enum: SERVICE_TIERS }).notNull(),
    /** The language the patient read and signed in (every signature before 0020 was English). */
    locale: text({ enum: LOCALES }).notNull().default('en'),
    /** SHA-256 of the exact text signed (renderConsentText of the version in `locale` with text_values). */
    textSha256: text().notNull(),
    /** JSON: the clinic's values filled into the text when it was signed. */
    textValues: text().notNull(),
    /** The passed check whose answers are below; each passed check signs at most once. */
    checkAttemptId: text()
      .notNull()
      .unique()
      .references(() => consentCheckAttempts.id, { onDelete: 'restrict' }),
    checkAnswers: text().notNull(),
    typedName: text().notNull(),
    /** PNG data URL from the signature pad, when the patient drew one. */
    drawnSignature: text(),
    intentConfirmed: integer({ mode: 'boolean' }).notNull(),
    photoClinical: integer({ mode: 'boolean' }).notNull(),
    photoMarketing: integer({ mode: 'boolean' }).notNull(),
    signedAt: instant().notNull(),
    ipAddress: text(),
    userAgent: text(),
    /** How the patient proved the email address (email code or emailed link). */
    emailProvenBy: text({ enum: EMAIL_PROOFS }).notNull(),
    verifiedEmail: text().notNull(),
    sessionTokenHash: text().notNull(),
    /** SHA-256 over the canonical fields (canonicalConsentRecord). */
    recordSha256: text().notNull(),
  },
  (table) => [
    check('consent_records_tier', enumCheck(table.tier, SERVICE_TIERS)),
    check('consent_records_proof', enumCheck(table.emailProvenBy, EMAIL_PROOFS)),
    check('consent_records_intent', sql`${table.intentConfirmed} = 1`),
    check('consent_records_locale', enumCheck(table.locale, LOCALES)),
    // Which consent covers a session: the patient's records of that tier, newest first.
    index('consent_records_patient_tier').on(table.patientId, table.tier, table.signedAt),
    index('consent_records_booking').on(table.bookingId),
  ],
)

/** The treating clinician's countersignature at the visit. One per consent record. */
export const consentCountersignatures = sqliteTable(
  'consent_countersignatures',
  {
    id: id(),
    consentRecordId: text()
      .notNull()
      .unique()
      .references(() => consentRecords.id, { onDelete: 'restrict' }),
    /** The visit at which it was countersigned. */
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    clinicianUserId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    practitionerId: text().references(() => practitioners.id, { onDelete: 'restrict' }),
    countersignedAt: instant().notNull(),
    ipAddress: text(),
    userAgent: text(),
    recordSha256: text().notNull(),
  },
  (table) => [index('consent_countersignatures_booking').on(table.bookingId)],
)

/** The patient withdrew a consent. One per consent record; signing again makes a new record. */
export const consentWithdrawals = sqliteTable(
  'consent_withdrawals',
  {
    id: id(),
    consentRecordId: text()
      .notNull()
      .unique()
      .references(() => consentRecords.id, { onDelete: 'restrict' }),
    /** The booking page it was withdrawn from. */
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    patientId: text()
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    withdrawnAt: instant().notNull(),
    /** The patient's optional reason. Never emailed. */
    reason: text(),
    ipAddress: text(),
    userAgent: text(),
    emailProvenBy: text({ enum: EMAIL_PROOFS }).notNull(),
    recordSha256: text().notNull(),
  },
  (table) => [
    check('consent_withdrawals_proof', enumCheck(table.emailProvenBy, EMAIL_PROOFS)),
    index('consent_withdrawals_patient').on(table.patientId),
  ],
)
