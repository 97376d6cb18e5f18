import { type BookingActor } from '#app/domain/booking/booking-state.server.ts'
import { type PatientSession } from './patient-sessions.server.ts'

/**
 * What a patient's read or change of their own booking starts from: their session (whose proved
 * email decides ownership), the booking's reference, the time, and who to name in the audit.
 */
export type PatientBookingQuery = {
  session: PatientSession | null
  reference: string
  now: Date
  actor: BookingActor
}
