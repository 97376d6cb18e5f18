import { DateTime } from 'luxon'
import {
  addDays,
  type AvailabilityException,
  type Interval,
  MINUTE_MS,
  MINUTES_PER_DAY,
  openIntervalsForDate,
  wallClockFor,
  type WeeklyInterval,
} from './availability.rules.ts'

/**
 * The slot search (docs/decisions/015-slot-search.md). Pure: the caller reads the clinic's
 * settings, hours and bookings and hands them over; nothing here knows about the database.
 */

const HOUR_MS = 60 * MINUTE_MS

/** A bookable time: the practitioner and [startAt, endAt) of the session, buffer excluded. */
export type Slot = { practitionerId: string; startAt: number; endAt: number }
export type DaySlots = { date: string; slots: Slot[] }

export type PractitionerSchedule = {
  id: string
  weekly: WeeklyInterval[]
  exceptions: AvailabilityException[]
  /**
   * When the practitioner is busy: each booking's [startAt, blockedUntil), sorted by start.
   * The caller has already left out lapsed holds and the booking being moved.
   */
  busy: Interval[]
}

export type SlotSearchInput = {
  timeZone: string
  slotStepMinutes: number
  service: { durationMinutes: number; bufferAfterMinutes: number }
  /** First clinic-local date (YYYY-MM-DD) and how many dates from there. */
  fromDate: string
  days: number
  /** No slot starts before this instant (notice, and the patient's own earliest date). */
  earliestStartAt: number
  /** No slot starts after this instant (maximum advance). */
  latestStartAt: number
  closedDates: ReadonlySet<string>
  /** In the order that breaks ties between slots starting together. */
  practitioners: PractitionerSchedule[]
}

/** Work done, counted so a test can prove the search stays linear. */
export type SlotSearchStats = {
  /** Every comparison of a candidate or a busy interval against a busy interval. */
  comparisons: number
  /** Candidate starts the sweep looked at (starts skipped past a busy interval are not). */
  candidates: number
  busyIntervals: number
  openIntervals: number
}

export type SlotSearchResult = { days: DaySlots[]; stats: SlotSearchStats }

/** Whole, positive numbers of minutes: anything else is a caller's bug, not a slot question. */
function assertPositiveMinutes(name: string, value: number, allowZero = false): void {
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1))
    throw new RangeError(`${name} must be a whole number of minutes, got ${value}`)
}

/**
 * Sorted busy intervals merged into disjoint ones, so a single pointer can sweep them: with
 * overlapping intervals a later one could end earlier and the pointer would have to look back.
 * Touching intervals merge too, which is the same thing for half-open overlap tests.
 */
function mergeBusy(busy: Interval[], stats: SlotSearchStats): Interval[] {
  const merged: Interval[] = []
  let previousStart = -Infinity
  for (const interval of busy) {
    stats.comparisons++
    if (interval.startAt < previousStart)
      throw new RangeError('Busy intervals must be sorted by start')
    previousStart = interval.startAt
    if (interval.endAt <= interval.startAt) continue
    const last = merged[merged.length - 1]
    if (last && interval.startAt <= last.endAt) last.endAt = Math.max(last.endAt, interval.endAt)
    else merged.push({ startAt: interval.startAt, endAt: interval.endAt })
  }
  return merged
}

function groupByDate(exceptions: AvailabilityException[]): Map<string, AvailabilityException[]> {
  const byDate = new Map<string, AvailabilityException[]>()
  for (const exception of exceptions) {
    const list = byDate.get(exception.date)
    if (list) list.push(exception)
    else byDate.set(exception.date, [exception])
  }
  return byDate
}

/**
 * Free slots per date, sorted by start then by practitioner order. A slot starts on the grid
 * open-interval start + k × step (real elapsed time), lies inside that open interval (its buffer
 * may run past closing), starts within [earliestStartAt, latestStartAt], and with its buffer
 * overlaps no busy interval. Work is O(practitioners × days + candidates + busy intervals).
 */
export function searchSlots(input: SlotSearchInput): SlotSearchResult {
  assertPositiveMinutes('slotStepMinutes', input.slotStepMinutes)
  assertPositiveMinutes('durationMinutes', input.service.durationMinutes)
  assertPositiveMinutes('bufferAfterMinutes', input.service.bufferAfterMinutes, true)
  if (!Number.isInteger(input.days) || input.days < 0)
    throw new RangeError(`days must be a whole number, got ${input.days}`)

  const stepMs = input.slotStepMinutes * MINUTE_MS
  const durationMs = input.service.durationMinutes * MINUTE_MS
  const blockedMs = durationMs + input.service.bufferAfterMinutes * MINUTE_MS
  const { earliestStartAt, latestStartAt } = input
  const stats: SlotSearchStats = {
    comparisons: 0,
    candidates: 0,
    busyIntervals: 0,
    openIntervals: 0,
  }

  const wallClock = wallClockFor(input.timeZone)
  const dates = Array.from({ length: input.days }, (_, index) => addDays(input.fromDate, index))
  // A date wholly before the earliest start or after the latest one cannot hold a slot.
  const searchable = dates.map(
    (date) =>
      !input.closedDates.has(date) &&
      wallClock(date, MINUTES_PER_DAY) > earliestStartAt &&
      wallClock(date, 0) <= latestStartAt,
  )
  // Per date, one run of slots sorted by start for each practitioner, in practitioner order.
  const runsByDate: Slot[][][] = dates.map(() => [])

  for (const practitioner of input.practitioners) {
    stats.busyIntervals += practitioner.busy.length
    const busy = mergeBusy(practitioner.busy, stats)
    const exceptionsByDate = groupByDate(practitioner.exceptions)
    // The sweep: candidates only move forward in time (dates in order, open intervals sorted
    // and disjoint), so busy intervals that ended before a candidate never matter again.
    let next = 0
    for (let dateIndex = 0; dateIndex < dates.length; dateIndex++) {
      if (!searchable[dateIndex]) continue
      const date = dates[dateIndex]!
      const open = openIntervalsForDate(
        {
          date,
          weekly: practitioner.weekly,
          exceptions: exceptionsByDate.get(date) ?? [],
          clinicClosed: false,
          timeZone: input.timeZone,
        },
        wallClock,
      )
      const daySlots: Slot[] = []
      for (const interval of open) {
        stats.openIntervals++
        let k =
          interval.startAt >= earliestStartAt
            ? 0
            : Math.ceil((earliestStartAt - interval.startAt) / stepMs)
        for (;;) {
          const startAt = interval.startAt + k * stepMs
          if (startAt + durationMs > interval.endAt || startAt > latestStartAt) break
          stats.candidates++
          while (next < busy.length) {
            stats.comparisons++
            if (busy[next]!.endAt > startAt) break
            next++
          }
          const blocking = busy[next]
          if (blocking) {
            stats.comparisons++
            if (blocking.startAt < startAt + blockedMs) {
              // Every start before this busy interval ends would overlap it as well.
              k = Math.max(k + 1, Math.ceil((blocking.endAt - interval.startAt) / stepMs))
              continue
            }
          }
          daySlots.push({ practitionerId: practitioner.id, startAt, endAt: startAt + durationMs })
          k++
        }
      }
      if (daySlots.length > 0) runsByDate[dateIndex]!.push(daySlots)
    }
  }

  return {
    days: dates.map((date, index) => ({ date, slots: mergeRuns(runsByDate[index]!) })),
    stats,
  }
}

/**
 * Merges runs sorted by start into one, earlier runs first on equal starts: O(n log runs), where
 * a general sort of the concatenation would cost O(n log n) comparator calls.
 */
function mergeRuns(runs: Slot[][]): Slot[] {
  let level = runs
  while (level.length > 1) {
    const next: Slot[][] = []
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i]!
      const right = level[i + 1]
      next.push(right ? mergeTwo(left, right) : left)
    }
    level = next
  }
  return level[0] ?? []
}

function mergeTwo(left: Slot[], right: Slot[]): Slot[] {
  const merged: Slot[] = new Array(left.length + right.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < left.length && j < right.length)
    merged[k++] = right[j]!.startAt < left[i]!.startAt ? right[j++]! : left[i++]!
  while (i < left.length) merged[k++] = left[i++]!
  while (j < right.length) merged[k++] = right[j++]!
  return merged
}

/**
 * "Any practitioner": one slot per distinct start, the first practitioner in the search's order.
 * Expects slots sorted as searchSlots returns them (by start, then practitioner order).
 */
export function collapseToAnyPractitioner(slots: Slot[]): Slot[] {
  const collapsed: Slot[] = []
  for (const slot of slots) {
    const last = collapsed[collapsed.length - 1]
    if (!last || last.startAt !== slot.startAt) collapsed.push(slot)
  }
  return collapsed
}

/**
 * The `count` slots closest in time to `around` (ties go to the earlier slot), in time order:
 * what to offer when the slot a patient held was taken.
 */
export function nearestSlots(slots: Slot[], around: number, count: number): Slot[] {
  if (count <= 0 || slots.length === 0) return []
  // Stable, and linear when the slots are already in order (as searchSlots returns them).
  const sorted = [...slots].sort((a, b) => a.startAt - b.startAt)
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]!.startAt < around) low = mid + 1
    else high = mid
  }
  // Grow the window [left + 1, right) outwards from the first slot at or after `around`.
  let left = low - 1
  let right = low
  while (right - left - 1 < count && (left >= 0 || right < sorted.length)) {
    const before = left >= 0 ? around - sorted[left]!.startAt : Infinity
    const after = right < sorted.length ? sorted[right]!.startAt - around : Infinity
    if (before <= after) left--
    else right++
  }
  return sorted.slice(left + 1, right)
}

/**
 * The instants a patient may book between: at least the minimum notice from now (and not before
 * the patient's own earliest instant), at most the maximum advance in clinic calendar days.
 */
export function bookingWindow(input: {
  now: number
  timeZone: string
  minNoticeHours: number
  maxAdvanceDays: number
  earliestStartAt?: number
}): { earliestStartAt: number; latestStartAt: number } {
  const noticeEnds = input.now + input.minNoticeHours * HOUR_MS
  return {
    earliestStartAt: Math.max(noticeEnds, input.earliestStartAt ?? -Infinity),
    // Calendar days in the clinic's zone: "90 days ahead" keeps the time of day across a
    // daylight-saving change instead of drifting by an hour.
    latestStartAt: DateTime.fromMillis(input.now, { zone: input.timeZone })
      .plus({ days: input.maxAdvanceDays })
      .toMillis(),
  }
}
