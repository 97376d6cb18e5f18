import { and, asc, eq, gt } from 'drizzle-orm'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { consentStatusOfBooking } from '#app/domain/consent/consent-status.server.ts'
import { screeningValidity } from '#app/domain/screening/screening.rules.ts'
import { latestBookingSubmission } from '#app/domain/screening/screening.server.ts'
import { bookingWaitUntil } from '#app/domain/screening/screening-window.server.ts'
import { type Db, type Tx } from '#db/client.server.ts'
import {
  bookings,
  checkIns,
  patients,
  practitioners,
  screeningReviewEvents,
  services,
} from '#db/schema/index.ts'
import { screeningClearance, type VisitFacts, windowEndsAfter } from './treatment.rules.ts'

/**
 * The facts about one visit that the clinician workspace reads and its writes check: the booking
 * with its service, practitioner and patient, and where check-in, screening and consent stand.
 */

export function loadVisit(db: Db | Tx, bookingId: string) {
  return db
    .select({
      booking: bookings,
      service: {
        id: services.id,
        name: services.name,
        kind: services.kind,
        tier: services.tier,
        maxNeedleDepthUm: services.maxNeedleDepthUm,
        courseSessions: services.courseSessions,
        courseIntervalWeeks: services.courseIntervalWeeks,
      },
      practitioner: {
        id: practitioners.id,
        displayName: practitioners.displayName,
        maxNeedleDepthUm: practitioners.maxNeedleDepthUm,
      },
      patient: patients,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(eq(bookings.id, bookingId))
    .get()
}
export type Visit = NonNullable<ReturnType<typeof loadVisit>>

export function latestCheckIn(db: Db | Tx, bookingId: string) {
  return db
    .select()
    .from(checkIns)
    .where(eq(checkIns.bookingId, bookingId))
    .orderBy(asc(checkIns.checkedInAt))
    .all()
    .at(-1)
}

/** Screening, check-in and consent of a visit, as `treatmentBlockers` needs them. */
export function visitFacts(db: Db | Tx, visit: Visit): VisitFacts {
  const isConsultation = visit.service.kind === 'consultation'
  const submission = isConsultation ? undefined : latestBookingSubmission(db, visit.booking.id)
  const decisions = submission
    ? db
        .select({ kind: screeningReviewEvents.kind })
        .from(screeningReviewEvents)
        .where(
          and(
            eq(screeningReviewEvents.bookingId, visit.booking.id),
            gt(screeningReviewEvents.occurredAt, submission.submittedAt),
          ),
        )
        .orderBy(asc(screeningReviewEvents.occurredAt), asc(screeningReviewEvents.createdAt))
        .all()
        .flatMap((event) =>
          event.kind === 'approved' || event.kind === 'declined' ? [event.kind] : [],
        )
    : []
  return {
    status: visit.booking.status,
    isConsultation,
    checkedIn: latestCheckIn(db, visit.booking.id) !== undefined,
    screening: screeningClearance({
      required: !isConsultation,
      outcome: submission?.outcome ?? null,
      validity: submission ? screeningValidity(submission, visit.booking.startAt) : null,
      decisionsSinceAnswers: decisions,
      windowEndsAfterVisit: windowEndsAfter(
        // A clinician's earlier day for these answers counts (docs/decisions/032).
        submission ? bookingWaitUntil(db, visit.booking.id) : null,
        visit.booking.startAt.getTime(),
        getClinicSettings().timeZone,
      ),
    }),
    consent: consentStatusOfBooking(db, visit.booking.id)?.status ?? 'missing',
  }
}
