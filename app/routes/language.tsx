import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { setStaffLocale } from '#app/domain/auth/staff-profile.server.ts'
import { isLocale } from '#app/i18n/locales.ts'
import { languageCookie } from '#app/i18n/locale.server.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { getStaffUser } from '#app/utils/auth.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'

/**
 * The language switch: a plain link (`/language?to=en&redirectTo=/book`), so it works without
 * JavaScript. It remembers the choice in a cookie and goes back to the page. An unknown language
 * changes nothing.
 *
 * A signed-in staff member's profile language comes before the cookie (locale.server.ts), so for
 * them the switch also saves it in their profile (audited, like the profile page): otherwise the
 * switch would do nothing for anyone who had chosen a language there, and their emails follow
 * the same choice.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const to = url.searchParams.get('to')
  const back = safeRedirect(url.searchParams.get('redirectTo'), '/')
  if (!isLocale(to)) return redirect(back)
  const staffUser = await getStaffUser(request)
  if (staffUser)
    setStaffLocale({ userId: staffUser.id, locale: to, actor: auditActorOf(staffUser, context) })
  return redirect(back, { headers: { 'Set-Cookie': await languageCookie.serialize(to) } })
}
