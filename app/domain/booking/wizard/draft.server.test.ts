import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookingDrafts, bookingEvents, bookings } from '#db/schema/index.ts'
import {
  firstFreeSlot,
  newPatientSession,
  patientActor,
  serviceIdBySlug,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { getWizardDraft, startBookingDraft } from './draft.server.ts'
import { holdSlot } from './hold.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')

describe('starting the wizard', () => {
  test('a treatment starts with the health questions, a consultation with the time', () => {
    const treatment = startBookingDraft({
      session: newPatientSession(NOW),
      serviceId: serviceIdBySlug('skin-boost'),
      now: NOW,
    })
    expect(treatment).toEqual({ ok: true, next: '/book/screening' })
    const consultation = startBookingDraft({
      session: newPatientSession(NOW),
      serviceId: serviceIdBySlug('consultation'),
      now: NOW,
    })
    expect(consultation).toEqual({ ok: true, next: '/book/time' })
  })

  test('an unknown treatment starts nothing', () => {
    const session = newPatientSession(NOW)
    expect(
      startBookingDraft({ session, serviceId: '00000000-0000-4000-8000-000000000000', now: NOW }),
    ).toEqual({ ok: false, reason: 'unknown-service' })
    expect(getDb().select().from(bookingDrafts).all()).toHaveLength(0)
  })

  test('starting again lets the held time go, for anyone to take', () => {
    const slot = firstFreeSlot('consultation', NOW)
    const session = sessionWithDraft('consultation', NOW)
    expect(holdSlot({ session, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
    const held = getDb().select().from(bookings).get()!

    expect(
      startBookingDraft({ session, serviceId: serviceIdBySlug('skin-boost'), now: NOW }).ok,
    ).toBe(true)
    expect(getDb().select().from(bookings).where(eq(bookings.id, held.id)).get()?.status).toBe(
      'expired',
    )
    const events = getDb()
      .select()
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, held.id))
      .all()
    expect(events.map((e) => e.action)).toEqual(['held', 'hold_released'])
    expect(getWizardDraft(getDb(), session.tokenHash)?.heldBookingId).toBeNull()

    const other = sessionWithDraft('consultation', NOW)
    expect(holdSlot({ session: other, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
  })
})
