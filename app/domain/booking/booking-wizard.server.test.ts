import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import {
  bookingEvents,
  bookings,
  emailOutbox,
  patients,
  patientSessions,
} from '#db/schema/index.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { passCheckAndSign, signingContext } from '#tests/support/consent-fixtures.ts'
import {
  firstFreeSlot,
  latestCodeSentTo,
  PATIENT,
  patientActor,
  serviceIdBySlug,
  sessionAfter,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import {
  getDraftView,
  holdSlot,
  saveDraftDetails,
  startBookingDraft,
  verifyBookingEmail,
} from './booking-wizard.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)

/** The session as the next request would read it (it may have been verified meanwhile). */
function reload(session: PatientSession): PatientSession {
  const row = getDb()
    .select()
    .from(patientSessions)
    .where(eq(patientSessions.tokenHash, session.tokenHash))
    .get()!
  return {
    tokenHash: row.tokenHash,
    verifiedEmail: row.verifiedEmail,
    provenBy: row.provenBy,
    provenBookingId: row.provenBookingId,
  }
}

/**
 * Goes through the wizard: hold, details, code and, for a treatment, the consent (the last step
 * before the booking is made). Answers like verifyBookingEmail does.
 */
async function bookThrough(
  session: PatientSession,
  slot: { practitionerId: string; startAt: number },
  details = PATIENT,
  at = NOW,
) {
  const held = holdSlot({ session, ...slot, now: at, actor: patientActor })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  const saved = saveDraftDetails({ session, details, now: at, actor: patientActor })
  if (!saved.ok) throw new Error(`details failed: ${saved.reason}`)
  const verified = verifyBookingEmail({
    session,
    code: latestCodeSentTo(details.email),
    now: at,
    actor: patientActor,
  })
  // The browser now holds the session's new token (proving the email replaced it).
  const current = sessionAfter(session, verified.sessionToken, at)
  if (!verified.ok || verified.reference) return { ...verified, session: current }
  const signed = await passCheckAndSign(signingContext(current, at))
  if (signed.bookingProblem?.reason === 'too-close')
    return {
      ok: false as const,
      reason: 'too-close' as const,
      earliestStartAt: signed.bookingProblem.earliestStartAt,
      session: current,
    }
  if (signed.bookingProblem)
    return { ok: false as const, reason: 'slot-taken' as const, session: current }
  return { ok: true as const, reference: signed.bookedReference, session: current }
}

describe('booking wizard', () => {
  test('a patient holds a slot, proves their email, signs the consent and is booked', async () => {
    const session = sessionWithDraft('skin-boost', NOW)
    const slot = firstFreeSlot('skin-boost', NOW)
    const result = await bookThrough(session, slot)
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
    expect(getDraftView(reload(result.session), NOW)?.progress.isBooked).toBe(true)
  })

  test('the confirmation email carries the calendar file and no treatment or health details', async () => {
    const session = sessionWithDraft('acne-scars', NOW)
    await bookThrough(session, firstFreeSlot('acne-scars', NOW))
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, PATIENT.email))
      .all()
      .find((m) => m.dedupeKey.endsWith(':booked'))!
    expect(mail.subject).toMatch(/^Booking confirmed: DD-/)
    expect(mail.icsContent).toContain('BEGIN:VCALENDAR')
    for (const text of [mail.subject, mail.textBody, mail.htmlBody ?? '', mail.icsContent ?? '']) {
      expect(text).not.toMatch(/acne|scar|microneedling|needl/i)
    }
    expect(mail.textBody).toContain('/bookings/manage?token=')
  })

  test('the code email keeps the code out of its subject (lock screens show subjects)', () => {
    const session = sessionWithDraft('consultation', NOW)
    holdSlot({ session, ...firstFreeSlot('consultation', NOW), now: NOW, actor: patientActor })
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: patientActor })
    const code = latestCodeSentTo(PATIENT.email)
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .all()
      .find((m) => m.dedupeKey.startsWith('verification:'))!
    expect(mail.subject).toBe('Your email code for Dermadesk Skin Clinic Milano')
    expect(mail.subject).not.toMatch(/\d{6}/)
    expect(mail.textBody).toContain(code)
  })

  test('proving the email replaces the session token: the one from before opens nothing', () => {
    const session = sessionWithDraft('consultation', NOW)
    holdSlot({ session, ...firstFreeSlot('consultation', NOW), now: NOW, actor: patientActor })
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: patientActor })
    const result = verifyBookingEmail({
      session,
      code: latestCodeSentTo(PATIENT.email),
      now: NOW,
      actor: patientActor,
    })
    expect(result).toMatchObject({ ok: true, sessionToken: expect.any(String) })
    const stale = getDb()
      .select()
      .from(patientSessions)
      .where(eq(patientSessions.tokenHash, session.tokenHash))
      .get()
    expect(stale).toBeUndefined()
    const current = sessionAfter(session, result.sessionToken, NOW)
    expect(current).toMatchObject({ verifiedEmail: PATIENT.email, provenBy: 'email_code' })
    // The draft moved with it: the booking it made is this browser's.
    expect(getDraftView(current, NOW)?.progress.isBooked).toBe(true)
    expect(getDraftView(session, NOW)).toBeNull()
  })

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

  test('a double-submitted slot and a double-submitted code make one booking', () => {
    const slot = firstFreeSlot('consultation', NOW)
    const session = sessionWithDraft('consultation', NOW)
    expect(holdSlot({ session, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
    expect(holdSlot({ session, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
    expect(getDb().select().from(bookings).all()).toHaveLength(1)
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: patientActor })
    const code = latestCodeSentTo(PATIENT.email)
    const first = verifyBookingEmail({ session, code, now: NOW, actor: patientActor })
    // The second post comes with the cookie the first answer set.
    const second = verifyBookingEmail({
      session: sessionAfter(session, first.sessionToken, NOW),
      code,
      now: NOW,
      actor: patientActor,
    })
    expect(first.ok && second.ok && first.reference === second.reference).toBe(true)
    expect(
      getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).all(),
    ).toHaveLength(1)
  })

  test('a wrong code says how many tries are left; the sixth try is refused; codes expire', () => {
    const session = sessionWithDraft('skin-boost', NOW)
    holdSlot({ session, ...firstFreeSlot('skin-boost', NOW), now: NOW, actor: patientActor })
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: patientActor })
    const right = latestCodeSentTo(PATIENT.email)
    const wrong = right === '000000' ? '111111' : '000000'
    expect(verifyBookingEmail({ session, code: wrong, now: NOW, actor: patientActor })).toEqual({
      ok: false,
      reason: 'code',
      message: 'That code is not right. You have 4 tries left.',
      retryAfterSeconds: undefined,
      sessionToken: null,
    })
    for (let i = 0; i < 4; i++)
      verifyBookingEmail({ session, code: wrong, now: NOW, actor: patientActor })
    const blocked = verifyBookingEmail({ session, code: right, now: NOW, actor: patientActor })
    expect(blocked).toMatchObject({
      ok: false,
      reason: 'code',
      message: expect.stringContaining('too many times'),
    })

    const fresh = sessionWithDraft('skin-boost', NOW)
    holdSlot({
      session: fresh,
      ...firstFreeSlot('skin-boost', minutes(120)),
      now: NOW,
      actor: patientActor,
    })
    saveDraftDetails({
      session: fresh,
      details: { ...PATIENT, email: 'late@example.com' },
      now: NOW,
      actor: patientActor,
    })
    const expired = verifyBookingEmail({
      session: fresh,
      code: latestCodeSentTo('late@example.com'),
      now: minutes(10),
      actor: patientActor,
    })
    expect(expired).toMatchObject({
      ok: false,
      reason: 'code',
      message: expect.stringContaining('expired'),
    })
  })

  test('two needling sessions of one patient must be 28 days apart', async () => {
    const first = firstFreeSlot('medical-face', NOW)
    expect((await bookThrough(sessionWithDraft('medical-face', NOW), first)).ok).toBe(true)
    const soon = firstFreeSlot('skin-boost', new Date(first.startAt + 2 * 24 * 3600_000))
    const second = await bookThrough(sessionWithDraft('skin-boost', NOW), soon)
    expect(second).toMatchObject({
      ok: false,
      reason: 'too-close',
      earliestStartAt: first.startAt + 28 * 24 * 3600_000,
    })
    // A consultation involves no needles: no gap needed.
    const consult = firstFreeSlot('consultation', new Date(first.startAt + 24 * 3600_000))
    expect((await bookThrough(sessionWithDraft('consultation', NOW), consult)).ok).toBe(true)
  })

  test('a session that already proved the email books straight after the details', async () => {
    const booked = await bookThrough(
      sessionWithDraft('skin-boost', NOW),
      firstFreeSlot('skin-boost', NOW),
    )
    expect(booked.ok).toBe(true)
    const proven = reload(booked.session)
    expect(proven.verifiedEmail).toBe(PATIENT.email)
    expect(
      startBookingDraft({ session: proven, serviceId: serviceIdBySlug('consultation'), now: NOW })
        .ok,
    ).toBe(true)
    expect(
      holdSlot({
        session: proven,
        ...firstFreeSlot('consultation', NOW),
        now: NOW,
        actor: patientActor,
      }).ok,
    ).toBe(true)
    expect(
      saveDraftDetails({ session: proven, details: PATIENT, now: NOW, actor: patientActor }),
    ).toEqual({ ok: true, next: 'confirmation' })
    expect(
      getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).all(),
    ).toHaveLength(2)
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
