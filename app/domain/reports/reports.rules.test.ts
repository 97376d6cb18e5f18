import { describe, expect, test } from 'vitest'
import {
  countBookings,
  courseCompletion,
  csvLine,
  neighbourPeriod,
  periodContaining,
  type ReportBooking,
  utilisation,
} from './reports.rules.ts'

const HOUR = 3600_000

describe('report periods', () => {
  test('a week runs Monday to Sunday, a month from its first day', () => {
    expect(periodContaining('week', '2026-12-10')).toEqual({
      period: 'week',
      from: '2026-12-07',
      to: '2026-12-14',
    })
    expect(periodContaining('week', '2026-12-13').from).toBe('2026-12-07')
    expect(periodContaining('week', '2026-12-14').from).toBe('2026-12-14')
    expect(periodContaining('month', '2026-12-31')).toEqual({
      period: 'month',
      from: '2026-12-01',
      to: '2027-01-01',
    })
  })

  test('the period before and after', () => {
    const week = periodContaining('week', '2027-01-01')
    expect(neighbourPeriod(week, -1).from).toBe('2026-12-21')
    expect(neighbourPeriod(week, 1).from).toBe('2027-01-04')
    expect(neighbourPeriod(periodContaining('month', '2027-03-31'), -1).from).toBe('2027-02-01')
  })
})

describe('counting bookings', () => {
  const at = Date.UTC(2026, 11, 10, 9)
  const booking = (over: Partial<ReportBooking>): ReportBooking => ({
    practitionerId: 'p',
    serviceId: 's',
    status: 'confirmed',
    startAt: at,
    endAt: at + HOUR,
    cancelledAt: null,
    ...over,
  })

  test('counts what became of each booking; holds, lapsed holds and declines are not bookings', () => {
    const counts = countBookings(
      [
        booking({ status: 'completed' }),
        booking({ status: 'no_show' }),
        booking({ status: 'confirmed' }),
        booking({ status: 'cancelled', cancelledAt: at - 72 * HOUR }),
        booking({ status: 'cancelled', cancelledAt: at - 2 * HOUR }),
        booking({ status: 'held' }),
        booking({ status: 'expired' }),
        booking({ status: 'declined' }),
      ],
      48,
    )
    expect(counts).toEqual({
      bookings: 5,
      completed: 1,
      noShows: 1,
      cancelled: 2,
      lateCancellations: 1,
      // The three that kept their time, an hour each.
      bookedMinutes: 180,
    })
  })

  test('utilisation is booked over open time, and unknown without open hours', () => {
    expect(utilisation(90, 360)).toBe(0.25)
    expect(utilisation(30, 0)).toBeNull()
    expect(utilisation(500, 360)).toBe(1)
  })
})

test('course completion counts patients who reached the usual minimum', () => {
  const sessions = [
    ...Array.from({ length: 3 }, () => ({ patientId: 'a', tier: 'medical' as const })),
    { patientId: 'b', tier: 'medical' as const },
    { patientId: 'c', tier: 'cosmetic' as const },
  ]
  expect(courseCompletion(sessions, (tier) => (tier === 'medical' ? 3 : 4))).toEqual([
    { tier: 'medical', started: 2, reachedMinimum: 1, minimum: 3 },
    { tier: 'cosmetic', started: 1, reachedMinimum: 0, minimum: 4 },
  ])
})

test('CSV cells are quoted when needed and never start a formula', () => {
  expect(csvLine(['Dr Giulia Romano', 3, 'Skin, "boost"'])).toBe(
    'Dr Giulia Romano,3,"Skin, ""boost"""',
  )
  expect(csvLine(['=HYPERLINK("x")', '+39', '-1', '@SUM'])).toBe(
    `"'=HYPERLINK(""x"")",'+39,'-1,'@SUM`,
  )
})
