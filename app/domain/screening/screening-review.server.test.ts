import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookingEvents,
  bookings,
  emailOutbox,
  screeningReviewEvents,
  screeningSubmissions,
} from '#db/schema/index.ts'
import {
  CLEAR_ANSWERS,
  PATIENT,
  patientActor,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import {
  bookWithAnswers,
  DEMO_CLINICIAN,
  PAST_COLD_SORE,
  staffActorFor,
} from '#tests/support/screening-fixtures.ts'
import {
  answerClinicQuestion,
  getPatientScreening,
  updatePatientScreening,
} from './screening-booking.server.ts'
import { decideReview } from './screening-decisions.server.ts'
import {
  countPendingReviews,
  getReviewForClinician,
  listPendingReviews,
} from './screening-review.server.ts'
import { latestBookingSubmission } from './screening.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)
const OTHER = {
  fullName: 'Luisa Marino',
  email: 'luisa.marino@example.com',
  phone: '+393339876543',
  dateOfBirth: '1979-07-02',
}

async function pendingBooking() {
  const booked = await bookWithAnswers(PAST_COLD_SORE, NOW)
  expect(booked.booking.status).toBe('pending_review')
  const submissionId = latestBookingSubmission(getDb(), booked.booking.id)!.id
  return { ...booked, submissionId }
}

function emailsFor(bookingId: string) {
  return getDb().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId)).all()
}

function expectNoHealthDetails(text: string, secrets: string[]) {
  expect(text).not.toMatch(/cold sore|herpes|antiviral|skin boost|needl/i)
  for (const secret of secrets) expect(text).not.toContain(secret)
}

describe('the review queue', () => {
  test('lists bookings pending review, soonest first, with a count for the staff home', async () => {
    const first = await pendingBooking()
    const second = await bookWithAnswers(PAST_COLD_SORE, NOW, OTHER)
    await bookWithAnswers(CLEAR_ANSWERS, NOW, { ...OTHER, email: 'clear@example.com' })
    expect(countPendingReviews()).toBe(2)
    const queue = listPendingReviews()
    expect(queue.map((item) => item.bookingId)).toEqual(
      [first.booking, second.booking]
        .sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
        .map((b) => b.id),
    )
    expect(queue[0]).toMatchObject({ reviewCount: 1, state: 'new' })
  })

  test('the review page shows the flagged answers with both explanations and the source; viewing is audited', async () => {
    const { booking } = await pendingBooking()
    const clinician = staffActorFor(DEMO_CLINICIAN)
    const review = getReviewForClinician({ bookingId: booking.id, actor: clinician, now: NOW })!
    expect(review.patient).toMatchObject({ fullName: PATIENT.fullName, age: 38 })
    expect(review.submission!.findings).toEqual([
      expect.objectContaining({
        ruleId: 'cold-sores-history',
        kind: 'review',
        sources: 'D-4, D-5, D-10, D-13, D-21',
        patientText: expect.stringContaining('cold sores'),
        clinicianText: expect.stringContaining('antiviral'),
      }),
    ])
    expect(review.canDecide).toBe(true)
    const views = getDb()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'screening.viewed'), eq(auditEvents.actorId, clinician.userId)),
      )
      .all()
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ patientId: booking.patientId, subjectId: booking.id })
    expect(views[0]!.details).not.toMatch(/cold/)
  })
})

describe('decisions', () => {
  test('approve: confirmed, an append-only decision row, an audit row and an email without health details', async () => {
    const { booking, submissionId } = await pendingBooking()
    const clinician = staffActorFor(DEMO_CLINICIAN)
    const note = 'Antiviral cover prescribed'
    expect(
      decideReview({
        bookingId: booking.id,
        decision: { intent: 'approve', submissionId, note },
        actor: clinician,
        now: later(5),
      }),
    ).toEqual({ ok: true })
    const after = getDb().select().from(bookings).where(eq(bookings.id, booking.id)).get()!
    expect(after.status).toBe('confirmed')
    expect(after.confirmedAt).toEqual(later(5))
    expect(getDb().select().from(screeningReviewEvents).all()).toEqual([
      expect.objectContaining({
        kind: 'approved',
        actorType: 'staff',
        actorId: clinician.userId,
        message: note,
      }),
    ])
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'screening.decided'))
      .get()!
    expect(JSON.parse(audit.details)).toMatchObject({ decision: 'approved' })
    expect(audit.details).not.toContain('Antiviral')
    const mail = emailsFor(booking.id).find((m) => m.dedupeKey.includes('screening-approved'))!
    expect(mail.subject).toBe(`Booking confirmed: ${booking.reference}`)
    expectNoHealthDetails(`${mail.subject}\n${mail.textBody}\n${mail.htmlBody}`, [note])
    const events = getDb()
      .select()
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, booking.id))
      .all()
    expect(events.at(-1)).toMatchObject({
      action: 'screening_approved',
      fromStatus: 'pending_review',
      toStatus: 'confirmed',
    })
    // Decided once: the next decision is refused.
    expect(
      decideReview({
        bookingId: booking.id,
        decision: { intent: 'decline', submissionId, reason: 'x' },
        actor: clinician,
        now: later(6),
      }),
    ).toEqual({ ok: false, reason: 'not-pending' })
  })

  test('decline: the time is freed, the patient reads the reason on the booking page, the email does not carry it', async () => {
    const { booking, session, submissionId } = await pendingBooking()
    const reason = 'Your cold sores need a doctor’s visit first. Please book a consultation.'
    expect(
      decideReview({
        bookingId: booking.id,
        decision: { intent: 'decline', submissionId, reason },
        actor: staffActorFor(DEMO_CLINICIAN),
        now: later(5),
      }),
    ).toEqual({ ok: true })
    expect(getDb().select().from(bookings).where(eq(bookings.id, booking.id)).get()!.status).toBe(
      'declined',
    )
    // Someone else can hold that very time now.
    const other = sessionWithDraft('skin-boost', later(6))
    expect(
      holdSlot({
        session: other,
        practitionerId: booking.practitionerId,
        startAt: booking.startAt.getTime(),
        now: later(6),
        actor: patientActor,
      }).ok,
    ).toBe(true)
    const view = getPatientScreening({
      session,
      reference: booking.reference,
      now: later(7),
      actor: patientActor,
    })!
    expect(view.declineReason).toBe(reason)
    expect(view.canUpdate).toBe(false)
    const manage = getPatientBooking({
      session,
      reference: booking.reference,
      now: later(7),
      actor: patientActor,
    })!
    expect(manage.screening?.declineReason).toBe(reason)
    const mail = emailsFor(booking.id).find((m) => m.dedupeKey.includes('screening-declined'))!
    expect(mail.icsContent).toContain('METHOD:CANCEL')
    expectNoHealthDetails(`${mail.subject}\n${mail.textBody}\n${mail.htmlBody}`, [reason])
  })

  test('request information: the patient gets a link, reads the question and answers; the queue shows the reply', async () => {
    const { booking, session, submissionId } = await pendingBooking()
    const question = 'When did you last have a cold sore?'
    decideReview({
      bookingId: booking.id,
      decision: { intent: 'request_info', submissionId, question },
      actor: staffActorFor(DEMO_CLINICIAN),
      now: later(5),
    })
    expect(getDb().select().from(bookings).where(eq(bookings.id, booking.id)).get()!.status).toBe(
      'pending_review',
    )
    const mail = emailsFor(booking.id).find((m) => m.dedupeKey.includes('screening-question'))!
    expect(mail.textBody).toContain('/bookings/manage?token=')
    expectNoHealthDetails(`${mail.subject}\n${mail.textBody}\n${mail.htmlBody}`, [question])
    expect(listPendingReviews()[0]!.state).toBe('waiting_for_patient')

    const view = getPatientScreening({
      session,
      reference: booking.reference,
      now: later(6),
      actor: patientActor,
    })!
    expect(view.openQuestion).toEqual({ text: question, askedAt: later(5).getTime() })
    expect(
      getPatientBooking({
        session,
        reference: booking.reference,
        now: later(6),
        actor: patientActor,
      })!.screening?.openQuestion,
    ).toBe(true)

    expect(
      answerClinicQuestion({
        session,
        reference: booking.reference,
        answer: 'Two years ago, on the lip.',
        now: later(10),
        actor: patientActor,
      }),
    ).toEqual({ ok: true })
    const after = getPatientScreening({
      session,
      reference: booking.reference,
      now: later(11),
      actor: patientActor,
    })!
    expect(after.openQuestion).toBeNull()
    expect(after.conversation.map((c) => [c.from, c.text])).toEqual([
      ['clinic', question],
      ['you', 'Two years ago, on the lip.'],
    ])
    expect(listPendingReviews()[0]!.state).toBe('patient_replied')
    // No second answer without a new question.
    expect(
      answerClinicQuestion({
        session,
        reference: booking.reference,
        answer: 'Again',
        now: later(12),
        actor: patientActor,
      }),
    ).toEqual({ ok: false, reason: 'no-question' })
    const answered = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'screening.info_provided'))
      .get()!
    expect(answered.details).not.toContain('lip')
  })

  test('a decision on answers the patient has since changed is refused', async () => {
    const { booking, session, submissionId } = await pendingBooking()
    updatePatientScreening({
      session,
      reference: booking.reference,
      answers: { ...PAST_COLD_SORE, allergies: ['nickel'] },
      now: later(5),
      actor: patientActor,
    })
    expect(
      decideReview({
        bookingId: booking.id,
        decision: { intent: 'approve', submissionId, note: null },
        actor: staffActorFor(DEMO_CLINICIAN),
        now: later(6),
      }),
    ).toEqual({ ok: false, reason: 'stale' })
  })
})

describe('the patient updates their answers', () => {
  test('the rules run again as a new version; a clear result stays pending until a clinician approves', async () => {
    const { booking, session } = await pendingBooking()
    const result = updatePatientScreening({
      session,
      reference: booking.reference,
      answers: CLEAR_ANSWERS,
      now: later(5),
      actor: patientActor,
    })
    expect(result).toEqual({ ok: true, outcome: 'eligible', status: 'pending_review' })
    const versions = getDb()
      .select()
      .from(screeningSubmissions)
      .where(eq(screeningSubmissions.bookingId, booking.id))
      .all()
    expect(versions.map((v) => [v.bookingVersion, v.outcome, v.source])).toEqual([
      [1, 'review', 'booking'],
      [2, 'eligible', 'patient_update'],
    ])
    expect(listPendingReviews()[0]!.state).toBe('new')
  })

  test('new answers needing review send a confirmed booking back to pending review', async () => {
    const { booking, session } = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    expect(booking.status).toBe('confirmed')
    const result = updatePatientScreening({
      session,
      reference: booking.reference,
      answers: { ...CLEAR_ANSWERS, medicines: ['blood_thinners'] },
      now: later(5),
      actor: patientActor,
    })
    expect(result).toEqual({ ok: true, outcome: 'review', status: 'pending_review' })
    expect(getDb().select().from(bookings).where(eq(bookings.id, booking.id)).get()!.status).toBe(
      'pending_review',
    )
    // Unchanged clear answers keep it confirmed.
    const again = await bookWithAnswers(CLEAR_ANSWERS, NOW, {
      ...PATIENT,
      email: 'again@example.com',
    })
    expect(
      updatePatientScreening({
        session: again.session,
        reference: again.reference,
        answers: CLEAR_ANSWERS,
        now: later(5),
        actor: patientActor,
      }),
    ).toEqual({ ok: true, outcome: 'eligible', status: 'confirmed' })
  })

  test('a date of birth that differs from the booking’s is refused and nothing is stored', async () => {
    const { booking, session } = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    expect(
      updatePatientScreening({
        session,
        reference: booking.reference,
        answers: { ...CLEAR_ANSWERS, dateOfBirth: '1990-01-01' },
        now: later(5),
        actor: patientActor,
      }),
    ).toEqual({ ok: false, reason: 'birth-date-differs' })
    expect(getDb().select().from(screeningSubmissions).all()).toHaveLength(1)
  })
})

describe('privacy', () => {
  test('another patient’s screening is not found, and nothing is written for them', async () => {
    const mine = await pendingBooking()
    const theirs = await bookWithAnswers(CLEAR_ANSWERS, NOW, OTHER)
    const read = {
      session: theirs.session,
      reference: mine.booking.reference,
      now: later(1),
      actor: patientActor,
    }
    expect(getPatientScreening(read)).toBeNull()
    expect(getPatientScreening({ ...read, session: null })).toBeNull()
    expect(answerClinicQuestion({ ...read, answer: 'x' })).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(updatePatientScreening({ ...read, answers: CLEAR_ANSWERS })).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(
      getDb()
        .select()
        .from(screeningSubmissions)
        .where(eq(screeningSubmissions.bookingId, mine.booking.id))
        .all(),
    ).toHaveLength(1)
    const views = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'screening.viewed'))
      .all()
    expect(views).toHaveLength(0)

    // Their own view is audited with them as the actor.
    getPatientScreening({ ...read, session: mine.session })
    const own = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'screening.viewed'))
      .all()
    expect(own).toEqual([
      expect.objectContaining({
        actorType: 'patient',
        actorId: mine.booking.patientId,
        patientId: mine.booking.patientId,
      }),
    ])
  })
})
