import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { serializeSessionCookie } from '#app/utils/auth.server.ts'
import { getDb } from '#db/client.server.ts'
import { users } from '#db/schema/index.ts'
import { passwordStep } from '#tests/support/mfa-fixtures.ts'
import { CONTEXT } from '#tests/support/route-fixtures.ts'
import { action, loader } from '#app/routes/language.tsx'

const NURSE = 'marco.bianchi@dermadesk.example'

async function staffCookie() {
  const signedIn = await passwordStep(NURSE)
  return (await serializeSessionCookie(signedIn.sessionToken)).split(';')[0]!
}

function savedLocale() {
  return getDb().select({ locale: users.locale }).from(users).where(eq(users.email, NURSE)).get()!
    .locale
}

async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response
  } catch (thrown) {
    return thrown as Response
  }
}

function post(cookie: string | null, body: Record<string, string>) {
  const headers: Record<string, string> = {
    Origin: 'http://localhost',
    'Content-Type': 'application/x-www-form-urlencoded',
  }
  if (cookie) headers.Cookie = cookie
  const request = new Request('http://localhost/language', {
    method: 'POST',
    headers,
    body: new URLSearchParams(body).toString(),
  })
  return respond(() => action({ request, params: {}, context: { ...CONTEXT } }))
}

describe('the language switch', () => {
  test('a link (GET) only sets the cookie, even for signed-in staff: it never saves a profile', async () => {
    const cookie = await staffCookie()
    const request = new Request('http://localhost/language?to=it&redirectTo=/staff', {
      headers: { Cookie: cookie },
    })
    const response = await respond(() => loader({ request, params: {}, context: { ...CONTEXT } }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/staff')
    expect(response.headers.get('Set-Cookie')).toMatch(/^dermadesk_lang=/)
    expect(savedLocale()).toBeNull()
  })

  test('the staff form (POST) saves the profile language and sets the cookie', async () => {
    const cookie = await staffCookie()
    const response = await post(cookie, { to: 'it', redirectTo: '/staff/agenda' })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/staff/agenda')
    expect(response.headers.get('Set-Cookie')).toMatch(/^dermadesk_lang=/)
    expect(savedLocale()).toBe('it')
  })

  test('an unknown language or a foreign address changes nothing and goes back safely', async () => {
    const cookie = await staffCookie()
    const unknown = await post(cookie, { to: 'de', redirectTo: '/staff' })
    expect(unknown.headers.get('Location')).toBe('/staff')
    expect(unknown.headers.get('Set-Cookie')).toBeNull()
    const foreign = await post(cookie, { to: 'en', redirectTo: 'https://evil.example/' })
    expect(foreign.headers.get('Location')).toBe('/')
    expect(savedLocale()).toBe('en')
    // Without a session, the form only sets the cookie.
    const anonymous = await post(null, { to: 'it', redirectTo: '/login' })
    expect(anonymous.headers.get('Location')).toBe('/login')
    expect(savedLocale()).toBe('en')
  })
})
