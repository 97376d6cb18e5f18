import { DateTime } from 'luxon'
import { type AvailabilityExceptionKind } from '#app/domain/clinic/clinic.schema.ts'

/**
 * Opening hours as instants. Working hours are kept as clinic wall-clock minutes per ISO weekday
 * (1 = Monday), exceptions and closures as clinic-local dates; this module turns them into UTC
 * instants for one date in the clinic's IANA zone (docs/decisions/008-time-zones.md). Luxon
 * resolves the daylight-saving days: on the spring-forward day 02:00–03:00 does not exist and a
 * wall-clock time inside it moves forward; on the fall-back day 02:00–03:00 happens twice and the
 * earlier one is used.
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

/** The clinic-local calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: number, timeZone: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toISODate() ?? ''
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? ''
}

/** The instant at which a wall-clock minute of a clinic-local date happens. */
export function instantAt(date: string, minuteOfDay: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  if (minuteOfDay === 1440)
    return DateTime.fromObject({ year, month, day }, { zone: timeZone })
      .plus({ days: 1 })
      .toMillis()
  return DateTime.fromObject(
    { year, month, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone: timeZone },
  ).toMillis()
}

/** Sorts and merges overlapping or touching minute intervals. */
export function mergeMinuteIntervals(intervals: MinuteInterval[]): MinuteInterval[] {
  const sorted = [...intervals].sort((a, b) => a.startMinute - b.startMinute)
  const merged: MinuteInterval[] = []
  for (const interval of sorted) {
    const last = merged[merged.length - 1]
    if (last && interval.startMinute <= last.endMinute)
      last.endMinute = Math.max(last.endMinute, interval.endMinute)
    else merged.push({ ...interval })
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

/**
 * A practitioner's open wall-clock minutes on one date: the weekly hours for that weekday plus
 * extra hours, minus time off; nothing when the clinic is closed or the whole day is off.
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
  const extra = onDate
    .filter(
      (exception) =>
        exception.kind === 'extra_hours' &&
        exception.startMinute !== null &&
        exception.endMinute !== null,
    )
    .map((exception) => ({ startMinute: exception.startMinute!, endMinute: exception.endMinute! }))
  const timeOff = onDate
    .filter(
      (exception) =>
        exception.kind === 'time_off' &&
        exception.startMinute !== null &&
        exception.endMinute !== null,
    )
    .map((exception) => ({ startMinute: exception.startMinute!, endMinute: exception.endMinute! }))
  return subtractMinuteIntervals(mergeMinuteIntervals([...base, ...extra]), timeOff)
}

/** The same open hours as UTC instants, in order. */
export function openIntervalsForDate(
  input: Parameters<typeof openMinutesForDate>[0] & { timeZone: string },
): Interval[] {
  return openMinutesForDate(input).map((interval) => ({
    startAt: instantAt(input.date, interval.startMinute, input.timeZone),
    endAt: instantAt(input.date, interval.endMinute, input.timeZone),
  }))
}

/** True when [startAt, endAt) lies inside one of the open intervals. */
export function isWithinOpenIntervals(span: Interval, open: Interval[]): boolean {
  return open.some((interval) => interval.startAt <= span.startAt && span.endAt <= interval.endAt)
}
