import { randomUUID } from 'node:crypto'
import { type ActionFunction, type LoaderFunction } from '@remix-run/node'
import { beforeEach, describe, expect, test } from 'vitest'
import { verifySecondFactor } from '#app/domain/auth/mfa-verify.server.ts'
import {
  clockAt,
  codeNow,
  DOCTOR,
  enrol,
  passwordStep,
  requestInfo,
  STEP_MS,
  T0,
} from '#tests/support/mfa-fixtures.ts'
import { requireStaffUser, serializeSessionCookie } from './auth.server.ts'
import { resetEnvCache } from './env.server.ts'

/**
 * Security goal A5 as a route matrix: every staff route module (staff.*, admin.*, clinician.*,
 * found on disk, so a new route is covered the day it is added) is called, loader and action,
 * with a password-only session of a user who has two-factor on. Each must send the request to
 * /login/verify without running. After the second factor the same calls get through the guard.
 */
const ROUTE_MODULES = import.meta.glob<{ loader?: LoaderFunction; action?: ActionFunction }>([
  '../routes/staff.*.tsx',
  '../routes/admin.*.tsx',
  '../routes/clinician.*.tsx',
  '../routes/admin.tsx',
  '../routes/clinician.tsx',
])

/** "admin.emails.$emailId.ics.tsx" → "/admin/emails/<uuid>/ics" with params { emailId }. */
function pathOf(file: string) {
  const name = file.replace('../routes/', '').replace(/\.tsx$/, '')
  const params: Record<string, string> = {}
  const segments = name
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== '_index')
    .map((segment) => {
      if (segment.startsWith('$')) {
        const id = randomUUID()
        params[segment.slice(1)] = id
        return id
      }
      return segment.replace(/\[(.)\]/g, '$1').replace(/_$/, '')
    })
  return { path: `/${segments.join('/')}`, params }
}

type Outcome = { status: number; location: string | null }

/** What a loader or action did: its thrown or returned Response, or the data status. */
async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown
  try {
    value = await run()
  } catch (thrown) {
    value = thrown
  }
  if (value instanceof Response)
    return { status: value.status, location: value.headers.get('Location') }
  if (value && typeof value === 'object' && 'init' in value) {
    const init = (value as { init?: { status?: number } }).init
    return { status: init?.status ?? 200, location: null }
  }
  return { status: 200, location: null }
}

async function callEveryStaffRoute(token: string) {
  const cookie = (await serializeSessionCookie(token)).split(';')[0]!
  const context = { clientIp: '203.0.113.9', requestId: 'req-matrix', cspNonce: 'n' }
  const results: { route: string; kind: 'loader' | 'action'; outcome: Outcome }[] = []
  for (const [file, load] of Object.entries(ROUTE_MODULES)) {
    const mod = await load()
    const { path, params } = pathOf(file)
    const url = `http://localhost${path}`
    if (mod.loader) {
      const request = new Request(url, { headers: { Cookie: cookie } })
      const outcome = await outcomeOf(async () => mod.loader!({ request, params, context }))
      results.push({ route: path, kind: 'loader', outcome })
    }
    if (mod.action) {
      const request = new Request(url, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'intent=nothing',
      })
      const outcome = await outcomeOf(async () => mod.action!({ request, params, context }))
      results.push({ route: path, kind: 'action', outcome })
    }
  }
  return results
}

beforeEach(() => {
  clockAt(T0)
})

describe('staff route matrix (goal A5)', () => {
  test('the matrix covers every staff and admin route module', () => {
    const files = Object.keys(ROUTE_MODULES)
    expect(files).toContain('../routes/staff._index.tsx')
    expect(files).toContain('../routes/staff.security.tsx')
    expect(files).toContain('../routes/admin.practitioners.$practitionerId.tsx')
    expect(files.length).toBeGreaterThanOrEqual(14)
  })

  test('a password-only session reaches no staff loader or action; after the code, all of them', async () => {
    const { secret } = await enrol(DOCTOR) // clinician and admin: no 403 to get in the way
    clockAt(T0 + STEP_MS)
    const pending = await passwordStep(DOCTOR)

    const refused = await callEveryStaffRoute(pending.sessionToken)
    expect(refused.length).toBeGreaterThanOrEqual(20)
    for (const { route, kind, outcome } of refused) {
      expect(outcome.status, `${kind} ${route}`).toBe(302)
      expect(outcome.location, `${kind} ${route}`).toMatch(/^\/login\/verify\?redirectTo=/)
    }

    const verified = await verifySecondFactor({
      sessionToken: pending.sessionToken,
      method: 'totp',
      code: await codeNow(secret),
      ...requestInfo,
    })
    if (!verified.ok) throw new Error(verified.reason)
    const allowed = await callEveryStaffRoute(verified.sessionToken)
    for (const { route, kind, outcome } of allowed) {
      // Through the guard: data, a 4xx for the junk post or unknown id, never a sign-in redirect.
      expect(outcome.location ?? '', `${kind} ${route}`).not.toMatch(/^\/login/)
      expect(outcome.location ?? '', `${kind} ${route}`).not.toMatch(/^\/staff\/security\?/)
      expect(outcome.status, `${kind} ${route}`).toBeLessThan(500)
    }
  })
})

describe('requireStaffUser', () => {
  async function requestWith(token: string, path = '/admin/closures') {
    const cookie = (await serializeSessionCookie(token)).split(';')[0]!
    return new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  }

  async function guardOutcome(request: Request) {
    return outcomeOf(() => requireStaffUser(request))
  }

  test('a pending second factor goes to /login/verify and comes back afterwards', async () => {
    await enrol(DOCTOR)
    const pending = await passwordStep(DOCTOR)
    expect(await guardOutcome(await requestWith(pending.sessionToken))).toEqual({
      status: 302,
      location: '/login/verify?redirectTo=%2Fadmin%2Fclosures',
    })
  })

  test('REQUIRE_STAFF_MFA: without two-factor, every staff page sends the user to set it up', async () => {
    process.env.REQUIRE_STAFF_MFA = 'true'
    resetEnvCache()
    try {
      const signedIn = await passwordStep(DOCTOR)
      expect(signedIn.nextStep).toBe('enrolment')
      expect(await guardOutcome(await requestWith(signedIn.sessionToken))).toEqual({
        status: 302,
        location: '/staff/security?redirectTo=%2Fadmin%2Fclosures',
      })
      const results = await callEveryStaffRoute(signedIn.sessionToken)
      for (const { route, kind, outcome } of results) {
        if (route === '/staff/security') {
          // The one page it may use: set-up.
          expect(outcome.location, `${kind} ${route}`).toBeNull()
          continue
        }
        expect(outcome.location, `${kind} ${route}`).toMatch(/^\/staff\/security\?redirectTo=/)
      }
    } finally {
      delete process.env.REQUIRE_STAFF_MFA
      resetEnvCache()
    }
  })

  test('REQUIRE_STAFF_MFA off (the default outside production): the password is enough', async () => {
    const signedIn = await passwordStep(DOCTOR)
    expect(signedIn.nextStep).toBe('done')
    const user = await requireStaffUser(await requestWith(signedIn.sessionToken))
    expect(user.email).toBe(DOCTOR)
  })

  test('REQUIRE_STAFF_MFA defaults to on in production', async () => {
    const { getEnv } = await import('./env.server.ts')
    const saved = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    resetEnvCache()
    try {
      expect(getEnv().REQUIRE_STAFF_MFA).toBe(true)
      process.env.REQUIRE_STAFF_MFA = 'false'
      resetEnvCache()
      expect(getEnv().REQUIRE_STAFF_MFA).toBe(false)
    } finally {
      process.env.NODE_ENV = saved
      delete process.env.REQUIRE_STAFF_MFA
      resetEnvCache()
    }
  })
})
