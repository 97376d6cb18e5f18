import { type Locale } from '#app/i18n/locales.ts'
import { serviceNameIn } from '#app/domain/clinic/clinic.server.ts'
import { and, asc, eq, sql } from 'drizzle-orm'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import {
  type BookingActor,
  type BookingRow,
  type BookingStatus,
  changeBookingStatus,
  loadOwnedBooking,
} from '#app/domain/booking/index.server.ts'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { type PatientBookingQuery } from '#app/domain/patient/patient-booking-query.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { verifyShownNotice } from '#app/domain/privacy/privacy-notice.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { screeningReviewEvents, services } from '#db/schema/index.ts'
import { lastDecline, openQuestionOf, type ReviewEventLite } from './screening-review.rules.ts'
import {
  canRenewNow,
  clearsBookingOn,
  type Finding,
  patientExplanationsOf,
  screeningValidity,
} from './screening.rules.ts'
import {
  type ScreeningAnswers,
  type ScreeningOutcome,
  type SubmissionSource,
} from './screening.schema.ts'
import {
  auditScreening,
  clinicToday,
  latestBookingSubmission,
  readSubmission,
  recordSubmission,
} from './screening.server.ts'

/**
 * A booking's screening after it was booked: the patient sees their answers, answers the
 * clinician's question and updates their answers (the rules run again, a new submission version);
 * staff confirm at check-in that nothing changed. Answers are shown only to the patient who owns
 * them and to clinicians; every view and change is audited; no answer goes into a URL or email.
 */

/** Bookings whose screening may still change: upcoming and not decided against. */
export const OPEN_STATUSES: readonly BookingStatus[] = ['pending_review', 'confirmed']

// Read on every view of a booking page: prepared once per connection (ADR 025).
const reviewEventsQuery = preparedStatement((db) =>
  db
    .select()
    .from(screeningReviewEvents)
    .where(eq(screeningReviewEvents.bookingId, sql.placeholder('bookingId')))
    .orderBy(asc(screeningReviewEvents.occurredAt), asc(screeningReviewEvents.createdAt))
    .prepare(),
)

export function loadReviewEvents(db: Db | Tx, bookingId: string) {
  return reviewEventsQuery(db).all({ bookingId })
}

export function liteEvents(rows: ReturnType<typeof loadReviewEvents>): ReviewEventLite[] {
  return rows.map((row) => ({
    kind: row.kind,
    occurredAt: row.occurredAt.getTime(),
    message: row.message,
  }))
}

function patientAuditActor(patientId: string, actor: BookingActor): AuditActor {
  return { type: 'patient', id: patientId, ipAddress: actor.ipAddress, requestId: actor.requestId }
}

export function staffAuditActor(actor: StaffActor): AuditActor {
  return { type: 'staff', id: actor.userId, ipAddress: actor.ipAddress, requestId: actor.requestId }
}

export function isTreatment(db: Db | Tx, serviceId: string): boolean {
  return (
    db.select({ kind: services.kind }).from(services).where(eq(services.id, serviceId)).get()
      ?.kind === 'treatment'
  )
}

/** The patient's own booking (loadOwnedBooking) when it is a treatment: only those are screened. */
function ownedTreatmentBooking(db: Db | Tx, session: PatientSession | null, reference: string) {
  const owned = loadOwnedBooking(db, session, reference)
  return owned && isTreatment(db, owned.booking.serviceId) ? owned : undefined
}

export type PatientExplanation = { kind: Finding['kind']; text: string; until: string | null }

export type PatientScreeningView = {
  reference: string
  status: BookingStatus
  serviceName: string
  startAt: number
  timeZone: string
  today: string
  submission: {
    submittedAt: number
    answers: ScreeningAnswers
    outcome: ScreeningOutcome
    waitUntil: string | null
    explanations: PatientExplanation[]
  } | null
  openQuestion: { text: string; askedAt: number } | null
  declineReason: string | null
  /** Questions from the clinic and the patient's answers, oldest first. */
  conversation: { from: 'clinic' | 'you'; text: string; at: number }[]
  validity: 'valid' | 'renewal_due' | null
  /** Answering again now would bring the answers up to date for the appointment. */
  renewalOpen: boolean
  canUpdate: boolean
  /** The clinic's consultation, offered when the answers need review or rule the treatment out. */
  consultationServiceId: string | null
}

/** The patient's own screening for a booking, or null (not theirs, or no such booking). Audited. */
export function getPatientScreening(
  input: PatientBookingQuery & { locale?: Locale },
): PatientScreeningView | null {
  const db = getDb()
  const owned = ownedTreatmentBooking(db, input.session, input.reference)
  if (!owned) return null
  const { booking, patient } = owned
  const service = db
    .select({ name: services.name })
    .from(services)
    .where(eq(services.id, booking.serviceId))
    .get()!
  const row = latestBookingSubmission(db, booking.id)
  const submission = row ? readSubmission(row) : null
  const events = loadReviewEvents(db, booking.id)
  const lite = liteEvents(events)
  const question = openQuestionOf(lite)
  const upcoming = booking.startAt.getTime() > input.now.getTime()
  const open = OPEN_STATUSES.includes(booking.status) && upcoming
  const validity = submission ? screeningValidity(submission, booking.startAt) : null
  auditScreening(db, {
    action: 'screening.viewed',
    actor: patientAuditActor(patient.id, input.actor),
    subjectType: 'booking',
    subjectId: booking.id,
    patientId: patient.id,
    details: { submissionId: submission?.id ?? null },
    at: input.now,
  })
  return {
    reference: booking.reference,
    status: booking.status,
    // The service's name in the reader's language, when the clinic wrote one.
    serviceName:
      input.locale && input.locale !== 'en'
        ? (serviceNameIn(booking.serviceId, input.locale) ?? service.name)
        : service.name,
    startAt: booking.startAt.getTime(),
    timeZone: booking.timeZone,
    today: clinicToday(input.now),
    submission: submission
      ? {
          submittedAt: submission.submittedAt,
          answers: submission.answers,
          outcome: submission.outcome,
          waitUntil: submission.waitUntil,
          explanations: patientExplanationsOf(submission.findings, input.locale ?? 'en'),
        }
      : null,
    openQuestion:
      question && open ? { text: question.message ?? '', askedAt: question.occurredAt } : null,
    declineReason: booking.status === 'declined' ? (lastDecline(lite)?.message ?? null) : null,
    conversation: events.flatMap((event) =>
      event.kind === 'info_requested' || event.kind === 'info_provided'
        ? [
            {
              from: event.kind === 'info_requested' ? ('clinic' as const) : ('you' as const),
              text: event.message ?? '',
              at: event.occurredAt.getTime(),
            },
          ]
        : [],
    ),
    validity,
    renewalOpen: open && validity === 'renewal_due' && canRenewNow(booking.startAt, input.now),
    canUpdate: open,
    consultationServiceId: consultationServiceId(db),
  }
}

/** The clinic's first active consultation service, or null when it offers none. */
function consultationServiceId(db: Db | Tx): string | null {
  return (
    db
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.kind, 'consultation'), eq(services.isActive, true)))
      .orderBy(asc(services.sortOrder))
      .limit(1)
      .get()?.id ?? null
  )
}

/**
 * For the manage page: what to tell the patient about their screening (no answers). The caller
 * has read the booking's service already and gives its kind: only treatments are screened.
 */
export function getPatientScreeningNotice(
  db: Db | Tx,
  booking: Pick<BookingRow, 'id' | 'status' | 'startAt'> & { serviceKind: string },
  now: Date,
): {
  openQuestion: boolean
  declineReason: string | null
  renewalOpen: boolean
  /** Whether the patient may still change the answers (before the visit, booking open). */
  canUpdate: boolean
  /**
   * No answers yet: staff booked the visit for the patient (ADR 042), who gives the first ones
   * from home through the same change-answers page (booking version 1).
   */
  answersMissing: boolean
  /** The answers report past cold sores: the pre-visit reminder about preventive medicine. */
  coldSoreReminder: boolean
} | null {
  if (booking.serviceKind !== 'treatment') return null
  const row = latestBookingSubmission(db, booking.id)
  const lite = liteEvents(loadReviewEvents(db, booking.id))
  const open = OPEN_STATUSES.includes(booking.status) && booking.startAt.getTime() > now.getTime()
  return {
    openQuestion: open && openQuestionOf(lite) !== null,
    declineReason: booking.status === 'declined' ? (lastDecline(lite)?.message ?? null) : null,
    renewalOpen:
      open &&
      (!row ||
        screeningValidity({ submittedAt: row.submittedAt }, booking.startAt) === 'renewal_due') &&
      canRenewNow(booking.startAt, now),
    canUpdate: open,
    answersMissing: row === undefined,
    coldSoreReminder: row ? readSubmission(row).answers.history.includes('cold_sores') : false,
  }
}

export type AnswerQuestionResult = { ok: true } | { ok: false; reason: 'not-found' | 'no-question' }

/** The patient answers the clinician's open question (the booking stays pending review). */
export function answerClinicQuestion(
  input: PatientBookingQuery & { answer: string },
): AnswerQuestionResult {
  return getDb().transaction(
    (tx): AnswerQuestionResult => {
      const owned = ownedTreatmentBooking(tx, input.session, input.reference)
      if (!owned) return { ok: false, reason: 'not-found' }
      const { booking, patient } = owned
      if (!OPEN_STATUSES.includes(booking.status)) return { ok: false, reason: 'no-question' }
      const question = openQuestionOf(liteEvents(loadReviewEvents(tx, booking.id)))
      const submission = latestBookingSubmission(tx, booking.id)
      if (!question || !submission) return { ok: false, reason: 'no-question' }
      const { id } = tx
        .insert(screeningReviewEvents)
        .values({
          bookingId: booking.id,
          submissionId: submission.id,
          kind: 'info_provided',
          actorType: 'patient',
          actorId: patient.id,
          message: input.answer,
          occurredAt: input.now,
          createdAt: input.now,
        })
        .returning({ id: screeningReviewEvents.id })
        .get()
      auditScreening(tx, {
        action: 'screening.info_provided',
        actor: patientAuditActor(patient.id, input.actor),
        subjectType: 'booking',
        subjectId: booking.id,
        patientId: patient.id,
        details: { reviewEventId: id },
        at: input.now,
      })
      return { ok: true }
    },
    { behavior: 'immediate' },
  )
}

export type UpdateScreeningResult =
  | { ok: true; outcome: ScreeningOutcome; status: BookingStatus }
  | { ok: false; reason: 'not-found' | 'not-changeable' | 'birth-date-differs' }
  /** The form named no published privacy notice version (tampered or stale, ADR 050). */
  | { ok: false; reason: 'unknown-privacy-notice' }

/**
 * New answers for a booking: judged by the current rule-set version and stored as the booking's
 * next submission version. A confirmed booking that these answers would not have let through on
 * their own (not eligible, review, or a window past its day) goes back to pending review; a
 * pending one stays pending until a clinician decides (docs/decisions/017).
 */
export function storeBookingAnswers(
  tx: Tx,
  input: {
    booking: BookingRow
    patient: { id: string; dateOfBirth: string }
    answers: ScreeningAnswers
    source: SubmissionSource
    enteredByUserId: string | null
    auditActor: AuditActor
    bookingActor: BookingActor
    now: Date
    /** The language the answers were given in. */
    locale?: Locale
    /** The privacy notice version the patient was shown, already verified (ADR 050). */
    privacyNoticeVersionId?: string | null
  },
): UpdateScreeningResult {
  const { booking, patient } = input
  // Patients change their answers online until the visit starts; staff also at the visit itself
  // (check-in often happens a few minutes after the booked time), as long as it is still open.
  const started = booking.startAt.getTime() <= input.now.getTime()
  if (!OPEN_STATUSES.includes(booking.status) || (started && input.source !== 'staff_update'))
    return { ok: false, reason: 'not-changeable' }
  // The patient is identified by email and date of birth: the answers must not say otherwise.
  if (input.answers.dateOfBirth !== patient.dateOfBirth)
    return { ok: false, reason: 'birth-date-differs' }
  const submission = recordSubmission(tx, {
    answers: input.answers,
    source: input.source,
    now: input.now,
    patientId: patient.id,
    bookingId: booking.id,
    enteredByUserId: input.enteredByUserId,
    locale: input.locale,
    privacyNoticeVersionId: input.privacyNoticeVersionId,
  })
  auditScreening(tx, {
    action: 'screening.submitted',
    actor: input.auditActor,
    subjectType: 'screening_submission',
    subjectId: submission.id,
    patientId: patient.id,
    details: {
      source: input.source,
      bookingId: booking.id,
      bookingVersion: submission.bookingVersion,
      questionnaireVersion: submission.questionnaireVersion,
      ruleSetVersion: submission.ruleSetVersion,
      outcome: submission.outcome,
    },
    at: input.now,
  })
  let status = booking.status
  const startDate = localDateOf(booking.startAt.getTime(), booking.timeZone)
  if (status === 'confirmed' && !clearsBookingOn(submission, startDate)) {
    changeBookingStatus(tx, {
      booking,
      to: 'pending_review',
      actor: input.bookingActor,
      action: 'screening_recheck',
      at: input.now,
      details: { submissionId: submission.id },
    })
    status = 'pending_review'
  }
  return { ok: true, outcome: submission.outcome, status }
}

/** The patient updates their answers from the manage page (also: renewal before the visit). */
export function updatePatientScreening(
  input: PatientBookingQuery & {
    answers: ScreeningAnswers
    locale?: Locale
    /** The privacy notice version the page showed (hidden field), checked here (ADR 050). */
    shownPrivacyNoticeId?: string | null
  },
): UpdateScreeningResult {
  return getDb().transaction(
    (tx): UpdateScreeningResult => {
      const owned = ownedTreatmentBooking(tx, input.session, input.reference)
      if (!owned) return { ok: false, reason: 'not-found' }
      let privacyNoticeVersionId: string | null = null
      if (input.shownPrivacyNoticeId !== undefined) {
        const shown = verifyShownNotice(tx, input.shownPrivacyNoticeId)
        if (!shown.ok) return { ok: false, reason: 'unknown-privacy-notice' }
        privacyNoticeVersionId = shown.id
      }
      return storeBookingAnswers(tx, {
        booking: owned.booking,
        patient: owned.patient,
        answers: input.answers,
        source: 'patient_update',
        enteredByUserId: null,
        auditActor: patientAuditActor(owned.patient.id, input.actor),
        bookingActor: { ...input.actor, type: 'patient', id: owned.patient.id },
        now: input.now,
        locale: input.locale,
        privacyNoticeVersionId,
      })
    },
    { behavior: 'immediate' },
  )
}
