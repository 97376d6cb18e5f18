import { createCookie, redirect } from '@remix-run/node'
import {
  getSessionUser,
  STAFF_SESSION_ABSOLUTE_MS,
  type StaffUser,
} from '#app/domain/auth/sessions.server.ts'
import { getEnv } from './env.server.ts'
import { safeRedirect } from './misc.ts'

/**
 * The staff session cookie holds only an opaque random token; the session lives in SQLite.
 * HttpOnly and SameSite=Lax always; Secure with the __Host- prefix in production (goal B1).
 * NOTE: SameSite=Lax is defence in depth only. Cross-site POSTs are refused by the server's
 * Origin / Sec-Fetch-Site check (app/server/security.ts); keep GET requests free of changes.
 */
function sessionCookie() {
  const { SECURE_COOKIES } = getEnv()
  return createCookie(SECURE_COOKIES ? '__Host-dermadesk_session' : 'dermadesk_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: SECURE_COOKIES,
    path: '/',
    maxAge: STAFF_SESSION_ABSOLUTE_MS / 1000,
  })
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length >= 32 && value.length <= 64 ? value : null
}

export function serializeSessionCookie(token: string): Promise<string> {
  return sessionCookie().serialize(token)
}

export function serializeExpiredSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { maxAge: 0 })
}

export async function getStaffUser(request: Request): Promise<StaffUser | null> {
  const token = await readSessionToken(request)
  if (!token) return null
  const lookup = getSessionUser(token)
  return lookup.status === 'active' ? lookup.user : null
}

/** The signed-in staff user, or a redirect to sign-in that comes back here afterwards. */
export async function requireStaffUser(request: Request): Promise<StaffUser> {
  const token = await readSessionToken(request)
  const lookup = token ? getSessionUser(token) : ({ status: 'missing' } as const)
  if (lookup.status === 'active') return lookup.user
  const url = new URL(request.url)
  const params = new URLSearchParams({ redirectTo: safeRedirect(`${url.pathname}${url.search}`) })
  if (lookup.status === 'expired') params.set('expired', '1')
  throw redirect(`/login?${params}`, {
    headers: token ? { 'Set-Cookie': await serializeExpiredSessionCookie() } : undefined,
  })
}

/** For the sign-in page: someone already signed in goes straight to the staff area. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getStaffUser(request)) throw redirect('/staff')
}
