import { data } from '@remix-run/node'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { mayOpenBookingOf, mayOpenPatient } from '#app/domain/privacy/restriction.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { privacyAdminMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from './request-locale.server.ts'

/**
 * A record restricted at the patient's request (GDPR Art. 18, ADR 051) is opened by admins only:
 * every staff page about one patient or one of their bookings calls one of these after its own
 * role guard. Anyone else gets a 403 that names no one.
 */
async function refuse(request: Request): Promise<never> {
  const locale = await requestLocale(request)
  throw data(
    { message: translate(privacyAdminMessages, locale, 'restrictedMessage') },
    { status: 403, statusText: 'Forbidden' },
  )
}

export async function requireOpenPatient(request: Request, user: StaffUser, patientId: string) {
  if (!mayOpenPatient(user.roles, patientId)) await refuse(request)
}

export async function requireOpenBooking(request: Request, user: StaffUser, bookingId: string) {
  if (!mayOpenBookingOf(user.roles, bookingId)) await refuse(request)
}
