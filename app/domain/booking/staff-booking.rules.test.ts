import { describe, expect, test } from 'vitest'
import {
  awaitingPatientForms,
  dueFormsReminder,
  formsReminderKey,
  isOverridableLimit,
  parseStartInstant,
} from './staff-booking.rules.ts'

const HOUR = 3600_000
const START = Date.parse('2027-03-10T09:00:00Z')

describe('awaiting patient forms', () => {
  const base = {
    bookedByStaff: true,
    serviceKind: 'treatment',
    status: 'confirmed' as const,
    hasAnswers: false,
    consentStatus: 'missing' as const,
  }
  test('a staff booking of a treatment without answers or consent waits for them', () => {
    expect(awaitingPatientForms(base)).toBe(true)
    expect(awaitingPatientForms({ ...base, hasAnswers: true })).toBe(true)
    expect(awaitingPatientForms({ ...base, consentStatus: 'signed' })).toBe(true)
    expect(awaitingPatientForms({ ...base, consentStatus: 'withdrawn', hasAnswers: true })).toBe(
      true,
    )
  })
  test('ends once both are given, and never applies to other bookings', () => {
    expect(awaitingPatientForms({ ...base, hasAnswers: true, consentStatus: 'signed' })).toBe(false)
    expect(
      awaitingPatientForms({ ...base, hasAnswers: true, consentStatus: 'countersigned' }),
    ).toBe(false)
    expect(awaitingPatientForms({ ...base, bookedByStaff: false })).toBe(false)
    expect(awaitingPatientForms({ ...base, serviceKind: 'consultation' })).toBe(false)
    expect(awaitingPatientForms({ ...base, status: 'cancelled' })).toBe(false)
    expect(awaitingPatientForms({ ...base, status: 'completed' })).toBe(false)
    expect(awaitingPatientForms({ ...base, status: 'pending_review' })).toBe(true)
  })
})

describe('forms reminders', () => {
  const createdAt = START - 10 * 24 * HOUR
  test('72 hours, then 24 hours before the visit, and nothing once it started', () => {
    expect(dueFormsReminder({ startAt: START, createdAt, now: START - 73 * HOUR })).toBeNull()
    expect(dueFormsReminder({ startAt: START, createdAt, now: START - 72 * HOUR })).toBe(72)
    expect(dueFormsReminder({ startAt: START, createdAt, now: START - 25 * HOUR })).toBe(72)
    expect(dueFormsReminder({ startAt: START, createdAt, now: START - 24 * HOUR })).toBe(24)
    expect(dueFormsReminder({ startAt: START, createdAt, now: START - HOUR })).toBe(24)
    expect(dueFormsReminder({ startAt: START, createdAt, now: START })).toBeNull()
  })
  test('a booking made inside a window skips that reminder', () => {
    const lateBooking = START - 48 * HOUR
    expect(
      dueFormsReminder({ startAt: START, createdAt: lateBooking, now: START - 47 * HOUR }),
    ).toBeNull()
    expect(
      dueFormsReminder({ startAt: START, createdAt: lateBooking, now: START - 23 * HOUR }),
    ).toBe(24)
    const lastMinute = START - 2 * HOUR
    expect(dueFormsReminder({ startAt: START, createdAt: lastMinute, now: START - HOUR })).toBe(
      null,
    )
  })
  test('each reminder has its own outbox key', () => {
    expect(formsReminderKey('b1', 72)).not.toBe(formsReminderKey('b1', 24))
    expect(formsReminderKey('b1', 24)).toBe('booking:b1:forms_reminder_24h')
  })
})

describe('overrides and calendar links', () => {
  test('only the notice and advance limits may be overridden', () => {
    expect(isOverridableLimit('too-soon')).toBe(true)
    expect(isOverridableLimit('too-far')).toBe(true)
    expect(isOverridableLimit('taken')).toBe(false)
    expect(isOverridableLimit('not-offered')).toBe(false)
    expect(isOverridableLimit('not-qualified')).toBe(false)
  })
  test('a calendar link’s start is an ISO instant, anything else is ignored', () => {
    expect(parseStartInstant('2027-03-10T09:00:00Z')).toBe(START)
    expect(parseStartInstant('2027-03-10T10:00:00.000+01:00')).toBe(START)
    expect(parseStartInstant('2027-03-10')).toBeNull()
    expect(parseStartInstant('tomorrow')).toBeNull()
    expect(parseStartInstant('2027-13-45T99:00:00Z')).toBeNull()
    expect(parseStartInstant(undefined)).toBeNull()
  })
})
