import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import { type Db, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookings, patients, services } from '#db/schema/index.ts'
import { type PatientDetails } from './booking.schema.ts'
import { earliestAllowedAfter, findNeedlingConflict } from './needling-gap.rules.ts'

/** Statuses that count as a needling session having happened or being planned. */
const COUNTED_STATUSES = ['pending_review', 'confirmed', 'completed'] as const

// The patient and needling reads run on every hold of a known patient (the draft view and the
// consent check): prepared once per connection (docs/decisions/025-request-cost.md).
const patientQuery = preparedStatement((db) =>
  db
    .select()
    .from(patients)
    .where(
      and(
        eq(patients.email, sql.placeholder('email')),
        eq(patients.dateOfBirth, sql.placeholder('dateOfBirth')),
      ),
    )
    .prepare(),
)

export function findPatient(db: Tx | Db, email: string, dateOfBirth: string) {
  return patientQuery(db).get({ email, dateOfBirth })
}

/** The patient with this email and date of birth, created if new; name and phone follow the latest booking. */
export function findOrCreatePatient(tx: Tx, details: PatientDetails, now: Date) {
  const existing = findPatient(tx, details.email, details.dateOfBirth)
  if (existing) {
    if (existing.fullName !== details.fullName || existing.phone !== details.phone) {
      tx.update(patients)
        .set({ fullName: details.fullName, phone: details.phone, updatedAt: now })
        .where(eq(patients.id, existing.id))
        .run()
    }
    return { ...existing, fullName: details.fullName, phone: details.phone }
  }
  return tx
    .insert(patients)
    .values({ ...details, createdAt: now, updatedAt: now })
    .returning()
    .get()
}

// Two statements, with and without the booking to leave out, as the builder made them.
function prepareNeedlingStarts(db: Db, excluding: boolean) {
  return db
    .select({ startAt: bookings.startAt })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(
      and(
        eq(bookings.patientId, sql.placeholder('patientId')),
        eq(services.kind, 'treatment'),
        inArray(bookings.status, [...COUNTED_STATUSES]),
        excluding ? ne(bookings.id, sql.placeholder('excludeBookingId')) : undefined,
      ),
    )
    .prepare()
}
const needlingStartsQuery = preparedStatement((db) => prepareNeedlingStarts(db, false))
const needlingStartsExcludingQuery = preparedStatement((db) => prepareNeedlingStarts(db, true))

function needlingStarts(
  db: Tx | Db,
  patientId: string,
  excludeBookingId: string | null | undefined,
): number[] {
  const rows = excludeBookingId
    ? needlingStartsExcludingQuery(db).all({ patientId, excludeBookingId })
    : needlingStartsQuery(db).all({ patientId })
  return rows.map((row) => row.startAt.getTime())
}

/** The first instant a new needling session may start for this patient (null: no limit). */
export function earliestNeedlingStartFor(
  db: Tx | Db,
  input: { patientId: string; minDays: number; excludeBookingId?: string | null },
): number | null {
  return earliestAllowedAfter(
    needlingStarts(db, input.patientId, input.excludeBookingId),
    input.minDays,
  )
}

/** A needling session of this patient too close to `startAt`, with the first allowed instant. */
export function needlingConflict(
  db: Tx | Db,
  input: { patientId: string; startAt: number; minDays: number; excludeBookingId?: string | null },
): { earliestStartAt: number } | null {
  return findNeedlingConflict(
    needlingStarts(db, input.patientId, input.excludeBookingId),
    input.startAt,
    input.minDays,
  )
}
