import { and, asc, eq, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { consentStatusForSession } from '#app/domain/consent/consent-status.server.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { appointmentCalendarText, buildAppointmentIcs } from '#app/domain/email/calendar.server.ts'
import { issueEmailCode, verifyEmailCode } from '#app/domain/patient/email-verification.server.ts'
import { describeCodeProblem } from '#app/domain/patient/email-verification.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  type PatientSession,
  proveSessionEmail,
} from '#app/domain/patient/patient-sessions.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookingEvents, bookings, patients, practitioners, services } from '#db/schema/index.ts'
import { bookingLocale } from './booking-emails.server.ts'
import { type BookingStatus } from './booking.schema.ts'
import { isInsideCancellationWindow } from './booking.rules.ts'
import { type BookingActor, cancelBookingInTx } from './booking-state.server.ts'
import { findBookingIdForManageToken } from './manage-links.server.ts'
import { auditPatientBookingView, loadOwnedBooking } from './owned-booking.server.ts'
import { getPatientScreeningNotice } from '#app/domain/screening/screening-booking.server.ts'
import { offerFreedTimesSoon } from '#app/domain/waitlist/waitlist-offers.server.ts'

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
