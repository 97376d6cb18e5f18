import { and, asc, eq, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { checkSlot, findNearestFreeSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { consentStatusForSession } from '#app/domain/consent/consent-status.server.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { appointmentCalendarText, buildAppointmentIcs } from '#app/domain/email/calendar.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { issueEmailCode, verifyEmailCode } from '#app/domain/patient/email-verification.server.ts'
import { describeCodeProblem } from '#app/domain/patient/email-verification.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  type PatientSession,
  proveSessionEmail,
} from '#app/domain/patient/patient-sessions.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookingEvents, bookings, patients, practitioners, services } from '#db/schema/index.ts'
import {
  bookingLocale,
  bookingRescheduledEmail,
  loadBookingEmailContext,
} from './booking-emails.server.ts'
import { type BookingStatus } from './booking.schema.ts'
import { isInsideCancellationWindow } from './booking.rules.ts'
import {
  type BookingActor,
  cancelBookingInTx,
  expireLapsedHolds,
  isDoubleBookingError,
  recordBookingEvent,
} from './booking-state.server.ts'
import { findBookingIdForManageToken, revokeManageLinks } from './manage-links.server.ts'
import { auditPatientBookingView, loadOwnedBooking } from './owned-booking.server.ts'
import { getPatientScreeningNotice } from '#app/domain/screening/screening-booking.server.ts'
import { offerFreedTimesSoon } from '#app/domain/waitlist/waitlist-offers.server.ts'
import { bookingWaitUntilInstant } from '#app/domain/screening/screening-window.server.ts'
import { earliestNeedlingStartFor, needlingConflict } from './patients.server.ts'

/**
 * A patient managing their own booking. Access needs a patient session that proved the booking's
 * email (an emailed code or an emailed link). Ownership is part of every query: a booking of
 * another address is "not found", exactly like one that does not exist (security goal C2).
 */

/**
 * Exchanges an emailed manage-link token for access to that one booking (not the address's
 * others: a forwarded or leaked email opens only what it is about). The session gets a new token.
 */
export function openManageLink(input: {
  session: PatientSession
  token: string
  now: Date
  actor: BookingActor
}): { ok: true; reference: string; sessionToken: string } | { ok: false } {
  const db = getDb()
  const bookingId = findBookingIdForManageToken(db, input.token, input.now)
  if (!bookingId) return { ok: false }
  const row = db
    .select({ reference: bookings.reference, email: patients.email, patientId: patients.id })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(eq(bookings.id, bookingId))
    .get()
  if (!row) return { ok: false }
  const sessionToken = db.transaction(
    (tx) => {
      const proven = proveSessionEmail(
        tx,
        input.session,
        { email: row.email, provenBy: 'manage_link', bookingId },
        input.now,
      )
      recordAuditEvent(tx, {
        action: 'patient.email_proven',
        actor: {
          type: 'patient',
          id: row.patientId,
          ipAddress: input.actor.ipAddress ?? null,
          requestId: input.actor.requestId ?? null,
        },
        subjectType: 'booking',
        subjectId: bookingId,
        patientId: row.patientId,
        details: { by: 'manage_link' },
        at: input.now,
      })
      return proven.token
    },
    { behavior: 'immediate' },
  )
  return { ok: true, reference: row.reference, sessionToken }
}

/**
 * "Find my booking": sends a code when the reference and email match a booking. The answer is the
 * same either way, so nobody can learn who has a booking here; the limits count either way too.
 */
export function requestManageCode(input: {
  session: PatientSession
  reference: string
  email: string
  now: Date
  actor: BookingActor
}): { ok: true } | { ok: false; reason: 'too-many-codes'; retryAfterSeconds: number } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const match = tx
        .select({ id: bookings.id, locale: bookings.locale })
        .from(bookings)
        .innerJoin(patients, eq(patients.id, bookings.patientId))
        .where(and(eq(bookings.reference, input.reference), eq(patients.email, input.email)))
        .get()
      const issued = issueEmailCode(tx, {
        sessionTokenHash: input.session.tokenHash,
        email: input.email,
        purpose: 'manage',
        bookingId: match?.id ?? null,
        reference: input.reference,
        send: Boolean(match),
        now: input.now,
        client: input.actor,
        // The booking's language (the clinic's default for one made before it was recorded).
        locale: match?.locale,
      })
      return issued.ok ? { ok: true as const } : issued
    },
    { behavior: 'immediate' },
  )
}

/**
 * Checks a "find my booking" code; on success the session may manage that address's bookings,
 * under a new token.
 */
export function verifyManageCode(input: {
  session: PatientSession
  code: string
  now: Date
  actor: BookingActor
  /** The page's language, for the message about a wrong or lapsed code. */
  locale?: Locale
}):
  | { ok: true; reference: string; sessionToken: string }
  | { ok: false; message: string; retryAfterSeconds?: number } {
  return getDb().transaction(
    (tx) => {
      const check = verifyEmailCode(tx, {
        sessionTokenHash: input.session.tokenHash,
        purpose: 'manage',
        code: input.code,
        now: input.now,
        client: input.actor,
      })
      if (!check.ok)
        return {
          ok: false as const,
          message: describeCodeProblem(check, input.locale),
          retryAfterSeconds: check.reason === 'limited' ? check.retryAfterSeconds : undefined,
        }
      const booking = check.bookingId
        ? tx.select().from(bookings).where(eq(bookings.id, check.bookingId)).get()
        : undefined
      // A code stored for a request that matched nothing can never be right; this is a safety net.
      if (!booking)
        return { ok: false as const, message: 'That code is not right. Ask for a new one.' }
      const proven = proveSessionEmail(
        tx,
        input.session,
        { email: check.email, provenBy: 'email_code' },
        input.now,
      )
      recordAuditEvent(tx, {
        action: 'patient.email_proven',
        actor: {
          type: 'patient',
          id: booking.patientId,
          ipAddress: input.actor.ipAddress ?? null,
          requestId: input.actor.requestId ?? null,
        },
        subjectType: 'booking',
        subjectId: booking.id,
        patientId: booking.patientId,
        details: { by: 'email_code' },
        at: input.now,
      })
      return { ok: true as const, reference: booking.reference, sessionToken: proven.token }
    },
    { behavior: 'immediate' },
  )
}

export type PatientBookingView = {
  reference: string
  status: BookingStatus
  serviceId: string
  serviceName: string
  serviceKind: string
  serviceTier: ServiceTier
  practitionerId: string
  practitionerName: string
  startAt: number
  endAt: number
  /** When the clinician recorded the treatment (status 'completed'); aftercare counts from here. */
  completedAt: number | null
  timeZone: string
  patientName: string
  canChange: boolean
  changeDeadline: number
  clinicPhone: string
  history: { at: number; action: string; toStatus: BookingStatus }[]
  /** Where the consent for this session stands (a consultation needs none). */
  consent: { status: ConsentStatus; resignReason: 'new-version' | 'expired' | null }
  /** Treatments: an open question from the clinic, a decline reason, answers to renew. */
  screening: ReturnType<typeof getPatientScreeningNotice>
  /**
   * The patient's answers for this booking report past cold sores: the booking page (behind the
   * proved email, never an email) shows the reminder about preventive medicine (ADR 033).
   */
  coldSoreHistory: boolean
}

// The booking page's reads, prepared once per connection (docs/decisions/025-request-cost.md):
// built with drizzle and compiled by SQLite on every view, they had cost more than running them.
const bookingDetailQuery = preparedStatement((db) =>
  db
    .select({
      serviceName: services.name,
      serviceKind: services.kind,
      serviceTier: services.tier,
      practitionerName: practitioners.displayName,
    })
    .from(services)
    .innerJoin(practitioners, eq(practitioners.id, sql.placeholder('practitionerId')))
    .where(eq(services.id, sql.placeholder('serviceId')))
    .prepare(),
)
const bookingHistoryQuery = preparedStatement((db) =>
  db
    .select({
      at: bookingEvents.occurredAt,
      action: bookingEvents.action,
      toStatus: bookingEvents.toStatus,
    })
    .from(bookingEvents)
    .where(eq(bookingEvents.bookingId, sql.placeholder('bookingId')))
    .orderBy(asc(bookingEvents.occurredAt))
    .prepare(),
)

/** The booking as its patient sees it, or null when this session may not see it. Audited. */
export function getPatientBooking(input: {
  session: PatientSession | null
  reference: string
  now: Date
  actor: BookingActor
}): PatientBookingView | null {
  const db = getDb()
  const owned = loadOwnedBooking(db, input.session, input.reference)
  if (!owned) return null
  const { booking, patient } = owned
  const detail = bookingDetailQuery(db).get({
    practitionerId: booking.practitionerId,
    serviceId: booking.serviceId,
  })!
  const settings = getClinicSettings()
  const history = bookingHistoryQuery(db).all({ bookingId: booking.id })
  auditPatientBookingView(db, {
    bookingId: booking.id,
    patientId: patient.id,
    actor: input.actor,
    at: input.now,
  })
  const active = booking.status === 'confirmed' || booking.status === 'pending_review'
  // One read of the latest answers serves both the notice and the cold-sore reminder. The
  // service's kind and tier, and the booking, are read once above: the screening notice and the
  // consent status take them rather than reading them again.
  const screening = getPatientScreeningNotice(
    db,
    { ...booking, serviceKind: detail.serviceKind },
    input.now,
  )
  return {
    reference: booking.reference,
    status: booking.status,
    serviceId: booking.serviceId,
    serviceName: detail.serviceName,
    serviceKind: detail.serviceKind,
    serviceTier: detail.serviceTier,
    practitionerId: booking.practitionerId,
    practitionerName: detail.practitionerName,
    startAt: booking.startAt.getTime(),
    endAt: booking.endAt.getTime(),
    completedAt: booking.completedAt?.getTime() ?? null,
    timeZone: booking.timeZone,
    patientName: patient.fullName,
    canChange:
      active &&
      isInsideCancellationWindow(
        booking.startAt.getTime(),
        input.now.getTime(),
        settings.cancellationWindowHours,
      ),
    changeDeadline: booking.startAt.getTime() - settings.cancellationWindowHours * 3600_000,
    clinicPhone: settings.phone,
    history: history.map((event) => ({
      at: event.at.getTime(),
      action: event.action,
      toStatus: event.toStatus,
    })),
    consent: (({ status, resignReason }) => ({ status, resignReason }))(
      consentStatusForSession(db, {
        patientId: booking.patientId,
        tier: detail.serviceTier,
        kind: detail.serviceKind,
        startAt: booking.startAt.getTime(),
      }),
    ),
    screening,
    coldSoreHistory: screening?.coldSoreReminder ?? false,
  }
}

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

export type PatientChangeResult =
  { ok: true } | { ok: false; reason: 'not-found' | 'not-changeable' | 'outside-window' }

/** The patient cancels inside the cancellation window; outside it they must call the clinic. */
export function cancelPatientBooking(input: {
  session: PatientSession | null
  reference: string
  reason: string | null
  now: Date
  actor: BookingActor
}): PatientChangeResult {
  const db = getDb()
  const result = db.transaction(
    (tx): PatientChangeResult => {
      const owned = loadOwnedBooking(tx, input.session, input.reference)
      if (!owned) return { ok: false, reason: 'not-found' }
      const { booking } = owned
      if (booking.status !== 'confirmed' && booking.status !== 'pending_review')
        return { ok: false, reason: 'not-changeable' }
      if (
        !isInsideCancellationWindow(
          booking.startAt.getTime(),
          input.now.getTime(),
          getClinicSettings().cancellationWindowHours,
        )
      ) {
        return { ok: false, reason: 'outside-window' }
      }
      const result = cancelBookingInTx(tx, {
        bookingId: booking.id,
        actor: { ...input.actor, type: 'patient', id: owned.patient.id },
        reason: input.reason,
        at: input.now,
        notifyPatient: true,
      })
      return result.ok ? { ok: true } : { ok: false, reason: 'not-changeable' }
    },
    { behavior: 'immediate' },
  )
  // The freed time goes to the waitlist at once (ADR 044).
  if (result.ok) offerFreedTimesSoon(input.now)
  return result
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

/** The booking's calendar file, for the patient's "Add to calendar" link. */
export function getPatientBookingCalendar(input: {
  session: PatientSession | null
  reference: string
}): string | null {
  const db = getDb()
  const owned = loadOwnedBooking(db, input.session, input.reference)
  if (!owned) return null
  const settings = getClinicSettings()
  const { booking } = owned
  const origin = getEnv().APP_ORIGIN
  const sequence = db
    .select({ id: bookingEvents.id })
    .from(bookingEvents)
    .where(eq(bookingEvents.bookingId, booking.id))
    .all().length
  const locale = bookingLocale(booking.locale, settings.defaultLocale)
  return buildAppointmentIcs({
    uid: `${booking.id}@${new URL(origin).hostname}`,
    sequence,
    startAt: booking.startAt,
    endAt: booking.endAt,
    ...appointmentCalendarText(
      { clinicName: settings.name, reference: booking.reference, phone: settings.phone, origin },
      locale,
    ),
    location: settings.address,
    url: `${origin}/bookings`,
    cancelled: booking.status === 'cancelled' || booking.status === 'declined',
    locale,
  })
}
