import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { slotSearchInputOf } from '#tests/support/slot-search-input.ts'
import {
  addDays,
  instantAt,
  MINUTE_MS,
  MINUTES_PER_DAY,
  wallClockFor,
} from '#app/domain/shared/calendar.rules.ts'
import {
  type AvailabilityException,
  type Interval,
  openIntervalsForDate,
} from './availability.rules.ts'
import {
  collapseToAnyPractitioner,
  type DaySlots,
  searchSlots,
  type Slot,
  type SlotSearchInput,
  type SlotSearchStats,
  toDaySlots,
} from './slots.rules.ts'

/**
 * searchSlots finds its slots date by date into flat arrays, with each date's hours turned into
 * instants once and one counting sort per date. This proves it offers exactly what the simpler
 * per-practitioner sweep it replaced offered, in the same order, and does the same counted work,
 * on random calendars: daylight-saving changes (Rome, New York, Lord Howe's half hour),
 * exceptions, closures, buffers, overlapping bookings and booking windows that cut dates.
 */

const ZONES = ['Europe/Rome', 'America/New_York', 'Australia/Lord_Howe', 'UTC'] as const
// Ranges that cross a change (Rome 2027-03-28 and 2027-10-31, New York 2027-03-14 and
// 2027-11-07, Lord Howe 2027-04-04 and 2027-10-03) and one that crosses none.
const RANGE_STARTS = [
  '2027-03-24',
  '2027-10-27',
  '2027-03-10',
  '2027-11-03',
  '2027-04-01',
  '2027-09-30',
  '2027-06-14',
]

const minuteSpan = fc
  .tuple(fc.integer({ min: 0, max: 1430 }), fc.integer({ min: 5, max: 720 }))
  .map(([startMinute, length]) => ({
    startMinute,
    endMinute: Math.min(1440, startMinute + length),
  }))

const inputArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    fromDate: fc.constantFrom(...RANGE_STARTS),
    days: fc.integer({ min: 1, max: 10 }),
    step: fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
    duration: fc.integer({ min: 5, max: 240 }),
    buffer: fc.integer({ min: 0, max: 60 }),
    // Milliseconds, so the window's ends fall anywhere, not only on whole minutes.
    earliestOffset: fc.integer({ min: -2 * 1440 * MINUTE_MS, max: 6 * 1440 * MINUTE_MS }),
    windowLength: fc.integer({ min: 0, max: 12 * 1440 * MINUTE_MS }),
    closed: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
    practitioners: fc.integer({ min: 1, max: 6 }),
    // Often everyone keeps the same hours, so many slots start together (ties).
    sharedHours: fc.boolean(),
  })
  .chain((base) =>
    fc
      .array(
        fc.record({
          weekly: fc.array(
            fc
              .tuple(fc.integer({ min: 1, max: 7 }), minuteSpan)
              .map(([weekday, span]) => ({ weekday, ...span })),
            { maxLength: 10 },
          ),
          exceptions: fc.array(
            fc.record({
              kind: fc.constantFrom('time_off' as const, 'extra_hours' as const),
              dayIndex: fc.integer({ min: 0, max: base.days - 1 }),
              span: fc.option(minuteSpan, { freq: 4 }),
            }),
            { maxLength: 5 },
          ),
          busy: fc.array(
            fc.tuple(
              fc.integer({ min: -1500, max: base.days * 1440 }),
              fc.integer({ min: 1, max: 720 }),
            ),
            { maxLength: 40 },
          ),
        }),
        { minLength: base.practitioners, maxLength: base.practitioners },
      )
      .map((schedules) => ({ base, schedules })),
  )
  .map(({ base, schedules }) =>
    slotSearchInputOf({
      base,
      // Often everyone keeps the same hours, so many slots start together (ties).
      schedules: schedules.map((schedule) => ({
        ...schedule,
        weekly: base.sharedHours ? schedules[0]!.weekly : schedule.weekly,
      })),
    }),
  )

describe('searchSlots: the flat-array search against the sweep it replaced', () => {
  test('the same slots in the same order, and the same counted work', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = searchSlots(input)
        const reference = previousSweep(input)
        expect(toDaySlots(input, result)).toEqual(reference.days)
        expect(result.stats).toEqual(reference.stats)
        // Busy time given as flat pairs, as the database read gives it, searches the same.
        const asPairs: SlotSearchInput = {
          ...input,
          practitioners: input.practitioners.map((practitioner) => ({
            ...practitioner,
            busy: Float64Array.from(
              (practitioner.busy as Interval[]).flatMap((busy) => [busy.startAt, busy.endAt]),
            ),
          })),
        }
        const fromPairs = searchSlots(asPairs)
        expect(toDaySlots(asPairs, fromPairs)).toEqual(reference.days)
        expect(fromPairs.stats).toEqual(reference.stats)
      }),
      { numRuns: 400 },
    )
  })

  test('"any practitioner" keeps the first practitioner per start, as collapseToAnyPractitioner does', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = searchSlots(input)
        const collapsed = toDaySlots(input, result).map((day) => ({
          date: day.date,
          slots: collapseToAnyPractitioner(day.slots),
        }))
        expect(toDaySlots(input, result, { anyPractitioner: true })).toEqual(collapsed)
      }),
      { numRuns: 200 },
    )
  })

  test('many practitioners sharing one grid (the counting sort with many ties)', () => {
    const input: SlotSearchInput = {
      timeZone: 'Europe/Rome',
      slotStepMinutes: 15,
      service: { durationMinutes: 30, bufferAfterMinutes: 10 },
      fromDate: '2027-03-22',
      days: 14,
      earliestStartAt: instantAt('2027-03-22', 600, 'Europe/Rome') + 1234,
      latestStartAt: instantAt('2027-04-03', 700, 'Europe/Rome'),
      closedDates: new Set(['2027-03-30']),
      practitioners: Array.from({ length: 40 }, (_, index) => {
        const busy: Interval[] = []
        for (let day = 0; day < 14; day++) {
          const startAt = instantAt(
            addDays('2027-03-22', day),
            480 + ((index * 37 + day * 11) % 400),
            'Europe/Rome',
          )
          busy.push({ startAt, endAt: startAt + (30 + (index % 3) * 30) * MINUTE_MS })
        }
        return {
          id: `p${index}`,
          weekly: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
            { weekday, startMinute: 60 + (index % 4) * 5, endMinute: 780 },
            { weekday, startMinute: 840, endMinute: 1080 + (index % 2) * 360 },
          ]),
          exceptions:
            index % 7 === 0
              ? [
                  {
                    kind: 'extra_hours',
                    date: '2027-03-28',
                    startMinute: 0,
                    endMinute: MINUTES_PER_DAY,
                  },
                ]
              : [],
          busy,
        }
      }),
    }
    const reference = previousSweep(input)
    expect(reference.days.some((day) => day.slots.length > 500)).toBe(true)
    const result = searchSlots(input)
    expect(toDaySlots(input, result)).toEqual(reference.days)
    expect(result.stats).toEqual(reference.stats)
    expect(toDaySlots(input, result, { anyPractitioner: true })).toEqual(
      reference.days.map((day) => ({
        date: day.date,
        slots: collapseToAnyPractitioner(day.slots),
      })),
    )
  })
})

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
 * The sweep as it was before the flat-array search (commit 7756770), kept as the reference.
 * Free slots per date, sorted by start then by practitioner order. A slot starts on the grid
 * open-interval start + k × step (real elapsed time), lies inside that open interval (its buffer
 * may run past closing), starts within [earliestStartAt, latestStartAt], and with its buffer
 * overlaps no busy interval. Work is O(practitioners × days + candidates + busy intervals).
 */
function previousSweep(input: SlotSearchInput): { days: DaySlots[]; stats: SlotSearchStats } {
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
    const busy = mergeBusy(practitioner.busy as Interval[], stats)
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
