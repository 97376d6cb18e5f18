import { expect, test } from 'vitest'
import { DAY_END_MINUTE, DAY_START_MINUTE, planBookings } from './slot-data.ts'

const spec = { practitioners: 50, days: 90, bookings: 10_000 }

test('the plan is deterministic for a seed', () => {
  expect(planBookings(spec, 7)).toEqual(planBookings(spec, 7))
  expect(planBookings(spec, 7)).not.toEqual(planBookings(spec, 8))
})

test('bookings stay inside the working day and never overlap for a practitioner', () => {
  const plan = planBookings(spec, 7)
  expect(plan).toHaveLength(10_000)
  const byKey = new Map<string, [number, number][]>()
  for (const booking of plan) {
    const end = booking.startMinute + booking.durationMinutes
    expect(booking.startMinute).toBeGreaterThanOrEqual(DAY_START_MINUTE)
    expect(end).toBeLessThanOrEqual(DAY_END_MINUTE)
    const key = `${booking.practitioner}/${booking.day}`
    byKey.set(key, [...(byKey.get(key) ?? []), [booking.startMinute, end]])
  }
  for (const spans of byKey.values()) {
    spans.sort((a, b) => a[0] - b[0])
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1])
  }
  // Spread over everyone and every day, not piled on a few.
  expect(new Set(plan.map((b) => b.practitioner)).size).toBe(50)
  expect(new Set(plan.map((b) => b.day)).size).toBe(90)
})

test('refuses more bookings than a plausible clinic day holds', () => {
  expect(() => planBookings({ practitioners: 5, days: 90, bookings: 10_000 }, 1)).toThrow(
    RangeError,
  )
  expect(planBookings({ practitioners: 5, days: 90, bookings: 1_000 }, 1)).toHaveLength(1_000)
})
