import { and, asc, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm'
import { checkSlot, findNearestFreeSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getClinicSettings, listPublicServices } from '#app/domain/clinic/clinic.server.ts'
import {
  auditActorOf,
  bookingActorOf,
  type StaffActor,
} from '#app/domain/clinic/stranding.server.ts'
import { consentStatusOfBooking } from '#app/domain/consent/consent-status.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { latestBookingSubmission } from '#app/domain/screening/screening.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { newId } from '#db/schema/columns.ts'
import { bookings, emailOutbox, patients, practitioners, services } from '#db/schema/index.ts'
import {
  formsReminderEmail,
  loadBookingEmailContext,
  staffBookedEmail,
} from './booking-emails.server.ts'
import { makeBookingReference } from './booking.rules.ts'
import { type PatientDetails } from './booking.schema.ts'
import {
  expireLapsedHolds,
  isDoubleBookingError,
  recordBookingEvent,
} from './booking-state.server.ts'
import { earliestNeedlingStartFor, findPatient, needlingConflict } from './patients.server.ts'
import { getSlotPickerModel, type SlotPickerModel } from './slot-picker.server.ts'
import {
  awaitingPatientForms,
  dueFormsReminder,
  formsReminderKey,
  isOverridableLimit,
  type PolicyLimit,
} from './staff-booking.rules.ts'
import { countEarlierCourseSessions } from './wizard/finalize.server.ts'
import { randomBytes } from 'node:crypto'

/**
 * Staff book for a caller (issue 17, ADR 042): find or add the patient, then a time from the same
 * slot search patients use (holds, policies, no double booking, course spacing). The booking is
 * confirmed at once and waits for the patient's forms, which they give from the emailed link.
 * Audited by who booked, which booking and any override reason, never with health data.
 */

export type CallerPatient = {
  id: string
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
}

export function getCallerPatient(patientId: string, db: Db | Tx = getDb()): CallerPatient | null {
  return (
    db
      .select({
        id: patients.id,
        fullName: patients.fullName,
        email: patients.email,
        phone: patients.phone,
        dateOfBirth: patients.dateOfBirth,
      })
      .from(patients)
      .where(eq(patients.id, patientId))
      .get() ?? null
  )
}

export type AddCallerResult =
  | { ok: true; patientId: string }
  | { ok: false; reason: 'duplicate'; existing: { id: string; fullName: string } }

/**
 * Adds a caller not yet on file. The same email and date of birth is the same patient (as the
 * online booking decides): a second record is refused, pointing at the first.
 */
export function addCallerPatient(input: {
  details: PatientDetails
  actor: StaffActor
  now: Date
}): AddCallerResult {
  return getDb().transaction(
    (tx): AddCallerResult => {
      const existing = findPatient(tx, input.details.email, input.details.dateOfBirth)
      if (existing)
        return {
          ok: false,
          reason: 'duplicate',
          existing: { id: existing.id, fullName: existing.fullName },
        }
      const { id } = tx
        .insert(patients)
        .values({ ...input.details, createdAt: input.now, updatedAt: input.now })
        .returning({ id: patients.id })
        .get()
      recordAuditEvent(tx, {
        action: 'patient.added_by_staff',
        actor: auditActorOf(input.actor),
        subjectType: 'patient',
        subjectId: id,
        patientId: id,
        at: input.now,
      })
      return { ok: true, patientId: id }
    },
    { behavior: 'immediate' },
  )
}

export type StaffBookingChoices = {
  services: { id: string; name: string; kind: string }[]
  picker: SlotPickerModel | null
  /** The first instant course spacing allows for this patient and service (null: no limit). */
  earliestStartAt: number | null
}

/** The services, and the picker of the chosen one for this patient, as the patient's search. */
export function getStaffBookingChoices(input: {
  patientId: string
  serviceId: string | undefined
  practitioner: string
  from?: string
  date?: string
  policyOverride: boolean
  now: Date
  locale: Locale
}): StaffBookingChoices {
  const list = listPublicServices(input.locale).map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
  }))
  const service = list.find((s) => s.id === input.serviceId)
  if (!service) return { services: list, picker: null, earliestStartAt: null }
  const earliestStartAt =
    service.kind === 'treatment'
      ? earliestNeedlingStartFor(getDb(), {
          patientId: input.patientId,
          minDays: getClinicSettings().minDaysBetweenNeedling,
        })
      : null
  const picker = getSlotPickerModel({
    serviceId: service.id,
    practitioner: input.practitioner,
    from: input.from,
    date: input.date,
    now: input.now,
    earliestStartAt,
    locale: input.locale,
    policyOverride: input.policyOverride,
  })
  return { services: list, picker, earliestStartAt }
}

export type StaffBookResult =
  | { ok: true; bookingId: string; reference: string }
  | { ok: false; reason: 'no-patient' | 'unknown-service' | 'not-qualified' | 'not-offered' }
  /** Outside the notice or advance limit: staff may book it with a reason. */
  | { ok: false; reason: 'outside-policy'; limit: PolicyLimit }
  | { ok: false; reason: 'too-close'; earliestStartAt: number }
  | { ok: false; reason: 'taken'; nearest: Slot[] }

/**
 * Books the time for the patient, as staff. The time must be one the patient's search offers;
 * only the notice and advance limits may be lifted, and only with a reason. Hours, closures,
 * other bookings and holds, and course spacing are never overridden.
 */
export function bookForCaller(input: {
  patientId: string
  serviceId: string
  practitionerId: string
  startAt: number
  overrideReason: string | null
  locale: Locale
  actor: StaffActor
  now: Date
}): StaffBookResult {
  const db = getDb()
  const { now } = input
  let result: StaffBookResult
  try {
    result = db.transaction(
      (tx): StaffBookResult => {
        const patient = getCallerPatient(input.patientId, tx)
        if (!patient) return { ok: false, reason: 'no-patient' }
        const service = tx
          .select()
          .from(services)
          .where(and(eq(services.id, input.serviceId), eq(services.isActive, true)))
          .get()
        if (!service) return { ok: false, reason: 'unknown-service' }
        const settings = getClinicSettings()
        const endAt = input.startAt + service.durationMinutes * 60_000
        const blockedUntil = endAt + service.bufferAfterMinutes * 60_000
        expireLapsedHolds(tx, {
          practitionerId: input.practitionerId,
          from: new Date(input.startAt),
          to: new Date(blockedUntil),
          now,
        })
        const slot = {
          serviceId: service.id,
          practitionerId: input.practitionerId,
          startAt: input.startAt,
          now,
        }
        let check = checkSlot(slot, tx)
        let overrideReason: string | null = null
        if (!check.ok && isOverridableLimit(check.reason)) {
          if (!input.overrideReason)
            return { ok: false, reason: 'outside-policy', limit: check.reason }
          check = checkSlot({ ...slot, policyOverride: true }, tx)
          overrideReason = input.overrideReason
        }
        if (!check.ok) {
          if (check.reason === 'taken') return { ok: false, reason: 'taken', nearest: [] }
          if (isOverridableLimit(check.reason)) return { ok: false, reason: 'not-offered' }
          return { ok: false, reason: check.reason }
        }
        if (service.kind === 'treatment') {
          const conflict = needlingConflict(tx, {
            patientId: patient.id,
            startAt: input.startAt,
            minDays: settings.minDaysBetweenNeedling,
          })
          if (conflict)
            return { ok: false, reason: 'too-close', earliestStartAt: conflict.earliestStartAt }
        }
        const bookingId = newId()
        const booking = tx
          .insert(bookings)
          .values({
            id: bookingId,
            reference: newReference(tx),
            serviceId: service.id,
            practitionerId: input.practitionerId,
            patientId: patient.id,
            status: 'confirmed',
            startAt: new Date(input.startAt),
            endAt: new Date(endAt),
            blockedUntil: new Date(blockedUntil),
            timeZone: settings.timeZone,
            courseSessionNumber:
              countEarlierCourseSessions(tx, patient.id, service.id, bookingId) + 1,
            confirmedAt: now,
            locale: input.locale,
            bookedByUserId: input.actor.userId,
            policyOverrideReason: overrideReason,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get()
        recordBookingEvent(tx, {
          booking,
          actor: bookingActorOf(input.actor),
          action: 'booked',
          fromStatus: null,
          toStatus: 'confirmed',
          at: now,
          details: { bookedBy: 'staff', policyOverride: overrideReason !== null },
        })
        // Who booked it and why outside the limits: the reason is the staff member's own words
        // about the booking's time, never a health detail (the page says so).
        recordAuditEvent(tx, {
          action: 'booking.staff_booked',
          actor: auditActorOf(input.actor),
          subjectType: 'booking',
          subjectId: booking.id,
          patientId: patient.id,
          details: {
            reference: booking.reference,
            overrideReason,
          },
          at: now,
        })
        enqueueEmail(tx, staffBookedEmail(loadBookingEmailContext(tx, booking.id, now)), now)
        return { ok: true, bookingId: booking.id, reference: booking.reference }
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (!isDoubleBookingError(error)) throw error
    result = { ok: false, reason: 'taken', nearest: [] }
  }
  if (!result.ok && result.reason === 'taken')
    result.nearest = findNearestFreeSlots({
      serviceId: input.serviceId,
      practitionerId: input.practitionerId,
      around: input.startAt,
      now,
      count: 3,
    })
  return result
}

function newReference(tx: Tx): string {
  for (;;) {
    const reference = makeBookingReference(randomBytes(6))
    const taken = tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(eq(bookings.reference, reference))
      .get()
    if (!taken) return reference
  }
}

/** Whether this booking waits for the patient's forms (the badge on staff pages). */
export function bookingAwaitsForms(bookingId: string, db: Db | Tx = getDb()): boolean {
  const row = db
    .select({
      bookedByUserId: bookings.bookedByUserId,
      status: bookings.status,
      kind: services.kind,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(bookings.id, bookingId))
    .get()
  if (!row || row.bookedByUserId === null || row.kind !== 'treatment') return false
  return awaitingPatientForms({
    bookedByStaff: true,
    serviceKind: row.kind,
    status: row.status,
    hasAnswers: latestBookingSubmission(db, bookingId) !== undefined,
    consentStatus: consentStatusOfBooking(db, bookingId)?.status ?? null,
  })
}

/** The bookings among these that wait for the patient's forms (agenda and chart badges). */
export function bookingsAwaitingForms(db: Db, bookingIds: readonly string[]): Set<string> {
  if (bookingIds.length === 0) return new Set()
  const staffMade = db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(inArray(bookings.id, [...bookingIds]), isNotNull(bookings.bookedByUserId)))
    .all()
  return new Set(staffMade.filter((row) => bookingAwaitsForms(row.id, db)).map((row) => row.id))
}

/** How far ahead the reminder job looks: the earliest reminder's hours. */
const REMINDER_LOOKAHEAD_MS = 72 * 3600_000

/**
 * The scheduler's job: emails the patient 72 and 24 hours before a staff-made visit whose forms
 * are still missing. Each reminder once (the outbox key; checked before a link is made), none
 * once the forms are done or the booking is cancelled.
 */
export function queueFormsReminders(now: Date): { formsRemindersQueued: number } {
  const db = getDb()
  const candidates = db
    .select({ id: bookings.id, startAt: bookings.startAt, createdAt: bookings.createdAt })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(
      and(
        isNotNull(bookings.bookedByUserId),
        inArray(bookings.status, ['confirmed', 'pending_review']),
        eq(services.kind, 'treatment'),
        gt(bookings.startAt, now),
        lte(bookings.startAt, new Date(now.getTime() + REMINDER_LOOKAHEAD_MS)),
      ),
    )
    .orderBy(asc(bookings.startAt))
    .all()
  let queued = 0
  for (const candidate of candidates) {
    const hours = dueFormsReminder({
      startAt: candidate.startAt.getTime(),
      createdAt: candidate.createdAt.getTime(),
      now: now.getTime(),
    })
    if (hours === null) continue
    const key = formsReminderKey(candidate.id, hours)
    const sent = db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, key))
      .get()
    if (sent) continue
    db.transaction(
      (tx) => {
        if (!bookingAwaitsForms(candidate.id, tx)) return
        enqueueEmail(
          tx,
          formsReminderEmail(loadBookingEmailContext(tx, candidate.id, now), key),
          now,
        )
        queued++
      },
      { behavior: 'immediate' },
    )
  }
  return { formsRemindersQueued: queued }
}

export type StaffBookingSummary = {
  bookingId: string
  reference: string
  patientId: string
  patientName: string
  patientEmail: string
  serviceId: string
  serviceName: string
  practitionerName: string
  startAt: number
  endAt: number
  timeZone: string
  awaitingForms: boolean
  policyOverrideReason: string | null
}

/** What the page shows after booking: the booking staff made, or null for any other. */
export function getStaffBookingSummary(bookingId: string): StaffBookingSummary | null {
  const db = getDb()
  const row = db
    .select({
      booking: bookings,
      patientName: patients.fullName,
      patientEmail: patients.email,
      serviceName: services.name,
      practitionerName: practitioners.displayName,
    })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(and(eq(bookings.id, bookingId), isNotNull(bookings.bookedByUserId)))
    .get()
  if (!row) return null
  return {
    bookingId: row.booking.id,
    reference: row.booking.reference,
    patientId: row.booking.patientId!,
    patientName: row.patientName,
    patientEmail: row.patientEmail,
    serviceId: row.booking.serviceId,
    serviceName: row.serviceName,
    practitionerName: row.practitionerName,
    startAt: row.booking.startAt.getTime(),
    endAt: row.booking.endAt.getTime(),
    timeZone: row.booking.timeZone,
    awaitingForms: bookingAwaitsForms(row.booking.id, db),
    policyOverrideReason: row.booking.policyOverrideReason,
  }
}
