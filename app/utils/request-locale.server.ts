import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'

/**
 * The language of this request's page (locale.server.ts), with the clinic's default last. Staff
 * loaders and actions pass the signed-in user, whose profile language comes after `?lang=`.
 */
export function requestLocale(
  request: Request,
  staffUser?: { locale?: Locale | null } | null,
): Promise<Locale> {
  if (staffUser) return resolveLocale(request, STAFF_PAGES_FALLBACK, staffUser.locale ?? null)
  return resolveLocale(request, getClinicContact()?.defaultLocale ?? 'en', null)
}

/**
 * A signed-in staff member with no profile language, no cookie and no Accept-Language (a script,
 * never a browser) gets the English every staff page spoke before ADR 038, not the clinic's
 * default: a browser always says its language, so people see the order of locale.server.ts.
 * Their emails, which have no request, use the clinic's default.
 */
export const STAFF_PAGES_FALLBACK: Locale = 'en'
