import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookingEvents, bookings, emailOutbox, patients } from '#db/schema/index.ts'
import {
  bookThroughWizard,
  firstFreeSlot,
  latestCodeSentTo,
  PATIENT,
  patientActor,
  reloadSession,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { saveDraftDetails } from './details.server.ts'
import { getDraftView } from './draft-view.server.ts'
import { holdSlot } from './hold.server.ts'
import { verifyBookingEmail } from './verify.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)

describe('the booking is made when the last step is done', () => {
  test('a patient holds a slot, proves their email, signs the consent and is booked', async () => {
    const session = sessionWithDraft('skin-boost', NOW)
    const slot = firstFreeSlot('skin-boost', NOW)
    const result = await bookThroughWizard(session, slot, NOW)
    expect(result).toMatchObject({ ok: true, reference: expect.stringMatching(/^DD-[0-9A-Z]{6}$/) })

    const booking = getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).get()!
    expect(booking.startAt.getTime()).toBe(slot.startAt)
    expect(booking.holdExpiresAt).toBeNull()
    const patient = getDb()
      .select()
      .from(patients)
      .where(eq(patients.id, booking.patientId!))
      .get()!
    expect(patient).toMatchObject({
      email: PATIENT.email,
      fullName: PATIENT.fullName,
      dateOfBirth: PATIENT.dateOfBirth,
    })
    const events = getDb()
      .select()
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, booking.id))
      .all()
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['held', null, 'held'],
      ['booked', 'held', 'confirmed'],
    ])
    expect(getDraftView(reloadSession(result.session), NOW)?.progress.isBooked).toBe(true)
  })

  test('the confirmation email carries the calendar file and no treatment or health details', async () => {
    const session = sessionWithDraft('acne-scars', NOW)
    await bookThroughWizard(session, firstFreeSlot('acne-scars', NOW), NOW)
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, PATIENT.email))
      .all()
      .find((m) => m.dedupeKey.endsWith(':booked'))!
    expect(mail.subject).toMatch(/^Booking confirmed: DD-/)
    expect(mail.icsContent).toContain('BEGIN:VCALENDAR')
    for (const text of [mail.subject, mail.textBody, mail.htmlBody ?? '', mail.icsContent ?? '']) {
      // Whole words: the manage link's random token once held "…acne…".
      expect(text).not.toMatch(/\b(acne|scars?|microneedling|needl\w*)\b/i)
    }
    expect(mail.textBody).toContain('/bookings/manage?token=')
  })

  test('two needling sessions of one patient must be 28 days apart', async () => {
    const first = firstFreeSlot('medical-face', NOW)
    expect((await bookThroughWizard(sessionWithDraft('medical-face', NOW), first, NOW)).ok).toBe(
      true,
    )
    const soon = firstFreeSlot('skin-boost', new Date(first.startAt + 2 * 24 * 3600_000))
    const second = await bookThroughWizard(sessionWithDraft('skin-boost', NOW), soon, NOW)
    expect(second).toMatchObject({
      ok: false,
      reason: 'too-close',
      earliestStartAt: first.startAt + 28 * 24 * 3600_000,
    })
    // A consultation involves no needles: no gap needed.
    const consult = firstFreeSlot('consultation', new Date(first.startAt + 24 * 3600_000))
    expect((await bookThroughWizard(sessionWithDraft('consultation', NOW), consult, NOW)).ok).toBe(
      true,
    )
  })
})

describe('a lapsed hold', () => {
  test('a lapsed hold frees the slot; confirming after that says it was taken', () => {
    const slot = firstFreeSlot('consultation', NOW)
    const late = sessionWithDraft('consultation', NOW)
    expect(holdSlot({ session: late, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
    expect(
      saveDraftDetails({ session: late, details: PATIENT, now: minutes(5), actor: patientActor })
        .ok,
    ).toBe(true)
    const code = latestCodeSentTo(PATIENT.email)

    const other = sessionWithDraft('consultation', minutes(11))
    expect(holdSlot({ session: other, ...slot, now: minutes(11), actor: patientActor }).ok).toBe(
      true,
    )

    const result = verifyBookingEmail({
      session: late,
      code,
      now: minutes(12),
      actor: patientActor,
    })
    expect(result).toMatchObject({ ok: false, reason: 'slot-taken' })
    if (!result.ok && result.reason === 'slot-taken')
      expect(result.nearest.length).toBeGreaterThan(0)
    expect(
      getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).all(),
    ).toHaveLength(0)
  })

  test('a lapsed hold still becomes a booking when nobody took the time', () => {
    const slot = firstFreeSlot('consultation', NOW)
    const session = sessionWithDraft('consultation', NOW)
    holdSlot({ session, ...slot, now: NOW, actor: patientActor })
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: patientActor })
    const result = verifyBookingEmail({
      session,
      code: latestCodeSentTo(PATIENT.email),
      now: minutes(9.9),
      actor: patientActor,
    })
    expect(result.ok).toBe(true)
    // And once more, past the hold but within the code's life: a second session, later.
    const session2 = sessionWithDraft('consultation', NOW)
    const slot2 = firstFreeSlot('consultation', minutes(60))
    holdSlot({ session: session2, ...slot2, now: NOW, actor: patientActor })
    saveDraftDetails({
      session: session2,
      details: { ...PATIENT, email: 'second@example.com' },
      now: minutes(5),
      actor: patientActor,
    })
    const late = verifyBookingEmail({
      session: session2,
      code: latestCodeSentTo('second@example.com'),
      now: minutes(12),
      actor: patientActor,
    })
    expect(late.ok).toBe(true)
  })
})
