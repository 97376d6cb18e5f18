import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { handOverSchema } from '#app/domain/tablet/tablet.schema.ts'
import { handOverTablet } from '#app/domain/tablet/tablet.server.ts'
import { TABLET_HOME } from '#app/domain/tablet/tablet.rules.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { visitMessages } from '#app/i18n/messages/index.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { readSessionToken, requireStaffUser } from '#app/utils/auth.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { patientSessionCookie } from '#app/utils/patient-session.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { requireBookingIdParam } from '#app/utils/visit-params.server.ts'
import { requireOpenBooking } from '#app/utils/restricted-guards.server.ts'

/**
 * "Hand the tablet to the patient" (ADR 045), from the check-in and appointment pages: locks this
 * staff session and opens the patient's health questions and consent for this booking only.
 * Any signed-in staff member may: it shows no health answers to anyone.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireStaffUser(request)
  const bookingId = requireBookingIdParam(params)
  await requireOpenBooking(request, user, bookingId)
  const locale = await requestLocale(request, user)
  const parsed = await parseForm(request, handOverSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const staffToken = await readSessionToken(request)
  if (!staffToken) throw redirect('/login')
  const result = handOverTablet({
    staffToken,
    bookingId,
    actor: { ipAddress: context.clientIp, requestId: context.requestId },
    now: new Date(),
  })
  if (result.ok)
    return redirect(TABLET_HOME, {
      headers: { 'Set-Cookie': await patientSessionCookie(result.patientToken) },
    })
  if (result.reason === 'not-found') throw notFound(translate(visitMessages, locale, 'notFound'))
  if (result.reason === 'no-session') throw redirect('/login')
  return redirect(`/staff/bookings/${bookingId}/check-in?tablet=not-needed`)
}
