import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { instantAt, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookingEvents, bookings, emailOutbox } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot, PATIENT } from '#tests/support/booking-fixtures.ts'
import { getBookingToMove, moveBookingAsStaff } from './booking-move.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000
const STAFF = { id: 'staff-user-1' }

function bookingRow(reference: string) {
  return getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
}

describe('staff move a booking', () => {
  test('to a free time: moved, the patient emailed, the event and the audit row name the staff member', async () => {
    const base = new Date(NOW.getTime() + 4 * DAY)
    const first = firstFreeSlot('skin-boost', base)
    const { reference } = await bookForPatient('skin-boost', first, NOW)
    const booking = bookingRow(reference)
    const target = firstFreeSlot(
      'skin-boost',
      new Date(base.getTime() + 2 * DAY),
      first.practitionerId,
    )

    expect(getBookingToMove({ bookingId: booking.id })).toMatchObject({
      reference,
      patientName: PATIENT.fullName,
      startAt: first.startAt,
      canMove: true,
    })
    const result = moveBookingAsStaff({
      user: STAFF,
      bookingId: booking.id,
      practitionerId: target.practitionerId,
      startAt: target.startAt,
      now: NOW,
      ipAddress: '127.0.0.1',
      requestId: 'move-test',
    })
    expect(result).toEqual({ ok: true })
    expect(bookingRow(reference).startAt.getTime()).toBe(target.startAt)
    const event = getDb()
      .select()
      .from(bookingEvents)
      .where(and(eq(bookingEvents.bookingId, booking.id), eq(bookingEvents.action, 'rescheduled')))
      .get()!
    expect(event).toMatchObject({ actorType: 'staff', actorId: STAFF.id })
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectId, booking.id), eq(auditEvents.action, 'booking.rescheduled')),
      )
      .get()!
    expect(audit).toMatchObject({ actorType: 'staff', actorId: STAFF.id })
    expect(JSON.parse(audit.details)).toMatchObject({
      fromStartAt: new Date(first.startAt).toISOString(),
      toStartAt: new Date(target.startAt).toISOString(),
    })
    const mails = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.bookingId, booking.id))
      .all()
    expect(mails.some((m) => m.subject.startsWith('Booking moved'))).toBe(true)
  })

  test('onto an occupied time: refused as taken, nothing changed, no email', async () => {
    const base = new Date(NOW.getTime() + 4 * DAY)
    const first = firstFreeSlot('skin-boost', base)
    const { reference } = await bookForPatient('skin-boost', first, NOW)
    const other = firstFreeSlot('skin-boost', base, first.practitionerId)
    await bookForPatient('skin-boost', other, NOW, {
      ...PATIENT,
      email: 'other@example.com',
      dateOfBirth: '1990-01-01',
    })
    const before = bookingRow(reference)
    const mailsBefore = getDb().select().from(emailOutbox).all().length
    const result = moveBookingAsStaff({
      user: STAFF,
      bookingId: before.id,
      practitionerId: other.practitionerId,
      startAt: other.startAt,
      now: NOW,
    })
    expect(result).toMatchObject({ ok: false, reason: 'taken' })
    expect(bookingRow(reference)).toEqual(before)
    expect(getDb().select().from(emailOutbox).all().length).toBe(mailsBefore)
    expect(
      getDb()
        .select()
        .from(bookingEvents)
        .where(and(eq(bookingEvents.bookingId, before.id), eq(bookingEvents.action, 'rescheduled')))
        .all(),
    ).toHaveLength(0)
  })

  test('outside the practitioner’s hours: refused, nothing changed', async () => {
    const base = new Date(NOW.getTime() + 4 * DAY)
    const first = firstFreeSlot('skin-boost', base)
    const { reference } = await bookForPatient('skin-boost', first, NOW)
    const before = bookingRow(reference)
    // 03:00 in the clinic's zone on the same day: nobody works then.
    const night = instantAt(localDateOf(first.startAt, before.timeZone), 180, before.timeZone)
    const result = moveBookingAsStaff({
      user: STAFF,
      bookingId: before.id,
      practitionerId: first.practitionerId,
      startAt: night,
      now: NOW,
    })
    expect(result).toMatchObject({ ok: false, reason: 'not-offered' })
    expect(bookingRow(reference)).toEqual(before)
  })

  test('past the patient’s own change deadline staff may still move it; a cancelled booking does not move', async () => {
    const slot = firstFreeSlot('skin-boost', NOW)
    const { reference } = await bookForPatient('skin-boost', slot, NOW)
    const booking = bookingRow(reference)
    const late = new Date(slot.startAt - 30 * 3600_000)
    const target = firstFreeSlot(
      'skin-boost',
      new Date(slot.startAt + 2 * DAY),
      slot.practitionerId,
    )
    expect(
      moveBookingAsStaff({
        user: STAFF,
        bookingId: booking.id,
        practitionerId: target.practitionerId,
        startAt: target.startAt,
        now: late,
      }),
    ).toEqual({ ok: true })
    getDb().update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, booking.id)).run()
    expect(
      moveBookingAsStaff({
        user: STAFF,
        bookingId: booking.id,
        practitionerId: slot.practitionerId,
        startAt: slot.startAt,
        now: late,
      }),
    ).toEqual({ ok: false, reason: 'not-changeable' })
    expect(getBookingToMove({ bookingId: booking.id })?.canMove).toBe(false)
    expect(getBookingToMove({ bookingId: '00000000-0000-4000-8000-000000000000' })).toBeNull()
  })
})
