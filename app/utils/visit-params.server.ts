import { type LoaderFunctionArgs } from '@remix-run/node'
import { BookingIdParamSchema } from '#app/domain/treatment/treatment.schema.ts'
import { parseOrNotFound, staffActorOf } from './admin-responses.server.ts'
import { requireRole } from './permissions.server.ts'

/** The booking id of a /staff/bookings/<id>/… URL; anything that is not an id is a 404. */
export function requireBookingIdParam(params: { bookingId?: string }): string {
  return parseOrNotFound(
    BookingIdParamSchema,
    params.bookingId,
    'We could not find that appointment.',
  )
}

/**
 * The guard of the staff pages about one appointment (/staff/bookings/<id>/…, /staff/reviews/<id>):
 * a clinician, the booking id of the URL (else a 404), and that clinician as the actor to audit.
 */
export async function requireClinicianVisit(
  { request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>,
  notFoundMessage = 'We could not find that appointment.',
) {
  const user = await requireRole(request, 'clinician')
  const bookingId = parseOrNotFound(BookingIdParamSchema, params.bookingId, notFoundMessage)
  return { user, bookingId, actor: staffActorOf(user, context) }
}
