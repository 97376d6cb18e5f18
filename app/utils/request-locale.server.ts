import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'

/** The language of this request's page (locale.server.ts), with the clinic's default last. */
export function requestLocale(request: Request): Promise<Locale> {
  return resolveLocale(request, getClinicContact()?.defaultLocale ?? 'en')
}
