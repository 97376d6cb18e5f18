import { eq } from 'drizzle-orm'
import {
  auditPatientBookingView,
  loadOwnedBooking,
} from '#app/domain/booking/owned-booking.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type PatientBookingQuery } from '#app/domain/patient/patient-booking-query.ts'
import { getDb } from '#db/client.server.ts'
import { services } from '#db/schema/index.ts'
import { treatmentForPatient } from './patient-treatment.server.ts'
import { type YourTreatment } from './your-treatment.ts'

/**
 * The patient's aftercare page. Same access as the booking page: a session that proved the
 * booking's email; another patient's booking, a consultation, or a visit that did not or will not
 * happen (cancelled, declined, missed) is "not found". Before the visit the page shows the plan
 * without dates; after it, each stage with its dates, and "Your treatment": the areas, depths,
 * passes and products of this patient's treatment record, with advice for those products, in
 * the page's language (`locale`, English when not given).
 */
export type PatientAftercareView = {
  reference: string
  /** The visit is done: the plan counts from completedAt. */
  completed: boolean
  /** When the treatment was completed, or when the visit starts if it has not happened yet. */
  treatmentAt: number
  timeZone: string
  tier: ServiceTier
  clinicName: string
  clinicPhone: string
  /** What was done to this patient's skin, once recorded ("Your treatment"). */
  treatment: YourTreatment | null
}

export function getPatientAftercare(
  input: PatientBookingQuery & { locale?: Locale },
): PatientAftercareView | null {
  const db = getDb()
  const owned = loadOwnedBooking(db, input.session, input.reference)
  if (!owned) return null
  const { booking, patient } = owned
  const service = db
    .select({ kind: services.kind, tier: services.tier })
    .from(services)
    .where(eq(services.id, booking.serviceId))
    .get()
  if (!service || service.kind !== 'treatment') return null
  const completed = booking.status === 'completed' && booking.completedAt !== null
  const upcoming = booking.status === 'confirmed' || booking.status === 'pending_review'
  if (!completed && !upcoming) return null
  const treatment = completed ? treatmentForPatient(db, booking.id, input.locale) : null
  auditPatientBookingView(db, {
    bookingId: booking.id,
    patientId: patient.id,
    actor: input.actor,
    // The page shows this treatment record to the patient: the audit names it.
    details: treatment
      ? { page: 'aftercare', treatmentRecordId: treatment.recordId }
      : { page: 'aftercare' },
    at: input.now,
  })
  const clinic = getClinicSettings()
  return {
    reference: booking.reference,
    completed,
    treatmentAt: (completed ? booking.completedAt! : booking.startAt).getTime(),
    timeZone: booking.timeZone,
    tier: service.tier,
    clinicName: clinic.name,
    clinicPhone: clinic.phone,
    treatment: treatment?.view ?? null,
  }
}
