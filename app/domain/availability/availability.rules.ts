import { type AvailabilityExceptionKind } from '#app/domain/clinic/clinic.schema.ts'
import { type WallClock, wallClockFor, weekdayOf } from '#app/domain/shared/calendar.rules.ts'

/**
 * Opening hours as instants. Working hours are kept as clinic wall-clock minutes per ISO weekday
 * (1 = Monday), exceptions and closures as clinic-local dates; this module turns them into UTC
 * instants for one date in the clinic's IANA zone, on the wall clocks of calendar.rules.ts
 * (docs/decisions/008-time-zones.md and 015-slot-search.md).
 */

export type MinuteInterval = { startMinute: number; endMinute: number }
export type WeeklyInterval = MinuteInterval & { weekday: number }
export type AvailabilityException = {
  kind: AvailabilityExceptionKind
  date: string
  /** Null on both ends: the whole day off. */
  startMinute: number | null
  endMinute: number | null
}
/** A half-open span of time [startAt, endAt) in epoch milliseconds (UTC). */
export type Interval = { startAt: number; endAt: number }

/** Sorts and merges overlapping or touching minute intervals. */
export function mergeMinuteIntervals(intervals: MinuteInterval[]): MinuteInterval[] {
  const sorted = [...intervals].sort((a, b) => a.startMinute - b.startMinute)
  const merged: MinuteInterval[] = []
  for (const interval of sorted) {
    const last = merged[merged.length - 1]
    if (last && interval.startMinute <= last.endMinute)
      last.endMinute = Math.max(last.endMinute, interval.endMinute)
    else merged.push({ startMinute: interval.startMinute, endMinute: interval.endMinute })
  }
  return merged
}

/** Removes `cut` from each interval (time off punched out of working hours). */
export function subtractMinuteIntervals(
  intervals: MinuteInterval[],
  cuts: MinuteInterval[],
): MinuteInterval[] {
  let remaining = intervals
  for (const cut of cuts) {
    remaining = remaining.flatMap((interval) => {
      if (cut.endMinute <= interval.startMinute || cut.startMinute >= interval.endMinute)
        return [interval]
      const pieces: MinuteInterval[] = []
      if (cut.startMinute > interval.startMinute)
        pieces.push({ startMinute: interval.startMinute, endMinute: cut.startMinute })
      if (cut.endMinute < interval.endMinute)
        pieces.push({ startMinute: cut.endMinute, endMinute: interval.endMinute })
      return pieces
    })
  }
  return remaining
}

function exceptionMinutes(
  exceptions: AvailabilityException[],
  kind: AvailabilityExceptionKind,
): MinuteInterval[] {
  const intervals: MinuteInterval[] = []
  for (const exception of exceptions) {
    if (exception.kind !== kind) continue
    if (exception.startMinute === null || exception.endMinute === null) continue
    intervals.push({ startMinute: exception.startMinute, endMinute: exception.endMinute })
  }
  return intervals
}

/**
 * A practitioner's open wall-clock minutes on one date, sorted and disjoint: the weekly hours for
 * that weekday plus extra hours, minus time off; nothing when the clinic is closed or the whole
 * day is off.
 */
export function openMinutesForDate(input: {
  date: string
  weekly: WeeklyInterval[]
  exceptions: AvailabilityException[]
  clinicClosed: boolean
}): MinuteInterval[] {
  if (input.clinicClosed) return []
  const weekday = weekdayOf(input.date)
  const onDate = input.exceptions.filter((exception) => exception.date === input.date)
  if (onDate.some((exception) => exception.kind === 'time_off' && exception.startMinute === null))
    return []
  const base = input.weekly.filter((interval) => interval.weekday === weekday)
  const extra = exceptionMinutes(onDate, 'extra_hours')
  const timeOff = exceptionMinutes(onDate, 'time_off')
  return subtractMinuteIntervals(mergeMinuteIntervals([...base, ...extra]), timeOff)
}

/**
 * The same open hours as instants: sorted, disjoint, never empty. Pieces that only a nonexistent
 * (spring-forward) hour separated become one, since no real time lies between them.
 */
export function openIntervalsForDate(
  input: Parameters<typeof openMinutesForDate>[0] & { timeZone: string },
  wallClock: WallClock = wallClockFor(input.timeZone),
): Interval[] {
  const intervals: Interval[] = []
  for (const minutes of openMinutesForDate(input)) {
    const startAt = wallClock(input.date, minutes.startMinute)
    const endAt = wallClock(input.date, minutes.endMinute)
    if (endAt <= startAt) continue
    const last = intervals[intervals.length - 1]
    if (last && startAt <= last.endAt) last.endAt = Math.max(last.endAt, endAt)
    else intervals.push({ startAt, endAt })
  }
  return intervals
}

/** True when [startAt, endAt) lies inside one of the open intervals. */
export function isWithinOpenIntervals(span: Interval, open: Interval[]): boolean {
  return open.some((interval) => interval.startAt <= span.startAt && span.endAt <= interval.endAt)
}
