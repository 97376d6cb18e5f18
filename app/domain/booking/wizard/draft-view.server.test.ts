import { describe, expect, test } from 'vitest'
import {
  firstFreeSlot,
  newPatientSession,
  PATIENT,
  patientActor,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { getDraftView } from './draft-view.server.ts'
import { holdSlot } from './hold.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)

describe('the draft view', () => {
  test('no session, or a session without a draft, has none', () => {
    expect(getDraftView(null, NOW)).toBeNull()
    expect(getDraftView(newPatientSession(NOW), NOW)).toBeNull()
  })

  test('shows the held time, live until the hold lapses and kept after', () => {
    const slot = firstFreeSlot('consultation', NOW)
    const session = sessionWithDraft('consultation', NOW)
    expect(getDraftView(session, NOW)).toMatchObject({
      service: { kind: 'consultation' },
      hold: null,
      details: null,
      timeZone: 'Europe/Rome',
      progress: { hasService: true, needsScreening: false, hasHold: false, isBooked: false },
    })
    holdSlot({ session, ...slot, now: NOW, actor: patientActor })
    expect(getDraftView(session, minutes(1))?.hold).toMatchObject({
      practitionerId: slot.practitionerId,
      startAt: slot.startAt,
      live: true,
    })
    // A lapsed hold can still become the booking when nobody took the time (finalize.server.ts).
    const lapsed = getDraftView(session, minutes(11))
    expect(lapsed?.hold?.live).toBe(false)
    expect(lapsed?.progress.hasHold).toBe(true)
  })

  test('a treatment waits for the health questions; clear answers let it on', () => {
    const unanswered = getDraftView(sessionWithDraft('skin-boost', NOW, null), NOW)
    expect(unanswered?.progress).toMatchObject({ needsScreening: true, screeningDone: false })
    expect(unanswered?.screening).toBeNull()
    const answered = getDraftView(sessionWithDraft('skin-boost', NOW), NOW)
    expect(answered?.progress).toMatchObject({ needsScreening: true, screeningDone: true })
    expect(answered?.screening).toEqual({
      outcome: 'eligible',
      waitUntilAt: null,
      dateOfBirth: PATIENT.dateOfBirth,
    })
  })
})
