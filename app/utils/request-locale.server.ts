import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { getStaffUser, readSessionToken } from './auth.server.ts'

/**
 * The language of this request's page (locale.server.ts), with the clinic's default last. A
 * signed-in staff member's profile language comes after `?lang=`: loaders and actions that hold
 * the user pass it; otherwise a request with a staff session cookie has the user looked up, so a
 * page can never speak another language than its frame (root reads the profile too).
 */
export async function requestLocale(
  request: Request,
  staffUser?: { locale?: Locale | null } | null,
): Promise<Locale> {
  const staff =
    staffUser ?? ((await readSessionToken(request)) ? await getStaffUser(request) : null)
  if (staff) return resolveLocale(request, STAFF_PAGES_FALLBACK, staff.locale ?? null)
  return resolveLocale(request, getClinicContact()?.defaultLocale ?? 'en', null)
}

/**
 * A signed-in staff member with no profile language, no cookie and no Accept-Language (a script,
 * never a browser) gets the English every staff page spoke before ADR 038, not the clinic's
 * default: a browser always says its language, so people see the order of locale.server.ts.
 * Their emails, which have no request, use the clinic's default.
 */
export const STAFF_PAGES_FALLBACK: Locale = 'en'
