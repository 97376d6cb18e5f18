import { asc, count, desc, eq, inArray } from 'drizzle-orm'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type BookingStatus } from '#app/domain/booking/index.server.ts'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import {
  bookings,
  patients,
  practitioners,
  privacyNoticeVersions,
  screeningSubmissions,
  services,
  users,
} from '#db/schema/index.ts'
import { liteEvents, loadReviewEvents, staffAuditActor } from './screening-booking.server.ts'
import { openQuestionOf, type QueueState, queueStateOf } from './screening-review.rules.ts'
import { ageOn } from '#app/domain/shared/calendar.rules.ts'
import { type Finding, screeningValidity } from './screening.rules.ts'
import {
  type ReviewEventKind,
  type ScreeningAnswers,
  type ScreeningOutcome,
  type SubmissionSource,
} from './screening.schema.ts'
import { auditScreening, latestBookingSubmission, readSubmission } from './screening.server.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { getClinicPhoneCountry } from '#app/domain/clinic/clinic.server.ts'
import {
  bookingWaitUntil,
  listWindowOverrides,
  type WindowOverride,
} from './screening-window.server.ts'

/**
 * The clinicians' review queue: bookings waiting for a clinician because a rule asked for review.
 * A clinician approves (the booking is confirmed), declines (the patient reads the reason; the
 * time is freed) or asks the patient a question. Every decision is an append-only row, an audit
 * row and an email without health details, in one transaction.
 */

export function countPendingReviews(): number {
  return (
    getDb().select({ n: count() }).from(bookings).where(eq(bookings.status, 'pending_review')).get()
      ?.n ?? 0
  )
}

export type ReviewQueueItem = {
  bookingId: string
  reference: string
  startAt: number
  timeZone: string
  patientName: string
  serviceName: string
  practitionerName: string
  /** How many rules ask for a clinician (no details: the queue is not a view of answers). */
  reviewCount: number
  state: QueueState
}

/** Bookings pending review, soonest appointment first. */
export function listPendingReviews(): ReviewQueueItem[] {
  const db = getDb()
  const rows = db
    .select({
      bookingId: bookings.id,
      reference: bookings.reference,
      startAt: bookings.startAt,
      timeZone: bookings.timeZone,
      patientName: patients.fullName,
      serviceName: services.name,
      practitionerName: practitioners.displayName,
    })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(eq(bookings.status, 'pending_review'))
    .orderBy(asc(bookings.startAt))
    .all()
  return rows.map((row) => {
    const submission = latestBookingSubmission(db, row.bookingId)
    const findings = submission ? (JSON.parse(submission.findings) as Finding[]) : []
    return {
      ...row,
      startAt: row.startAt.getTime(),
      reviewCount: findings.filter((f) => f.kind === 'review' || f.kind === 'not_eligible').length,
      state: queueStateOf(
        liteEvents(loadReviewEvents(db, row.bookingId)),
        submission?.submittedAt.getTime() ?? 0,
      ),
    }
  })
}

export type ClinicianReview = {
  booking: {
    id: string
    reference: string
    status: BookingStatus
    startAt: number
    endAt: number
    timeZone: string
    serviceName: string
    practitionerName: string
  }
  patient: {
    id: string
    fullName: string
    dateOfBirth: string
    age: number
    phone: string
    email: string
  }
  submission: {
    id: string
    bookingVersion: number | null
    submittedAt: number
    source: SubmissionSource
    questionnaireVersion: number
    ruleSetVersion: number
    /** The privacy notice version the patient was shown with these answers (ADR 050). */
    privacyNoticeVersion: number | null
    outcome: ScreeningOutcome
    waitUntil: string | null
    findings: Finding[]
    answers: ScreeningAnswers
    validity: 'valid' | 'renewal_due'
  } | null
  /** Earlier answers of this booking, newest first (version, when, outcome). */
  earlier: {
    id: string
    bookingVersion: number | null
    submittedAt: number
    outcome: ScreeningOutcome
  }[]
  events: {
    kind: ReviewEventKind
    at: number
    message: string | null
    by: string
  }[]
  /**
   * The latest answers' waiting window: its end as judged, the first day that counts now (a
   * clinician's earlier day for these answers), and every earlier-day decision of the booking.
   */
  window: { ends: string; firstDay: string; overrides: WindowOverride[] } | null
  openQuestion: boolean
  canDecide: boolean
}

/** Everything a clinician needs to decide, or null for an unknown booking. A view: audited. */
/** The number of a privacy notice version a submission recorded (null: none recorded). */
function noticeNumberOf(db: Db | Tx, versionId: string | null): number | null {
  if (!versionId) return null
  const row = db
    .select({ n: privacyNoticeVersions.versionNumber })
    .from(privacyNoticeVersions)
    .where(eq(privacyNoticeVersions.id, versionId))
    .get()
  return row?.n ?? null
}

export function getReviewForClinician(input: {
  bookingId: string
  actor: StaffActor
  now: Date
}): ClinicianReview | null {
  const db = getDb()
  const row = db
    .select({
      booking: bookings,
      patient: patients,
      serviceName: services.name,
      serviceKind: services.kind,
      practitionerName: practitioners.displayName,
    })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(eq(bookings.id, input.bookingId))
    .get()
  if (!row || row.serviceKind !== 'treatment') return null
  const { booking, patient } = row
  const latest = latestBookingSubmission(db, booking.id)
  const submission = latest ? readSubmission(latest) : null
  const earlier = db
    .select({
      id: screeningSubmissions.id,
      bookingVersion: screeningSubmissions.bookingVersion,
      submittedAt: screeningSubmissions.submittedAt,
      outcome: screeningSubmissions.outcome,
    })
    .from(screeningSubmissions)
    .where(eq(screeningSubmissions.bookingId, booking.id))
    .orderBy(desc(screeningSubmissions.bookingVersion))
    .all()
    .filter((s) => s.id !== submission?.id)
  const events = loadReviewEvents(db, booking.id)
  const staffIds = events.filter((e) => e.actorType === 'staff').map((e) => e.actorId)
  const staffNames = new Map(
    (staffIds.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, staffIds))
          .all()
      : []
    ).map((u) => [u.id, u.name]),
  )
  auditScreening(db, {
    action: 'screening.viewed',
    actor: staffAuditActor(input.actor),
    subjectType: 'booking',
    subjectId: booking.id,
    patientId: patient.id,
    details: { submissionId: submission?.id ?? null },
    at: input.now,
  })
  return {
    booking: {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      startAt: booking.startAt.getTime(),
      endAt: booking.endAt.getTime(),
      timeZone: booking.timeZone,
      serviceName: row.serviceName,
      practitionerName: row.practitionerName,
    },
    patient: {
      id: patient.id,
      fullName: patient.fullName,
      dateOfBirth: patient.dateOfBirth,
      age: ageOn(patient.dateOfBirth, localDateOf(input.now.getTime(), booking.timeZone)),
      // As the clinic dials and reads it: E.164 for the link, national format for people.
      phone: formatPhone(patient.phone, getClinicPhoneCountry()),
      email: patient.email,
    },
    submission: submission
      ? {
          id: submission.id,
          bookingVersion: submission.bookingVersion,
          submittedAt: submission.submittedAt,
          source: submission.source,
          questionnaireVersion: submission.questionnaireVersion,
          ruleSetVersion: submission.ruleSetVersion,
          privacyNoticeVersion: noticeNumberOf(db, latest?.privacyNoticeVersionId ?? null),
          outcome: submission.outcome,
          waitUntil: submission.waitUntil,
          findings: submission.findings,
          answers: submission.answers,
          validity: screeningValidity(submission, booking.startAt),
        }
      : null,
    earlier: earlier.map((s) => ({ ...s, submittedAt: s.submittedAt.getTime() })),
    events: events.map((event) => ({
      kind: event.kind,
      at: event.occurredAt.getTime(),
      message: event.message,
      by:
        event.actorType === 'staff'
          ? (staffNames.get(event.actorId) ?? 'A clinician')
          : 'The patient',
    })),
    window: submission?.waitUntil
      ? {
          ends: submission.waitUntil,
          firstDay: bookingWaitUntil(db, booking.id) ?? submission.waitUntil,
          overrides: listWindowOverrides(db, booking.id),
        }
      : null,
    openQuestion: openQuestionOf(liteEvents(events)) !== null,
    canDecide: booking.status === 'pending_review' && submission !== null,
  }
}
