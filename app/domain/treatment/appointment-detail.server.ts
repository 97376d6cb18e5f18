import { asc, desc, eq, inArray } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getClinicPhoneCountry, getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { consentStatusOfBooking } from '#app/domain/consent/consent-status.server.ts'
import { getReviewForClinician } from '#app/domain/screening/screening-review.server.ts'
import { ageOn } from '#app/domain/shared/calendar.rules.ts'
import { clinicToday } from '#app/domain/screening/screening.server.ts'
import { getDb } from '#db/client.server.ts'
import { bookings, checkIns, services, treatmentRecords, users } from '#db/schema/index.ts'
import { type TreatmentProducts, treatmentProductsOf } from './skin-products.rules.ts'
import { coursePosition, treatmentBlockers, visitTiming } from './treatment.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { seesHealthDetails, type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { type ANAESTHETICS, type BLEEDING_LEVELS, type TreatmentArea } from './treatment.schema.ts'
import { loadVisit, visitFacts } from './visit.server.ts'
import { formatPhone, phoneHref } from '#app/domain/shared/phone.rules.ts'

export type TreatmentEntry = {
  id: string
  bookingId: string
  bookingReference: string
  serviceName: string
  visitStartAt: number
  areas: { area: TreatmentArea; depthUm: number }[]
  device: string
  cartridgeLot: string
  anaesthetic: (typeof ANAESTHETICS)[number]
  anaestheticMinutes: number | null
  rednessGrade: number
  bleeding: (typeof BLEEDING_LEVELS)[number]
  notes: string
  products: TreatmentProducts
  recordedBy: string
  recordedAt: number
  correctsRecordId: string | null
  /** A later entry corrects this one: show it struck through, never hide it. */
  correctedBy: string | null
}

/**
 * Everything about one appointment for the treating clinician: the patient, the screening with
 * its flags and decisions, where consent and check-in stand, what still blocks the treatment, and
 * the treatment record of this and earlier sessions. A view of health records: audited (the
 * screening view by the screening module, the consent and treatment records here).
 *
 * Staff without a clinical role (reception, an admin only) get the front desk's view of the same
 * appointment (docs/decisions/041): contact details, where screening and consent stand as
 * statuses, check-ins and what blocks the visit, and none of the health details (no answers,
 * findings or decisions, no treatment records, not whether the patient said their health changed).
 * The clinical parts are never read for them, so nothing of them reaches the page.
 */
export function getAppointmentDetail(input: {
  bookingId: string
  actor: StaffActor
  /** The viewer's roles: only a clinical role gets the health details. */
  viewerRoles: readonly StaffRole[]
  now: Date
  /** The page's language: the course position and what blocks the treatment are in it. */
  locale?: Locale
}) {
  const locale = input.locale ?? 'en'
  const clinical = seesHealthDetails(input.viewerRoles)
  const db = getDb()
  const visit = loadVisit(db, input.bookingId)
  if (!visit) return null
  const { booking, service, practitioner, patient } = visit
  const facts = visitFacts(db, visit)
  const consent = consentStatusOfBooking(db, booking.id)
  const screening =
    clinical && service.kind === 'treatment'
      ? getReviewForClinician({ bookingId: booking.id, actor: input.actor, now: input.now })
      : null

  const patientBookings = db
    .select({
      id: bookings.id,
      reference: bookings.reference,
      startAt: bookings.startAt,
      serviceName: services.name,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(bookings.patientId, patient.id))
    .all()
  const bookingById = new Map(patientBookings.map((row) => [row.id, row]))
  const recordRows = clinical
    ? db
        .select({ record: treatmentRecords, recordedBy: users.name })
        .from(treatmentRecords)
        .innerJoin(users, eq(users.id, treatmentRecords.recordedByUserId))
        .where(
          inArray(
            treatmentRecords.bookingId,
            patientBookings.map((row) => row.id),
          ),
        )
        .orderBy(desc(treatmentRecords.recordedAt))
        .all()
    : []
  const correctedBy = new Map(
    recordRows.flatMap(({ record }) =>
      record.correctsRecordId ? [[record.correctsRecordId, record.id] as const] : [],
    ),
  )
  const entries: TreatmentEntry[] = recordRows.map(({ record, recordedBy }) => {
    const visitOf = bookingById.get(record.bookingId)!
    return {
      id: record.id,
      bookingId: record.bookingId,
      bookingReference: visitOf.reference,
      serviceName: visitOf.serviceName,
      visitStartAt: visitOf.startAt.getTime(),
      areas: JSON.parse(record.areas) as TreatmentEntry['areas'],
      device: record.device,
      cartridgeLot: record.cartridgeLot,
      anaesthetic: record.anaesthetic,
      anaestheticMinutes: record.anaestheticMinutes,
      rednessGrade: record.rednessGrade,
      bleeding: record.bleeding,
      notes: record.notes,
      products: treatmentProductsOf(record),
      recordedBy,
      recordedAt: record.recordedAt.getTime(),
      correctsRecordId: record.correctsRecordId,
      correctedBy: correctedBy.get(record.id) ?? null,
    }
  })
  const visitCheckIns = db
    .select({ checkIn: checkIns, by: users.name })
    .from(checkIns)
    .innerJoin(users, eq(users.id, checkIns.clinicianUserId))
    .where(eq(checkIns.bookingId, booking.id))
    .orderBy(asc(checkIns.checkedInAt))
    .all()

  recordAuditEvent(db, {
    action: 'visit.viewed',
    actor: auditActorOf(input.actor),
    subjectType: 'booking',
    subjectId: booking.id,
    patientId: patient.id,
    // The front desk's view opens no health record, so it names none.
    details: clinical
      ? {
          consentRecordId: consent?.recordId ?? null,
          treatmentRecordIds: entries.map((entry) => entry.id),
        }
      : { view: 'reception' },
    at: input.now,
  })

  return {
    /** Whether this view carries the health details (a clinical role) or is the front desk's. */
    clinical,
    booking: {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      startAt: booking.startAt.getTime(),
      endAt: booking.endAt.getTime(),
      completedAt: booking.completedAt?.getTime() ?? null,
      timeZone: getClinicSettings().timeZone,
      serviceName: service.name,
      kind: service.kind,
      tier: service.tier,
      course: coursePosition(
        {
          courseSessionNumber: booking.courseSessionNumber,
          courseSessions: service.courseSessions,
        },
        locale,
      ).label,
      practitionerName: practitioner.displayName,
      serviceMaxDepthUm: service.maxNeedleDepthUm,
      practitionerMaxDepthUm: practitioner.maxNeedleDepthUm,
    },
    patient: {
      fullName: patient.fullName,
      dateOfBirth: patient.dateOfBirth,
      age: ageOn(patient.dateOfBirth, clinicToday(input.now)),
      email: patient.email,
      // As the clinic dials and reads it: E.164 for the link, national format for people.
      phone: formatPhone(patient.phone, getClinicPhoneCountry()),
      phoneHref: phoneHref(patient.phone),
    },
    facts,
    blockers: treatmentBlockers(facts, locale),
    timing: visitTiming(booking.startAt.getTime(), input.now.getTime(), booking.timeZone),
    consent: consent && { status: consent.status, resignReason: consent.resignReason },
    screening,
    checkIns: visitCheckIns.map(({ checkIn, by }) => ({
      at: checkIn.checkedInAt.getTime(),
      by,
      identityMethod: checkIn.identityMethod,
      // What the patient said about their health is the clinician's to read.
      healthUnchanged: clinical ? checkIn.healthUnchanged : null,
    })),
    thisVisit: entries.filter((entry) => entry.bookingId === booking.id),
    earlierVisits: entries.filter((entry) => entry.bookingId !== booking.id),
  }
}
export type AppointmentDetail = NonNullable<ReturnType<typeof getAppointmentDetail>>
