import { sql } from 'drizzle-orm'
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import {
  BOOKING_EVENT_ACTORS,
  BOOKING_STATUSES,
  OCCUPYING_STATUSES,
} from '#app/domain/booking/booking.schema.ts'
import { OUTBOX_STATUSES } from '#app/domain/email/email.schema.ts'
import { EMAIL_PROOFS, EMAIL_VERIFICATION_PURPOSES } from '#app/domain/patient/patient.schema.ts'
import { LOCALES } from '#app/i18n/locales.ts'
import { users } from './auth.ts'
import { practitioners, services } from './clinic.ts'
import { createdAt, enumCheck, id, instant, updatedAt } from './columns.ts'

const occupying = sql.raw(OCCUPYING_STATUSES.map((status) => `'${status}'`).join(', '))

/**
 * A patient: no password, identified by email and date of birth (two people sharing a family
 * email stay two patients). Name and phone follow their latest verified booking.
 */
export const patients = sqliteTable(
  'patients',
  {
    id: id(),
    email: text().notNull(),
    fullName: text().notNull(),
    phone: text().notNull(),
    dateOfBirth: text().notNull(),
    /**
     * Set when an admin merged this record into another of the same person (docs/decisions/041):
     * the survivor's chart shows both histories; nothing else about this record changes.
     */
    mergedIntoPatientId: text().references((): AnySQLiteColumn => patients.id),
    /**
     * Set when an admin granted the patient's request to restrict processing (GDPR Art. 18,
     * ADR 051): from then on only admins open the record.
     */
    restrictedAt: instant(),
    /** Why the record must be kept whatever the patient asks (a claim, an inquiry): blocks erasure. */
    legalHoldReason: text(),
    legalHoldAt: instant(),
    /**
     * Set when an erasure removed this patient's contact details (ADR 051): the row stays as the
     * anchor of what the law requires the clinic to keep, with no name, address or phone.
     */
    erasedAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('patients_email_dob').on(table.email, table.dateOfBirth),
    check('patients_email_lower', sql`${table.email} = lower(${table.email})`),
  ],
)

/**
 * A browser's patient session: it carries the booking wizard and, once the patient has proved an
 * email address, access to that address's bookings. Only the token's hash is stored.
 */
export const patientSessions = sqliteTable(
  'patient_sessions',
  {
    tokenHash: text().primaryKey(),
    verifiedEmail: text(),
    provenBy: text({ enum: EMAIL_PROOFS }),
    /**
     * A session opened by an emailed manage link may reach that one booking only; one that
     * proved the address with a code reaches all of its bookings (null here).
     */
    provenBookingId: text(),
    /**
     * Made by staff handing the clinic tablet to the patient at check-in (ADR 045): it reaches
     * the health questions and consent of its one booking, nothing else.
     */
    tablet: integer({ mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: instant().notNull(),
    absoluteExpiresAt: instant().notNull(),
  },
  (table) => [
    check(
      'patient_sessions_proof',
      sql`(${table.verifiedEmail} IS NULL) = (${table.provenBy} IS NULL)`,
    ),
    check(
      'patient_sessions_proven_by',
      sql`${table.provenBy} IS NULL OR ${enumCheck(table.provenBy, EMAIL_PROOFS)}`,
    ),
    check(
      'patient_sessions_link_scope',
      sql`(${table.provenBy} = 'manage_link') = (${table.provenBookingId} IS NOT NULL)`,
    ),
  ],
)

/** A 6-digit code sent to prove an email address: 10 minutes, 5 tries, used once. */
export const emailVerifications = sqliteTable(
  'email_verifications',
  {
    id: id(),
    sessionTokenHash: text()
      .notNull()
      .references(() => patientSessions.tokenHash, { onDelete: 'cascade' }),
    email: text().notNull(),
    purpose: text({ enum: EMAIL_VERIFICATION_PURPOSES }).notNull(),
    /** For "manage" codes: the booking the code was asked for. */
    bookingId: text(),
    codeHash: text().notNull(),
    failedAttempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    consumedAt: instant(),
    createdAt: createdAt(),
  },
  (table) => [
    check('email_verifications_purpose', enumCheck(table.purpose, EMAIL_VERIFICATION_PURPOSES)),
    index('email_verifications_session').on(table.sessionTokenHash, table.createdAt),
  ],
)

export const bookings = sqliteTable(
  'bookings',
  {
    id: id(),
    /** What the patient quotes on the phone: DD- and six letters or digits. */
    reference: text().notNull().unique(),
    serviceId: text()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    practitionerId: text()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'restrict' }),
    /** Unknown while the slot is only held. */
    patientId: text().references(() => patients.id, { onDelete: 'restrict' }),
    status: text({ enum: BOOKING_STATUSES }).notNull(),
    startAt: instant().notNull(),
    endAt: instant().notNull(),
    /** End plus the service's buffer: the practitioner is busy until then. */
    blockedUntil: instant().notNull(),
    /** The clinic's zone when booked, for showing the time as it was agreed. */
    timeZone: text().notNull(),
    holdExpiresAt: instant(),
    /** Which session of the service's course this is (1 for a first visit). */
    courseSessionNumber: integer().notNull().default(1),
    confirmedAt: instant(),
    /** When the treatment was recorded and the visit completed (aftercare counts from here). */
    completedAt: instant(),
    cancelledAt: instant(),
    cancellationReason: text(),
    /**
     * The patient's language, from the wizard's draft: emails and calendar files speak it
     * (ADR 038). Null for bookings made before it was recorded: the clinic's default. A row
     * written without one is English, as every booking was before there were two languages.
     */
    locale: text({ enum: LOCALES }).default('en'),
    /**
     * The staff member who booked it for a caller (ADR 042); null when the patient booked online.
     * A staff booking has no screening or consent yet: the patient gives them from home.
     */
    bookedByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    /** Why staff booked outside the notice or advance-booking limits (ADR 042); null if inside. */
    policyOverrideReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('bookings_status', enumCheck(table.status, BOOKING_STATUSES)),
    check('bookings_locale', enumCheck(table.locale, LOCALES)),
    check(
      'bookings_times',
      sql`${table.startAt} < ${table.endAt} AND ${table.endAt} <= ${table.blockedUntil}`,
    ),
    // No booking spans a day: lets the overlap triggers look back at most 24 hours.
    check('bookings_span', sql`${table.blockedUntil} - ${table.startAt} <= 86400000`),
    check('bookings_hold', sql`${table.status} <> 'held' OR ${table.holdExpiresAt} IS NOT NULL`),
    check(
      'bookings_patient',
      sql`${table.status} IN ('held', 'expired') OR ${table.patientId} IS NOT NULL`,
    ),
    // Slot search reads a practitioner's bookings over a time range: this index answers it alone.
    index('bookings_practitioner_time').on(
      table.practitionerId,
      table.startAt,
      table.blockedUntil,
      table.status,
      table.holdExpiresAt,
    ),
    // Backstop for the overlap triggers: two occupying bookings can never share a start.
    uniqueIndex('bookings_occupied_start')
      .on(table.practitionerId, table.startAt)
      .where(sql`${table.status} IN (${occupying})`),
    index('bookings_patient').on(table.patientId, table.startAt),
    // Agenda and reminders walk bookings by time.
    index('bookings_start').on(table.startAt),
  ],
)

/**
 * Secrets in the "manage your booking" links we email: each email gets its own, all valid until
 * some days after the appointment. Only their SHA-256 is kept.
 */
export const bookingManageLinks = sqliteTable(
  'booking_manage_links',
  {
    tokenHash: text().primaryKey(),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    expiresAt: instant().notNull(),
  },
  (table) => [index('booking_manage_links_booking').on(table.bookingId)],
)

/** Every state change of a booking: who, from, to, when. Append-only (triggers). */
export const bookingEvents = sqliteTable(
  'booking_events',
  {
    id: id(),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    occurredAt: instant().notNull(),
    actorType: text({ enum: BOOKING_EVENT_ACTORS }).notNull(),
    actorId: text(),
    action: text().notNull(),
    fromStatus: text({ enum: BOOKING_STATUSES }),
    toStatus: text({ enum: BOOKING_STATUSES }).notNull(),
    /** JSON: e.g. the old and new times of a reschedule. Never health details. */
    details: text().notNull().default('{}'),
  },
  (table) => [
    check('booking_events_actor', enumCheck(table.actorType, BOOKING_EVENT_ACTORS)),
    check('booking_events_to', enumCheck(table.toStatus, BOOKING_STATUSES)),
    check(
      'booking_events_from',
      sql`${table.fromStatus} IS NULL OR ${enumCheck(table.fromStatus, BOOKING_STATUSES)}`,
    ),
    index('booking_events_booking').on(table.bookingId, table.occurredAt),
  ],
)

/**
 * Counters for the limits on anonymous paths (email codes, wrong guesses, holds): one row per
 * key and fixed window. Keys are hashes (an address or IP is never stored here in the clear).
 */
export const rateLimitCounters = sqliteTable('rate_limit_counters', {
  key: text().primaryKey(),
  count: integer().notNull(),
  windowStartedAt: instant().notNull(),
})

/**
 * Outgoing mail, written in the same transaction as the change it announces and sent after
 * commit by the scheduler (or kept here for admins when no SMTP server is configured).
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: id(),
    /** One message per event: a second insert with the same key is ignored. */
    dedupeKey: text().notNull().unique(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    icsContent: text(),
    icsFilename: text(),
    bookingId: text().references(() => bookings.id, { onDelete: 'set null' }),
    status: text({ enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant().notNull(),
    lastError: text(),
    /** Stable Message-ID, so a resend after a crash can be recognised as the same message. */
    messageId: text().notNull(),
    createdAt: createdAt(),
    sentAt: instant(),
  },
  (table) => [
    check('email_outbox_status', enumCheck(table.status, OUTBOX_STATUSES)),
    index('email_outbox_due').on(table.status, table.nextAttemptAt),
    index('email_outbox_created').on(table.createdAt),
  ],
)
