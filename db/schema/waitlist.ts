import { check, index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import {
  WAITLIST_ENTRY_STATUSES,
  WAITLIST_OFFER_STATUSES,
  WAITLIST_SOURCES,
} from '#app/domain/waitlist/waitlist.constants.ts'
import { LOCALES } from '#app/i18n/locales.ts'
import { bookings } from './booking.ts'
import { practitioners, services } from './clinic.ts'
import { createdAt, enumCheck, id, instant, updatedAt } from './columns.ts'

/**
 * A patient waiting for a time (ADR 044): a service, a practitioner or anyone (null), clinic-local
 * dates and the parts of the day that suit. Offers go out in order of `createdAt`.
 */
export const waitlistEntries = sqliteTable(
  'waitlist_entries',
  {
    id: id(),
    serviceId: text()
      .notNull()
      .references(() => services.id),
    practitionerId: text().references(() => practitioners.id),
    fromDate: text().notNull(),
    toDate: text().notNull(),
    /** Comma-separated times of day, e.g. "morning,evening". */
    timesOfDay: text().notNull(),
    fullName: text().notNull(),
    email: text().notNull(),
    locale: text({ enum: LOCALES }).notNull(),
    status: text({ enum: WAITLIST_ENTRY_STATUSES }).notNull(),
    source: text({ enum: WAITLIST_SOURCES }).notNull(),
    /** Hash of the secret in the "confirm your place" email (online entries, until confirmed). */
    confirmTokenHash: text().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('waitlist_entries_status_created').on(table.status, table.createdAt),
    check('waitlist_entries_status', enumCheck(table.status, WAITLIST_ENTRY_STATUSES)),
    check('waitlist_entries_source', enumCheck(table.source, WAITLIST_SOURCES)),
    check('waitlist_entries_locale', enumCheck(table.locale, LOCALES)),
  ],
)

/** One time offered to one entry, held for it by a `held` booking row until `expiresAt`. */
export const waitlistOffers = sqliteTable(
  'waitlist_offers',
  {
    id: id(),
    entryId: text()
      .notNull()
      .references(() => waitlistEntries.id),
    bookingId: text()
      .notNull()
      .references(() => bookings.id),
    practitionerId: text()
      .notNull()
      .references(() => practitioners.id),
    startAt: instant().notNull(),
    expiresAt: instant().notNull(),
    status: text({ enum: WAITLIST_OFFER_STATUSES }).notNull(),
    /** Hash of the secret in the offer email. */
    tokenHash: text().notNull(),
    respondedAt: instant(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('waitlist_offers_token').on(table.tokenHash),
    index('waitlist_offers_entry').on(table.entryId),
    index('waitlist_offers_status').on(table.status, table.expiresAt),
    check('waitlist_offers_status', enumCheck(table.status, WAITLIST_OFFER_STATUSES)),
  ],
)
