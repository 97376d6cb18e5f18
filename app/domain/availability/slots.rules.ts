import {
  datesFrom,
  dayClockOf,
  MINUTE_MS,
  MINUTES_PER_DAY,
  plusCalendarDays,
  wallClockFor,
  weekdayOf,
} from '#app/domain/shared/calendar.rules.ts'
import {
  type AvailabilityException,
  type Interval,
  mergeMinuteIntervals,
  type MinuteInterval,
  openIntervalsForDate,
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
   * When the practitioner is busy: each booking's [startAt, blockedUntil), sorted by start, as
   * intervals or as flat pairs [start, end, start, end, …] (what a database read gives without
   * an object per booking). The caller has already left out lapsed holds and the booking being
   * moved.
   */
  busy: Interval[] | Float64Array
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

/**
 * The free slots of every searched date, without an object per slot: a search over many
 * practitioners finds far more slots than any caller shows ("any practitioner" keeps one per
 * start), and building objects for all of them would cost more than finding them. Slot i starts
 * at startAts[i], with input.practitioners[practitionerIndexes[i]]; the slots of dates[d] are
 * those with dayStarts[d] ≤ i < dayStarts[d + 1], sorted by start, ties in practitioner order.
 * toDaySlots turns them into Slot objects.
 */
export type SlotSearchResult = {
  dates: string[]
  dayStarts: Int32Array
  startAts: Float64Array
  practitionerIndexes: Int32Array
  stats: SlotSearchStats
}

/** Whole, positive numbers of minutes: anything else is a caller's bug, not a slot question. */
function assertPositiveMinutes(name: string, value: number, allowZero = false): void {
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1))
    throw new RangeError(`${name} must be a whole number of minutes, got ${value}`)
}

/**
 * Sorted busy intervals merged into disjoint ones, so a single pointer can sweep them: with
 * overlapping intervals a later one could end earlier and the pointer would have to look back.
 * Touching intervals merge too, which is the same thing for half-open overlap tests. Written
 * into `starts`/`ends` from `at` on (flat arrays: no object per interval); returns the new end.
 */
function mergeBusyInto(
  busy: Interval[] | Float64Array,
  starts: Float64Array,
  ends: Float64Array,
  at: number,
  stats: SlotSearchStats,
): number {
  const first = at
  const pairs = busy instanceof Float64Array ? busy : undefined
  const intervals = busy instanceof Float64Array ? undefined : busy
  const count = busyCount(busy)
  let previousStart = -Infinity
  for (let i = 0; i < count; i++) {
    const startAt = pairs ? pairs[2 * i]! : intervals![i]!.startAt
    const endAt = pairs ? pairs[2 * i + 1]! : intervals![i]!.endAt
    stats.comparisons++
    if (startAt < previousStart) throw new RangeError('Busy intervals must be sorted by start')
    previousStart = startAt
    if (endAt <= startAt) continue
    if (at > first && startAt <= ends[at - 1]!) ends[at - 1] = Math.max(ends[at - 1]!, endAt)
    else {
      starts[at] = startAt
      ends[at] = endAt
      at++
    }
  }
  return at
}

function busyCount(busy: Interval[] | Float64Array): number {
  return busy instanceof Float64Array ? busy.length / 2 : busy.length
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

/** A practitioner's weekly hours per ISO weekday (index 1–7), merged as openMinutesForDate does. */
function weeklyByWeekday(weekly: WeeklyInterval[]): MinuteInterval[][] {
  return Array.from({ length: 8 }, (_, weekday) =>
    mergeMinuteIntervals(weekly.filter((interval) => interval.weekday === weekday)),
  )
}

/**
 * What the sweep carries from date to date, in one object per search whose shape never changes,
 * so that the per-date code below stays optimised however its caller's objects look.
 */
type Sweep = {
  stepMinutes: number
  stepMs: number
  durationMs: number
  blockedMs: number
  earliestStartAt: number
  latestStartAt: number
  /** Busy time merged, flat: practitioner p owns [busyNext[p], busyTo[p]) of busyStarts/Ends. */
  busyStarts: Float64Array
  busyEnds: Float64Array
  busyTo: Int32Array
  /**
   * The sweep's pointer per practitioner: candidates only move forward in time (dates in order,
   * open intervals sorted and disjoint), so busy intervals that ended before one never matter
   * again.
   */
  busyNext: Int32Array
  /** Per practitioner, the weekly hours of each ISO weekday (index 1–7), merged. */
  weekly: MinuteInterval[][][]
  exceptionsByDate: (Map<string, AvailabilityException[]> | undefined)[]
  /** Scratch: one practitioner's open intervals on the date, as instants. */
  openStarts: number[]
  openEnds: number[]
  /**
   * The date's free starts, in practitioner order (each practitioner's ascending): the instant,
   * the minute since the date's 00:00 and the practitioner's index; `count` of them.
   */
  starts: Float64Array
  minutes: Int32Array
  owners: Int32Array
  count: number
  /** The last minute any start may have, or -1 when not all starts lie on whole minutes. */
  lastMinute: number
  stats: SlotSearchStats
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

  const { practitioners } = input
  const stats: SlotSearchStats = {
    comparisons: 0,
    candidates: 0,
    busyIntervals: 0,
    openIntervals: 0,
  }
  let busyTotal = 0
  for (const practitioner of practitioners) busyTotal += busyCount(practitioner.busy)
  const durationMs = input.service.durationMinutes * MINUTE_MS
  const sweep: Sweep = {
    stepMinutes: input.slotStepMinutes,
    stepMs: input.slotStepMinutes * MINUTE_MS,
    durationMs,
    blockedMs: durationMs + input.service.bufferAfterMinutes * MINUTE_MS,
    earliestStartAt: input.earliestStartAt,
    latestStartAt: input.latestStartAt,
    busyStarts: new Float64Array(busyTotal),
    busyEnds: new Float64Array(busyTotal),
    busyTo: new Int32Array(practitioners.length),
    busyNext: new Int32Array(practitioners.length),
    weekly: [],
    exceptionsByDate: [],
    openStarts: [],
    openEnds: [],
    starts: new Float64Array(256),
    minutes: new Int32Array(256),
    owners: new Int32Array(256),
    count: 0,
    lastMinute: 0,
    stats,
  }
  let busyAt = 0
  for (let p = 0; p < practitioners.length; p++) {
    const practitioner = practitioners[p]!
    stats.busyIntervals += busyCount(practitioner.busy)
    sweep.busyNext[p] = busyAt
    busyAt = mergeBusyInto(practitioner.busy, sweep.busyStarts, sweep.busyEnds, busyAt, stats)
    sweep.busyTo[p] = busyAt
    sweep.weekly.push(weeklyByWeekday(practitioner.weekly))
    sweep.exceptionsByDate.push(
      practitioner.exceptions.length > 0 ? groupByDate(practitioner.exceptions) : undefined,
    )
  }

  const wallClock = wallClockFor(input.timeZone)
  const dates = datesFrom(input.fromDate, input.days)
  const dayStarts = new Int32Array(dates.length + 1)
  // The result, sized from the first dates found (and doubled when that was short).
  let startAts = new Float64Array(0)
  let practitionerIndexes = new Int32Array(0)
  let found = 0
  let byMinute = new Int32Array(0)
  for (let d = 0; d < dates.length; d++) {
    const date = dates[d]!
    dayStarts[d] = found
    const clock = dayClockOf(wallClock, date)
    // A date wholly before the earliest start or after the latest one cannot hold a slot.
    if (
      input.closedDates.has(date) ||
      clock(MINUTES_PER_DAY) <= input.earliestStartAt ||
      clock(0) > input.latestStartAt
    )
      continue
    sweepDate(sweep, input, date, clock)
    const { count, lastMinute } = sweep
    if (found + count > startAts.length) {
      // Expect the remaining dates to be like the ones so far, and a little more.
      const expected = Math.ceil((((found + count) / (d + 1)) * dates.length * 9) / 8)
      startAts = grown(startAts, found, Math.max(expected, 2 * found, found + count))
      practitionerIndexes = grown(practitionerIndexes, found, startAts.length)
    }
    if (lastMinute >= 0) {
      if (byMinute.length < lastMinute + 2) byMinute = new Int32Array(lastMinute + 2)
      placeByMinute(sweep, byMinute, startAts, practitionerIndexes, found)
    } else placeBySort(sweep, startAts, practitionerIndexes, found)
    found += count
  }
  dayStarts[dates.length] = found

  return {
    dates,
    dayStarts,
    startAts: startAts.subarray(0, found),
    practitionerIndexes: practitionerIndexes.subarray(0, found),
    stats,
  }
}

/** One date of the sweep: fills sweep.starts, .minutes, .owners, .count and .lastMinute. */
function sweepDate(
  sweep: Sweep,
  input: SlotSearchInput,
  date: string,
  clock: (minuteOfDay: number) => number,
): void {
  const { stepMinutes, stepMs, durationMs, blockedMs, earliestStartAt, latestStartAt } = sweep
  const { busyStarts, busyEnds, busyTo, busyNext, openStarts, openEnds } = sweep
  const midnight = clock(0)
  const weekday = weekdayOf(date)
  let { starts, minutes, owners } = sweep
  let count = 0
  // Whether every start lies on a whole minute in [00:00, 00:00 + MAX_SORTED_MINUTES].
  let onMinutes = true
  let lastMinute = 0
  let comparisons = 0
  let candidates = 0
  let openIntervals = 0
  for (let p = 0; p < busyTo.length; p++) {
    // Open hours as instants, sorted and disjoint: openIntervalsForDate, without its allocations
    // on the usual date that has no exceptions.
    let open = 0
    const exceptions = sweep.exceptionsByDate[p]?.get(date)
    if (exceptions) {
      const intervals = openIntervalsForDate(
        {
          date,
          weekly: input.practitioners[p]!.weekly,
          exceptions,
          clinicClosed: false,
          timeZone: input.timeZone,
        },
        wallClockFor(input.timeZone),
      )
      for (const interval of intervals) {
        openStarts[open] = interval.startAt
        openEnds[open++] = interval.endAt
      }
    } else {
      for (const hours of sweep.weekly[p]![weekday]!) {
        const startAt = clock(hours.startMinute)
        const endAt = clock(hours.endMinute)
        if (endAt <= startAt) continue
        // Pieces that only a nonexistent (spring-forward) hour separated become one.
        if (open > 0 && startAt <= openEnds[open - 1]!)
          openEnds[open - 1] = Math.max(openEnds[open - 1]!, endAt)
        else {
          openStarts[open] = startAt
          openEnds[open++] = endAt
        }
      }
    }
    openIntervals += open

    let next = busyNext[p]!
    const busyEnd = busyTo[p]!
    for (let i = 0; i < open; i++) {
      const openStart = openStarts[i]!
      const openEnd = openEnds[i]!
      // Starts are openStart + k × step, so their minutes follow from the interval's.
      const firstMinute = (openStart - midnight) / MINUTE_MS
      const endMinute = (openEnd - midnight) / MINUTE_MS
      if (!Number.isInteger(firstMinute) || firstMinute < 0 || endMinute > MAX_SORTED_MINUTES)
        onMinutes = false
      else if (endMinute > lastMinute) lastMinute = Math.ceil(endMinute)
      let k = openStart >= earliestStartAt ? 0 : Math.ceil((earliestStartAt - openStart) / stepMs)
      for (;;) {
        const startAt = openStart + k * stepMs
        if (startAt + durationMs > openEnd || startAt > latestStartAt) break
        candidates++
        while (next < busyEnd) {
          comparisons++
          if (busyEnds[next]! > startAt) break
          next++
        }
        if (next < busyEnd) {
          comparisons++
          if (busyStarts[next]! < startAt + blockedMs) {
            // Every start before this busy interval ends would overlap it as well.
            k = Math.max(k + 1, Math.ceil((busyEnds[next]! - openStart) / stepMs))
            continue
          }
        }
        if (count === starts.length) {
          starts = grown(starts, count, count * 2)
          minutes = grown(minutes, count, count * 2)
          owners = grown(owners, count, count * 2)
        }
        starts[count] = startAt
        minutes[count] = firstMinute + k * stepMinutes
        owners[count++] = p
        k++
      }
    }
    busyNext[p] = next
  }
  sweep.starts = starts
  sweep.minutes = minutes
  sweep.owners = owners
  sweep.count = count
  sweep.lastMinute = onMinutes ? lastMinute : -1
  sweep.stats.comparisons += comparisons
  sweep.stats.candidates += candidates
  sweep.stats.openIntervals += openIntervals
}

/** A copy of the first `used` entries with room for `capacity`. */
function grown<T extends Float64Array | Int32Array>(array: T, used: number, capacity: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity)
  copy.set(array.subarray(0, used))
  return copy
}

/** The longest span of a date's starts that placeByMinute sorts: a day, with room to spare. */
const MAX_SORTED_MINUTES = 4 * MINUTES_PER_DAY

/**
 * Copies the date's starts into the result from `at` on, sorted by start with ties in the order
 * found (practitioner order): a stable counting sort by minute, O(slots + minutes), where a
 * comparison sort would cost O(slots × log slots) and merging the practitioners' runs
 * O(slots × log practitioners).
 */
function placeByMinute(
  sweep: Sweep,
  byMinute: Int32Array,
  startAts: Float64Array,
  practitionerIndexes: Int32Array,
  at: number,
): void {
  const { starts, minutes, owners, count, lastMinute } = sweep
  // After the prefix sums, byMinute[m] is where the next start on minute m goes.
  byMinute.fill(0, 0, lastMinute + 2)
  for (let i = 0; i < count; i++) byMinute[minutes[i]! + 1]!++
  for (let m = 1; m <= lastMinute; m++) byMinute[m]! += byMinute[m - 1]!
  for (let i = 0; i < count; i++) {
    const position = at + byMinute[minutes[i]!]!++
    startAts[position] = starts[i]!
    practitionerIndexes[position] = owners[i]!
  }
}

/** The same by a general sort, for starts off whole minutes (real hours never give any). */
function placeBySort(
  sweep: Sweep,
  startAts: Float64Array,
  practitionerIndexes: Int32Array,
  at: number,
): void {
  const { starts, owners, count } = sweep
  const order = Array.from({ length: count }, (_, i) => i)
  // Stable (ECMAScript requires it), so equal starts keep practitioner order.
  order.sort((a, b) => starts[a]! - starts[b]!)
  order.forEach((i, position) => {
    startAts[at + position] = starts[i]!
    practitionerIndexes[at + position] = owners[i]!
  })
}

/**
 * The search's free slots as Slot objects per date. With `anyPractitioner`, one slot per
 * distinct start: the first practitioner in the search's order (collapseToAnyPractitioner,
 * without building the slots it would drop).
 */
export function toDaySlots(
  input: Pick<SlotSearchInput, 'practitioners' | 'service'>,
  result: SlotSearchResult,
  options: { anyPractitioner?: boolean } = {},
): DaySlots[] {
  const durationMs = input.service.durationMinutes * MINUTE_MS
  const { dayStarts, startAts, practitionerIndexes } = result
  return result.dates.map((date, d) => {
    const slots: Slot[] = []
    for (let i = dayStarts[d]!; i < dayStarts[d + 1]!; i++) {
      const startAt = startAts[i]!
      if (options.anyPractitioner && i > dayStarts[d]! && startAts[i - 1] === startAt) continue
      slots.push({
        practitionerId: input.practitioners[practitionerIndexes[i]!]!.id,
        startAt,
        endAt: startAt + durationMs,
      })
    }
    return { date, slots }
  })
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
    // daylight-saving change instead of drifting by an hour. (Luxon's plus({ days }), without
    // its cost on every search.)
    latestStartAt: plusCalendarDays(input.now, input.maxAdvanceDays, input.timeZone),
  }
}
