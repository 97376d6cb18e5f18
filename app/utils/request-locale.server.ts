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
  return resolveLocale(
    request,
    getClinicContact()?.defaultLocale ?? 'en',
    staffUser?.locale ?? null,
  )
}
