import { currentNoticeId } from '#app/domain/privacy/privacy-notice.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { eq } from 'drizzle-orm'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { bookings, patients, screeningConfirmations } from '#db/schema/index.ts'
import {
  isTreatment,
  liteEvents,
  loadReviewEvents,
  OPEN_STATUSES,
  staffAuditActor,
  storeBookingAnswers,
  type UpdateScreeningResult,
} from './screening-booking.server.ts'
import { openQuestionOf } from './screening-review.rules.ts'
import { screeningValidity } from './screening.rules.ts'
import { type ScreeningAnswers, type ScreeningOutcome } from './screening.schema.ts'
import { auditScreening, latestBookingSubmission } from './screening.server.ts'

/**
 * Screening at the visit (used by the agenda, appointment detail and check-in): is it valid for
 * the appointment (answered at most 30 days before it), did the patient confirm nothing changed,
 * and staff entering updated answers for the patient.
 */

/** Staff type in the patient's updated answers (at check-in, say); the rules run again. */
export function updateBookingScreening(input: {
  bookingId: string
  answers: ScreeningAnswers
  actor: StaffActor
  now: Date
  /** The language of the staff page the answers were typed into. */
  locale?: Locale
}): UpdateScreeningResult {
  return getDb().transaction(
    (tx): UpdateScreeningResult => {
      const row = tx
        .select({ booking: bookings, patient: patients })
        .from(bookings)
        .innerJoin(patients, eq(patients.id, bookings.patientId))
        .where(eq(bookings.id, input.bookingId))
        .get()
      if (!row || !isTreatment(tx, row.booking.serviceId)) return { ok: false, reason: 'not-found' }
      return storeBookingAnswers(tx, {
        booking: row.booking,
        patient: row.patient,
        answers: input.answers,
        source: 'staff_update',
        enteredByUserId: input.actor.userId,
        auditActor: staffAuditActor(input.actor),
        bookingActor: {
          type: 'staff',
          id: input.actor.userId,
          ipAddress: input.actor.ipAddress,
          requestId: input.actor.requestId,
        },
        now: input.now,
        locale: input.locale,
        // Staff go through the questions with the patient, who is shown the notice in force.
        privacyNoticeVersionId: currentNoticeId(tx),
      })
    },
    { behavior: 'immediate' },
  )
}

export type ConfirmUnchangedResult =
  | { ok: true; confirmationId: string }
  | { ok: false; reason: 'not-found' | 'no-screening' | 'renewal-due' | 'not-changeable' }

/**
 * At check-in the patient confirms that nothing has changed since their answers (an append-only
 * row). Answers older than 30 days before the appointment must be given again instead.
 */
export function confirmScreeningUnchanged(
  bookingId: string,
  actor: StaffActor,
  now = new Date(),
): ConfirmUnchangedResult {
  return getDb().transaction((tx) => confirmScreeningUnchangedInTx(tx, bookingId, actor, now), {
    behavior: 'immediate',
  })
}

/** The same, inside the caller's transaction (check-in records it together with the check-in). */
export function confirmScreeningUnchangedInTx(
  tx: Tx,
  bookingId: string,
  actor: StaffActor,
  now: Date,
): ConfirmUnchangedResult {
  const booking = tx.select().from(bookings).where(eq(bookings.id, bookingId)).get()
  if (!booking || !isTreatment(tx, booking.serviceId)) return { ok: false, reason: 'not-found' }
  if (!OPEN_STATUSES.includes(booking.status)) return { ok: false, reason: 'not-changeable' }
  const submission = latestBookingSubmission(tx, booking.id)
  if (!submission) return { ok: false, reason: 'no-screening' }
  if (screeningValidity(submission, booking.startAt) === 'renewal_due')
    return { ok: false, reason: 'renewal-due' }
  const { id } = tx
    .insert(screeningConfirmations)
    .values({
      bookingId: booking.id,
      submissionId: submission.id,
      actorType: 'staff',
      actorId: actor.userId,
      confirmedAt: now,
    })
    .returning({ id: screeningConfirmations.id })
    .get()
  auditScreening(tx, {
    action: 'screening.confirmed_unchanged',
    actor: staffAuditActor(actor),
    subjectType: 'screening_submission',
    subjectId: submission.id,
    patientId: booking.patientId,
    details: { bookingId: booking.id, confirmationId: id },
    at: now,
  })
  return { ok: true, confirmationId: id }
}

export type BookingScreeningStatus = {
  /** Consultations have no screening. */
  required: boolean
  submissionId: string | null
  outcome: ScreeningOutcome | null
  bookingVersion: number | null
  submittedAt: number | null
  validity: 'valid' | 'renewal_due' | null
  openQuestion: boolean
  lastConfirmedAt: number | null
}

/**
 * A booking's screening at a glance, for the agenda, appointment detail and check-in: no answers,
 * so not a view of health data.
 */
export function getBookingScreeningStatus(bookingId: string): BookingScreeningStatus | null {
  const db = getDb()
  const booking = db.select().from(bookings).where(eq(bookings.id, bookingId)).get()
  if (!booking) return null
  if (!isTreatment(db, booking.serviceId))
    return {
      required: false,
      submissionId: null,
      outcome: null,
      bookingVersion: null,
      submittedAt: null,
      validity: null,
      openQuestion: false,
      lastConfirmedAt: null,
    }
  const submission = latestBookingSubmission(db, booking.id)
  const confirmations = db
    .select({ at: screeningConfirmations.confirmedAt })
    .from(screeningConfirmations)
    .where(eq(screeningConfirmations.bookingId, booking.id))
    .all()
  return {
    required: true,
    submissionId: submission?.id ?? null,
    outcome: submission?.outcome ?? null,
    bookingVersion: submission?.bookingVersion ?? null,
    submittedAt: submission?.submittedAt.getTime() ?? null,
    validity: submission ? screeningValidity(submission, booking.startAt) : null,
    openQuestion: openQuestionOf(liteEvents(loadReviewEvents(db, booking.id))) !== null,
    lastConfirmedAt: confirmations.length
      ? Math.max(...confirmations.map((c) => c.at.getTime()))
      : null,
  }
}
