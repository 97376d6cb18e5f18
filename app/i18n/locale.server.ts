import { createCookie } from '@remix-run/node'
import Negotiator from 'negotiator'
import { isLocale, type Locale, LOCALES } from './locales.ts'

/**
 * The patient's (or staff member's) chosen language, remembered for a year. Not a secret and not
 * personal: a plain cookie, read by the server only.
 */
export const languageCookie = createCookie('dermadesk_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
})

/** The language asked for in a query string (`?lang=it`, the hreflang alternates), if valid. */
export function localeFromUrl(url: URL): Locale | null {
  const asked = url.searchParams.get('lang')
  return isLocale(asked) ? asked : null
}

/** The browser's first language we speak, by its Accept-Language preferences. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LOCALES])
  return isLocale(best) ? best : null
}

/**
 * The page's language: the URL's `?lang=`, then the language a signed-in staff member chose in
 * their profile (`profileLocale`, null when they have not chosen), then the cookie the switch
 * sets, then the browser's Accept-Language, then the clinic's default. Anything unknown at one
 * step falls to the next. The staff switch (a POST form, routes/language.tsx) saves a signed-in
 * staff member's profile language too, so the profile and the cookie agree after it.
 */
export async function resolveLocale(
  request: Request,
  clinicDefault: Locale,
  profileLocale: Locale | null = null,
): Promise<Locale> {
  const fromUrl = localeFromUrl(new URL(request.url))
  if (fromUrl) return fromUrl
  if (isLocale(profileLocale)) return profileLocale
  const fromCookie: unknown = await languageCookie.parse(request.headers.get('Cookie'))
  if (isLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? clinicDefault
}
