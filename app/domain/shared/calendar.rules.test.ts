import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, test } from 'vitest'
import {
  addCalendarMonths,
  addDays,
  ageOn,
  createWallClock,
  instantAt,
  localDateOf,
  plusCalendarDays,
  weekdayOf,
} from './calendar.rules.ts'

const ROME = 'Europe/Rome'
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const hm = (hours: number, minutes = 0) => hours * 60 + minutes
const utc = (iso: string) => Date.parse(iso)

const ZONES = [
  ROME,
  'Europe/London',
  'America/New_York',
  'America/Santiago', // changes at midnight: 00:00 does not exist on its spring-forward day
  'America/St_Johns', // −03:30 / −02:30
  'Australia/Lord_Howe', // a 30-minute change
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14:00, the far edge of the offset range
  'Pacific/Pago_Pago', // −11:00
  'Asia/Kolkata',
  'Africa/Casablanca', // suspends its offset during Ramadan
]

/**
 * The definition, by brute force: the first minute at which the zone's clock reads `date` at
 * `minute` or later. Scans minute by minute around Luxon's own answer, which is at most the gap
 * away from it.
 */
function firstInstantReading(date: string, minute: number, timeZone: string): number {
  const target =
    minute === 1440 ? `${addDays(date, 1)} 0000` : `${date} ${String(minute).padStart(4, '0')}`
  const reading = (at: number) => {
    const local = DateTime.fromMillis(at, { zone: timeZone })
    return `${local.toISODate()} ${String(local.hour * 60 + local.minute).padStart(4, '0')}`
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const guess = DateTime.fromObject(
    { year, month, day, hour: Math.floor(minute / 60) % 24, minute: minute % 60 },
    { zone: timeZone },
  )
    .plus({ days: minute === 1440 ? 1 : 0 })
    .toMillis()
  const from = guess - 3 * HOUR
  if (reading(from) >= target) throw new Error('scan window starts too late')
  for (let at = from; at <= guess + 3 * HOUR; at += MINUTE) if (reading(at) >= target) return at
  throw new Error('scan window ends too early')
}

/** Dates in 2026–2028 on which the zone's offset changes, found by asking Luxon day by day. */
function offsetChangeDates(timeZone: string): string[] {
  const dates: string[] = []
  let previous = DateTime.fromISO('2026-01-01', { zone: timeZone })
  for (let day = 1; day < 3 * 366; day++) {
    const current = previous.plus({ days: 1 })
    if (current.offset !== previous.offset) dates.push(previous.toISODate() ?? '')
    previous = current
  }
  return dates
}

describe('calendar dates', () => {
  test('weekdayOf is ISO (Monday 1 … Sunday 7)', () => {
    expect(weekdayOf('2027-03-08')).toBe(1)
    expect(weekdayOf('2027-03-28')).toBe(7)
    expect(weekdayOf('2028-02-29')).toBe(2)
  })

  test('addDays crosses months, years and leap days, both ways', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29')
    expect(addDays('2027-01-15', 0)).toBe('2027-01-15')
  })

  test('a malformed date is refused rather than turned into NaN', () => {
    expect(() => weekdayOf('27-3-8')).toThrow(RangeError)
    expect(() => instantAt('2027/03/08', 0, ROME)).toThrow(RangeError)
  })

  test('an unknown time zone is refused', () => {
    expect(() => instantAt('2027-03-08', 0, 'Mars/Olympus_Mons')).toThrow(RangeError)
  })

  test('localDateOf uses the clinic zone, not UTC', () => {
    // 23:30Z on the 7th is already 00:30 on the 8th in Rome.
    expect(localDateOf(utc('2027-03-07T23:30:00Z'), ROME)).toBe('2027-03-08')
    expect(localDateOf(utc('2027-03-07T22:59:59Z'), ROME)).toBe('2027-03-07')
    expect(localDateOf(utc('2027-10-30T22:30:00Z'), ROME)).toBe('2027-10-31')
  })

  test('localDateOf agrees with Luxon at every instant, clock changes and half-hour zones included', () => {
    // Offsets are remembered per quarter hour; these zones change their clocks at odd times.
    const zones = [
      ROME,
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Apia',
    ]
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, instant) => {
          const expected = DateTime.fromMillis(instant, { zone }).toISODate()
          // Twice: the first answer may be computed, the second remembered.
          expect(localDateOf(instant, zone)).toBe(expected)
          expect(localDateOf(instant, zone)).toBe(expected)
        },
      ),
      { numRuns: 3000 },
    )
    // Around Lord Howe's half-hour clock change (02:00 → 01:30 on 2027-04-04) and midnight.
    const lordHowe = 'Australia/Lord_Howe'
    for (let m = -120; m <= 120; m++) {
      const instant = utc('2027-04-03T14:00:00Z') + m * 60_000
      expect(localDateOf(instant, lordHowe)).toBe(
        DateTime.fromMillis(instant, { zone: lordHowe }).toISODate(),
      )
    }
  })
})

describe('instantAt in Europe/Rome', () => {
  test('winter and summer time on ordinary days', () => {
    expect(instantAt('2027-03-08', hm(9), ROME)).toBe(utc('2027-03-08T08:00:00Z'))
    expect(instantAt('2027-07-08', hm(9), ROME)).toBe(utc('2027-07-08T07:00:00Z'))
  })

  test('minute 1440 is the next midnight', () => {
    expect(instantAt('2027-03-08', 1440, ROME)).toBe(instantAt('2027-03-09', 0, ROME))
    // The spring-forward day has 23 hours, the fall-back day 25.
    expect(instantAt('2027-03-28', 1440, ROME) - instantAt('2027-03-28', 0, ROME)).toBe(23 * HOUR)
    expect(instantAt('2027-10-31', 1440, ROME) - instantAt('2027-10-31', 0, ROME)).toBe(25 * HOUR)
  })

  test('spring forward 2027-03-28: minutes in the missing hour mean the jump to 03:00', () => {
    expect(instantAt('2027-03-28', hm(1, 59), ROME)).toBe(utc('2027-03-28T00:59:00Z'))
    for (const minute of [hm(2), hm(2, 15), hm(2, 30), hm(2, 59), hm(3)])
      expect(instantAt('2027-03-28', minute, ROME)).toBe(utc('2027-03-28T01:00:00Z'))
    expect(instantAt('2027-03-28', hm(3, 15), ROME)).toBe(utc('2027-03-28T01:15:00Z'))
    expect(instantAt('2027-03-28', hm(9), ROME)).toBe(utc('2027-03-28T07:00:00Z'))
  })

  test('fall back 2027-10-31: a repeated minute means its first occurrence (summer time)', () => {
    expect(instantAt('2027-10-31', hm(1, 30), ROME)).toBe(utc('2027-10-30T23:30:00Z'))
    expect(instantAt('2027-10-31', hm(2), ROME)).toBe(utc('2027-10-31T00:00:00Z'))
    expect(instantAt('2027-10-31', hm(2, 30), ROME)).toBe(utc('2027-10-31T00:30:00Z'))
    // 03:00 is first read after the repeated hour, in winter time.
    expect(instantAt('2027-10-31', hm(3), ROME)).toBe(utc('2027-10-31T02:00:00Z'))
    expect(instantAt('2027-10-31', hm(9), ROME)).toBe(utc('2027-10-31T08:00:00Z'))
  })
})

describe('instantAt everywhere', () => {
  test('a zone whose midnight does not exist starts its day at 01:00', () => {
    // Chile moves from 24:00 on Saturday straight to 01:00 on Sunday.
    expect(instantAt('2027-09-05', 0, 'America/Santiago')).toBe(utc('2027-09-05T04:00:00Z'))
    expect(instantAt('2027-09-05', hm(1), 'America/Santiago')).toBe(utc('2027-09-05T04:00:00Z'))
  })

  test('a 30-minute change (Lord Howe Island)', () => {
    const zone = 'Australia/Lord_Howe'
    expect(instantAt('2027-10-03', hm(2, 15), zone)).toBe(instantAt('2027-10-03', hm(2, 30), zone))
    expect(instantAt('2027-10-03', hm(3), zone) - instantAt('2027-10-03', hm(1, 30), zone)).toBe(
      60 * MINUTE,
    )
  })

  test('matches the brute-force definition on change days and their neighbours', () => {
    const cases = ZONES.flatMap((zone) =>
      offsetChangeDates(zone).flatMap((date) =>
        [-1, 0, 1].map((shift) => ({ zone, date: addDays(date, shift) })),
      ),
    )
    expect(cases.length).toBeGreaterThan(50)
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.integer({ min: 0, max: 1440 }),
        ({ zone, date }, minute) =>
          instantAt(date, minute, zone) === firstInstantReading(date, minute, zone),
      ),
      { numRuns: 150 },
    )
  })

  test('matches Luxon on any date of 2026–2028 where the time exists once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, dayIndex, minute) => {
          const date = addDays('2026-01-01', dayIndex)
          const local = DateTime.fromISO(date, { zone }).set({
            hour: Math.floor(minute / 60),
            minute: minute % 60,
          })
          const sameOffsetAnHourEarlier = local.minus({ hours: 1 }).offset === local.offset
          const sameOffsetAnHourLater = local.plus({ hours: 1 }).offset === local.offset
          fc.pre(sameOffsetAnHourEarlier && sameOffsetAnHourLater)
          return instantAt(date, minute, zone) === local.toMillis()
        },
      ),
      { numRuns: 500 },
    )
  })

  test('never goes backwards within a day, so intervals keep their order', () => {
    const clock = createWallClock(ROME)
    for (const date of ['2027-03-28', '2027-10-31', '2027-06-01']) {
      let previous = -Infinity
      for (let minute = 0; minute <= 1440; minute++) {
        const at = clock(date, minute)
        expect(at).toBeGreaterThanOrEqual(previous)
        previous = at
      }
    }
  })
})

describe('plusCalendarDays', () => {
  const luxonPlusDays = (instant: number, days: number, zone: string) =>
    DateTime.fromMillis(instant, { zone }).plus({ days }).toMillis()

  test('matches Luxon plus({ days }) at any instant of 2026–2028', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: utc('2026-01-01T00:00:00Z'), max: utc('2028-06-30T00:00:00Z') }),
        fc.integer({ min: 0, max: 400 }),
        (zone, instant, days) =>
          plusCalendarDays(instant, days, zone) === luxonPlusDays(instant, days, zone),
      ),
      { numRuns: 1000 },
    )
  })

  test('matches Luxon where the time of day is missing or repeated on the day it lands on', () => {
    const changeDays = ZONES.flatMap((zone) =>
      offsetChangeDates(zone).flatMap((date) =>
        [0, 1].map((shift) => ({ zone, date: addDays(date, shift) })),
      ),
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...changeDays),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 59_999 }),
        fc.constantFrom(1, 7, 30, 90, 180, 365),
        ({ zone, date }, minute, ms, days) => {
          // The same wall-clock time `days` earlier, where it exists once or not at all.
          const source =
            DateTime.fromISO(addDays(date, -days), { zone })
              .set({ hour: Math.floor(minute / 60), minute: minute % 60 })
              .toMillis() + ms
          return plusCalendarDays(source, days, zone) === luxonPlusDays(source, days, zone)
        },
      ),
      { numRuns: 1000 },
    )
  })

  test('a Rome evening 90 days ahead across the spring change keeps its time of day', () => {
    const now = utc('2027-01-10T22:30:00Z') // 23:30 in Rome
    expect(new Date(plusCalendarDays(now, 90, ROME)).toISOString()).toBe('2027-04-10T21:30:00.000Z')
  })
})

describe('dates and ages', () => {
  test('calendar arithmetic', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addCalendarMonths('2027-12-15', 3)).toBe('2028-03-15')
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04')
    expect(ageOn('2008-11-25', '2026-11-25')).toBe(18)
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17)
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21)
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22)
  })
})
