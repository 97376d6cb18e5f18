import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookingEvents, bookings } from '#db/schema/index.ts'
import { practitionerIdOf, serviceIdOf } from '#tests/factories/bookings.ts'
import { expireLapsedHolds } from './booking-state.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const FROM = Date.parse('2026-12-02T10:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A hold inserted as it is stored, lapsed unless `expiresAt` is later than NOW. */
function insertHold(input: {
  reference: string
  practitioner: 'giulia' | 'marco'
  startAt: number
  blockedUntil: number
  expiresAt?: number
}): string {
  return getDb()
    .insert(bookings)
    .values({
      reference: input.reference,
      serviceId: serviceIdOf('consultation'),
      practitionerId: practitionerIdOf(input.practitioner),
      status: 'held',
      startAt: new Date(input.startAt),
      endAt: new Date(input.blockedUntil),
      blockedUntil: new Date(input.blockedUntil),
      timeZone: 'Europe/Rome',
      holdExpiresAt: new Date(input.expiresAt ?? NOW.getTime() - MINUTE),
      createdAt: new Date(NOW.getTime() - HOUR),
    })
    .returning({ id: bookings.id })
    .get().id
}

function statusOf(id: string): string | undefined {
  return getDb().select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id)).get()
    ?.status
}

describe('expireLapsedHolds', () => {
  test('expires the lapsed holds touching the range, the longest one too, and nothing else', () => {
    // As long as a booking may be (a day), ending a minute into the range.
    const longest = insertHold({
      reference: 'DD-LONG01',
      practitioner: 'giulia',
      startAt: FROM - 24 * HOUR + MINUTE,
      blockedUntil: FROM + MINUTE,
    })
    const inside = insertHold({
      reference: 'DD-INSID1',
      practitioner: 'giulia',
      startAt: FROM + 30 * MINUTE,
      blockedUntil: FROM + 50 * MINUTE,
    })
    const before = insertHold({
      reference: 'DD-BEFOR1',
      practitioner: 'giulia',
      startAt: FROM - 26 * HOUR,
      blockedUntil: FROM - 24 * HOUR,
    })
    const live = insertHold({
      reference: 'DD-LIVE01',
      practitioner: 'giulia',
      startAt: FROM + 50 * MINUTE,
      blockedUntil: FROM + HOUR,
      expiresAt: NOW.getTime() + 10 * MINUTE,
    })
    const otherPractitioner = insertHold({
      reference: 'DD-OTHER1',
      practitioner: 'marco',
      startAt: FROM,
      blockedUntil: FROM + 30 * MINUTE,
    })
    const after = insertHold({
      reference: 'DD-AFTER1',
      practitioner: 'giulia',
      startAt: FROM + HOUR,
      blockedUntil: FROM + 2 * HOUR,
    })

    getDb().transaction(
      (tx) =>
        expireLapsedHolds(tx, {
          practitionerId: practitionerIdOf('giulia'),
          from: new Date(FROM),
          to: new Date(FROM + HOUR),
          now: NOW,
        }),
      { behavior: 'immediate' },
    )

    expect(statusOf(longest)).toBe('expired')
    expect(statusOf(inside)).toBe('expired')
    expect(statusOf(before)).toBe('held')
    expect(statusOf(live)).toBe('held')
    expect(statusOf(otherPractitioner)).toBe('held')
    expect(statusOf(after)).toBe('held')
    const events = getDb()
      .select({ bookingId: bookingEvents.bookingId, action: bookingEvents.action })
      .from(bookingEvents)
      .all()
    expect(events).toHaveLength(2)
    expect(events).toEqual(
      expect.arrayContaining([
        { bookingId: longest, action: 'hold_expired' },
        { bookingId: inside, action: 'hold_expired' },
      ]),
    )
    const longestRow = getDb().select().from(bookings).where(eq(bookings.id, longest)).get()!
    expect(longestRow.updatedAt).toEqual(NOW)
  })
})
