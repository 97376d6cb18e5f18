import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { isLocale } from '#app/i18n/locales.ts'
import { languageCookie } from '#app/i18n/locale.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'

/**
 * The language switch: a plain link (`/language?to=en&redirectTo=/book`), so it works without
 * JavaScript. It remembers the choice in a cookie and goes back to the page. An unknown language
 * changes nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const to = url.searchParams.get('to')
  const back = safeRedirect(url.searchParams.get('redirectTo'), '/')
  if (!isLocale(to)) return redirect(back)
  return redirect(back, { headers: { 'Set-Cookie': await languageCookie.serialize(to) } })
}
