import { describe, expect, test } from 'vitest'
import {
  datesProblem,
  firstSuitingSlot,
  inOfferOrder,
  parseTimesOfDay,
  serializeTimesOfDay,
  slotSuits,
  timeOfDayOf,
  wantsDate,
} from './waitlist.rules.ts'

const ZONE = 'Europe/Rome'
// 2027-03-08 is a Monday; Rome is UTC+1 in March before the change.
const at = (localTime: string, date = '2027-03-08') => Date.parse(`${date}T${localTime}:00+01:00`)

const anyone = {
  practitionerId: null,
  fromDate: '2027-03-08',
  toDate: '2027-03-10',
  timesOfDay: ['morning'] as const,
}

describe('times of day', () => {
  test('morning before 12:00, afternoon to 17:00, evening after', () => {
    expect(timeOfDayOf(9 * 60)).toBe('morning')
    expect(timeOfDayOf(11 * 60 + 59)).toBe('morning')
    expect(timeOfDayOf(12 * 60)).toBe('afternoon')
    expect(timeOfDayOf(16 * 60 + 59)).toBe('afternoon')
    expect(timeOfDayOf(17 * 60)).toBe('evening')
  })

  test('stored in a fixed order, unknown words dropped', () => {
    expect(serializeTimesOfDay(['evening', 'morning'])).toBe('morning,evening')
    expect(parseTimesOfDay('evening,nonsense,morning')).toEqual(['morning', 'evening'])
  })
})

describe('which free time suits an entry', () => {
  test('anyone: any practitioner; a named practitioner: only theirs', () => {
    const slot = { practitionerId: 'p2', startAt: at('09:00') }
    expect(slotSuits(anyone, slot, ZONE)).toBe(true)
    expect(slotSuits({ ...anyone, practitionerId: 'p1' }, slot, ZONE)).toBe(false)
    expect(slotSuits({ ...anyone, practitionerId: 'p2' }, slot, ZONE)).toBe(true)
  })

  test('only inside the date range, in the clinic’s zone (inclusive at both ends)', () => {
    expect(
      slotSuits(anyone, { practitionerId: 'p', startAt: at('09:00', '2027-03-07') }, ZONE),
    ).toBe(false)
    expect(
      slotSuits(anyone, { practitionerId: 'p', startAt: at('09:00', '2027-03-10') }, ZONE),
    ).toBe(true)
    expect(
      slotSuits(anyone, { practitionerId: 'p', startAt: at('09:00', '2027-03-11') }, ZONE),
    ).toBe(false)
    // 00:30 in Rome on the 8th is still the 7th in UTC: the clinic’s date counts.
    expect(
      slotSuits(
        { ...anyone, timesOfDay: ['morning'] },
        { practitionerId: 'p', startAt: at('00:30') },
        ZONE,
      ),
    ).toBe(true)
  })

  test('only in the times of day asked for', () => {
    const afternoon = { practitionerId: 'p', startAt: at('14:00') }
    expect(slotSuits(anyone, afternoon, ZONE)).toBe(false)
    expect(slotSuits({ ...anyone, timesOfDay: ['afternoon', 'evening'] }, afternoon, ZONE)).toBe(
      true,
    )
  })

  test('the earliest suiting time not overlapping one offered to this entry before', () => {
    const slots = [
      { practitionerId: 'p', startAt: at('10:00') },
      { practitionerId: 'p', startAt: at('09:00') },
      { practitionerId: 'p', startAt: at('15:00') },
    ]
    expect(firstSuitingSlot(anyone, slots, ZONE, [])?.startAt).toBe(at('09:00'))
    expect(firstSuitingSlot(anyone, slots, ZONE, [slots[1]!])?.startAt).toBe(at('10:00'))
    // Offered 09:15 for a 60-minute visit: 09:00 and 10:00 overlap it, so nothing in the morning.
    const offered = [{ practitionerId: 'p', startAt: at('09:15') }]
    expect(firstSuitingSlot(anyone, slots, ZONE, offered, 60 * 60_000)).toBeNull()
    // Another practitioner's time is not the one offered.
    expect(
      firstSuitingSlot(
        anyone,
        slots,
        ZONE,
        [{ practitionerId: 'q', startAt: at('09:00') }],
        60 * 60_000,
      )?.startAt,
    ).toBe(at('09:00'))
  })
})

describe('order and dates', () => {
  test('first joined, first offered; the id breaks a tie', () => {
    const entries = [
      { id: 'c', createdAt: new Date(3) },
      { id: 'b', createdAt: new Date(1) },
      { id: 'a', createdAt: new Date(1) },
    ]
    expect(inOfferOrder(entries).map((e) => e.id)).toEqual(['a', 'b', 'c'])
  })

  test('a reversed range or one already past is refused; one that reaches today is fine', () => {
    expect(datesProblem({ fromDate: '2027-03-10', toDate: '2027-03-08' }, '2027-03-01')).toBe(
      'reversed',
    )
    expect(datesProblem({ fromDate: '2027-02-01', toDate: '2027-02-10' }, '2027-03-01')).toBe(
      'past',
    )
    expect(datesProblem({ fromDate: '2027-02-01', toDate: '2027-03-01' }, '2027-03-01')).toBeNull()
    expect(wantsDate({ fromDate: '2027-03-01', toDate: '2027-03-03' }, '2027-03-03')).toBe(true)
    expect(wantsDate({ fromDate: '2027-03-01', toDate: '2027-03-03' }, '2027-03-04')).toBe(false)
  })
})
