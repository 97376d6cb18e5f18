import { IANAZone } from 'luxon'

/**
 * Calendar dates (YYYY-MM-DD) and wall clocks in an IANA zone: the date arithmetic that
 * availability, booking, screening, agenda and the rest share (docs/decisions/008-time-zones.md).
 *
 * A wall-clock minute means the first instant at which the clinic's clock reads that minute or
 * later. On the spring-forward day 02:00–03:00 does not exist, so every minute inside the gap
 * means the moment the clock jumps (03:00 summer time); on the fall-back day 02:00–03:00 happens
 * twice and the first occurrence is meant. This mapping never goes backwards, so an interval of
 * wall-clock minutes always becomes one interval of instants whose length is real elapsed time.
 * (Luxon alone would move a gap time forward by the gap and pick the second occurrence of a
 * repeated time, which can make two intervals of one day overlap.) Luxon is only asked for UTC
 * offsets, a few times per date, because each of its conversions costs tens of microseconds.
 */

/** Turns a wall-clock minute (0–1440) of a clinic-local date into an instant. */
export type WallClock = (date: string, minuteOfDay: number) => number

export const MINUTE_MS = 60_000
export const MINUTES_PER_DAY = 1440
export const DAY_MS = MINUTES_PER_DAY * MINUTE_MS
const HOUR_MS = 60 * MINUTE_MS
// UTC offsets run from −12:00 to +14:00, so a local day lies inside [UTC midnight − 14 h,
// UTC midnight + 36 h]. Offsets are sampled on a daily grid at UTC midnight − 14 h, and a date
// looks at the grid points 0 and 3 days after its own: 72 hours that cover its whole local day.
const GRID_LEAD_MS = 14 * HOUR_MS
const GRID_SPAN_DAYS = 3
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// A shared clock remembers this many dates (about ten years) before it starts afresh, so a
// long-running server never grows it without bound.
const MAX_REMEMBERED_DATES = 4096

/** UTC midnight of a calendar date (YYYY-MM-DD), in epoch milliseconds. */
function utcMidnightOf(date: string): number {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`Not a calendar date: ${date}`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

function isoDateOfUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The clinic zone as Luxon knows it; an unknown zone is a configuration error, not a fallback. */
function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone)
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`)
  return zone
}

/** The clinic-local calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: number, timeZone: string): string {
  return isoDateOfUtc(instant + offsetMinutesAt(instant, timeZone) * MINUTE_MS)
}

// A page lists many instants of a few days (the agenda's 120 bookings), and each Luxon offset
// costs tens of microseconds. Offsets are remembered per quarter hour, only for quarter hours whose
// offset is the same at both ends (a quarter hour with a clock change is asked about each time).
const OFFSET_BUCKET_MS = 15 * MINUTE_MS
const MAX_REMEMBERED_OFFSETS = 8192
const rememberedOffsets = new Map<string, number>()

/** The zone's UTC offset in minutes at an instant. */
function offsetMinutesAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / OFFSET_BUCKET_MS)
  const key = `${timeZone}\u0000${bucket}`
  const remembered = rememberedOffsets.get(key)
  if (remembered !== undefined) return remembered
  const zone = zoneOf(timeZone)
  const start = bucket * OFFSET_BUCKET_MS
  const atStart = zone.offset(start)
  if (zone.offset(start + OFFSET_BUCKET_MS - 1) !== atStart) return zone.offset(instant)
  if (rememberedOffsets.size >= MAX_REMEMBERED_OFFSETS) rememberedOffsets.clear()
  rememberedOffsets.set(key, atStart)
  return atStart
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(utcMidnightOf(date)).getUTCDay() || 7
}

/** The calendar date `days` after (or, when negative, before) `date`. */
export function addDays(date: string, days: number): string {
  return isoDateOfUtc(utcMidnightOf(date) + days * DAY_MS)
}

/** Whole calendar months later; the 31st of a shorter month becomes its last day. */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return isoDateOfUtc(target.getTime())
}

/** Age in whole years on `today` (a 29 February birthday counts on 1 March in other years). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  const hadBirthday = tm > bm || (tm === bm && td >= bd)
  return ty - by - (hadBirthday ? 0 : 1)
}

/** `days` consecutive calendar dates from `fromDate` on: one parse, not one per date. */
export function datesFrom(fromDate: string, days: number): string[] {
  const midnight = utcMidnightOf(fromDate)
  return Array.from({ length: days }, (_, index) => isoDateOfUtc(midnight + index * DAY_MS))
}

/**
 * One date of a wall clock, for converting many minutes of it: the same instants as
 * `wallClock(date, minute)`. On a date without an offset change (whole 24 h from 00:00 to 24:00)
 * the mapping is affine, so it costs an addition instead of a look-up per minute.
 */
export function dayClockOf(wallClock: WallClock, date: string): (minuteOfDay: number) => number {
  const midnight = wallClock(date, 0)
  if (wallClock(date, MINUTES_PER_DAY) - midnight !== DAY_MS)
    return (minuteOfDay) => wallClock(date, minuteOfDay)
  // Minutes outside the day could reach an offset change on a neighbouring date.
  return (minuteOfDay) =>
    minuteOfDay >= 0 && minuteOfDay <= MINUTES_PER_DAY
      ? midnight + minuteOfDay * MINUTE_MS
      : wallClock(date, minuteOfDay)
}

/** A zone's wall clock, and its UTC offset at any instant, from one memo of offsets. */
type ZoneClock = { wallClock: WallClock; offsetMsAt: (instant: number) => number }

/**
 * A memoised wall clock for one zone: each date costs one or two offset look-ups, shared with
 * its neighbours, and a binary search only on the few dates next to a daylight-saving change.
 * Assumes at most one offset change within any 72 hours, true of every zone in use.
 */
function createZoneClock(timeZone: string): ZoneClock {
  const zone = zoneOf(timeZone)
  const offsets = new Map<number, number>()
  const offsetMsAt = (at: number): number => {
    let offset = offsets.get(at)
    if (offset === undefined) {
      offset = zone.offset(at) * MINUTE_MS
      offsets.set(at, offset)
    }
    return offset
  }
  type Frame = { midnight: number; before: number; after: number; changeAt: number }
  const frames = new Map<string, Frame>()
  const frameOf = (date: string): Frame => {
    let frame = frames.get(date)
    if (frame) return frame
    const midnight = utcMidnightOf(date)
    const low = midnight - GRID_LEAD_MS
    const high = low + GRID_SPAN_DAYS * DAY_MS
    if (frames.size >= MAX_REMEMBERED_DATES) {
      frames.clear()
      offsets.clear()
    }
    const before = offsetMsAt(low)
    const after = offsetMsAt(high)
    frame = { midnight, before, after, changeAt: Infinity }
    if (before !== after) frame.changeAt = findOffsetChange(low, high, before)
    frames.set(date, frame)
    return frame
  }
  // Offsets change on whole minutes: bisect to the first minute with the new offset.
  const findOffsetChange = (low: number, high: number, before: number): number => {
    let lo = low
    let hi = high
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS
      if (zone.offset(mid) * MINUTE_MS === before) lo = mid
      else hi = mid
    }
    return hi
  }
  return {
    wallClock: (date, minuteOfDay) => {
      const frame = frameOf(date)
      const asUtc = frame.midnight + minuteOfDay * MINUTE_MS
      const beforeChange = asUtc - frame.before
      if (beforeChange < frame.changeAt) return beforeChange
      const afterChange = asUtc - frame.after
      if (afterChange >= frame.changeAt) return afterChange
      // The minute falls in the spring-forward gap: the clock first reads it when it jumps.
      return frame.changeAt
    },
    // The frame of the instant's UTC date spans its whole UTC day, so it knows the offset.
    offsetMsAt: (instant) => {
      const frame = frameOf(isoDateOfUtc(instant))
      return instant < frame.changeAt ? frame.before : frame.after
    },
  }
}

/** A wall clock with a memo of its own (the shared one is wallClockFor). */
export function createWallClock(timeZone: string): WallClock {
  return createZoneClock(timeZone).wallClock
}

const sharedZoneClocks = new Map<string, ZoneClock>()

/**
 * One zone clock per zone for the whole process: offsets never change while it runs, and each
 * Luxon offset look-up costs about 20 µs, so searches share what earlier ones learnt.
 */
function zoneClockFor(timeZone: string): ZoneClock {
  let clock = sharedZoneClocks.get(timeZone)
  if (!clock) {
    clock = createZoneClock(timeZone)
    sharedZoneClocks.set(timeZone, clock)
  }
  return clock
}

/** The shared wall clock of a zone. */
export function wallClockFor(timeZone: string): WallClock {
  return zoneClockFor(timeZone).wallClock
}

/**
 * The instant `days` clinic calendar days after `instant` at the same clinic wall-clock time:
 * exactly Luxon's DateTime.fromMillis(instant, { zone }).plus({ days }).toMillis(), including
 * its choices on daylight-saving days (a time in the spring-forward gap moves forward by the gap;
 * a repeated time keeps the offset it had), but on the memoised offsets instead of Intl.
 */
export function plusCalendarDays(instant: number, days: number, timeZone: string): number {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days only, got ${days}`)
  const { offsetMsAt } = zoneClockFor(timeZone)
  const offset = offsetMsAt(instant)
  const local = instant + offset + days * DAY_MS
  // Luxon's fixOffset: try the old offset, then the one found there, else the gap rule.
  let guess = local - offset
  const offset2 = offsetMsAt(guess)
  if (offset2 === offset) return guess
  guess -= offset2 - offset
  const offset3 = offsetMsAt(guess)
  if (offset3 === offset2) return guess
  return local - Math.min(offset2, offset3)
}

/** The first instant at which the clinic clock reads `minuteOfDay` (0–1440) on `date`. */
export function instantAt(date: string, minuteOfDay: number, timeZone: string): number {
  return wallClockFor(timeZone)(date, minuteOfDay)
}
