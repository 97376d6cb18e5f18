import { type Cookie, createCookie } from '@remix-run/node'
import { getEnv } from './env.server.ts'

/**
 * A cookie that holds only an opaque random token; the session lives in SQLite. HttpOnly and
 * SameSite=Lax always; Secure with the __Host- prefix in production (goal B1).
 * NOTE: SameSite=Lax is defence in depth only. Cross-site POSTs are refused by the server's
 * Origin / Sec-Fetch-Site check (app/server/security.ts); keep GET requests free of changes.
 */
export function tokenCookie(name: string, maxAgeMs: number): Cookie {
  const { SECURE_COOKIES } = getEnv()
  return createCookie(SECURE_COOKIES ? `__Host-${name}` : name, {
    httpOnly: true,
    sameSite: 'lax',
    secure: SECURE_COOKIES,
    path: '/',
    maxAge: maxAgeMs / 1000,
  })
}

/** The token in this request's cookie, or null when there is none or it cannot be one of ours. */
export async function readToken(cookie: Cookie, request: Request): Promise<string | null> {
  const value: unknown = await cookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length >= 32 && value.length <= 64 ? value : null
}
