import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { type BookingStatus } from './booking.schema.ts'

/**
 * Staff booking for a caller (ADR 042): the pure rules. A booking staff made has no screening and
 * no consent yet; the patient gives both from home, chased by reminders 72 and 24 hours ahead.
 */

/** Hours before the visit at which missing forms are chased, earliest first. */
export const FORMS_REMINDER_HOURS = [72, 24] as const
export type FormsReminderHours = (typeof FORMS_REMINDER_HOURS)[number]

const HOUR_MS = 3600_000

/** Statuses in which a visit still lies ahead and its forms can still be given. */
const OPEN_STATUSES: readonly BookingStatus[] = ['confirmed', 'pending_review']

/**
 * Whether a booking waits for the patient's forms: staff booked it, it is a treatment still open,
 * and the health answers or the consent are missing. Derived, never stored: it ends by itself
 * when the patient answers and signs.
 */
export function awaitingPatientForms(facts: {
  bookedByStaff: boolean
  serviceKind: string
  status: BookingStatus
  hasAnswers: boolean
  consentStatus: ConsentStatus | null
}): boolean {
  if (!facts.bookedByStaff || facts.serviceKind !== 'treatment') return false
  if (!OPEN_STATUSES.includes(facts.status)) return false
  return !facts.hasAnswers || !consentIsGiven(facts.consentStatus)
}

function consentIsGiven(status: ConsentStatus | null): boolean {
  return status === 'signed' || status === 'countersigned' || status === 'not_required'
}

/**
 * The reminder due now, if any: each fires from its hour before the visit until the visit. A
 * booking made inside a reminder's window skips it (the booking email just asked), and when both
 * are due (the server was down) only the later one is sent.
 */
export function dueFormsReminder(input: {
  startAt: number
  createdAt: number
  now: number
}): FormsReminderHours | null {
  if (input.now >= input.startAt) return null
  let due: FormsReminderHours | null = null
  for (const hours of FORMS_REMINDER_HOURS) {
    const opensAt = input.startAt - hours * HOUR_MS
    if (input.now >= opensAt && input.createdAt < opensAt) due = hours
  }
  return due
}

/** The outbox key of one reminder: the outbox ignores a second message with the same key. */
export function formsReminderKey(bookingId: string, hours: FormsReminderHours): string {
  return `booking:${bookingId}:forms_reminder_${hours}h`
}

/** Why a chosen time was refused by the booking window: only these may be overridden. */
export type PolicyLimit = 'too-soon' | 'too-far'

export function isOverridableLimit(reason: string): reason is PolicyLimit {
  return reason === 'too-soon' || reason === 'too-far'
}

/** Parses `start` from a calendar link (an ISO instant) to epoch ms; null when it is not one. */
export function parseStartInstant(value: string | null | undefined): number | null {
  if (!value) return null
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}
