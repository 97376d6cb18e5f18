import { eq } from 'drizzle-orm'
import {
  changeBookingStatus,
  loadBookingEmailContext,
  screeningApprovedEmail,
  screeningDeclinedEmail,
  screeningQuestionEmail,
} from '#app/domain/booking/index.server.ts'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { bookings, screeningReviewEvents } from '#db/schema/index.ts'
import { staffAuditActor } from './screening-booking.server.ts'
import { type ReviewDecision, type ReviewEventKind } from './screening.schema.ts'
import { auditScreening, latestBookingSubmission } from './screening.server.ts'

/**
 * A clinician decides on a booking pending review: approve (the booking is confirmed), decline
 * (the patient reads the reason; the time is freed) or ask the patient a question. Every decision
 * is an append-only row, a booking event, an audit row and an email without health details, in
 * one transaction.
 */

export type DecisionResult =
  { ok: true } | { ok: false; reason: 'not-found' | 'not-pending' | 'stale' }

const EVENT_KIND: Record<ReviewDecision['intent'], ReviewEventKind> = {
  approve: 'approved',
  decline: 'declined',
  request_info: 'info_requested',
}

/**
 * A clinician's decision on a booking pending review. Refused when the booking is no longer
 * pending, or when the patient has sent newer answers than the ones the clinician read.
 */
export function decideReview(input: {
  bookingId: string
  decision: ReviewDecision
  actor: StaffActor
  now: Date
}): DecisionResult {
  const db = getDb()
  return db.transaction(
    (tx): DecisionResult => {
      const booking = tx.select().from(bookings).where(eq(bookings.id, input.bookingId)).get()
      if (!booking?.patientId) return { ok: false, reason: 'not-found' }
      if (booking.status !== 'pending_review') return { ok: false, reason: 'not-pending' }
      const latest = latestBookingSubmission(tx, booking.id)
      if (!latest) return { ok: false, reason: 'not-found' }
      if (latest.id !== input.decision.submissionId) return { ok: false, reason: 'stale' }
      const { decision } = input
      const message =
        decision.intent === 'approve'
          ? decision.note
          : decision.intent === 'decline'
            ? decision.reason
            : decision.question
      const eventId = insertReviewEvent(tx, {
        bookingId: booking.id,
        submissionId: latest.id,
        kind: EVENT_KIND[decision.intent],
        actorId: input.actor.userId,
        message,
        now: input.now,
      })
      const bookingActor = {
        type: 'staff' as const,
        id: input.actor.userId,
        ipAddress: input.actor.ipAddress,
        requestId: input.actor.requestId,
      }
      if (decision.intent === 'approve') {
        changeBookingStatus(tx, {
          booking,
          to: 'confirmed',
          actor: bookingActor,
          action: 'screening_approved',
          at: input.now,
          set: { confirmedAt: input.now },
        })
      } else if (decision.intent === 'decline') {
        // Declined is not an occupying status: the time is free once this commits.
        changeBookingStatus(tx, {
          booking,
          to: 'declined',
          actor: bookingActor,
          action: 'screening_declined',
          at: input.now,
        })
      }
      auditScreening(tx, {
        action: 'screening.decided',
        actor: staffAuditActor(input.actor),
        subjectType: 'booking',
        subjectId: booking.id,
        patientId: booking.patientId,
        // What was decided, never the note, reason or question (they may hold health details).
        details: {
          decision: EVENT_KIND[decision.intent],
          submissionId: latest.id,
          reviewEventId: eventId,
        },
        at: input.now,
      })
      const context = loadBookingEmailContext(tx, booking.id, input.now)
      const email =
        decision.intent === 'approve'
          ? screeningApprovedEmail(context, eventId)
          : decision.intent === 'decline'
            ? screeningDeclinedEmail(context, eventId)
            : screeningQuestionEmail(context, eventId)
      enqueueEmail(tx, email, input.now)
      return { ok: true }
    },
    { behavior: 'immediate' },
  )
}

function insertReviewEvent(
  tx: Tx,
  input: {
    bookingId: string
    submissionId: string
    kind: ReviewEventKind
    actorId: string
    message: string | null
    now: Date
  },
): string {
  return tx
    .insert(screeningReviewEvents)
    .values({
      bookingId: input.bookingId,
      submissionId: input.submissionId,
      kind: input.kind,
      actorType: 'staff',
      actorId: input.actorId,
      message: input.message,
      occurredAt: input.now,
      createdAt: input.now,
    })
    .returning({ id: screeningReviewEvents.id })
    .get().id
}
