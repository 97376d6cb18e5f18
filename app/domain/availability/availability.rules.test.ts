import { describe, expect, test } from 'vitest'
import {
  type AvailabilityException,
  isWithinOpenIntervals,
  mergeMinuteIntervals,
  openIntervalsForDate,
  openMinutesForDate,
  subtractMinuteIntervals,
  type WeeklyInterval,
} from './availability.rules.ts'

const ROME = 'Europe/Rome'
const hm = (hours: number, minutes = 0) => hours * 60 + minutes
const utc = (iso: string) => Date.parse(iso)

describe('minute intervals', () => {
  test('merge sorts and joins overlapping or touching intervals', () => {
    expect(
      mergeMinuteIntervals([
        { startMinute: 600, endMinute: 700 },
        { startMinute: 540, endMinute: 600 },
        { startMinute: 800, endMinute: 900 },
        { startMinute: 650, endMinute: 720 },
      ]),
    ).toEqual([
      { startMinute: 540, endMinute: 720 },
      { startMinute: 800, endMinute: 900 },
    ])
  })

  test('merge does not change its input', () => {
    const input = [
      { startMinute: 0, endMinute: 10 },
      { startMinute: 5, endMinute: 20 },
    ]
    mergeMinuteIntervals(input)
    expect(input[0]).toEqual({ startMinute: 0, endMinute: 10 })
  })

  test('subtract punches holes, trims ends and removes covered intervals', () => {
    const day = [
      { startMinute: hm(9), endMinute: hm(13) },
      { startMinute: hm(14), endMinute: hm(18) },
    ]
    expect(
      subtractMinuteIntervals(day, [
        { startMinute: hm(10), endMinute: hm(11) },
        { startMinute: hm(12, 30), endMinute: hm(15) },
      ]),
    ).toEqual([
      { startMinute: hm(9), endMinute: hm(10) },
      { startMinute: hm(11), endMinute: hm(12, 30) },
      { startMinute: hm(15), endMinute: hm(18) },
    ])
    expect(subtractMinuteIntervals(day, [{ startMinute: 0, endMinute: 1440 }])).toEqual([])
    expect(subtractMinuteIntervals(day, [{ startMinute: hm(13), endMinute: hm(14) }])).toEqual(day)
  })
})

describe('open hours for a date', () => {
  // Monday and Wednesday 09–13 and 14–18, Saturday 09–13.
  const weekly: WeeklyInterval[] = [1, 3].flatMap((weekday) => [
    { weekday, startMinute: hm(9), endMinute: hm(13) },
    { weekday, startMinute: hm(14), endMinute: hm(18) },
  ])
  weekly.push({ weekday: 6, startMinute: hm(9), endMinute: hm(13) })
  const open = (date: string, exceptions: AvailabilityException[] = [], clinicClosed = false) =>
    openMinutesForDate({ date, weekly, exceptions, clinicClosed })

  test('the weekly intervals of that weekday only', () => {
    expect(open('2027-03-08')).toEqual([
      { startMinute: hm(9), endMinute: hm(13) },
      { startMinute: hm(14), endMinute: hm(18) },
    ])
    expect(open('2027-03-09')).toEqual([])
  })

  test('extra hours add to (and merge with) the week; time off is cut out', () => {
    const exceptions: AvailabilityException[] = [
      { kind: 'extra_hours', date: '2027-03-08', startMinute: hm(13), endMinute: hm(14) },
      { kind: 'time_off', date: '2027-03-08', startMinute: hm(16), endMinute: hm(17) },
      { kind: 'time_off', date: '2027-03-10', startMinute: hm(9), endMinute: hm(10) },
    ]
    expect(open('2027-03-08', exceptions)).toEqual([
      { startMinute: hm(9), endMinute: hm(16) },
      { startMinute: hm(17), endMinute: hm(18) },
    ])
  })

  test('extra hours open a day with no weekly hours', () => {
    expect(
      open('2027-03-07', [
        { kind: 'extra_hours', date: '2027-03-07', startMinute: hm(10), endMinute: hm(12) },
      ]),
    ).toEqual([{ startMinute: hm(10), endMinute: hm(12) }])
  })

  test('a whole day off wins over extra hours', () => {
    expect(
      open('2027-03-08', [
        { kind: 'extra_hours', date: '2027-03-08', startMinute: hm(18), endMinute: hm(20) },
        { kind: 'time_off', date: '2027-03-08', startMinute: null, endMinute: null },
      ]),
    ).toEqual([])
  })

  test('a clinic closure closes everything', () => {
    expect(open('2027-03-08', [], true)).toEqual([])
  })

  test('as instants on an ordinary day', () => {
    expect(
      openIntervalsForDate({
        date: '2027-03-08',
        weekly,
        exceptions: [],
        clinicClosed: false,
        timeZone: ROME,
      }),
    ).toEqual([
      { startAt: utc('2027-03-08T08:00:00Z'), endAt: utc('2027-03-08T12:00:00Z') },
      { startAt: utc('2027-03-08T13:00:00Z'), endAt: utc('2027-03-08T17:00:00Z') },
    ])
  })

  const sundayOnly = (date: string, ...hours: [number, number][]) =>
    openIntervalsForDate({
      date,
      weekly: [],
      exceptions: hours.map(([startMinute, endMinute]) => ({
        kind: 'extra_hours' as const,
        date,
        startMinute,
        endMinute,
      })),
      clinicClosed: false,
      timeZone: ROME,
    })

  test('01:00–04:00 across spring forward is two real hours', () => {
    expect(sundayOnly('2027-03-28', [hm(1), hm(4)])).toEqual([
      { startAt: utc('2027-03-28T00:00:00Z'), endAt: utc('2027-03-28T02:00:00Z') },
    ])
  })

  test('01:00–04:00 across fall back is four real hours', () => {
    expect(sundayOnly('2027-10-31', [hm(1), hm(4)])).toEqual([
      { startAt: utc('2027-10-30T23:00:00Z'), endAt: utc('2027-10-31T03:00:00Z') },
    ])
  })

  test('hours wholly inside the missing hour are no hours at all', () => {
    expect(sundayOnly('2027-03-28', [hm(2, 15), hm(2, 45)])).toEqual([])
  })

  test('pieces separated only by the missing hour join up; they never overlap', () => {
    // 01:00–02:30 and 02:45–04:00: nothing real lies between 02:30 and 02:45 that day.
    expect(sundayOnly('2027-03-28', [hm(1), hm(2, 30)], [hm(2, 45), hm(4)])).toEqual([
      { startAt: utc('2027-03-28T00:00:00Z'), endAt: utc('2027-03-28T02:00:00Z') },
    ])
  })

  test('isWithinOpenIntervals needs one interval to hold the whole span', () => {
    const open = [
      { startAt: 0, endAt: 100 },
      { startAt: 100, endAt: 200 },
      { startAt: 300, endAt: 400 },
    ]
    expect(isWithinOpenIntervals({ startAt: 0, endAt: 100 }, open)).toBe(true)
    expect(isWithinOpenIntervals({ startAt: 350, endAt: 400 }, open)).toBe(true)
    expect(isWithinOpenIntervals({ startAt: 50, endAt: 150 }, open)).toBe(false)
    expect(isWithinOpenIntervals({ startAt: 250, endAt: 310 }, open)).toBe(false)
  })
})
