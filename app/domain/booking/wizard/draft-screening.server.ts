import { and, asc, eq } from 'drizzle-orm'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import {
  codeProvenEmail,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'
import { type Finding, patientExplanationsOf } from '#app/domain/screening/screening.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  type ScreeningAnswers,
  type ScreeningOutcome,
} from '#app/domain/screening/screening.schema.ts'
import {
  auditScreening,
  clinicToday,
  getSubmissionRow,
  readSubmission,
  recordSubmission,
  waitUntilInstant,
} from '#app/domain/screening/screening.server.ts'
import { verifyShownNotice } from '#app/domain/privacy/privacy-notice.server.ts'
import { getDb } from '#db/client.server.ts'
import { bookingDrafts, bookings, services } from '#db/schema/index.ts'
import { type BookingActor } from '../booking-state.server.ts'
import { releaseHold } from './draft.server.ts'
import { finalizeIfReady } from './finalize.server.ts'

/**
 * The wizard's screening step: the patient answers the health questions for the chosen
 * treatment; the answers are judged and stored at once (unlinked until the booking is made), and
 * the draft points at them. Changing the answers stores a new submission; the old one is purged
 * later (it never became a clinical record).
 */

function patientAuditActor(actor: BookingActor): AuditActor {
  return { type: 'patient', id: null, ipAddress: actor.ipAddress, requestId: actor.requestId }
}

export type DraftScreeningView = {
  serviceName: string
  /** The clinic's calendar date, for judging typed dates alike in the browser. */
  today: string
  timeZone: string
  consultationServiceId: string | null
  submission: {
    id: string
    answers: ScreeningAnswers
    outcome: ScreeningOutcome
    waitUntil: string | null
    /** Start of the first bookable day, when a waiting window applies. */
    waitUntilAt: number | null
    /** What the patient reads: the findings that are not for the clinician only. */
    explanations: { kind: Finding['kind']; text: string; until: string | null }[]
  } | null
}

/**
 * The draft's screening for the questions and result pages, or null without a draft of a
 * treatment. Showing the answers back is a view of health data: audited.
 */
export function getDraftScreening(input: {
  session: PatientSession
  now: Date
  actor: BookingActor
  /** The reader's language, for the rules' explanations. */
  locale?: Locale
}): DraftScreeningView | null {
  const db = getDb()
  const draft = db
    .select({
      id: bookingDrafts.id,
      submissionId: bookingDrafts.screeningSubmissionId,
      serviceName: services.name,
      serviceKind: services.kind,
    })
    .from(bookingDrafts)
    .innerJoin(services, eq(services.id, bookingDrafts.serviceId))
    .where(eq(bookingDrafts.sessionTokenHash, input.session.tokenHash))
    .get()
  if (!draft || draft.serviceKind !== 'treatment') return null
  const { timeZone } = getClinicSettings()
  const consultation = db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.kind, 'consultation'), eq(services.isActive, true)))
    .orderBy(asc(services.sortOrder))
    .all()
  const row = draft.submissionId ? getSubmissionRow(db, draft.submissionId) : undefined
  const submission = row ? readSubmission(row) : null
  if (submission) {
    auditScreening(db, {
      action: 'screening.viewed',
      actor: patientAuditActor(input.actor),
      subjectType: 'screening_submission',
      subjectId: submission.id,
      patientId: null,
      at: input.now,
    })
  }
  return {
    serviceName: draft.serviceName,
    today: clinicToday(input.now),
    timeZone,
    consultationServiceId: consultation[0]?.id ?? null,
    submission: submission
      ? {
          id: submission.id,
          answers: submission.answers,
          outcome: submission.outcome,
          waitUntil: submission.waitUntil,
          waitUntilAt: waitUntilInstant(submission.waitUntil, timeZone),
          explanations: patientExplanationsOf(submission.findings, input.locale ?? 'en'),
        }
      : null,
  }
}

export type SubmitDraftScreeningResult =
  | { ok: true; outcome: ScreeningOutcome; booked: boolean }
  | { ok: false; reason: 'no-draft' | 'not-needed' | 'already-booked' }
  /** The form named no published privacy notice version (tampered or stale, ADR 050). */
  | { ok: false; reason: 'unknown-privacy-notice' }

/**
 * Stores the wizard's answers, judged by the current rule-set version. A time already held that
 * the new answers no longer allow (not eligible, or before a waiting window) is let go.
 */
export function submitDraftScreening(input: {
  session: PatientSession
  answers: ScreeningAnswers
  now: Date
  actor: BookingActor
  /** The language the questions were asked in, recorded with the answers. */
  locale?: Locale
  /**
   * The privacy notice version the page showed (its hidden field): checked and recorded with the
   * answers (ADR 050). Patient pages always pass it; left out, nothing is recorded.
   */
  shownPrivacyNoticeId?: string | null
}): SubmitDraftScreeningResult {
  return getDb().transaction(
    (tx): SubmitDraftScreeningResult => {
      const draft = tx
        .select()
        .from(bookingDrafts)
        .where(eq(bookingDrafts.sessionTokenHash, input.session.tokenHash))
        .get()
      if (!draft) return { ok: false, reason: 'no-draft' }
      if (draft.completedBookingId) return { ok: false, reason: 'already-booked' }
      const service = tx
        .select({ kind: services.kind })
        .from(services)
        .where(eq(services.id, draft.serviceId))
        .get()
      if (service?.kind !== 'treatment') return { ok: false, reason: 'not-needed' }
      let privacyNoticeVersionId: string | null = null
      if (input.shownPrivacyNoticeId !== undefined) {
        const shown = verifyShownNotice(tx, input.shownPrivacyNoticeId)
        if (!shown.ok) return { ok: false, reason: 'unknown-privacy-notice' }
        privacyNoticeVersionId = shown.id
      }
      const submission = recordSubmission(tx, {
        answers: input.answers,
        source: 'booking',
        now: input.now,
        locale: input.locale,
        privacyNoticeVersionId,
      })
      tx.update(bookingDrafts)
        .set({ screeningSubmissionId: submission.id, updatedAt: input.now })
        .where(eq(bookingDrafts.id, draft.id))
        .run()
      auditScreening(tx, {
        action: 'screening.submitted',
        actor: patientAuditActor(input.actor),
        subjectType: 'screening_submission',
        subjectId: submission.id,
        patientId: null,
        details: {
          source: 'booking',
          questionnaireVersion: submission.questionnaireVersion,
          ruleSetVersion: submission.ruleSetVersion,
          outcome: submission.outcome,
        },
        at: input.now,
      })
      if (draft.heldBookingId) {
        const held = tx.select().from(bookings).where(eq(bookings.id, draft.heldBookingId)).get()
        const waitAt = waitUntilInstant(submission.waitUntil, getClinicSettings().timeZone)
        const tooEarly = held && waitAt !== null && held.startAt.getTime() < waitAt
        if (submission.outcome === 'not_eligible' || tooEarly) {
          releaseHold(tx, draft, input.now)
          tx.update(bookingDrafts)
            .set({ heldBookingId: null })
            .where(eq(bookingDrafts.id, draft.id))
            .run()
          return { ok: true, outcome: submission.outcome, booked: false }
        }
      }
      const updated = tx.select().from(bookingDrafts).where(eq(bookingDrafts.id, draft.id)).get()!
      const booked = finalizeIfReady(tx, {
        draft: updated,
        verifiedEmail: codeProvenEmail(input.session),
        now: input.now,
        actor: input.actor,
      })
      return { ok: true, outcome: submission.outcome, booked: Boolean(booked?.ok) }
    },
    { behavior: 'immediate' },
  )
}
