import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { LOCALES } from '#app/i18n/locales.ts'
import { bookings, patientSessions } from './booking.ts'
import { services } from './clinic.ts'
import { createdAt, enumCheck, id, updatedAt } from './columns.ts'
import { screeningSubmissions } from './screening.ts'

// A file of its own: drafts point at screening answers, which point at bookings, so beside the
// bookings this table made booking.ts and screening.ts import each other.

/**
 * The booking wizard's progress for one patient session: the treatment, the held slot and the
 * details typed so far. Completed drafts point at the booking they became.
 */
export const bookingDrafts = sqliteTable(
  'booking_drafts',
  {
    id: id(),
    sessionTokenHash: text()
      .notNull()
      .unique()
      .references(() => patientSessions.tokenHash, { onDelete: 'cascade' }),
    serviceId: text()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    heldBookingId: text().references(() => bookings.id, { onDelete: 'set null' }),
    fullName: text(),
    email: text(),
    phone: text(),
    dateOfBirth: text(),
    completedBookingId: text().references(() => bookings.id, { onDelete: 'set null' }),
    /** The screening answers this draft will book with (treatments only). */
    screeningSubmissionId: text().references(() => screeningSubmissions.id, {
      onDelete: 'set null',
    }),
    /**
     * Who holds the draft's time, as a keyed hash of the client's IP address: a limit on live
     * holds per client. Gone with the draft when the session ends.
     */
    holdClientKey: text(),
    /**
     * The language the patient books in, recorded when the wizard starts: the email code and,
     * through the booking, every later email speak it (ADR 038). Null: the clinic's default.
     */
    locale: text({ enum: LOCALES }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('booking_drafts_hold_client').on(table.holdClientKey),
    check('booking_drafts_locale', enumCheck(table.locale, LOCALES)),
  ],
)
