import { BookingIdParamSchema } from '#app/domain/treatment/treatment.schema.ts'
import { notFound } from './admin-responses.server.ts'

/** The booking id of a /staff/bookings/<id>/… URL; anything that is not an id is a 404. */
export function requireBookingIdParam(params: { bookingId?: string }): string {
  const parsed = BookingIdParamSchema.safeParse(params.bookingId)
  if (!parsed.success) throw notFound('We could not find that appointment.')
  return parsed.data
}
