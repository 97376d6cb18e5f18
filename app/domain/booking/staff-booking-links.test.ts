import { describe, expect, test } from 'vitest'
import { carriedOf, staffBookingHref } from './staff-booking-links.ts'

describe('the staff booking page’s addresses', () => {
  test('carry the choices so far, change the given ones and drop emptied ones', () => {
    const carried = carriedOf({ patientId: 'p1', serviceId: 's1', practitionerId: 'any' })
    expect(staffBookingHref(carried, { date: '2027-03-02' })).toBe(
      '/staff/bookings/new?patientId=p1&serviceId=s1&practitionerId=any&date=2027-03-02',
    )
    expect(staffBookingHref(carried, { patientId: undefined, serviceId: '' })).toBe(
      '/staff/bookings/new?practitionerId=any',
    )
    expect(staffBookingHref({}, {})).toBe('/staff/bookings/new')
  })

  test('carry only the page’s own choices, never another query field', () => {
    const carried = carriedOf({ patientId: 'p1', q: 'rossi', booked: 'b1' } as never)
    expect(carried).toEqual({
      patientId: 'p1',
      serviceId: undefined,
      practitionerId: undefined,
      start: undefined,
      override: undefined,
    })
  })
})
