import { and, eq, sql } from 'drizzle-orm'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { getDb } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookings, patients, practitioners, services, serviceTexts } from '#db/schema/index.ts'
import { type BookingStatus } from './booking.schema.ts'
import {
  rescheduleBooking,
  rescheduleLimitsOf,
  type RescheduleResult,
} from './booking-reschedule.server.ts'

/**
 * Staff move a booking from the agenda (ADR 043): the keyboard form at
 * /staff/bookings/$bookingId/move and a drag on the agenda's grid both post here. The move itself
 * is the patient's reschedule (rescheduleBooking), with the staff member as the actor.
 */

export type BookingToMove = {
  bookingId: string
  reference: string
  status: BookingStatus
  patientName: string
  serviceId: string
  serviceName: string
  practitionerId: string
  practitionerName: string
  startAt: number
  endAt: number
  timeZone: string
  /** Only coming bookings move (confirmed or waiting for review). */
  canMove: boolean
  /** The first time it may move to (needling spacing, screening wait), or null. */
  earliestStartAt: number | null
}

const bookingToMoveQuery = preparedStatement((db) =>
  db
    .select({
      booking: bookings,
      patientName: patients.fullName,
      serviceName: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
      practitionerName: practitioners.displayName,
    })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .leftJoin(
      serviceTexts,
      and(
        eq(serviceTexts.serviceId, services.id),
        eq(serviceTexts.locale, sql.placeholder('locale')),
      ),
    )
    .where(eq(bookings.id, sql.placeholder('bookingId')))
    .prepare(),
)

/** What the move page shows about the booking: who, what, when. No health details. */
export function getBookingToMove(input: {
  bookingId: string
  locale?: Locale
}): BookingToMove | null {
  const db = getDb()
  const row = bookingToMoveQuery(db).get({
    bookingId: input.bookingId,
    locale: input.locale ?? 'en',
  })
  if (!row || !row.booking.patientId) return null
  const { booking } = row
  const limits = rescheduleLimitsOf(db, booking, booking.patientId!)
  return {
    bookingId: booking.id,
    reference: booking.reference,
    status: booking.status,
    patientName: row.patientName,
    serviceId: booking.serviceId,
    serviceName: row.serviceName,
    practitionerId: booking.practitionerId,
    practitionerName: row.practitionerName,
    startAt: booking.startAt.getTime(),
    endAt: booking.endAt.getTime(),
    timeZone: booking.timeZone,
    canMove: booking.status === 'confirmed' || booking.status === 'pending_review',
    earliestStartAt: limits.earliestStartAt,
  }
}

/**
 * Moves the booking to the practitioner and start given, through the same checks as the
 * patient's reschedule except the patient's own change deadline (staff are whom the patient is
 * told to call past it). The patient is emailed the new time; the booking event and the audit
 * row name the staff member.
 */
export function moveBookingAsStaff(input: {
  user: Pick<StaffUser, 'id'>
  bookingId: string
  practitionerId: string
  startAt: number
  now: Date
  ipAddress?: string | null
  requestId?: string | null
}): RescheduleResult {
  return rescheduleBooking({
    find: (tx) => {
      const row = tx
        .select({ booking: bookings })
        .from(bookings)
        .where(eq(bookings.id, input.bookingId))
        .get()
      if (!row?.booking.patientId) return null
      return { booking: row.booking, patient: { id: row.booking.patientId } }
    },
    mover: () => ({
      type: 'staff',
      id: input.user.id,
      ipAddress: input.ipAddress ?? null,
      requestId: input.requestId ?? null,
    }),
    keepChangeDeadline: false,
    practitionerId: input.practitionerId,
    startAt: input.startAt,
    now: input.now,
  })
}
