import { describe, expect, test } from 'vitest'
import {
  type AvailabilitySnapshot,
  findAffectedBookings,
  isSameBookingSet,
  isStrandable,
  type PractitionerAvailability,
  type StrandCandidate,
  strandReasons,
} from './stranding.rules.ts'

const hm = (h: number, m = 0) => h * 60 + m
const ROME = 'Europe/Rome'
/** Monday 8 February 2027, winter: Rome is UTC+1. */
const MONDAY = '2027-02-08'
const romeWinter = (day: number, h: number, m = 0) => Date.UTC(2027, 1, day, h - 1, m)
const NOW = Date.UTC(2027, 1, 1, 8, 0)

const doctor: PractitionerAvailability = {
  isActive: true,
  credential: 'medical',
  serviceIds: ['face', 'boost'],
  weekly: [
    { weekday: 1, startMinute: hm(9), endMinute: hm(13) },
    { weekday: 1, startMinute: hm(14), endMinute: hm(18) },
  ],
  exceptions: [],
}

function snapshot(overrides: Partial<AvailabilitySnapshot> = {}): AvailabilitySnapshot {
  return {
    timeZone: ROME,
    closedDates: [],
    practitioners: { doc: doctor },
    services: {
      face: { tier: 'medical', isActive: true },
      boost: { tier: 'cosmetic', isActive: true },
    },
    ...overrides,
  }
}

function withDoctor(changes: Partial<PractitionerAvailability>): AvailabilitySnapshot {
  return snapshot({ practitioners: { doc: { ...doctor, ...changes } } })
}

function booking(overrides: Partial<StrandCandidate> = {}): StrandCandidate {
  return {
    id: 'b1',
    practitionerId: 'doc',
    serviceId: 'face',
    status: 'confirmed',
    startAt: romeWinter(8, 10),
    endAt: romeWinter(8, 11),
    ...overrides,
  }
}

function affected(before: AvailabilitySnapshot, after: AvailabilitySnapshot, list = [booking()]) {
  return findAffectedBookings({ bookings: list, before, after, now: NOW })
}

describe('strandReasons', () => {
  test('a booking inside the hours of a qualified, active practitioner fits', () => {
    expect(strandReasons(booking(), snapshot())).toEqual([])
  })

  test('the appointment must end by closing time; touching the end is fine', () => {
    expect(
      strandReasons(booking({ startAt: romeWinter(8, 12), endAt: romeWinter(8, 13) }), snapshot()),
    ).toEqual([])
    expect(
      strandReasons(
        booking({ startAt: romeWinter(8, 12, 30), endAt: romeWinter(8, 13, 30) }),
        snapshot(),
      ),
    ).toEqual(['outside-hours'])
  })

  test('a booking across the lunch break does not fit', () => {
    expect(
      strandReasons(
        booking({ startAt: romeWinter(8, 12, 30), endAt: romeWinter(8, 14, 30) }),
        snapshot(),
      ),
    ).toEqual(['outside-hours'])
  })

  test('a clinic closure is its own reason', () => {
    expect(strandReasons(booking(), snapshot({ closedDates: [MONDAY] }))).toEqual(['clinic-closed'])
  })

  test('partial time off strands only the bookings it covers', () => {
    const afternoonOff = withDoctor({
      exceptions: [{ kind: 'time_off', date: MONDAY, startMinute: hm(14), endMinute: hm(18) }],
    })
    expect(strandReasons(booking(), afternoonOff)).toEqual([])
    expect(
      strandReasons(
        booking({ startAt: romeWinter(8, 15), endAt: romeWinter(8, 16) }),
        afternoonOff,
      ),
    ).toEqual(['outside-hours'])
  })

  test('extra hours make an otherwise closed day fit', () => {
    const sunday = booking({ startAt: romeWinter(7, 10), endAt: romeWinter(7, 11) })
    expect(strandReasons(sunday, snapshot())).toEqual(['outside-hours'])
    const extra = withDoctor({
      exceptions: [
        { kind: 'extra_hours', date: '2027-02-07', startMinute: hm(9), endMinute: hm(12) },
      ],
    })
    expect(strandReasons(sunday, extra)).toEqual([])
  })

  test('qualification: inactive practitioner, service not offered, aesthetic for medical, inactive service', () => {
    expect(strandReasons(booking(), withDoctor({ isActive: false }))).toEqual([
      'practitioner-inactive',
    ])
    expect(strandReasons(booking(), withDoctor({ serviceIds: ['boost'] }))).toEqual([
      'service-not-offered',
    ])
    expect(strandReasons(booking(), withDoctor({ credential: 'aesthetic' }))).toEqual([
      'not-qualified',
    ])
    expect(
      strandReasons(booking({ serviceId: 'boost' }), withDoctor({ credential: 'aesthetic' })),
    ).toEqual([])
    expect(
      strandReasons(
        booking(),
        snapshot({ services: { face: { tier: 'medical', isActive: false } } }),
      ),
    ).toEqual(['service-inactive'])
  })

  test('on the spring-forward day the wall-clock hours follow summer time', () => {
    // Sunday 28 March 2027: Rome moves from UTC+1 to UTC+2 at 02:00.
    const sundays = withDoctor({
      weekly: [{ weekday: 7, startMinute: hm(9), endMinute: hm(13) }],
    })
    const nineLocal = Date.UTC(2027, 2, 28, 7, 0)
    expect(
      strandReasons(booking({ startAt: nineLocal, endAt: nineLocal + 3600_000 }), sundays),
    ).toEqual([])
    const eightLocal = Date.UTC(2027, 2, 28, 6, 0)
    expect(
      strandReasons(booking({ startAt: eightLocal, endAt: eightLocal + 3600_000 }), sundays),
    ).toEqual(['outside-hours'])
  })
})

describe('findAffectedBookings', () => {
  test('no change, nothing affected', () => {
    expect(affected(snapshot(), snapshot())).toEqual([])
  })

  test('new weekly hours that no longer cover the booking strand it', () => {
    const mornings = withDoctor({
      weekly: [{ weekday: 1, startMinute: hm(11), endMinute: hm(13) }],
    })
    expect(affected(snapshot(), mornings)).toEqual([
      { bookingId: 'b1', reasons: ['outside-hours'] },
    ])
  })

  test('whole-day time off, a closure, deactivation and removing the service each strand it', () => {
    const dayOff = withDoctor({
      exceptions: [{ kind: 'time_off', date: MONDAY, startMinute: null, endMinute: null }],
    })
    expect(affected(snapshot(), dayOff)[0]?.reasons).toEqual(['outside-hours'])
    expect(affected(snapshot(), snapshot({ closedDates: [MONDAY] }))[0]?.reasons).toEqual([
      'clinic-closed',
    ])
    expect(affected(snapshot(), withDoctor({ isActive: false }))[0]?.reasons).toEqual([
      'practitioner-inactive',
    ])
    expect(affected(snapshot(), withDoctor({ serviceIds: [] }))[0]?.reasons).toEqual([
      'service-not-offered',
    ])
  })

  test('removing the extra hours a booking sits in strands it', () => {
    const sunday = booking({ startAt: romeWinter(7, 10), endAt: romeWinter(7, 11) })
    const extra = withDoctor({
      exceptions: [
        { kind: 'extra_hours', date: '2027-02-07', startMinute: hm(9), endMinute: hm(12) },
      ],
    })
    expect(affected(extra, snapshot(), [sunday])).toEqual([
      { bookingId: 'b1', reasons: ['outside-hours'] },
    ])
  })

  test('a booking already outside the hours is not asked about again for an unrelated edit', () => {
    const kept = booking({ startAt: romeWinter(8, 19), endAt: romeWinter(8, 20) })
    const otherDayOff = withDoctor({
      exceptions: [{ kind: 'time_off', date: '2027-02-10', startMinute: null, endMinute: null }],
    })
    expect(affected(snapshot(), otherDayOff, [kept])).toEqual([])
    // …but a new reason (the practitioner leaves) does ask again, with every reason listed.
    expect(affected(snapshot(), withDoctor({ isActive: false }), [kept])).toEqual([
      { bookingId: 'b1', reasons: ['outside-hours', 'practitioner-inactive'] },
    ])
  })

  test('a time-zone change affects every future booking, even those that still fit', () => {
    const after = snapshot({ timeZone: 'Europe/Berlin' })
    expect(affected(snapshot(), after)).toEqual([
      { bookingId: 'b1', reasons: ['time-zone-changed'] },
    ])
    const london = snapshot({ timeZone: 'Europe/London' })
    // 10:00 in Rome is 09:00 in London: still inside 09:00–13:00 there, but the patient was told 10:00.
    expect(affected(snapshot(), london)[0]?.reasons).toEqual(['time-zone-changed'])
  })

  test('only future pending-review and confirmed bookings count, sorted by start', () => {
    const list: StrandCandidate[] = [
      booking({ id: 'late', startAt: romeWinter(8, 15), endAt: romeWinter(8, 16) }),
      booking({ id: 'early' }),
      booking({
        id: 'pending',
        status: 'pending_review',
        startAt: romeWinter(8, 11),
        endAt: romeWinter(8, 12),
      }),
      booking({ id: 'held', status: 'held', startAt: romeWinter(8, 12), endAt: romeWinter(8, 13) }),
      booking({ id: 'cancelled', status: 'cancelled' }),
      booking({ id: 'past', startAt: NOW - 3600_000, endAt: NOW }),
    ]
    const result = affected(snapshot(), withDoctor({ isActive: false }), list)
    expect(result.map((a) => a.bookingId)).toEqual(['early', 'pending', 'late'])
  })
})

describe('helpers', () => {
  test('isStrandable', () => {
    expect(isStrandable({ status: 'confirmed', startAt: NOW + 1 }, NOW)).toBe(true)
    expect(isStrandable({ status: 'confirmed', startAt: NOW }, NOW)).toBe(false)
    expect(isStrandable({ status: 'held', startAt: NOW + 1 }, NOW)).toBe(false)
  })

  test('isSameBookingSet ignores order and duplicates', () => {
    expect(isSameBookingSet(['a', 'b'], ['b', 'a'])).toBe(true)
    expect(isSameBookingSet(['a', 'a', 'b'], ['b', 'a'])).toBe(true)
    expect(isSameBookingSet(['a'], ['a', 'b'])).toBe(false)
    expect(isSameBookingSet([], [])).toBe(true)
  })
})
