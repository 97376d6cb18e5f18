import { type BookingStatus } from '#app/domain/booking/booking.schema.ts'
import { addCalendarMonths, addDays, weekdayOf } from '#app/domain/shared/calendar.rules.ts'

/**
 * The manager's report (issue 17): per week or month, what was booked and what became of it, by
 * practitioner and by service, how full the practitioners' open hours were, and how many courses
 * reach their usual length. Client-safe: pure functions over rows the server reads.
 */

export const REPORT_PERIODS = ['week', 'month'] as const
export type ReportPeriod = (typeof REPORT_PERIODS)[number]

/** Clinic calendar dates: `from` is the first day, `to` the day after the last. */
export type PeriodRange = { period: ReportPeriod; from: string; to: string }

/** The week (Monday to Sunday) or calendar month that a clinic date falls in. */
export function periodContaining(period: ReportPeriod, date: string): PeriodRange {
  if (period === 'week') {
    // weekdayOf is ISO (1 = Monday): weeks start on Monday, as in Italy.
    const from = addDays(date, 1 - weekdayOf(date))
    return { period, from, to: addDays(from, 7) }
  }
  const from = `${date.slice(0, 7)}-01`
  return { period, from, to: addCalendarMonths(from, 1) }
}

/** The period before or after, by its first day. */
export function neighbourPeriod(range: PeriodRange, step: -1 | 1): PeriodRange {
  if (range.period === 'week') return periodContaining('week', addDays(range.from, 7 * step))
  return periodContaining('month', addCalendarMonths(range.from, step))
}

/** A booking as the report counts it. */
export type ReportBooking = {
  practitionerId: string
  serviceId: string
  status: BookingStatus
  startAt: number
  endAt: number
  cancelledAt: number | null
}

export type BookingCounts = {
  /** Every booking for a time in the period that was made: not holds, lapsed holds or declines. */
  bookings: number
  completed: number
  noShows: number
  cancelled: number
  /** Cancelled inside the cancellation window, when the time could rarely be filled again. */
  lateCancellations: number
  /** Minutes of practitioners' time the bookings that went ahead (or were missed) took. */
  bookedMinutes: number
}

const COUNTED: readonly BookingStatus[] = [
  'pending_review',
  'confirmed',
  'completed',
  'no_show',
  'cancelled',
]

export const EMPTY_COUNTS: BookingCounts = {
  bookings: 0,
  completed: 0,
  noShows: 0,
  cancelled: 0,
  lateCancellations: 0,
  bookedMinutes: 0,
}

export function countBookings(
  rows: readonly ReportBooking[],
  cancellationWindowHours: number,
): BookingCounts {
  const window = cancellationWindowHours * 3600_000
  const counts = { ...EMPTY_COUNTS }
  for (const row of rows) {
    if (!COUNTED.includes(row.status)) continue
    counts.bookings += 1
    if (row.status === 'completed') counts.completed += 1
    if (row.status === 'no_show') counts.noShows += 1
    if (row.status === 'cancelled') {
      counts.cancelled += 1
      if (row.cancelledAt !== null && row.cancelledAt > row.startAt - window)
        counts.lateCancellations += 1
    } else counts.bookedMinutes += Math.round((row.endAt - row.startAt) / 60_000)
  }
  return counts
}

/** Rows grouped by a key, each group counted; keys in the order first seen. */
export function countBy(
  rows: readonly ReportBooking[],
  key: (row: ReportBooking) => string,
  cancellationWindowHours: number,
): Map<string, BookingCounts> {
  const groups = new Map<string, ReportBooking[]>()
  for (const row of rows) {
    const list = groups.get(key(row)) ?? []
    list.push(row)
    groups.set(key(row), list)
  }
  return new Map([...groups].map(([k, list]) => [k, countBookings(list, cancellationWindowHours)]))
}

/** Booked time as a share of open time, 0 to 1; null when there were no open hours. */
export function utilisation(bookedMinutes: number, openMinutes: number): number | null {
  if (openMinutes <= 0) return null
  return Math.min(1, bookedMinutes / openMinutes)
}

export type CourseCompletion = {
  tier: 'medical' | 'cosmetic'
  /** Patients who had a first completed session of the tier in the year up to the period end. */
  started: number
  /** Of those, how many have had at least the usual minimum of sessions. */
  reachedMinimum: number
  minimum: number
}

export function courseCompletion(
  sessions: readonly { patientId: string; tier: 'medical' | 'cosmetic' }[],
  minimumOf: (tier: 'medical' | 'cosmetic') => number,
): CourseCompletion[] {
  return (['medical', 'cosmetic'] as const).map((tier) => {
    const perPatient = new Map<string, number>()
    for (const s of sessions)
      if (s.tier === tier) perPatient.set(s.patientId, (perPatient.get(s.patientId) ?? 0) + 1)
    const minimum = minimumOf(tier)
    return {
      tier,
      started: perPatient.size,
      reachedMinimum: [...perPatient.values()].filter((n) => n >= minimum).length,
      minimum,
    }
  })
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (CWE-1236). */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvCell).join(',')
}
