import { redirect } from '@remix-run/node'
import { BookingReferenceSchema } from '#app/domain/booking/booking.schema.ts'

/** The booking reference from the URL, or a 404 for anything that cannot be one. */
export function requireReferenceParam(params: { reference?: string }): string {
  const parsed = BookingReferenceSchema.safeParse(params.reference)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  return parsed.data
}

/** Sends a patient who has not proved any email yet to "find my booking" for this reference. */
export function redirectToFindBooking(reference: string): never {
  throw redirect(`/bookings?reference=${encodeURIComponent(reference)}`)
}
