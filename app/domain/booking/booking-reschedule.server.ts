import { eq } from 'drizzle-orm'
import { checkSlot, findNearestFreeSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { bookings, services } from '#db/schema/index.ts'
import { bookingRescheduledEmail, loadBookingEmailContext } from './booking-emails.server.ts'
import { isInsideCancellationWindow } from './booking.rules.ts'
import {
  type BookingActor,
  expireLapsedHolds,
  isDoubleBookingError,
  recordBookingEvent,
} from './booking-state.server.ts'
import { revokeManageLinks } from './manage-links.server.ts'
import { loadOwnedBooking } from './owned-booking.server.ts'
import { offerFreedTimesSoon } from '#app/domain/waitlist/waitlist-offers.server.ts'
import { bookingWaitUntilInstant } from '#app/domain/screening/screening-window.server.ts'
import { earliestNeedlingStartFor, needlingConflict } from './patients.server.ts'
import { type PatientChangeResult } from './booking-manage.server.ts'

// Moving a booking (ADR 043): the limits a move must keep and the move itself, one path for the
// patient's reschedule and the staff's move. Cancelling and the patient's booking page stay in
// booking-manage.server.ts.

/** For the reschedule page: the first time a new needling session may start for this patient. */
export function getRescheduleLimits(input: {
  session: PatientSession | null
  reference: string
}): { earliestStartAt: number | null; bookingId: string } | null {
  const db = getDb()
  const owned = loadOwnedBooking(db, input.session, input.reference)
  if (!owned) return null
  return rescheduleLimitsOf(db, owned.booking, owned.patient.id)
}

/**
 * The first time the booking may move to, whoever moves it: the spacing of needling sessions and
 * the screening's waiting window (null when neither limits it).
 */
export function rescheduleLimitsOf(
  db: Tx | Db,
  booking: { id: string; serviceId: string },
  patientId: string,
): { earliestStartAt: number | null; bookingId: string } {
  const service = db
    .select({ kind: services.kind })
    .from(services)
    .where(eq(services.id, booking.serviceId))
    .get()
  const settings = getClinicSettings()
  const needling =
    service?.kind === 'treatment'
      ? earliestNeedlingStartFor(db, {
          patientId,
          minDays: settings.minDaysBetweenNeedling,
          excludeBookingId: booking.id,
        })
      : null
  const screening = screeningWaitFor(db, booking.id, settings.timeZone)
  const earliestStartAt =
    needling === null ? screening : screening === null ? needling : Math.max(needling, screening)
  return { earliestStartAt, bookingId: booking.id }
}

/**
 * The start of the first day the booking's screening waiting windows allow, or null: a
 * clinician's earlier day for the latest answers counts (docs/decisions/032).
 */
function screeningWaitFor(db: Tx | Db, bookingId: string, timeZone: string): number | null {
  return bookingWaitUntilInstant(db, bookingId, timeZone)
}

export type RescheduleResult =
  | PatientChangeResult
  | {
      ok: false
      reason: 'not-offered' | 'too-soon' | 'too-far' | 'not-qualified' | 'unknown-service'
    }
  | { ok: false; reason: 'taken'; nearest: Slot[] }
  | {
      ok: false
      reason: 'too-close' | 'screening-wait'
      earliestStartAt: number
      timeZone: string
    }

/**
 * Moves a booking to another free slot atomically: the old time is released and the new one
 * taken in one transaction, under the same rules as a new booking.
 */
export function reschedulePatientBooking(input: {
  session: PatientSession | null
  reference: string
  practitionerId: string
  startAt: number
  now: Date
  actor: BookingActor
}): RescheduleResult {
  return rescheduleBooking({
    find: (tx) => loadOwnedBooking(tx, input.session, input.reference),
    mover: (patientId) => ({ ...input.actor, type: 'patient', id: patientId }),
    keepChangeDeadline: true,
    practitionerId: input.practitionerId,
    startAt: input.startAt,
    now: input.now,
  })
}

/**
 * The one path every move of a booking takes, whoever moves it (ADR 043): the patient on their
 * booking page, or staff from the agenda. `find` reads the booking inside the transaction (for a
 * patient, only one their session owns); `mover` is who the booking event and the audit row
 * name. Only the patient's own change deadline depends on who moves: past it, the patient is
 * told to call the clinic, and the clinic moves it (`keepChangeDeadline: false`). Everything
 * else is the same: the slot check (hours, holds, overlaps, notice, advance, qualification), the
 * screening's waiting window, the spacing of needling sessions, the email to the patient.
 */
export function rescheduleBooking(input: {
  find: (
    tx: Tx,
  ) => { booking: typeof bookings.$inferSelect; patient: { id: string } } | undefined | null
  mover: (patientId: string) => BookingActor
  keepChangeDeadline: boolean
  practitionerId: string
  startAt: number
  now: Date
}): RescheduleResult {
  const db = getDb()
  let serviceIdForNearest: string | null = null
  let result: RescheduleResult
  try {
    result = db.transaction(
      (tx): RescheduleResult => {
        const owned = input.find(tx)
        if (!owned) return { ok: false, reason: 'not-found' }
        const { booking, patient } = owned
        serviceIdForNearest = booking.serviceId
        if (booking.status !== 'confirmed' && booking.status !== 'pending_review')
          return { ok: false, reason: 'not-changeable' }
        const settings = getClinicSettings()
        if (
          input.keepChangeDeadline &&
          !isInsideCancellationWindow(
            booking.startAt.getTime(),
            input.now.getTime(),
            settings.cancellationWindowHours,
          )
        ) {
          return { ok: false, reason: 'outside-window' }
        }
        const service = tx.select().from(services).where(eq(services.id, booking.serviceId)).get()
        if (!service) return { ok: false, reason: 'unknown-service' }
        const endAt = input.startAt + service.durationMinutes * 60_000
        const blockedUntil = endAt + service.bufferAfterMinutes * 60_000
        expireLapsedHolds(tx, {
          practitionerId: input.practitionerId,
          from: new Date(input.startAt),
          to: new Date(blockedUntil),
          now: input.now,
        })
        const check = checkSlot(
          {
            serviceId: service.id,
            practitionerId: input.practitionerId,
            startAt: input.startAt,
            now: input.now,
            ignoreBookingId: booking.id,
          },
          tx,
        )
        if (!check.ok)
          return check.reason === 'taken'
            ? { ok: false, reason: 'taken', nearest: [] }
            : { ok: false, reason: check.reason }
        const screeningWait = screeningWaitFor(tx, booking.id, settings.timeZone)
        if (screeningWait !== null && input.startAt < screeningWait)
          return {
            ok: false,
            reason: 'screening-wait',
            earliestStartAt: screeningWait,
            timeZone: settings.timeZone,
          }
        if (service.kind === 'treatment') {
          const conflict = needlingConflict(tx, {
            patientId: patient.id,
            startAt: input.startAt,
            minDays: settings.minDaysBetweenNeedling,
            excludeBookingId: booking.id,
          })
          if (conflict)
            return {
              ok: false,
              reason: 'too-close',
              earliestStartAt: conflict.earliestStartAt,
              timeZone: settings.timeZone,
            }
        }
        tx.update(bookings)
          .set({
            practitionerId: input.practitionerId,
            startAt: new Date(input.startAt),
            endAt: new Date(endAt),
            blockedUntil: new Date(blockedUntil),
            timeZone: settings.timeZone,
            updatedAt: input.now,
          })
          .where(eq(bookings.id, booking.id))
          .run()
        // Links in earlier emails name the old time: they stop working; the new email has one.
        revokeManageLinks(tx, booking.id)
        const eventId = recordBookingEvent(tx, {
          booking,
          actor: input.mover(patient.id),
          action: 'rescheduled',
          fromStatus: booking.status,
          toStatus: booking.status,
          at: input.now,
          details: {
            fromStartAt: booking.startAt.toISOString(),
            toStartAt: new Date(input.startAt).toISOString(),
            fromPractitionerId: booking.practitionerId,
            toPractitionerId: input.practitionerId,
          },
        })
        enqueueEmail(
          tx,
          bookingRescheduledEmail(
            loadBookingEmailContext(tx, booking.id, input.now),
            booking.startAt,
            eventId,
          ),
          input.now,
        )
        return { ok: true }
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (!isDoubleBookingError(error)) throw error
    result = { ok: false, reason: 'taken', nearest: [] }
  }
  if (!result.ok && result.reason === 'taken' && serviceIdForNearest) {
    result.nearest = findNearestFreeSlots({
      serviceId: serviceIdForNearest,
      practitionerId: 'any',
      around: input.startAt,
      now: input.now,
      count: 3,
    })
  }
  if (result.ok) offerFreedTimesSoon(input.now)
  return result
}
