import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getRescheduleLimits } from '#app/domain/booking/booking-reschedule.server.ts'
import { instantAt } from '#app/domain/shared/calendar.rules.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, screeningWindowOverrides } from '#db/schema/index.ts'
import { CLEAR_ANSWERS, patientActor } from '#tests/support/booking-fixtures.ts'
import {
  bookWithAnswers,
  DEMO_CLINICIAN,
  staffActorFor,
} from '#tests/support/screening-fixtures.ts'
import { updatePatientScreening } from './screening-booking.server.ts'
import { getReviewForClinician } from './screening-review.server.ts'
import { latestBookingSubmission } from './screening.server.ts'
import { approveEarlierDate, bookingWaitUntil } from './screening-window.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)
const ZONE = 'Europe/Rome'

/** Isotretinoin stopped 2 months ago: the default window (6 months) ends on 2027-03-25. */
const ISOTRETINOIN_2_MONTHS = {
  ...CLEAR_ANSWERS,
  medicines: ['isotretinoin_past' as const],
  isotretinoinLastDose: '2026-09-25',
}

/** A booking whose latest answers (changed after booking) carry the isotretinoin window. */
async function bookingInWindow() {
  const booked = await bookWithAnswers(CLEAR_ANSWERS, NOW)
  const updated = updatePatientScreening({
    session: booked.session,
    reference: booked.reference,
    answers: ISOTRETINOIN_2_MONTHS,
    now: later(5),
    actor: patientActor,
  })
  expect(updated).toMatchObject({ ok: true, outcome: 'eligible' })
  const submission = latestBookingSubmission(getDb(), booked.booking.id)!
  expect(submission.waitUntil).toBe('2027-03-25')
  return { ...booked, submissionId: submission.id }
}

describe('a clinician approves an earlier first day inside a waiting window', () => {
  test('recorded with its reason, audited without it, shown on the review page, honoured by rescheduling', async () => {
    const { booking, session, reference, submissionId } = await bookingInWindow()
    expect(bookingWaitUntil(getDb(), booking.id)).toBe('2027-03-25')
    expect(getRescheduleLimits({ session, reference })!.earliestStartAt).toBeGreaterThanOrEqual(
      instantAt('2027-03-25', 0, ZONE),
    )

    const clinician = staffActorFor(DEMO_CLINICIAN)
    const reason = 'Low-dose course; dermatologist agrees to a trial patch at 2 months.'
    expect(
      approveEarlierDate({
        bookingId: booking.id,
        decision: { intent: 'approve_earlier_date', submissionId, firstDay: '2026-12-01', reason },
        actor: clinician,
        now: later(10),
      }),
    ).toEqual({ ok: true, firstDay: '2026-12-01' })

    // The stored answers and their outcome are unchanged; the booking's first day moves.
    expect(latestBookingSubmission(getDb(), booking.id)!.waitUntil).toBe('2027-03-25')
    expect(bookingWaitUntil(getDb(), booking.id)).toBe('2026-12-01')
    const limits = getRescheduleLimits({ session, reference })!
    expect(limits.earliestStartAt).toBeLessThan(instantAt('2027-03-25', 0, ZONE))

    const review = getReviewForClinician({
      bookingId: booking.id,
      actor: clinician,
      now: later(11),
    })!
    expect(review.window).toMatchObject({
      ends: '2027-03-25',
      firstDay: '2026-12-01',
      overrides: [{ firstDay: '2026-12-01', reason, decidedBy: 'Marco Bianchi', submissionId }],
    })

    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'screening.window_approved'),
          eq(auditEvents.subjectId, booking.id),
        ),
      )
      .all()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actorId).toBe(clinician.userId)
    expect(JSON.stringify(audit[0])).not.toContain('dermatologist')

    // Append-only.
    const client = getDb().$client
    expect(() =>
      client.prepare("UPDATE screening_window_overrides SET first_day = '2026-11-26'").run(),
    ).toThrow(/append-only/)
    expect(() => client.prepare('DELETE FROM screening_window_overrides').run()).toThrow(
      /append-only/,
    )
  })

  test('new answers are judged afresh: the earlier day no longer counts', async () => {
    const { booking, session, reference, submissionId } = await bookingInWindow()
    approveEarlierDate({
      bookingId: booking.id,
      decision: {
        intent: 'approve_earlier_date',
        submissionId,
        firstDay: '2026-12-01',
        reason: 'Doctor’s trial.',
      },
      actor: staffActorFor(DEMO_CLINICIAN),
      now: later(10),
    })
    updatePatientScreening({
      session,
      reference,
      answers: { ...ISOTRETINOIN_2_MONTHS, allergies: ['nickel'] },
      now: later(20),
      actor: patientActor,
    })
    expect(bookingWaitUntil(getDb(), booking.id)).toBe('2027-03-25')
  })

  test('refused for answers not the latest, without a window, or a day not before its end', async () => {
    const { booking, submissionId } = await bookingInWindow()
    const clinician = staffActorFor(DEMO_CLINICIAN)
    const decide = (firstDay: string, id = submissionId) =>
      approveEarlierDate({
        bookingId: booking.id,
        decision: { intent: 'approve_earlier_date', submissionId: id, firstDay, reason: 'Trial.' },
        actor: clinician,
        now: later(10),
      })
    expect(decide('2027-03-25')).toEqual({ ok: false, reason: 'not-earlier' })
    const older = await bookWithAnswers(CLEAR_ANSWERS, NOW, {
      fullName: 'Ada Clear',
      email: 'ada.clear@example.com',
      phone: '+39 333 000 1111',
      dateOfBirth: '1990-01-01',
    })
    const clearId = latestBookingSubmission(getDb(), older.booking.id)!.id
    expect(
      approveEarlierDate({
        bookingId: older.booking.id,
        decision: {
          intent: 'approve_earlier_date',
          submissionId: clearId,
          firstDay: '2026-12-01',
          reason: 'Trial.',
        },
        actor: clinician,
        now: later(10),
      }),
    ).toEqual({ ok: false, reason: 'no-window' })
    // Answers of another booking are not this booking's latest.
    expect(decide('2026-12-01', clearId)).toEqual({ ok: false, reason: 'stale' })
    expect(getDb().select().from(screeningWindowOverrides).all()).toHaveLength(0)
  })
})
