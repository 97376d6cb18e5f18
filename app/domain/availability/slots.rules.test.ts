import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, instantAt } from '#app/domain/shared/calendar.rules.ts'
import { slotSearchInputOf } from '#tests/support/slot-search-input.ts'
import {
  type AvailabilityException,
  type Interval,
  openIntervalsForDate,
  type WeeklyInterval,
} from './availability.rules.ts'
import {
  bookingWindow,
  collapseToAnyPractitioner,
  nearestSlots,
  type PractitionerSchedule,
  searchSlots,
  type Slot,
  type SlotSearchInput,
  toDaySlots,
} from './slots.rules.ts'

const ROME = 'Europe/Rome'
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const hm = (hours: number, minutes = 0) => hours * 60 + minutes
const utc = (iso: string) => Date.parse(iso)
const rome = (date: string, hours: number, minutes = 0) => instantAt(date, hm(hours, minutes), ROME)
const iso = (instant: number) => new Date(instant).toISOString().slice(0, 16) + 'Z'

// A Monday in winter time (UTC+1).
const MONDAY = '2027-03-08'

const doctorWeek: WeeklyInterval[] = [1, 3, 5].flatMap((weekday) => [
  { weekday, startMinute: hm(9), endMinute: hm(13) },
  { weekday, startMinute: hm(14), endMinute: hm(18) },
])

function practitioner(
  id: string,
  overrides: Partial<Omit<PractitionerSchedule, 'id'>> = {},
): PractitionerSchedule {
  return { id, weekly: doctorWeek, exceptions: [], busy: [], ...overrides }
}

/** The search, with its slots as objects per date (what the tests below look at). */
function searchDays(input: SlotSearchInput) {
  const result = searchSlots(input)
  return { days: toDaySlots(input, result), stats: result.stats }
}

function search(overrides: Partial<SlotSearchInput> = {}) {
  return searchDays({
    timeZone: ROME,
    slotStepMinutes: 15,
    service: { durationMinutes: 60, bufferAfterMinutes: 15 },
    fromDate: MONDAY,
    days: 1,
    earliestStartAt: -Infinity,
    latestStartAt: Infinity,
    closedDates: new Set(),
    practitioners: [practitioner('giulia')],
    ...overrides,
  })
}

const startsOf = (slots: Slot[]) => slots.map((slot) => iso(slot.startAt))

describe('searchSlots: the grid', () => {
  test('steps from the start of each open interval; a session must fit before closing', () => {
    const [day] = search().days
    expect(day!.date).toBe(MONDAY)
    const starts = startsOf(day!.slots)
    // 09:00–12:00 and 14:00–17:00 Rome time, every 15 minutes: 13 + 13.
    expect(starts).toHaveLength(26)
    expect(starts.slice(0, 2)).toEqual(['2027-03-08T08:00Z', '2027-03-08T08:15Z'])
    expect(starts).toContain('2027-03-08T11:00Z')
    expect(starts).not.toContain('2027-03-08T11:15Z')
    expect(starts.at(-1)).toBe('2027-03-08T16:00Z')
    for (const slot of day!.slots) expect(slot.endAt - slot.startAt).toBe(60 * MINUTE)
  })

  test('an interval starting off the hour keeps its own grid', () => {
    const [day] = search({
      practitioners: [
        practitioner('sofia', {
          weekly: [{ weekday: 1, startMinute: hm(9, 10), endMinute: hm(10, 40) }],
        }),
      ],
    }).days
    expect(startsOf(day!.slots)).toEqual([
      '2027-03-08T08:10Z',
      '2027-03-08T08:25Z',
      '2027-03-08T08:40Z',
    ])
  })

  test('the last session may end exactly at closing while its buffer runs past', () => {
    const slots = search().days[0]!.slots
    expect(slots.some((slot) => slot.endAt === rome(MONDAY, 13))).toBe(true)
    expect(slots.at(-1)!.endAt).toBe(rome(MONDAY, 18))
  })

  test('every date of the range is listed; closed dates and days off are empty', () => {
    const days = search({ days: 3, closedDates: new Set(['2027-03-10']) }).days
    expect(days.map((day) => [day.date, day.slots.length])).toEqual([
      ['2027-03-08', 26],
      ['2027-03-09', 0],
      ['2027-03-10', 0],
    ])
  })

  test('extra hours and time off come from the exceptions of that date', () => {
    const exceptions: AvailabilityException[] = [
      { kind: 'time_off', date: MONDAY, startMinute: hm(10), endMinute: hm(11) },
      { kind: 'extra_hours', date: '2027-03-09', startMinute: hm(18), endMinute: hm(19, 30) },
    ]
    const [monday, tuesday] = search({
      days: 2,
      practitioners: [practitioner('g', { exceptions })],
    }).days
    const mondayMorning = startsOf(monday!.slots).filter((start) => start < '2027-03-08T12:00Z')
    expect(mondayMorning).toEqual([
      '2027-03-08T08:00Z',
      '2027-03-08T10:00Z',
      '2027-03-08T10:15Z',
      '2027-03-08T10:30Z',
      '2027-03-08T10:45Z',
      '2027-03-08T11:00Z',
    ])
    expect(startsOf(tuesday!.slots)).toEqual([
      '2027-03-09T17:00Z',
      '2027-03-09T17:15Z',
      '2027-03-09T17:30Z',
    ])
  })
})

describe('searchSlots: bookings and buffers', () => {
  test("a booking blocks until its buffer ends; a slot's own buffer may not reach a booking", () => {
    // Booked 10:00–11:00 with a 15-minute buffer: busy until 11:15.
    const busy = [{ startAt: rome(MONDAY, 10), endAt: rome(MONDAY, 11, 15) }]
    const starts = startsOf(search({ practitioners: [practitioner('g', { busy })] }).days[0]!.slots)
    const morning = starts.filter((start) => start < '2027-03-08T12:00Z')
    // 09:00 would run to 10:00 and its buffer to 10:15: into the booking.
    expect(morning).toEqual([
      '2027-03-08T10:15Z',
      '2027-03-08T10:30Z',
      '2027-03-08T10:45Z',
      '2027-03-08T11:00Z',
    ])
  })

  test('a booking blocks only its own practitioner', () => {
    const busy = [{ startAt: rome(MONDAY, 9), endAt: rome(MONDAY, 18) }]
    const days = search({ practitioners: [practitioner('a', { busy }), practitioner('b')] }).days
    expect(new Set(days[0]!.slots.map((slot) => slot.practitionerId))).toEqual(new Set(['b']))
  })

  test('overlapping and touching busy intervals are handled', () => {
    const busy = [
      { startAt: rome(MONDAY, 9), endAt: rome(MONDAY, 12) },
      { startAt: rome(MONDAY, 9, 30), endAt: rome(MONDAY, 10) },
      { startAt: rome(MONDAY, 12), endAt: rome(MONDAY, 12, 15) },
      { startAt: rome(MONDAY, 15), endAt: rome(MONDAY, 15) },
    ]
    const starts = startsOf(search({ practitioners: [practitioner('g', { busy })] }).days[0]!.slots)
    expect(starts.filter((start) => start < '2027-03-08T12:00Z')).toEqual([])
    // The empty interval at 15:00 blocks nothing.
    expect(starts).toContain('2027-03-08T14:00Z')
  })

  test('busy intervals out of order are a caller bug', () => {
    const busy = [
      { startAt: rome(MONDAY, 11), endAt: rome(MONDAY, 12) },
      { startAt: rome(MONDAY, 9), endAt: rome(MONDAY, 10) },
    ]
    expect(() => search({ practitioners: [practitioner('g', { busy })] })).toThrow(/sorted/)
  })

  test('nonsense settings are refused', () => {
    expect(() => search({ slotStepMinutes: 0 })).toThrow(RangeError)
    expect(() => search({ service: { durationMinutes: 30, bufferAfterMinutes: -5 } })).toThrow(
      RangeError,
    )
    expect(() => search({ days: 1.5 })).toThrow(RangeError)
  })
})

describe('searchSlots: when a patient may book', () => {
  test('earliest and latest are inclusive bounds on the start', () => {
    const slots = search({
      earliestStartAt: rome(MONDAY, 10),
      latestStartAt: rome(MONDAY, 15),
    }).days[0]!.slots
    expect(iso(slots[0]!.startAt)).toBe('2027-03-08T09:00Z')
    expect(iso(slots.at(-1)!.startAt)).toBe('2027-03-08T14:00Z')
  })

  test('an earliest instant between grid points starts at the next grid point', () => {
    const slots = search({ earliestStartAt: rome(MONDAY, 10, 7) }).days[0]!.slots
    expect(iso(slots[0]!.startAt)).toBe('2027-03-08T09:15Z')
  })

  test('dates wholly outside the window produce nothing (and cost nothing)', () => {
    const { days, stats } = search({
      days: 5,
      earliestStartAt: rome('2027-03-10', 0),
      latestStartAt: rome('2027-03-10', 23),
    })
    expect(days.map((day) => day.slots.length)).toEqual([0, 0, 26, 0, 0])
    expect(stats.openIntervals).toBe(2)
  })

  test('bookingWindow: notice in real hours, advance in clinic calendar days', () => {
    const now = utc('2027-03-08T09:07:00Z')
    const window = bookingWindow({ now, timeZone: ROME, minNoticeHours: 24, maxAdvanceDays: 90 })
    expect(window.earliestStartAt).toBe(now + 24 * HOUR)
    // Summer time begins in between: 10:07 Rome time is 08:07Z by then.
    expect(iso(window.latestStartAt)).toBe('2027-06-06T08:07Z')
  })

  test("bookingWindow: the patient's own earliest instant wins when later", () => {
    const now = utc('2027-03-08T09:00:00Z')
    const later = now + 10 * DAY
    const base = { now, timeZone: ROME, minNoticeHours: 24, maxAdvanceDays: 90 }
    expect(bookingWindow({ ...base, earliestStartAt: later }).earliestStartAt).toBe(later)
    expect(bookingWindow({ ...base, earliestStartAt: now }).earliestStartAt).toBe(now + DAY)
  })
})

describe('searchSlots: order of practitioners', () => {
  test('sorted by start, ties in the order the practitioners were given', () => {
    const slots = search({ practitioners: [practitioner('marco'), practitioner('giulia')] })
      .days[0]!.slots
    expect(slots.slice(0, 4).map((slot) => [iso(slot.startAt), slot.practitionerId])).toEqual([
      ['2027-03-08T08:00Z', 'marco'],
      ['2027-03-08T08:00Z', 'giulia'],
      ['2027-03-08T08:15Z', 'marco'],
      ['2027-03-08T08:15Z', 'giulia'],
    ])
  })

  test('"any practitioner" keeps one slot per start: the first one free', () => {
    const busy = [{ startAt: rome(MONDAY, 9), endAt: rome(MONDAY, 10) }]
    const slots = search({
      practitioners: [practitioner('giulia', { busy }), practitioner('marco')],
    }).days[0]!.slots
    const any = collapseToAnyPractitioner(slots)
    expect(any).toHaveLength(26)
    expect(any[0]).toMatchObject({ practitionerId: 'marco', startAt: rome(MONDAY, 9) })
    expect(any.find((slot) => slot.startAt === rome(MONDAY, 10))!.practitionerId).toBe('giulia')
  })
})

describe('searchSlots: daylight-saving days in Rome', () => {
  const earlySunday = (date: string): PractitionerSchedule =>
    practitioner('night', {
      weekly: [],
      exceptions: [
        { kind: 'extra_hours', date, startMinute: hm(1), endMinute: hm(4) },
        { kind: 'extra_hours', date, startMinute: hm(9), endMinute: hm(10) },
      ],
    })
  const consultation = { durationMinutes: 30, bufferAfterMinutes: 0 }

  test('spring forward: steps in real time and never starts in the missing hour', () => {
    const [day] = search({
      fromDate: '2027-03-28',
      service: consultation,
      practitioners: [earlySunday('2027-03-28')],
    }).days
    expect(startsOf(day!.slots)).toEqual([
      // 01:00, 01:15, 01:30, 01:45 winter time, then 03:00, 03:15, 03:30 summer time.
      '2027-03-28T00:00Z',
      '2027-03-28T00:15Z',
      '2027-03-28T00:30Z',
      '2027-03-28T00:45Z',
      '2027-03-28T01:00Z',
      '2027-03-28T01:15Z',
      '2027-03-28T01:30Z',
      // 09:00 and 09:15, 09:30 summer time.
      '2027-03-28T07:00Z',
      '2027-03-28T07:15Z',
      '2027-03-28T07:30Z',
    ])
    for (const slot of day!.slots) expect(slot.endAt - slot.startAt).toBe(30 * MINUTE)
  })

  test('spring forward: an hour-long session across the jump lasts an hour', () => {
    const [day] = search({
      fromDate: '2027-03-28',
      service: { durationMinutes: 60, bufferAfterMinutes: 0 },
      practitioners: [earlySunday('2027-03-28')],
    }).days
    // 01:45 winter time to 03:45 summer time on the wall clock: sixty real minutes.
    const acrossTheJump = day!.slots.find((slot) => slot.startAt === utc('2027-03-28T00:45:00Z'))
    expect(acrossTheJump).toEqual({
      practitionerId: 'night',
      startAt: utc('2027-03-28T00:45:00Z'),
      endAt: utc('2027-03-28T01:45:00Z'),
    })
    expect(
      iso(day!.slots.filter((slot) => slot.startAt < utc('2027-03-28T05:00:00Z')).at(-1)!.startAt),
    ).toBe('2027-03-28T01:00Z')
  })

  test('fall back: the repeated hour is offered twice, in real time', () => {
    const [day] = search({
      fromDate: '2027-10-31',
      service: consultation,
      practitioners: [earlySunday('2027-10-31')],
    }).days
    const night = Array.from({ length: 15 }, (_, i) =>
      iso(utc('2027-10-30T23:00:00Z') + i * 15 * MINUTE),
    )
    // 01:00 summer time (23:00Z) to 03:30 winter time (02:30Z): four real hours of openings.
    expect(night[0]).toBe('2027-10-30T23:00Z')
    expect(night.at(-1)).toBe('2027-10-31T02:30Z')
    expect(startsOf(day!.slots)).toEqual([
      ...night,
      '2027-10-31T08:00Z',
      '2027-10-31T08:15Z',
      '2027-10-31T08:30Z',
    ])
  })

  test('a normal 09:00 opening maps to 07:00Z in summer time and 08:00Z in winter time', () => {
    const nineOnly = (date: string) =>
      search({
        fromDate: date,
        practitioners: [
          practitioner('p', {
            weekly: [{ weekday: 7, startMinute: hm(9), endMinute: hm(10) }],
          }),
        ],
      }).days[0]!.slots.map((slot) => iso(slot.startAt))
    expect(nineOnly('2027-03-28')).toEqual(['2027-03-28T07:00Z'])
    expect(nineOnly('2027-10-31')).toEqual(['2027-10-31T08:00Z'])
  })
})

describe('nearestSlots', () => {
  const at = (minutes: number, practitionerId = 'p'): Slot => ({
    practitionerId,
    startAt: minutes * MINUTE,
    endAt: (minutes + 30) * MINUTE,
  })
  const slots = [at(0), at(60), at(90), at(120), at(240), at(300)]
  const minutesOf = (list: Slot[]) => list.map((slot) => slot.startAt / MINUTE)

  test('the closest ones on either side, returned in time order', () => {
    expect(minutesOf(nearestSlots(slots, 100 * MINUTE, 3))).toEqual([60, 90, 120])
    expect(minutesOf(nearestSlots(slots, 250 * MINUTE, 2))).toEqual([240, 300])
  })

  test('ties go to the earlier slot', () => {
    expect(minutesOf(nearestSlots(slots, 180 * MINUTE, 1))).toEqual([120])
  })

  test('at the edges, and when fewer slots exist than asked for', () => {
    expect(minutesOf(nearestSlots(slots, -50 * MINUTE, 2))).toEqual([0, 60])
    expect(minutesOf(nearestSlots(slots, 999 * MINUTE, 2))).toEqual([240, 300])
    expect(minutesOf(nearestSlots(slots, 100 * MINUTE, 10))).toEqual([0, 60, 90, 120, 240, 300])
    expect(nearestSlots([], 0, 3)).toEqual([])
    expect(nearestSlots(slots, 0, 0)).toEqual([])
  })

  test('unsorted input is fine', () => {
    expect(minutesOf(nearestSlots([...slots].reverse(), 100 * MINUTE, 3))).toEqual([60, 90, 120])
  })
})

/** The obvious quadratic search: every candidate against every busy interval. */
function naiveSearch(input: SlotSearchInput): Slot[][] {
  const step = input.slotStepMinutes * MINUTE
  const duration = input.service.durationMinutes * MINUTE
  const blocked = duration + input.service.bufferAfterMinutes * MINUTE
  return Array.from({ length: input.days }, (_, index) => {
    const date = addDays(input.fromDate, index)
    const slots: Slot[] = []
    for (const p of input.practitioners) {
      const open = openIntervalsForDate({
        date,
        weekly: p.weekly,
        exceptions: p.exceptions,
        clinicClosed: input.closedDates.has(date),
        timeZone: input.timeZone,
      })
      for (const interval of open) {
        for (let start = interval.startAt; start + duration <= interval.endAt; start += step) {
          if (start < input.earliestStartAt || start > input.latestStartAt) continue
          if (
            (p.busy as Interval[]).some(
              (busy) => busy.startAt < start + blocked && start < busy.endAt,
            )
          )
            continue
          slots.push({ practitionerId: p.id, startAt: start, endAt: start + duration })
        }
      }
    }
    return slots.sort((a, b) => a.startAt - b.startAt)
  })
}

describe('searchSlots: properties', () => {
  const RANGE_STARTS = ['2027-03-27', '2027-10-30', '2027-06-14', '2027-11-06']
  const zoneArb = fc.constantFrom(ROME, 'America/New_York', 'Australia/Lord_Howe')
  const minuteSpan = fc
    .tuple(fc.integer({ min: 0, max: 1430 }), fc.integer({ min: 5, max: 600 }))
    .map(([startMinute, length]) => ({
      startMinute,
      endMinute: Math.min(1440, startMinute + length),
    }))
  const scheduleArb = (days: number) =>
    fc.record({
      weekly: fc.array(
        fc.tuple(fc.integer({ min: 1, max: 7 }), minuteSpan).map(([weekday, span]) => ({
          weekday,
          ...span,
        })),
        { maxLength: 6 },
      ),
      exceptions: fc.array(
        fc.record({
          kind: fc.constantFrom('time_off' as const, 'extra_hours' as const),
          dayIndex: fc.integer({ min: 0, max: days - 1 }),
          span: fc.option(minuteSpan, { freq: 5 }),
        }),
        { maxLength: 4 },
      ),
      busy: fc.array(
        fc.tuple(
          fc.integer({ min: -600, max: days * 1440 }),
          // Bookings always last (a CHECK constraint); the empty case has its own test above.
          fc.integer({ min: 1, max: 300 }),
        ),
        { maxLength: 12 },
      ),
    })
  const inputArb = fc
    .record({
      zone: zoneArb,
      fromDate: fc.constantFrom(...RANGE_STARTS),
      days: fc.integer({ min: 1, max: 3 }),
      step: fc.constantFrom(5, 10, 15, 20, 30, 45),
      duration: fc.integer({ min: 5, max: 120 }),
      buffer: fc.integer({ min: 0, max: 60 }),
      earliestOffset: fc.integer({ min: -1440 * MINUTE, max: 3 * 1440 * MINUTE }),
      windowLength: fc.integer({ min: 0, max: 4 * 1440 * MINUTE }),
      closedIndex: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3 }),
    })
    .chain((base) =>
      fc
        .array(scheduleArb(base.days), { minLength: 1, maxLength: 3 })
        .map((schedules) => ({ base, schedules })),
    )
    .map(({ base: { closedIndex, ...base }, schedules }) =>
      slotSearchInputOf({
        base: { ...base, closed: closedIndex === null ? [] : [closedIndex] },
        schedules,
      }),
    )

  test('no slot with its buffer overlaps a busy interval; every slot lies in open hours on the grid', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { days } = searchDays(input)
        const duration = input.service.durationMinutes * MINUTE
        const blocked = duration + input.service.bufferAfterMinutes * MINUTE
        for (const day of days) {
          for (const slot of day.slots) {
            const p = input.practitioners.find((candidate) => candidate.id === slot.practitionerId)!
            const open = openIntervalsForDate({
              date: day.date,
              weekly: p.weekly,
              exceptions: p.exceptions,
              clinicClosed: input.closedDates.has(day.date),
              timeZone: input.timeZone,
            })
            const home = open.find((o) => o.startAt <= slot.startAt && slot.endAt <= o.endAt)
            expect(home).toBeDefined()
            expect((slot.startAt - home!.startAt) % (input.slotStepMinutes * MINUTE)).toBe(0)
            expect(slot.endAt - slot.startAt).toBe(duration)
            expect(slot.startAt).toBeGreaterThanOrEqual(input.earliestStartAt)
            expect(slot.startAt).toBeLessThanOrEqual(input.latestStartAt)
            for (const busy of p.busy as Interval[])
              expect(busy.startAt < slot.startAt + blocked && slot.startAt < busy.endAt).toBe(false)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  test('the sweep finds exactly what the quadratic search finds', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const swept = searchDays(input).days.map((day) => day.slots)
        expect(swept).toEqual(naiveSearch(input))
      }),
      { numRuns: 300 },
    )
  })
})

describe('searchSlots: work grows linearly', () => {
  /** Deterministic pseudo-random numbers (mulberry32), so the counts never vary between runs. */
  function seededRandom(seed: number): () => number {
    let state = seed >>> 0
    return () => {
      state = (state + 0x6d2b79f5) >>> 0
      let t = state
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }

  const WORK_WEEK: WeeklyInterval[] = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
    { weekday, startMinute: hm(8), endMinute: hm(12) },
    { weekday, startMinute: hm(13), endMinute: hm(17) },
  ])

  /** P practitioners, D days from a Monday, B bookings of 30 or 60 minutes spread over them. */
  function generated(practitioners: number, days: number, bookings: number): SlotSearchInput {
    const random = seededRandom(practitioners * 1_000_003 + days * 1009 + bookings)
    const fromDate = '2027-01-04'
    const busyLists: Interval[][] = Array.from({ length: practitioners }, () => [])
    for (let i = 0; i < bookings; i++) {
      const date = addDays(fromDate, Math.floor(random() * days))
      const startMinute = hm(8) + Math.floor(random() * 32) * 15
      const startAt = instantAt(date, startMinute, ROME)
      const length = (random() < 0.5 ? 30 : 60) + 10
      busyLists[Math.floor(random() * practitioners)]!.push({
        startAt,
        endAt: startAt + length * MINUTE,
      })
    }
    return {
      timeZone: ROME,
      slotStepMinutes: 15,
      service: { durationMinutes: 30, bufferAfterMinutes: 10 },
      fromDate,
      days,
      earliestStartAt: -Infinity,
      latestStartAt: Infinity,
      closedDates: new Set(),
      practitioners: busyLists.map((busy, index) => ({
        id: `p${index}`,
        weekly: WORK_WEEK,
        exceptions: [],
        busy: busy.sort((a, b) => a.startAt - b.startAt),
      })),
    }
  }

  const statsOf = (p: number, d: number, b: number) => searchSlots(generated(p, d, b)).stats

  test('comparisons stay within 2 × (candidates + bookings)', () => {
    for (const [p, d, b] of [
      [5, 7, 100],
      [5, 70, 1000],
      [50, 90, 10_000],
    ] as const) {
      const stats = statsOf(p, d, b)
      expect(stats.busyIntervals).toBe(b)
      expect(stats.comparisons).toBeLessThanOrEqual(2 * (stats.candidates + stats.busyIntervals))
    }
  })

  test('10× the days and bookings cost about 10× the comparisons', () => {
    const small = statsOf(5, 7, 100)
    const large = statsOf(5, 70, 1000)
    const growth = large.comparisons / small.comparisons
    expect(growth).toBeGreaterThan(8)
    expect(growth).toBeLessThan(12)
    // Checking every candidate against every booking of its practitioner would cost ~100× more.
    const quadratic = large.candidates * (large.busyIntervals / 5)
    expect(large.comparisons * 50).toBeLessThan(quadratic)
  })

  test('10× in any one dimension: log-log slope at most 1.15 (performance goal 6b)', () => {
    // Not exactly 10×: a dense calendar lets the sweep jump past booked time, so the small base
    // case examines fewer of its candidate starts than a sparse larger one does.
    const base = statsOf(5, 7, 100).comparisons
    for (const [p, d, b] of [
      [50, 7, 1000], // more practitioners, same bookings each
      [5, 70, 100], // more days, same bookings
      [5, 7, 1000], // more bookings, same days
    ] as const) {
      const slope = Math.log10(statsOf(p, d, b).comparisons / base)
      expect(slope).toBeLessThanOrEqual(1.15)
    }
  })
})
