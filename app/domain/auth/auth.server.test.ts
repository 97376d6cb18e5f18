import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import argon2 from 'argon2'
import { closeDb, getDb } from '#db/client.server.ts'
import { TEST_STAFF_PASSWORD as DEMO_PASSWORD } from '#tests/setup/test-staff.ts'
import { auditEvents, sessions, users } from '#db/schema/index.ts'
import { signIn, signOut } from './auth.server.ts'
import { hashSessionToken, getSessionUser } from './sessions.server.ts'
import { ACCOUNT_THROTTLE } from './throttle.rules.ts'

const DOCTOR = 'giulia.romano@dermadesk.example'

function attempt(
  email: string,
  password: string,
  extra: Partial<Parameters<typeof signIn>[0]> = {},
  now?: Date,
) {
  return signIn(
    {
      email,
      password,
      ipAddress: '203.0.113.7',
      userAgent: 'vitest',
      requestId: 'req-1',
      previousSessionToken: null,
      ...extra,
    },
    now,
  )
}

function auditActions() {
  return getDb()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .all()
    .map((row) => row.action)
}

describe('staff sign-in', () => {
  test('the right password gives a session for the user, and an audit row', async () => {
    const result = await attempt(DOCTOR, DEMO_PASSWORD)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const lookup = getSessionUser(result.sessionToken)
    expect(lookup).toMatchObject({ status: 'active', user: { email: DOCTOR } })
    if (lookup.status === 'active') expect(lookup.user.roles.sort()).toEqual(['admin', 'clinician'])
    expect(auditActions()).toEqual(['auth.sign_in.succeeded'])
    // Only the token's hash is stored (goal B2).
    const stored = getDb().select().from(sessions).all()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.tokenHash).toBe(hashSessionToken(result.sessionToken))
    expect(result.sessionToken.length).toBeGreaterThanOrEqual(43)
  })

  test('unknown email and wrong password give the same answer (goal A4)', async () => {
    const unknown = await attempt('nobody@dermadesk.example', DEMO_PASSWORD)
    const wrong = await attempt(DOCTOR, 'not the password at all')
    expect(unknown).toEqual({ ok: false, reason: 'invalid-credentials' })
    expect(wrong).toEqual(unknown)
    expect(getDb().select().from(sessions).all()).toHaveLength(0)
  })

  test('a disabled account cannot sign in', async () => {
    getDb().update(users).set({ isActive: false }).where(eq(users.email, DOCTOR)).run()
    expect(await attempt(DOCTOR, DEMO_PASSWORD)).toEqual({
      ok: false,
      reason: 'invalid-credentials',
    })
  })

  test('too many failures block the account, and the block survives a restart (goal A3)', async () => {
    const start = new Date('2026-11-25T09:00:00Z')
    for (let i = 0; i < ACCOUNT_THROTTLE.maxFailures; i++) {
      const at = new Date(start.getTime() + i * 1000)
      expect((await attempt(DOCTOR, `wrong ${i}`, { ipAddress: `198.51.100.${i}` }, at)).ok).toBe(
        false,
      )
    }
    closeDb() // a new connection, as after a process restart
    const blocked = await attempt(
      DOCTOR,
      DEMO_PASSWORD,
      { ipAddress: '198.51.100.200' },
      new Date(start.getTime() + 60_000),
    )
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' })
    expect(auditActions()).toContain('auth.sign_in.throttled')

    const later = new Date(start.getTime() + ACCOUNT_THROTTLE.blockMs + 20_000)
    expect((await attempt(DOCTOR, DEMO_PASSWORD, { ipAddress: '198.51.100.201' }, later)).ok).toBe(
      true,
    )
  })

  test('signing in ends the session the browser already had (goal B2)', async () => {
    const first = await attempt(DOCTOR, DEMO_PASSWORD)
    if (!first.ok) throw new Error('first sign-in failed')
    const second = await attempt(DOCTOR, DEMO_PASSWORD, {
      previousSessionToken: first.sessionToken,
    })
    if (!second.ok) throw new Error('second sign-in failed')
    expect(second.sessionToken).not.toBe(first.sessionToken)
    expect(getSessionUser(first.sessionToken).status).toBe('missing')
    expect(getSessionUser(second.sessionToken).status).toBe('active')
  })

  test('signing out ends the session on the server (goal B4)', async () => {
    const result = await attempt(DOCTOR, DEMO_PASSWORD)
    if (!result.ok) throw new Error('sign-in failed')
    signOut(result.sessionToken, { ipAddress: '203.0.113.7', requestId: null })
    expect(getSessionUser(result.sessionToken).status).toBe('missing')
    expect(auditActions()).toContain('auth.sign_out')
  })

  test('a weaker stored hash is upgraded at the next sign-in (goal A1)', async () => {
    const weak = await argon2.hash(DEMO_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    })
    getDb().update(users).set({ passwordHash: weak }).where(eq(users.email, DOCTOR)).run()
    expect((await attempt(DOCTOR, DEMO_PASSWORD)).ok).toBe(true)
    const stored = getDb()
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.email, DOCTOR))
      .get()
    expect(stored?.hash).not.toBe(weak)
    expect(stored?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/)
  })
})
