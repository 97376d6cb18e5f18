import { and, eq, type SQL, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { type BookingActor } from './booking-state.server.ts'
import { type Db, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookings, patients } from '#db/schema/index.ts'

// Every patient page about one booking reads it first: prepared once per connection (ADR 025),
// one statement for each shape of ownedBookingCondition, with the same conditions in the same order.
const ownedByAddressQuery = preparedStatement((db) =>
  db
    .select({ booking: bookings, patient: patients })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(
      and(
        eq(bookings.reference, sql.placeholder('reference')),
        eq(patients.email, sql.placeholder('email')),
      ),
    )
    .prepare(),
)
const ownedByLinkQuery = preparedStatement((db) =>
  db
    .select({ booking: bookings, patient: patients })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(
      and(
        eq(bookings.reference, sql.placeholder('reference')),
        eq(patients.email, sql.placeholder('email')),
        eq(bookings.id, sql.placeholder('bookingId')),
      ),
    )
    .prepare(),
)

/**
 * A booking as its patient may reach it: the session must have proved the booking's email (an
 * emailed code or link). Ownership is part of the query: a booking of another address is "not
 * found", exactly like one that does not exist (security goal C2).
 */
export function loadOwnedBooking(db: Tx | Db, session: PatientSession | null, reference: string) {
  if (!session?.verifiedEmail) return undefined
  const email = session.verifiedEmail
  return session.provenBookingId
    ? ownedByLinkQuery(db).get({ reference, email, bookingId: session.provenBookingId })
    : ownedByAddressQuery(db).get({ reference, email })
}

/**
 * The condition, on bookings joined to patients, that the booking with this reference belongs to
 * what the session proved: its address, and for a session opened by a manage link, only that
 * link's booking. Null when the session proved nothing (nothing is owned). loadOwnedBooking
 * runs the same conditions as prepared statements.
 */
export function ownedBookingCondition(
  session: PatientSession | null,
  reference: string,
): SQL | null {
  if (!session?.verifiedEmail) return null
  return and(
    eq(bookings.reference, reference),
    eq(patients.email, session.verifiedEmail),
    session.provenBookingId ? eq(bookings.id, session.provenBookingId) : undefined,
  )!
}

/** Records that the patient looked at their own booking (one of its pages): security goal C2. */
export function auditPatientBookingView(
  db: Tx | Db,
  input: {
    bookingId: string
    patientId: string
    actor: BookingActor
    at: Date
    details?: Record<string, unknown>
  },
): void {
  recordAuditEvent(db, {
    action: 'booking.viewed',
    actor: {
      type: 'patient',
      id: input.patientId,
      ipAddress: input.actor.ipAddress,
      requestId: input.actor.requestId,
    },
    subjectType: 'booking',
    subjectId: input.bookingId,
    patientId: input.patientId,
    details: input.details,
    at: input.at,
  })
}
