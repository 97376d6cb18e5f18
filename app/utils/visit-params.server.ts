import { BookingIdParamSchema } from '#app/domain/treatment/treatment.schema.ts'
import { parseOrNotFound } from './admin-responses.server.ts'

/** The booking id of a /staff/bookings/<id>/… URL; anything that is not an id is a 404. */
export function requireBookingIdParam(params: { bookingId?: string }): string {
  return parseOrNotFound(
    BookingIdParamSchema,
    params.bookingId,
    'We could not find that appointment.',
  )
}
