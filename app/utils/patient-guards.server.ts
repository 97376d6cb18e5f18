import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { BookingReferenceSchema } from '#app/domain/booking/booking.schema.ts'
import { type PatientBookingQuery } from '#app/domain/patient/patient-booking-query.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { patientActor } from './booking-wizard.server.ts'
import { getPatientSessionFromRequest } from './patient-session.server.ts'

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

/**
 * The guard of every patient page about one booking (/bookings/<reference>/…): the reference in
 * the URL and this request's patient session, once it has proved an email. A session that has
 * proved nothing goes to "find my booking" for this reference.
 */
export async function requirePatientSession({
  request,
  params,
}: Pick<LoaderFunctionArgs, 'request' | 'params'>): Promise<{
  reference: string
  session: PatientSession
}> {
  const reference = requireReferenceParam(params)
  const session = await getPatientSessionFromRequest(request)
  if (!session?.verifiedEmail) redirectToFindBooking(reference)
  return { reference, session }
}

/**
 * requirePatientSession, then the booking as `load` reads it for that session. Finding nothing is
 * a 404, the same for another patient's booking as for one that does not exist (goal C2).
 */
export async function requirePatientBooking<T>(
  args: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>,
  load: (query: PatientBookingQuery & { session: PatientSession }) => T | null | undefined,
): Promise<{ reference: string; session: PatientSession; now: Date; booking: T }> {
  const { reference, session } = await requirePatientSession(args)
  const now = new Date()
  const booking = load({ session, reference, now, actor: patientActor(args.context) })
  if (!booking) throw new Response('Not found', { status: 404 })
  return { reference, session, now, booking }
}
