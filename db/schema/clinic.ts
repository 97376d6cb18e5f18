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
import {
  AVAILABILITY_EXCEPTION_KINDS,
  CREDENTIALS,
  SERVICE_KINDS,
  SERVICE_TIERS,
} from '#app/domain/clinic/clinic.schema.ts'
import { DEFAULT_CLINICAL_RECORD_RETENTION_YEARS } from '#app/domain/privacy/privacy.constants.ts'
import { LOCALES } from '#app/i18n/locales.ts'
import { users } from './auth.ts'
import { createdAt, enumCheck, id, updatedAt } from './columns.ts'

/**
 * One clinic per deployment (docs/decisions/002-sqlite.md): its settings are a single row with
 * the fixed id 'clinic'.
 */
export const clinicSettings = sqliteTable(
  'clinic_settings',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    phone: text().notNull(),
    email: text().notNull(),
    address: text().notNull(),
    timeZone: text().notNull(),
    slotStepMinutes: integer().notNull(),
    minNoticeHours: integer().notNull(),
    maxAdvanceDays: integer().notNull(),
    holdMinutes: integer().notNull(),
    cancellationWindowHours: integer().notNull(),
    minDaysBetweenNeedling: integer().notNull(),
    /**
     * How many upcoming bookings (pending review or confirmed) one email address may hold at
     * once: a limit on anonymous booking (docs/decisions/027-safe-by-default.md).
     */
    maxUpcomingBookingsPerEmail: integer().notNull().default(3),
    /**
     * The language of a first visit whose browser asks for none we speak, and of mail to
     * people who never chose one (docs/decisions/038-two-languages.md).
     */
    defaultLocale: text({ enum: LOCALES }).notNull().default('en'),
    /**
     * How long signed consents and treatment records are kept after the last visit: an erasure
     * request cannot remove them before (ADR 051).
     */
    clinicalRecordRetentionYears: integer()
      .notNull()
      .default(DEFAULT_CLINICAL_RECORD_RETENTION_YEARS),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('clinic_settings_singleton', sql`${table.id} = 'clinic'`),
    check(
      'clinic_settings_upcoming_per_email',
      sql`${table.maxUpcomingBookingsPerEmail} BETWEEN 1 AND 50`,
    ),
    check('clinic_settings_slot_step', sql`${table.slotStepMinutes} BETWEEN 5 AND 120`),
    check('clinic_settings_hold', sql`${table.holdMinutes} BETWEEN 1 AND 60`),
    check('clinic_settings_default_locale', enumCheck(table.defaultLocale, LOCALES)),
    check(
      'clinic_settings_record_retention',
      sql`${table.clinicalRecordRetentionYears} BETWEEN 5 AND 30`,
    ),
  ],
)

export const practitioners = sqliteTable(
  'practitioners',
  {
    id: id(),
    /** The staff sign-in of this practitioner, when they have one. */
    userId: text()
      .unique()
      .references(() => users.id, { onDelete: 'restrict' }),
    displayName: text().notNull(),
    /** What the patient reads: "Doctor", "Registered nurse", "Aesthetician". */
    title: text().notNull(),
    credential: text({ enum: CREDENTIALS }).notNull(),
    /** Professional register and number, e.g. "Ordine dei Medici di Milano n. 41873". */
    registration: text().notNull(),
    maxNeedleDepthUm: integer().notNull(),
    /** One line the patient reads when choosing who to see: experience, what they focus on. */
    bio: text().notNull().default(''),
    /**
     * The portrait patients see, by the SHA-256 of its stored file (the practitioner photo store,
     * docs/decisions/037-practitioner-photos.md). Null: the patient sees the initials.
     */
    photoKey: text(),
    isActive: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('practitioners_credential', enumCheck(table.credential, CREDENTIALS)),
    check('practitioners_depth', sql`${table.maxNeedleDepthUm} BETWEEN 0 AND 3000`),
    check('practitioners_bio', sql`length(${table.bio}) <= 160`),
    check(
      'practitioners_photo_key',
      sql`${table.photoKey} IS NULL OR (length(${table.photoKey}) = 64 AND ${table.photoKey} NOT GLOB '*[^0-9a-f]*')`,
    ),
  ],
)

export const services = sqliteTable(
  'services',
  {
    id: id(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull(),
    kind: text({ enum: SERVICE_KINDS }).notNull(),
    tier: text({ enum: SERVICE_TIERS }).notNull(),
    durationMinutes: integer().notNull(),
    bufferAfterMinutes: integer().notNull(),
    /** Null for a consultation: nothing is needled. */
    maxNeedleDepthUm: integer(),
    courseSessions: integer().notNull(),
    courseIntervalWeeks: integer().notNull(),
    priceCents: integer(),
    /** Plain words for the patient, e.g. "2 to 4 days of redness". */
    downtime: text().notNull(),
    isActive: integer({ mode: 'boolean' }).notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('services_kind', enumCheck(table.kind, SERVICE_KINDS)),
    check('services_tier', enumCheck(table.tier, SERVICE_TIERS)),
    check('services_duration', sql`${table.durationMinutes} BETWEEN 5 AND 480`),
    check('services_buffer', sql`${table.bufferAfterMinutes} BETWEEN 0 AND 240`),
    check(
      'services_course',
      sql`${table.courseSessions} BETWEEN 1 AND 12 AND ${table.courseIntervalWeeks} BETWEEN 0 AND 52`,
    ),
    // A cosmetic service never needles deeper than 0.5 mm (docs/clinical-reference.md 3.1).
    check(
      'services_depth',
      sql`(${table.kind} = 'consultation' AND ${table.maxNeedleDepthUm} IS NULL) OR (${table.kind} = 'treatment' AND ${table.maxNeedleDepthUm} BETWEEN 100 AND 3000 AND (${table.tier} = 'medical' OR ${table.maxNeedleDepthUm} <= 500))`,
    ),
  ],
)

/**
 * A service's patient-facing words in one language. The `services` row keeps the words the
 * clinic first wrote (English for the demo); a language without a row here shows those.
 */
export const serviceTexts = sqliteTable(
  'service_texts',
  {
    serviceId: text()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locale: text({ enum: LOCALES }).notNull(),
    name: text().notNull(),
    description: text().notNull(),
    downtime: text().notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.serviceId, table.locale] }),
    check('service_texts_locale', enumCheck(table.locale, LOCALES)),
  ],
)

/**
 * A practitioner's patient-facing words in one language: the title and the one-line bio. The
 * `practitioners` row keeps the words the clinic first wrote; a language without a row shows those.
 */
export const practitionerTexts = sqliteTable(
  'practitioner_texts',
  {
    practitionerId: text()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    locale: text({ enum: LOCALES }).notNull(),
    title: text().notNull(),
    bio: text(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.practitionerId, table.locale] }),
    check('practitioner_texts_locale', enumCheck(table.locale, LOCALES)),
  ],
)

/** Which practitioner performs which service. */
export const practitionerServices = sqliteTable(
  'practitioner_services',
  {
    practitionerId: text()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    serviceId: text()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.practitionerId, table.serviceId] }),
    // Slot search starts from the service: who performs it?
    index('practitioner_services_service').on(table.serviceId),
  ],
)

/**
 * Weekly working hours in the clinic's wall-clock time. Several intervals per day are allowed
 * (a lunch break is two intervals). Weekday is ISO: 1 = Monday … 7 = Sunday.
 */
export const workingHours = sqliteTable(
  'working_hours',
  {
    id: id(),
    practitionerId: text()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    weekday: integer().notNull(),
    startMinute: integer().notNull(),
    endMinute: integer().notNull(),
  },
  (table) => [
    check('working_hours_weekday', sql`${table.weekday} BETWEEN 1 AND 7`),
    check(
      'working_hours_interval',
      sql`${table.startMinute} >= 0 AND ${table.endMinute} <= 1440 AND ${table.startMinute} < ${table.endMinute}`,
    ),
    index('working_hours_practitioner').on(table.practitionerId, table.weekday),
  ],
)

/**
 * Dated changes to the weekly pattern: time off (whole day when the minutes are null) and extra
 * hours. Dates are clinic-local calendar dates (YYYY-MM-DD).
 */
export const availabilityExceptions = sqliteTable(
  'availability_exceptions',
  {
    id: id(),
    practitionerId: text()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    kind: text({ enum: AVAILABILITY_EXCEPTION_KINDS }).notNull(),
    date: text().notNull(),
    startMinute: integer(),
    endMinute: integer(),
    note: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (table) => [
    check('availability_exceptions_kind', enumCheck(table.kind, AVAILABILITY_EXCEPTION_KINDS)),
    check(
      'availability_exceptions_date',
      sql`${table.date} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
    ),
    check(
      'availability_exceptions_interval',
      sql`(${table.startMinute} IS NULL AND ${table.endMinute} IS NULL AND ${table.kind} = 'time_off') OR (${table.startMinute} >= 0 AND ${table.endMinute} <= 1440 AND ${table.startMinute} < ${table.endMinute})`,
    ),
    // Slot search reads a practitioner's exceptions over a date range.
    index('availability_exceptions_practitioner_date').on(table.practitionerId, table.date),
  ],
)

/** Days the whole clinic is closed (public holidays, August closure). */
export const clinicClosures = sqliteTable(
  'clinic_closures',
  {
    id: id(),
    date: text().notNull(),
    reason: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('clinic_closures_date').on(table.date),
    check(
      'clinic_closures_date_format',
      sql`${table.date} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
    ),
  ],
)
