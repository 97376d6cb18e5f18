import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookingEvents, bookings, emailOutbox, patientSessions } from '#db/schema/index.ts'
import {
  getPatientSession,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'
import {
  bookForPatient,
  firstFreeSlot,
  latestCodeSentTo,
  latestManageTokenSentTo,
  newPatientSession,
  PATIENT,
  patientActor,
} from '#tests/support/booking-fixtures.ts'
import {
  cancelPatientBooking,
  getPatientBooking,
  getPatientBookingCalendar,
  openManageLink,
  requestManageCode,
  verifyManageCode,
} from './booking-manage.server.ts'
import { reschedulePatientBooking } from './booking-reschedule.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000

/** Whether the session row of this (old) token is still there. */
function sessionRowExists(session: PatientSession): boolean {
  return (
    getDb()
      .select({ tokenHash: patientSessions.tokenHash })
      .from(patientSessions)
      .where(eq(patientSessions.tokenHash, session.tokenHash))
      .get() !== undefined
  )
}

describe('managing a booking', () => {
  test('reference + email + code opens the booking under a new session token; another address sees nothing', async () => {
    const { reference } = await bookForPatient('skin-boost', firstFreeSlot('skin-boost', NOW), NOW)
    const browser = newPatientSession(NOW)
    expect(
      getPatientBooking({ session: browser, reference, now: NOW, actor: patientActor }),
    ).toBeNull()

    expect(
      requestManageCode({
        session: browser,
        reference,
        email: PATIENT.email,
        now: NOW,
        actor: patientActor,
      }).ok,
    ).toBe(true)
    const verified = verifyManageCode({
      session: browser,
      code: latestCodeSentTo(PATIENT.email),
      now: NOW,
      actor: patientActor,
    })
    expect(verified).toEqual({ ok: true, reference, sessionToken: expect.any(String) })
    // The token from before the proof opens nothing any more (a shared computer's old cookie).
    expect(sessionRowExists(browser)).toBe(false)
    const session = getPatientSession(verified.ok ? verified.sessionToken : '', NOW)!
    expect(session).toMatchObject({ verifiedEmail: PATIENT.email, provenBy: 'email_code' })
    const view = getPatientBooking({ session, reference, now: NOW, actor: patientActor })
    expect(view).toMatchObject({ reference, status: 'confirmed', patientName: PATIENT.fullName })

    const stranger: PatientSession = {
      tokenHash: 'x',
      verifiedEmail: 'someone.else@example.com',
      provenBy: 'email_code',
      provenBookingId: null,
    }
    expect(
      getPatientBooking({ session: stranger, reference, now: NOW, actor: patientActor }),
    ).toBeNull()
    expect(getPatientBookingCalendar({ session: stranger, reference })).toBeNull()
  })

  test('a reference with the wrong email sends nothing, and answers the same way', async () => {
    const { reference } = await bookForPatient('skin-boost', firstFreeSlot('skin-boost', NOW), NOW)
    const browser = newPatientSession(NOW)
    const before = getDb().select().from(emailOutbox).all().length
    expect(
      requestManageCode({
        session: browser,
        reference,
        email: 'wrong@example.com',
        now: NOW,
        actor: patientActor,
      }),
    ).toEqual({ ok: true })
    expect(getDb().select().from(emailOutbox).all().length).toBe(before)
    const attempt = verifyManageCode({
      session: browser,
      code: '123456',
      now: NOW,
      actor: patientActor,
    })
    expect(attempt).toMatchObject({ ok: false, message: expect.stringContaining('not right') })
  })

  test('the emailed link opens its own booking only, under a new session token', async () => {
    const first = await bookForPatient('skin-boost', firstFreeSlot('skin-boost', NOW), NOW)
    const linkToFirst = latestManageTokenSentTo(PATIENT.email)
    const second = await bookForPatient(
      'consultation',
      firstFreeSlot('consultation', new Date(NOW.getTime() + 3 * DAY)),
      NOW,
    )
    const browser = newPatientSession(NOW)
    const opened = openManageLink({
      session: browser,
      token: linkToFirst,
      now: NOW,
      actor: patientActor,
    })
    expect(opened).toEqual({
      ok: true,
      reference: first.reference,
      sessionToken: expect.any(String),
    })
    expect(sessionRowExists(browser)).toBe(false)
    const session = getPatientSession(opened.ok ? opened.sessionToken : '', NOW)!
    expect(session).toMatchObject({ verifiedEmail: PATIENT.email, provenBy: 'manage_link' })
    expect(
      getPatientBooking({ session, reference: first.reference, now: NOW, actor: patientActor }),
    ).toMatchObject({ reference: first.reference })
    // The same address's other booking is not reachable from this email's link.
    expect(
      getPatientBooking({ session, reference: second.reference, now: NOW, actor: patientActor }),
    ).toBeNull()
    expect(getPatientBookingCalendar({ session, reference: second.reference })).toBeNull()
    expect(
      openManageLink({ session, token: 'A'.repeat(43), now: NOW, actor: patientActor }),
    ).toEqual({ ok: false })
  })

  test('a manage link stops working once its booking is moved or cancelled', async () => {
    const slot = firstFreeSlot('skin-boost', new Date(NOW.getTime() + 5 * DAY))
    const { session, reference } = await bookForPatient('skin-boost', slot, NOW)
    const beforeMove = latestManageTokenSentTo(PATIENT.email)
    const later = firstFreeSlot('skin-boost', new Date(slot.startAt + 2 * DAY))
    expect(
      reschedulePatientBooking({
        session,
        reference,
        practitionerId: later.practitionerId,
        startAt: later.startAt,
        now: NOW,
        actor: patientActor,
      }),
    ).toMatchObject({ ok: true })
    const open = (token: string) =>
      openManageLink({ session: newPatientSession(NOW), token, now: NOW, actor: patientActor })
    expect(open(beforeMove)).toEqual({ ok: false })
    // The email about the move carries a new link, which works until the booking is cancelled.
    const afterMove = latestManageTokenSentTo(PATIENT.email)
    expect(open(afterMove)).toMatchObject({ ok: true, reference })
    expect(
      cancelPatientBooking({ session, reference, reason: null, now: NOW, actor: patientActor }),
    ).toMatchObject({ ok: true })
    expect(open(afterMove)).toEqual({ ok: false })
  })

  test('cancelling inside the window frees the slot, records the event and emails the patient', async () => {
    const slot = firstFreeSlot('skin-boost', new Date(NOW.getTime() + 5 * DAY))
    const { session, reference } = await bookForPatient('skin-boost', slot, NOW)
    expect(
      cancelPatientBooking({
        session,
        reference,
        reason: 'Travelling',
        now: NOW,
        actor: patientActor,
      }),
    ).toEqual({ ok: true })
    const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
    expect(booking).toMatchObject({ status: 'cancelled', cancellationReason: 'Travelling' })
    const actions = getDb()
      .select()
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, booking.id))
      .all()
      .map((e) => e.action)
    expect(actions).toContain('cancelled_by_patient')
    const mails = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.bookingId, booking.id))
      .all()
    expect(
      mails.some(
        (m) => m.subject.startsWith('Booking cancelled') && m.icsContent?.includes('METHOD:CANCEL'),
      ),
    ).toBe(true)
    // The time is free again for someone else.
    expect(
      firstFreeSlot('skin-boost', new Date(NOW.getTime() + 5 * DAY), slot.practitionerId).startAt,
    ).toBe(slot.startAt)
  })

  test('inside the cancellation window the patient must call instead', async () => {
    const slot = firstFreeSlot('skin-boost', NOW)
    const { session, reference } = await bookForPatient('skin-boost', slot, NOW)
    const late = new Date(slot.startAt - 47 * 3600_000)
    expect(
      cancelPatientBooking({ session, reference, reason: null, now: late, actor: patientActor }),
    ).toEqual({ ok: false, reason: 'outside-window' })
    expect(
      getPatientBooking({ session, reference, now: late, actor: patientActor })?.canChange,
    ).toBe(false)
  })

  test('rescheduling moves the booking atomically; an occupied slot is refused', async () => {
    const base = new Date(NOW.getTime() + 4 * DAY)
    const first = firstFreeSlot('skin-boost', base)
    const { session, reference } = await bookForPatient('skin-boost', first, NOW)
    const other = firstFreeSlot('skin-boost', base, first.practitionerId)
    const { reference: otherRef } = await bookForPatient('skin-boost', other, NOW, {
      ...PATIENT,
      email: 'other@example.com',
      dateOfBirth: '1990-01-01',
    })
    expect(otherRef).not.toBe(reference)

    const refused = reschedulePatientBooking({
      session,
      reference,
      practitionerId: other.practitionerId,
      startAt: other.startAt,
      now: NOW,
      actor: patientActor,
    })
    expect(refused).toMatchObject({ ok: false, reason: 'taken' })

    const target = firstFreeSlot(
      'skin-boost',
      new Date(base.getTime() + 2 * DAY),
      first.practitionerId,
    )
    expect(
      reschedulePatientBooking({
        session,
        reference,
        practitionerId: target.practitionerId,
        startAt: target.startAt,
        now: NOW,
        actor: patientActor,
      }),
    ).toEqual({ ok: true })
    const moved = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
    expect(moved.startAt.getTime()).toBe(target.startAt)
    expect(moved.status).toBe('confirmed')
    const event = getDb()
      .select()
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, moved.id))
      .all()
      .find((e) => e.action === 'rescheduled')!
    expect(JSON.parse(event.details)).toMatchObject({
      fromStartAt: new Date(first.startAt).toISOString(),
      toStartAt: new Date(target.startAt).toISOString(),
    })
    expect(
      getDb()
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.bookingId, moved.id))
        .all()
        .some((m) => m.subject.startsWith('Booking moved')),
    ).toBe(true)
    // The old time is free again.
    expect(firstFreeSlot('skin-boost', base, first.practitionerId).startAt).toBe(first.startAt)
  })
})
