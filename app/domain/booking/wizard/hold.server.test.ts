import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookings } from '#db/schema/index.ts'
import { firstFreeSlot, patientActor, sessionWithDraft } from '#tests/support/booking-fixtures.ts'
import { holdSlot } from './hold.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)

describe('holding a time', () => {
  test('a live hold blocks the slot for everyone else, who are offered the nearest free times', () => {
    const slot = firstFreeSlot('skin-boost', NOW, 'any')
    const first = sessionWithDraft('skin-boost', NOW)
    expect(holdSlot({ session: first, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
    const second = sessionWithDraft('skin-boost', NOW)
    const taken = holdSlot({ session: second, ...slot, now: minutes(1), actor: patientActor })
    expect(taken).toMatchObject({ ok: false, reason: 'taken' })
    if (!taken.ok && taken.reason === 'taken') {
      expect(taken.nearest.length).toBeGreaterThan(0)
      for (const near of taken.nearest)
        expect(near.startAt === slot.startAt && near.practitionerId === slot.practitionerId).toBe(
          false,
        )
    }
  })
})

describe('bad or tampered slot choices write nothing', () => {
  test.each([['an aesthetician for a medical treatment', 'medical-face', 'not-qualified']])(
    '%s is refused',
    (_label, slug, reason) => {
      const session = sessionWithDraft(slug, NOW)
      const aesthetician = getDb()
        .$client.prepare("SELECT id FROM practitioners WHERE credential = 'aesthetic' LIMIT 1")
        .get() as { id: string }
      const anyTime = firstFreeSlot(slug, NOW).startAt
      expect(
        holdSlot({
          session,
          practitionerId: aesthetician.id,
          startAt: anyTime,
          now: NOW,
          actor: patientActor,
        }),
      ).toMatchObject({ ok: false, reason })
      expect(getDb().select().from(bookings).all()).toHaveLength(0)
    },
  )

  test('a time in the past, off the grid, too far ahead, or for an unknown practitioner is refused', () => {
    const session = sessionWithDraft('skin-boost', NOW)
    const slot = firstFreeSlot('skin-boost', NOW)
    const attempts: [number, string][] = [
      [NOW.getTime() - 3600_000, 'too-soon'],
      [slot.startAt + 7 * 60_000, 'not-offered'],
      [NOW.getTime() + 400 * 24 * 3600_000, 'too-far'],
    ]
    for (const [startAt, reason] of attempts) {
      expect(
        holdSlot({
          session,
          practitionerId: slot.practitionerId,
          startAt,
          now: NOW,
          actor: patientActor,
        }),
      ).toMatchObject({ ok: false, reason })
    }
    expect(
      holdSlot({
        session,
        practitionerId: '00000000-0000-4000-8000-000000000000',
        startAt: slot.startAt,
        now: NOW,
        actor: patientActor,
      }).ok,
    ).toBe(false)
    expect(getDb().select().from(bookings).all()).toHaveLength(0)
  })
})
