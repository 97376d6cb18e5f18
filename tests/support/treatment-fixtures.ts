import { eq } from 'drizzle-orm'
import { changeBookingStatus } from '#app/domain/booking/booking-state.server.ts'
import { getDb } from '#db/client.server.ts'
import { bookings } from '#db/schema/index.ts'

/**
 * TEST FIXTURE, not the clinic's way of completing a visit. In the app a booking is completed when
 * a clinician records the treatment (status 'completed' and bookings.completed_at, written by the
 * treatment-record use case). Tests of reminders and aftercare need completed visits at chosen
 * times without that whole flow, so this moves a confirmed booking to 'completed' through
 * changeBookingStatus (the allowed transition, with its booking event and audit row) and then sets
 * completed_at directly.
 */
export function completeBookingForTest(reference: string, completedAt: Date): { id: string } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const booking = tx.select().from(bookings).where(eq(bookings.reference, reference)).get()
      if (!booking) throw new Error(`No booking ${reference}`)
      const changed = changeBookingStatus(tx, {
        booking,
        to: 'completed',
        actor: { type: 'system', requestId: 'test-fixture' },
        action: 'completed',
        at: completedAt,
      })
      if (!changed) throw new Error(`Booking ${reference} (${booking.status}) cannot be completed`)
      tx.update(bookings).set({ completedAt }).where(eq(bookings.id, booking.id)).run()
      return { id: booking.id }
    },
    { behavior: 'immediate' },
  )
}

/** TEST FIXTURE: a no-show, through changeBookingStatus as the clinic's action would. */
export function markNoShowForTest(reference: string, at: Date): void {
  const db = getDb()
  db.transaction(
    (tx) => {
      const booking = tx.select().from(bookings).where(eq(bookings.reference, reference)).get()
      if (!booking) throw new Error(`No booking ${reference}`)
      if (
        !changeBookingStatus(tx, {
          booking,
          to: 'no_show',
          actor: { type: 'system', requestId: 'test-fixture' },
          action: 'no_show',
          at,
        })
      )
        throw new Error(`Booking ${reference} (${booking.status}) cannot be a no-show`)
    },
    { behavior: 'immediate' },
  )
}
