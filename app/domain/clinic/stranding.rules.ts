import { translator } from '#app/i18n/catalogue.ts'
import {
  type AvailabilityException,
  isWithinOpenIntervals,
  openIntervalsForDate,
  type WeeklyInterval,
} from '#app/domain/availability/availability.rules.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type BookingStatus } from '#app/domain/booking/booking.schema.ts'
import { type Credential, type ServiceTier } from './clinic.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { adminMessages } from '#app/i18n/messages/index.ts'

/**
 * Stranded bookings (docs/decisions/014-admin-changes-and-stranded-bookings.md). An admin change
 * strands a booking when, after it, the booking's practitioner would no longer be available or
 * qualified for it. Nothing here reads the database: the use case loads the clinic as it is
 * before and after the change and asks which bookings the change newly strands.
 */

/** Why a booking no longer fits, in the order a person would want to read them. */
export const STRAND_REASONS = [
  'time-zone-changed',
  'clinic-closed',
  'outside-hours',
  'practitioner-inactive',
  'service-not-offered',
  'not-qualified',
  'service-inactive',
] as const
export type StrandReason = (typeof STRAND_REASONS)[number]

/**
 * Bookings a patient is relying on. Holds are left out: they lapse within minutes and are checked
 * again when the patient confirms.
 */
export const STRANDABLE_STATUSES = [
  'pending_review',
  'confirmed',
] as const satisfies readonly BookingStatus[]

export type StrandCandidate = {
  id: string
  practitionerId: string
  serviceId: string
  status: BookingStatus
  /** Epoch milliseconds (UTC). */
  startAt: number
  endAt: number
}

export type PractitionerAvailability = {
  isActive: boolean
  credential: Credential
  serviceIds: readonly string[]
  weekly: readonly WeeklyInterval[]
  exceptions: readonly AvailabilityException[]
}

export type ServiceState = { tier: ServiceTier; isActive: boolean }

/** The parts of the clinic that decide whether a booking still fits. */
export type AvailabilitySnapshot = {
  timeZone: string
  /** Clinic-local dates (YYYY-MM-DD) the whole clinic is closed. */
  closedDates: readonly string[]
  practitioners: Readonly<Record<string, PractitionerAvailability>>
  services: Readonly<Record<string, ServiceState>>
}

export type AffectedBooking = { bookingId: string; reasons: StrandReason[] }

/** One stranded booking as the admin sees it before deciding (times in epoch milliseconds). */
export type StrandedBookingView = {
  id: string
  reference: string
  status: BookingStatus
  startAt: number
  endAt: number
  patientName: string
  serviceName: string
  practitionerName: string
  reasons: StrandReason[]
}

/** What a reason means, in the admin's words and language. */
export function strandReasonText(reason: StrandReason, locale: Locale = 'en'): string {
  const key = reason.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
  return translator(adminMessages, locale)('strandReason', { reason: key })
}

/** True for a booking a patient relies on that has not started yet. */
export function isStrandable(booking: Pick<StrandCandidate, 'status' | 'startAt'>, now: number) {
  return (
    (STRANDABLE_STATUSES as readonly BookingStatus[]).includes(booking.status) &&
    booking.startAt > now
  )
}

/**
 * Everything wrong with one booking against one state of the clinic; empty when it fits. The
 * appointment itself ([start, end)) must lie inside one open interval of its clinic-local date;
 * the cleaning buffer after it may run past closing time.
 */
export function strandReasons(
  booking: StrandCandidate,
  snapshot: AvailabilitySnapshot,
): StrandReason[] {
  const reasons: StrandReason[] = []
  const practitioner = snapshot.practitioners[booking.practitionerId]
  const service = snapshot.services[booking.serviceId]
  const date = localDateOf(booking.startAt, snapshot.timeZone)
  const closed = snapshot.closedDates.includes(date)
  if (closed) reasons.push('clinic-closed')
  if (!practitioner) return [...reasons, 'practitioner-inactive']
  if (!closed) {
    const open = openIntervalsForDate({
      date,
      weekly: [...practitioner.weekly],
      exceptions: [...practitioner.exceptions],
      clinicClosed: false,
      timeZone: snapshot.timeZone,
    })
    if (!isWithinOpenIntervals({ startAt: booking.startAt, endAt: booking.endAt }, open))
      reasons.push('outside-hours')
  }
  if (!practitioner.isActive) reasons.push('practitioner-inactive')
  if (!practitioner.serviceIds.includes(booking.serviceId)) reasons.push('service-not-offered')
  if (service?.tier === 'medical' && practitioner.credential !== 'medical')
    reasons.push('not-qualified')
  if (!service || !service.isActive) reasons.push('service-inactive')
  return reasons
}

/**
 * The future bookings that a change from `before` to `after` strands: those with a reason to
 * not fit after the change that they did not already have before it. A booking the clinic chose
 * to keep outside the hours earlier is not asked about again for an unrelated edit. Changing the
 * clinic's time zone moves every wall-clock rule under every booking, so it affects them all.
 * Sorted by start time.
 */
export function findAffectedBookings(input: {
  bookings: readonly StrandCandidate[]
  before: AvailabilitySnapshot
  after: AvailabilitySnapshot
  now: number
}): AffectedBooking[] {
  const zoneChanged = input.before.timeZone !== input.after.timeZone
  return input.bookings
    .filter((booking) => isStrandable(booking, input.now))
    .sort((a, b) => a.startAt - b.startAt || a.id.localeCompare(b.id))
    .flatMap((booking) => {
      const after = strandReasons(booking, input.after)
      const reasons: StrandReason[] = zoneChanged ? ['time-zone-changed', ...after] : after
      const before = new Set(strandReasons(booking, input.before))
      const isNew = reasons.some((reason) => !before.has(reason))
      return isNew ? [{ bookingId: booking.id, reasons }] : []
    })
}

/** Whether the admin confirmed exactly the bookings the change strands now (order aside). */
export function isSameBookingSet(seen: readonly string[], now: readonly string[]): boolean {
  const a = new Set(seen)
  const b = new Set(now)
  return a.size === b.size && [...a].every((id) => b.has(id))
}
