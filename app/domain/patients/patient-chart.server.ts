import { awaitingPatientForms } from '#app/domain/booking/staff-booking.rules.ts'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import {
  type BookingForBadges,
  consentStatusesOf,
  screeningBadgesOf,
} from '#app/domain/agenda/agenda-badges.server.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type BookingStatus } from '#app/domain/booking/index.server.ts'
import { findNeedlingConflict } from '#app/domain/booking/needling-gap.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { type ScreeningBadge } from '#app/domain/agenda/agenda.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { seesHealthDetails, type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { getDb } from '#db/client.server.ts'
import {
  bookingEvents,
  bookings,
  checkIns,
  consentCountersignatures,
  consentDocumentVersions,
  consentRecords,
  consentWithdrawals,
  emailOutbox,
  patients,
  practitioners,
  screeningSubmissions,
  services,
  serviceTexts,
  treatmentRecords,
} from '#db/schema/index.ts'
import {
  type ChartEntry,
  chartTimeline,
  type CourseProgress,
  courseProgress,
  type SessionBlocker,
  sessionBlockers,
} from './patient-chart.rules.ts'
import { patientRecordIds } from './patient-merge.server.ts'

/**
 * A patient's chart for staff (issue 17): contact details, every booking with its screening and
 * consent state, the timeline of what happened, the course per tier and what blocks each
 * upcoming session. The clinical content itself (answers, consent text, treatment details) stays
 * on the pages that show it; this names only that it exists. Every view is audited.
 */

export type ChartBooking = {
  id: string
  reference: string
  startAt: number
  timeZone: string
  status: BookingStatus
  serviceName: string
  practitionerName: string
  kind: 'treatment' | 'consultation'
  screening: ScreeningBadge
  consent: ConsentStatus
  /** For upcoming sessions only: what must happen before the patient can be treated. */
  blockers: SessionBlocker[]
  /** Staff booked it and the patient has not yet answered or signed (ADR 042). */
  awaitingForms: boolean
}

type ChartPatient = {
  id: string
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
}

export type PatientChart = {
  patient: ChartPatient
  /** Other records of this person merged into this one: their history is in this chart. */
  mergedRecords: ChartPatient[]
  upcoming: ChartBooking[]
  past: ChartBooking[]
  timeline: ChartEntry[]
  courses: CourseProgress[]
}

const UPCOMING: readonly BookingStatus[] = ['pending_review', 'confirmed']
const SHOWN: readonly BookingStatus[] = [
  'pending_review',
  'confirmed',
  'completed',
  'no_show',
  'cancelled',
  'declined',
]

/**
 * The chart of one patient record with the history of every record merged into it
 * (docs/decisions/041). A merged record has no chart of its own: the caller sends the viewer to
 * the survivor's (mergedInto). Staff without a clinical role get the front desk's chart: the same
 * bookings, statuses and timeline without the entries about treatment records.
 */
export function getPatientChart(input: {
  patientId: string
  actor: StaffActor
  /** The viewer's roles: only a clinical role sees that a treatment was recorded. */
  viewerRoles: readonly StaffRole[]
  now: Date
  locale: Locale
}): PatientChart | null {
  const db = getDb()
  const recordIds = patientRecordIds(input.patientId, db)
  const people = db
    .select({
      id: patients.id,
      fullName: patients.fullName,
      email: patients.email,
      phone: patients.phone,
      dateOfBirth: patients.dateOfBirth,
    })
    .from(patients)
    .where(inArray(patients.id, recordIds))
    .all()
  const patient = people.find((p) => p.id === input.patientId)
  if (!patient) return null
  const mergedRecords = recordIds.flatMap((id) =>
    id === patient.id ? [] : people.filter((p) => p.id === id),
  )
  const clinical = seesHealthDetails(input.viewerRoles)

  const rows = db
    .select({
      id: bookings.id,
      patientId: bookings.patientId,
      reference: bookings.reference,
      startAt: bookings.startAt,
      timeZone: bookings.timeZone,
      status: bookings.status,
      serviceName: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
      kind: services.kind,
      tier: services.tier,
      practitionerName: practitioners.displayName,
      bookedByUserId: bookings.bookedByUserId,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .leftJoin(
      serviceTexts,
      and(eq(serviceTexts.serviceId, services.id), eq(serviceTexts.locale, input.locale)),
    )
    .where(and(inArray(bookings.patientId, recordIds), inArray(bookings.status, [...SHOWN])))
    .orderBy(asc(bookings.startAt))
    .all()
  const ids = rows.map((row) => row.id)
  const referenceOf = new Map(rows.map((row) => [row.id, row.reference]))

  const forBadges: BookingForBadges[] = rows.map((row) => ({
    id: row.id,
    patientId: row.patientId ?? patient.id,
    // The badges' rules read only the kind, tier, time and zone; the status is not used.
    status: 'confirmed',
    startAt: row.startAt.getTime(),
    timeZone: row.timeZone,
    kind: row.kind,
    tier: row.tier,
  }))
  const screening = screeningBadgesOf(db, forBadges)
  const consent = consentStatusesOf(db, forBadges)
  const { minDaysBetweenNeedling } = getClinicSettings()
  const now = input.now.getTime()

  const treatmentStarts = (tier: 'medical' | 'cosmetic', statuses: readonly BookingStatus[]) =>
    rows
      .filter((r) => r.kind === 'treatment' && r.tier === tier && statuses.includes(r.status))
      .map((r) => r.startAt.getTime())

  const chartBookings: ChartBooking[] = rows.map((row) => {
    const startAt = row.startAt.getTime()
    const isUpcoming = UPCOMING.includes(row.status) && startAt > now
    const others = rows
      .filter(
        (r) =>
          r.id !== row.id &&
          r.kind === 'treatment' &&
          ['completed', ...UPCOMING].includes(r.status) &&
          r.startAt.getTime() < startAt,
      )
      .map((r) => r.startAt.getTime())
    const conflict =
      row.kind === 'treatment'
        ? findNeedlingConflict(others, startAt, minDaysBetweenNeedling)
        : null
    const facts = {
      screening: screening.get(row.id)?.badge ?? 'not_required',
      consent: consent.get(row.id) ?? 'not_required',
    }
    return {
      id: row.id,
      reference: row.reference,
      startAt,
      timeZone: row.timeZone,
      status: row.status,
      serviceName: row.serviceName,
      practitionerName: row.practitionerName,
      kind: row.kind,
      ...facts,
      awaitingForms:
        isUpcoming &&
        awaitingPatientForms({
          bookedByStaff: row.bookedByUserId !== null,
          serviceKind: row.kind,
          status: row.status,
          hasAnswers: facts.screening !== 'missing',
          consentStatus: facts.consent,
        }),
      blockers: isUpcoming
        ? sessionBlockers({
            ...facts,
            earliestAllowed: conflict?.earliestStartAt ?? null,
            startAt,
          })
        : [],
    }
  })

  const entries: ChartEntry[] = []
  if (ids.length) {
    for (const event of db
      .select()
      .from(bookingEvents)
      .where(inArray(bookingEvents.bookingId, ids))
      .orderBy(asc(bookingEvents.occurredAt))
      .all()) {
      const base = {
        at: event.occurredAt.getTime(),
        bookingId: event.bookingId,
        reference: referenceOf.get(event.bookingId)!,
      }
      if (event.action === 'rescheduled') entries.push({ kind: 'moved', ...base })
      else if (event.toStatus === 'held' || event.toStatus === 'expired') continue
      else if (event.fromStatus === null || event.fromStatus === 'held')
        entries.push({
          kind: 'booked',
          ...base,
          by: event.actorType === 'staff' ? 'staff' : 'patient',
        })
      else if (event.fromStatus !== event.toStatus)
        entries.push({ kind: 'status_changed', ...base, to: event.toStatus, by: event.actorType })
    }
    for (const submission of db
      .select({
        bookingId: screeningSubmissions.bookingId,
        outcome: screeningSubmissions.outcome,
        submittedAt: screeningSubmissions.submittedAt,
      })
      .from(screeningSubmissions)
      .where(inArray(screeningSubmissions.bookingId, ids))
      .all())
      entries.push({
        kind: 'screening',
        at: submission.submittedAt.getTime(),
        bookingId: submission.bookingId!,
        reference: referenceOf.get(submission.bookingId!)!,
        outcome: submission.outcome,
      })
    for (const checkIn of db
      .select({ bookingId: checkIns.bookingId, at: checkIns.checkedInAt })
      .from(checkIns)
      .where(inArray(checkIns.bookingId, ids))
      .all())
      entries.push({
        kind: 'checked_in',
        at: checkIn.at.getTime(),
        bookingId: checkIn.bookingId,
        reference: referenceOf.get(checkIn.bookingId)!,
      })
    // That a treatment was recorded is the clinician's to read (the front desk sees the visit
    // completed in the booking's status).
    for (const record of clinical
      ? db
          .select({ bookingId: treatmentRecords.bookingId, at: treatmentRecords.recordedAt })
          .from(treatmentRecords)
          .where(inArray(treatmentRecords.bookingId, ids))
          .all()
      : [])
      entries.push({
        kind: 'treatment_recorded',
        at: record.at.getTime(),
        bookingId: record.bookingId,
        reference: referenceOf.get(record.bookingId)!,
      })
  }

  const records = db
    .select({
      id: consentRecords.id,
      bookingId: consentRecords.bookingId,
      signedAt: consentRecords.signedAt,
      version: consentDocumentVersions.versionNumber,
    })
    .from(consentRecords)
    .innerJoin(
      consentDocumentVersions,
      eq(consentDocumentVersions.id, consentRecords.documentVersionId),
    )
    .where(inArray(consentRecords.patientId, recordIds))
    .all()
  const recordReference = (bookingId: string) =>
    referenceOf.get(bookingId) ??
    db
      .select({ reference: bookings.reference })
      .from(bookings)
      .where(eq(bookings.id, bookingId))
      .get()!.reference
  for (const record of records)
    entries.push({
      kind: 'consent_signed',
      at: record.signedAt.getTime(),
      bookingId: record.bookingId,
      reference: recordReference(record.bookingId),
      version: record.version,
    })
  if (records.length) {
    for (const countersignature of db
      .select({
        bookingId: consentCountersignatures.bookingId,
        at: consentCountersignatures.countersignedAt,
      })
      .from(consentCountersignatures)
      .where(
        inArray(
          consentCountersignatures.consentRecordId,
          records.map((r) => r.id),
        ),
      )
      .all())
      entries.push({
        kind: 'consent_countersigned',
        at: countersignature.at.getTime(),
        bookingId: countersignature.bookingId,
        reference: recordReference(countersignature.bookingId),
      })
  }
  for (const withdrawal of db
    .select({ bookingId: consentWithdrawals.bookingId, at: consentWithdrawals.withdrawnAt })
    .from(consentWithdrawals)
    .where(inArray(consentWithdrawals.patientId, recordIds))
    .all())
    entries.push({
      kind: 'consent_withdrawn',
      at: withdrawal.at.getTime(),
      bookingId: withdrawal.bookingId,
      reference: recordReference(withdrawal.bookingId),
    })

  const addresses = [...new Set(people.map((p) => p.email))]
  // Messages to the patient: subjects only (they never carry health details), newest 50.
  for (const message of db
    .select({
      subject: emailOutbox.subject,
      createdAt: emailOutbox.createdAt,
      status: emailOutbox.status,
    })
    .from(emailOutbox)
    .where(
      ids.length
        ? or(inArray(emailOutbox.toAddress, addresses), inArray(emailOutbox.bookingId, ids))
        : inArray(emailOutbox.toAddress, addresses),
    )
    .orderBy(desc(emailOutbox.createdAt))
    .limit(50)
    .all())
    entries.push({
      kind: 'message',
      at: message.createdAt.getTime(),
      subject: message.subject,
      sent: message.status === 'sent',
    })

  const courses = (['medical', 'cosmetic'] as const)
    .map((tier) =>
      courseProgress({
        tier,
        plan: tierContent(tier, input.locale).course,
        doneStarts: treatmentStarts(tier, ['completed']),
        bookedStarts: treatmentStarts(tier, UPCOMING).filter((start) => start > now),
        minGapDays: minDaysBetweenNeedling,
      }),
    )
    .filter((course) => course.done + course.booked > 0)

  recordAuditEvent(db, {
    action: 'patient.chart_viewed',
    actor: auditActorOf(input.actor),
    subjectType: 'patient',
    subjectId: patient.id,
    patientId: patient.id,
    at: input.now,
  })

  return {
    patient,
    mergedRecords,
    upcoming: chartBookings.filter((b) => UPCOMING.includes(b.status) && b.startAt > now),
    past: chartBookings.filter((b) => !(UPCOMING.includes(b.status) && b.startAt > now)).reverse(),
    timeline: chartTimeline(entries),
    courses,
  }
}
