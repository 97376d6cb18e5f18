import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import {
  SCREENING_QUESTIONNAIRE_VERSION,
  type ScreeningAnswers,
} from '#app/domain/screening/screening.schema.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookingDrafts,
  bookings,
  emailOutbox,
  patientSessions,
  screeningSubmissions,
} from '#db/schema/index.ts'
import {
  CLEAR_ANSWERS,
  firstFreeSlot,
  latestCodeSentTo,
  PATIENT,
  patientActor,
  sessionAfter,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { getDraftScreening, submitDraftScreening } from './draft-screening.server.ts'
import { saveDraftDetails } from './details.server.ts'
import { getDraftView } from './draft-view.server.ts'
import { holdSlot } from './hold.server.ts'
import { verifyBookingEmail } from './verify.server.ts'
import { passCheckAndSign, signingContext } from '#tests/support/consent-fixtures.ts'
import { getSlotPickerModel } from '../slot-picker.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 86_400_000

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

/** Holds, gives details, proves the email and (for a treatment) signs the consent. */
async function book(session: PatientSession, slot: { practitionerId: string; startAt: number }) {
  const held = holdSlot({ session, ...slot, now: NOW, actor: patientActor })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  const saved = saveDraftDetails({ session, details: PATIENT, now: NOW, actor: patientActor })
  if (!saved.ok) throw new Error(`details failed: ${saved.reason}`)
  const verified = verifyBookingEmail({
    session,
    code: latestCodeSentTo(PATIENT.email),
    now: NOW,
    actor: patientActor,
  })
  if (!verified.ok || verified.reference) return verified
  const signed = await passCheckAndSign(
    signingContext(sessionAfter(session, verified.sessionToken, NOW), NOW),
  )
  return { ok: Boolean(signed.bookedReference) }
}

const PAST_COLD_SORE: ScreeningAnswers = { ...CLEAR_ANSWERS, history: ['cold_sores'] }
const ACTIVE_INFECTION: ScreeningAnswers = { ...CLEAR_ANSWERS, skinNow: ['infection'] }
/** Stopped isotretinoin two months ago: six months after the last tablet by default. */
const ISOTRETINOIN_STOPPED: ScreeningAnswers = {
  ...CLEAR_ANSWERS,
  medicines: ['isotretinoin_past'],
  isotretinoinLastDose: '2026-09-25',
}

describe('screening in the booking wizard', () => {
  test('clear answers book straight through: confirmed, the submission linked to patient and booking', async () => {
    const session = sessionWithDraft('skin-boost', NOW)
    const result = await book(session, firstFreeSlot('skin-boost', NOW))
    expect(result.ok).toBe(true)
    const booking = getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).get()!
    const submission = getDb().select().from(screeningSubmissions).get()!
    expect(submission).toMatchObject({
      outcome: 'eligible',
      bookingId: booking.id,
      patientId: booking.patientId,
      bookingVersion: 1,
      questionnaireVersion: SCREENING_QUESTIONNAIRE_VERSION,
      ruleSetVersion: 1,
      source: 'booking',
    })
    const actions = getDb()
      .select({ action: auditEvents.action, patientId: auditEvents.patientId })
      .from(auditEvents)
      .all()
      .filter((a) => a.action.startsWith('screening.'))
    expect(actions).toEqual([
      { action: 'screening.submitted', patientId: null },
      { action: 'screening.linked', patientId: booking.patientId },
    ])
  })

  test('a rule asking for review books the time as pending review, and the email says a clinician will check', async () => {
    const session = sessionWithDraft('skin-boost', NOW, PAST_COLD_SORE)
    expect(getDraftView(session, NOW)?.progress.screeningDone).toBe(true)
    const result = await book(session, firstFreeSlot('skin-boost', NOW))
    expect(result.ok).toBe(true)
    const booking = getDb().select().from(bookings).get()!
    expect(booking.status).toBe('pending_review')
    expect(booking.confirmedAt).toBeNull()
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .all()
      .find((m) => m.dedupeKey.endsWith(':booked'))!
    expect(mail.subject).toMatch(/waiting for a clinician/)
    expect(mail.textBody).toContain('A clinician will look at your answers')
    // Only the general advice every patient gets; nothing about this patient's answers.
    for (const text of [mail.subject, mail.textBody, mail.htmlBody ?? '', mail.icsContent ?? '']) {
      expect(text).not.toMatch(/have had cold sores|herpes|antiviral|skin boost|needl/i)
      expect(text).not.toContain('medicine to prevent one')
    }
  })

  test('not eligible: no time can be held and nothing is booked; the draft stays on the screening step', () => {
    const session = sessionWithDraft('skin-boost', NOW, ACTIVE_INFECTION)
    const view = getDraftView(session, NOW)!
    expect(view.progress).toMatchObject({ needsScreening: true, screeningDone: false })
    const slot = firstFreeSlot('skin-boost', NOW)
    expect(holdSlot({ session, ...slot, now: NOW, actor: patientActor })).toEqual({
      ok: false,
      reason: 'screening-needed',
    })
    expect(getDb().select().from(bookings).all()).toHaveLength(0)
    const screening = getDraftScreening({ session, now: NOW, actor: patientActor })!
    expect(screening.submission?.outcome).toBe('not_eligible')
    expect(screening.submission?.explanations[0]?.text).toMatch(/skin infection/)
    expect(screening.consultationServiceId).toBeTruthy()
  })

  test('a waiting window moves the first bookable day: the picker starts after it and earlier holds are refused', async () => {
    const session = sessionWithDraft('skin-boost', NOW, ISOTRETINOIN_STOPPED)
    const view = getDraftView(session, NOW)!
    const windowStart = Date.parse('2027-03-25T00:00:00+01:00')
    expect(view.earliestStartAt).toBe(windowStart)
    const picker = getSlotPickerModel({
      serviceId: view.service.id,
      practitioner: 'any',
      now: NOW,
      earliestStartAt: view.earliestStartAt,
    })
    const firstOffered = picker.days.find((day) => day.slotCount > 0)!.date
    expect(firstOffered >= '2027-03-25').toBe(true)
    expect(picker.days[0]!.date >= '2027-03-25').toBe(true)
    expect(picker.earlierFrom).toBeNull()
    const [value] = picker.slots.map((s) => s.value)
    expect(Number(value!.split('@')[1])).toBeGreaterThanOrEqual(windowStart)

    const tooEarly = firstFreeSlot('skin-boost', NOW)
    expect(holdSlot({ session, ...tooEarly, now: NOW, actor: patientActor })).toMatchObject({
      ok: false,
      reason: 'too-soon',
    })
    const [practitionerId, start] = value!.split('@') as [string, string]
    const result = await book(session, { practitionerId, startAt: Number(start) })
    expect(result.ok).toBe(true)
    expect(
      getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).all(),
    ).toHaveLength(1)
  })

  test('consultations skip screening', async () => {
    const session = sessionWithDraft('consultation', NOW)
    const view = getDraftView(session, NOW)!
    expect(view.progress).toMatchObject({ needsScreening: false, screeningDone: true })
    expect(
      submitDraftScreening({ session, answers: CLEAR_ANSWERS, now: NOW, actor: patientActor }),
    ).toEqual({ ok: false, reason: 'not-needed' })
    expect((await book(session, firstFreeSlot('consultation', NOW))).ok).toBe(true)
    expect(getDb().select().from(bookings).get()!.status).toBe('confirmed')
    expect(getDb().select().from(screeningSubmissions).all()).toHaveLength(0)
  })

  test('changing the answers to "not eligible" after holding a time lets the time go', () => {
    const session = sessionWithDraft('skin-boost', NOW)
    const slot = firstFreeSlot('skin-boost', NOW)
    expect(holdSlot({ session, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
    const changed = submitDraftScreening({
      session,
      answers: ACTIVE_INFECTION,
      now: NOW,
      actor: patientActor,
    })
    expect(changed).toEqual({ ok: true, outcome: 'not_eligible', booked: false })
    expect(getDb().select().from(bookings).get()!.status).toBe('expired')
    expect(getDraftView(session, NOW)!.hold).toBeNull()
    // The answers given first are not lost: they stay until housekeeping purges them.
    expect(getDb().select().from(screeningSubmissions).all()).toHaveLength(2)
  })

  test('a waiting window later than the held time lets the time go too', () => {
    const session = sessionWithDraft('skin-boost', NOW)
    const slot = firstFreeSlot('skin-boost', NOW)
    holdSlot({ session, ...slot, now: NOW, actor: patientActor })
    const result = submitDraftScreening({
      session,
      answers: ISOTRETINOIN_STOPPED,
      now: NOW,
      actor: patientActor,
    })
    expect(result).toMatchObject({ ok: true, outcome: 'eligible', booked: false })
    expect(getDraftView(session, NOW)!.hold).toBeNull()
  })

  test('the details must repeat the date of birth given in the health questions', () => {
    const session = sessionWithDraft('skin-boost', NOW)
    holdSlot({ session, ...firstFreeSlot('skin-boost', NOW), now: NOW, actor: patientActor })
    expect(
      saveDraftDetails({
        session,
        details: { ...PATIENT, dateOfBirth: '1990-01-01' },
        now: NOW,
        actor: patientActor,
      }),
    ).toEqual({ ok: false, reason: 'birth-date-differs' })
    expect(getDb().select().from(bookingDrafts).get()!.email).toBeNull()
  })

  test('new answers replace a "not eligible" one, and the patient can book', async () => {
    const session = sessionWithDraft('skin-boost', NOW, ACTIVE_INFECTION)
    // Meanwhile the infection healed: new answers.
    const cleared = submitDraftScreening({
      session,
      answers: CLEAR_ANSWERS,
      now: NOW,
      actor: patientActor,
    })
    expect(cleared).toMatchObject({ ok: true, outcome: 'eligible', booked: false })
    const result = await book(reload(session), firstFreeSlot('skin-boost', NOW))
    expect(result.ok).toBe(true)
    const booked = getDb().select().from(bookings).get()!
    expect(localDateOf(booked.startAt.getTime(), 'Europe/Rome') >= '2026-11-26').toBe(true)
    expect(booked.startAt.getTime() - NOW.getTime()).toBeLessThan(40 * DAY)
  })
})
