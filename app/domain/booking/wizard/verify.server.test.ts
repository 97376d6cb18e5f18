import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookings, patientSessions } from '#db/schema/index.ts'
import {
  firstFreeSlot,
  latestCodeSentTo,
  PATIENT,
  patientActor,
  sessionAfter,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { saveDraftDetails } from './details.server.ts'
import { getDraftView } from './draft-view.server.ts'
import { holdSlot } from './hold.server.ts'
import { verifyBookingEmail } from './verify.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)

describe('the emailed code', () => {
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
})
