import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { languageSwitchSchema } from '#app/domain/auth/staff-profile.schema.ts'
import { setStaffLocale } from '#app/domain/auth/staff-profile.server.ts'
import { isLocale } from '#app/i18n/locales.ts'
import { languageCookie } from '#app/i18n/locale.server.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { getStaffUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'

/**
 * The patients' language switch: a plain link (`/language?to=en&redirectTo=/book`), so it works
 * without JavaScript. It remembers the choice in a cookie and goes back to the page; it changes
 * nothing else (a GET never changes what is stored). An unknown language changes nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const to = url.searchParams.get('to')
  const back = safeRedirect(url.searchParams.get('redirectTo'), '/')
  if (!isLocale(to)) return redirect(back)
  return redirect(back, { headers: { 'Set-Cookie': await languageCookie.serialize(to) } })
}

/**
 * The staff language switch: a small form posting here (one button per language). A signed-in
 * staff member's profile language comes before the cookie (locale.server.ts), so it also saves it
 * in their profile (audited, like the profile page): otherwise the switch would do nothing for
 * anyone who had chosen a language there, and their emails follow the same choice. The cookie is
 * set too, so the sign-in pages keep the language after signing out.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, languageSwitchSchema)
  if (!parsed.ok) return redirect('/')
  const { to, redirectTo } = parsed.data
  const back = safeRedirect(redirectTo, '/')
  if (!to) return redirect(back)
  const staffUser = await getStaffUser(request)
  if (staffUser)
    setStaffLocale({ userId: staffUser.id, locale: to, actor: auditActorOf(staffUser, context) })
  return redirect(back, { headers: { 'Set-Cookie': await languageCookie.serialize(to) } })
}
