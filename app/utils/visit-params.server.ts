import { type LoaderFunctionArgs } from '@remix-run/node'
import { BookingIdParamSchema } from '#app/domain/treatment/treatment.schema.ts'
import { parseOrNotFound, staffActorOf } from './admin-responses.server.ts'
import { requireStaffUser } from './auth.server.ts'
import { requireClinicalRole } from './permissions.server.ts'
import { requireOpenBooking } from './restricted-guards.server.ts'

/** The booking id of a /staff/bookings/<id>/… URL; anything that is not an id is a 404. */
export function requireBookingIdParam(params: { bookingId?: string }): string {
  return parseOrNotFound(
    BookingIdParamSchema,
    params.bookingId,
    'We could not find that appointment.',
  )
}

/**
 * The guard of the clinical pages about one appointment (/staff/bookings/<id>/screening,
 * consent, consent.pdf, treatment, /staff/reviews/<id>): a clinician (requireClinicalRole), the
 * booking id of the URL (else a 404), and that clinician as the actor to audit. A restricted
 * patient's booking is for admins only (requireOpenBooking).
 */
export async function requireClinicianVisit(
  { request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>,
  notFoundMessage = 'We could not find that appointment.',
) {
  const user = await requireClinicalRole(request)
  const bookingId = parseOrNotFound(BookingIdParamSchema, params.bookingId, notFoundMessage)
  await requireOpenBooking(request, user, bookingId)
  return { user, bookingId, actor: staffActorOf(user, context) }
}

/**
 * The guard of the appointment pages every member of staff may open (/staff/bookings/<id> and
 * its check-in): any staff role. The page asks the domain for the view the user's roles allow,
 * so reception gets one without health details (docs/decisions/041).
 */
export async function requireStaffVisit(
  { request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>,
  notFoundMessage = 'We could not find that appointment.',
) {
  const user = await requireStaffUser(request)
  const bookingId = parseOrNotFound(BookingIdParamSchema, params.bookingId, notFoundMessage)
  await requireOpenBooking(request, user, bookingId)
  return { user, bookingId, actor: staffActorOf(user, context) }
}
