import { type StaffBookingQuery } from './staff-booking.schema.ts'

/**
 * The staff booking page's addresses (ADR 042): each step is a GET of one page with the choices
 * so far in its query, so it works without JavaScript and the calendar's free gaps link to it.
 */
export const STAFF_BOOKING_PATH = '/staff/bookings/new'

/** The choices the page carries from step to step in its address. */
export const CARRIED = ['patientId', 'serviceId', 'practitionerId', 'start', 'override'] as const

export type Carried = Partial<Record<(typeof CARRIED)[number] | 'from' | 'date' | 'q', string>>

/** The page's address with the carried choices, changed as given (an empty value drops one). */
export function staffBookingHref(query: Carried, changes: Carried): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...query, ...changes }))
    if (value !== undefined && value !== '') params.set(key, value)
  const search = params.toString()
  return search ? `${STAFF_BOOKING_PATH}?${search}` : STAFF_BOOKING_PATH
}

export function carriedOf(query: StaffBookingQuery): Carried {
  return Object.fromEntries(CARRIED.map((key) => [key, query[key]]))
}
