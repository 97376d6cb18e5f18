import { beforeEach, describe, expect, test } from 'vitest'
import { action as securityAction, loader as securityLoader } from '#app/routes/staff.security.tsx'
import { action as verifyAction, loader as verifyLoader } from '#app/routes/login_.verify.tsx'
import {
  clockAt,
  codeNow,
  enrol,
  NURSE,
  passwordStep,
  STEP_MS,
  T0,
} from '#tests/support/mfa-fixtures.ts'
import { readSessionToken, serializeSessionCookie } from './auth.server.ts'

/** The HTTP answers of /login/verify and /staff/security (the domain rules are tested apart). */

const context = () => ({ clientIp: '203.0.113.9', requestId: 'req-route', cspNonce: 'n' })

async function cookieFor(token: string) {
  return (await serializeSessionCookie(token)).split(';')[0]!
}

async function post(path: string, token: string, fields: Record<string, string>) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      Cookie: await cookieFor(token),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  })
}

type Answer = { status: number; headers: Headers; data: unknown }

async function answerOf(run: () => Promise<unknown>): Promise<Answer> {
  let value: unknown
  try {
    value = await run()
  } catch (thrown) {
    value = thrown
  }
  if (value instanceof Response) return { status: value.status, headers: value.headers, data: null }
  if (value && typeof value === 'object' && 'init' in value && 'data' in value) {
    const { init, data } = value as { init?: ResponseInit; data: unknown }
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), data }
  }
  return { status: 200, headers: new Headers(), data: value }
}

beforeEach(() => clockAt(T0))

describe('/login/verify', () => {
  test('the 6th wrong code within 5 minutes gets 429 with Retry-After (goal A6)', async () => {
    await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    const pending = await passwordStep(NURSE)
    const wrong = { intent: 'totp', code: '000000', redirectTo: '/staff' }
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const request = await post('/login/verify', pending.sessionToken, wrong)
      const answer = await answerOf(() => verifyAction({ request, params: {}, context: context() }))
      statuses.push(answer.status)
      if (i === 5) {
        expect(Number(answer.headers.get('Retry-After'))).toBeGreaterThan(14 * 60)
        expect(answer.data).toMatchObject({
          formErrors: [expect.stringMatching(/^Too many wrong codes\. Please wait 15 minutes/)],
        })
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })

  test('a right code redirects with a new cookie; junk is a 400 with a message', async () => {
    const { secret } = await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    const pending = await passwordStep(NURSE)
    const junk = await answerOf(async () =>
      verifyAction({
        request: await post('/login/verify', pending.sessionToken, { intent: 'totp', code: '12' }),
        params: {},
        context: context(),
      }),
    )
    expect(junk.status).toBe(400)
    const ok = await answerOf(async () =>
      verifyAction({
        request: await post('/login/verify?redirectTo=%2Fadmin', pending.sessionToken, {
          intent: 'totp',
          code: await codeNow(secret),
          redirectTo: '/admin',
        }),
        params: {},
        context: context(),
      }),
    )
    expect(ok.status).toBe(302)
    expect(ok.headers.get('Location')).toBe('/admin')
    const cookie = ok.headers.get('Set-Cookie')!
    const newToken = await readSessionToken(
      new Request('http://x', { headers: { Cookie: cookie } }),
    )
    expect(newToken).not.toBeNull()
    expect(newToken).not.toBe(pending.sessionToken)
  })

  test('only a session that owes its second factor sees the page', async () => {
    const { sessionToken } = await enrol(NURSE)
    const full = await answerOf(async () =>
      verifyLoader({
        request: new Request('http://localhost/login/verify?redirectTo=%2Fadmin', {
          headers: { Cookie: await cookieFor(sessionToken) },
        }),
        params: {},
        context: context(),
      }),
    )
    expect(full).toMatchObject({ status: 302 })
    expect(full.headers.get('Location')).toBe('/admin')
    const anonymous = await answerOf(async () =>
      verifyLoader({
        request: new Request('http://localhost/login/verify'),
        params: {},
        context: context(),
      }),
    )
    expect(anonymous.headers.get('Location')).toBe('/login')
  })
})

describe('/staff/security', () => {
  test('confirming shows the codes once and hands the new session to the same request', async () => {
    const signedIn = await passwordStep(NURSE)
    const ctx = context() as ReturnType<typeof context> & { renewedSessionToken?: string }
    await answerOf(async () =>
      securityAction({
        request: await post('/staff/security', signedIn.sessionToken, { intent: 'start' }),
        params: {},
        context: ctx,
      }),
    )
    const page = (await securityLoader({
      request: new Request('http://localhost/staff/security', {
        headers: { Cookie: await cookieFor(signedIn.sessionToken) },
      }),
      params: {},
      context: ctx,
    })) as { setup: { secretText: string } }
    const secret = page.setup.secretText.replace(/ /g, '')
    const confirmed = await answerOf(async () =>
      securityAction({
        request: await post('/staff/security', signedIn.sessionToken, {
          intent: 'confirm',
          code: await codeNow(secret),
        }),
        params: {},
        context: ctx,
      }),
    )
    expect(confirmed.status).toBe(200)
    expect((confirmed.data as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10)
    expect(confirmed.headers.get('Set-Cookie')).toMatch(/dermadesk_session=/)
    // Without JavaScript the loaders run next in the same request, with the old cookie.
    expect(ctx.renewedSessionToken).toBeTruthy()
    const after = (await securityLoader({
      request: new Request('http://localhost/staff/security', {
        headers: { Cookie: await cookieFor(signedIn.sessionToken) },
      }),
      params: {},
      context: ctx,
    })) as { status: string }
    expect(after.status).toBe('on')
  })

  test('turning off with a wrong password is a 400 on the password field', async () => {
    const { sessionToken } = await enrol(NURSE)
    const answer = await answerOf(async () =>
      securityAction({
        request: await post('/staff/security', sessionToken, {
          intent: 'disable',
          password: 'not it',
        }),
        params: {},
        context: context(),
      }),
    )
    expect(answer.status).toBe(400)
    expect(answer.data).toMatchObject({
      fieldErrors: { password: ['That password is not right.'] },
      values: { intent: 'disable' },
    })
    // The password is never sent back.
    expect(JSON.stringify(answer.data)).not.toContain('not it')
  })
})
