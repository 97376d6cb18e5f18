import { and, count, eq, gt, inArray, min } from 'drizzle-orm'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { recordLimitRefusal } from '#app/domain/limits/limits.server.ts'
import { type Tx } from '#db/client.server.ts'
import { bookings, patients } from '#db/schema/index.ts'
import { type BookingActor } from './booking-state.server.ts'

/** The address already has as many upcoming bookings as the clinic allows one address. */
export type TooManyBookings = {
  ok: false
  reason: 'too-many-bookings'
  max: number
  clinicPhone: string
  retryAfterSeconds: number
}

/** Bookings that still lie ahead and hold a practitioner's time for this address. */
const UPCOMING_STATUSES = ['pending_review', 'confirmed'] as const

/**
 * The clinic's limit on upcoming bookings per email address (policies page, default 3): one
 * proven address cannot fill the calendar. Asked only once the address is proven, so the answer
 * tells nobody else how many bookings an address has. Returns the refusal (and audits it), or
 * null when one more booking fits.
 */
export function upcomingBookingsRefusal(
  tx: Tx,
  input: { email: string; now: Date; actor: BookingActor },
): TooManyBookings | null {
  const settings = getClinicSettings()
  const max = settings.maxUpcomingBookingsPerEmail
  const upcoming = tx
    .select({ n: count(), soonestEnd: min(bookings.endAt) })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(
      and(
        eq(patients.email, input.email),
        inArray(bookings.status, [...UPCOMING_STATUSES]),
        gt(bookings.startAt, input.now),
      ),
    )
    .get()
  if (!upcoming || upcoming.n < max) return null
  // One fewer upcoming booking once the soonest is over.
  const soonestEnd = upcoming.soonestEnd
    ? new Date(upcoming.soonestEnd).getTime()
    : input.now.getTime()
  const retryAfterSeconds = Math.max(1, Math.ceil((soonestEnd - input.now.getTime()) / 1000))
  recordLimitRefusal(tx, {
    verdict: {
      allowed: false,
      limit: { name: 'upcoming-bookings-per-email', max, windowMs: 0 },
      retryAfterSeconds,
    },
    action: 'booking.book',
    actor: {
      type: 'anonymous',
      ipAddress: input.actor.ipAddress ?? null,
      requestId: input.actor.requestId ?? null,
    },
    now: input.now,
  })
  return {
    ok: false,
    reason: 'too-many-bookings',
    max,
    clinicPhone: settings.phone,
    retryAfterSeconds,
  }
}
