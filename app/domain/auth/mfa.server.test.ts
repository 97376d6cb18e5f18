import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { sessions, userMfa, userRecoveryCodes } from '#db/schema/index.ts'
import {
  auditActions,
  auditRows,
  clockAt,
  codeAt,
  codeNow,
  DOCTOR,
  enrol,
  NURSE,
  passwordStep,
  requestInfo,
  STEP_MS,
  storedSecret,
  T0,
  userIdOf,
} from '#tests/support/mfa-fixtures.ts'
import { MFA_THROTTLE } from './mfa.rules.ts'
import {
  confirmMfaEnrolment,
  disableMfa,
  getSecurityOverview,
  regenerateRecoveryCodes,
  startMfaEnrolment,
} from './mfa-enrolment.server.ts'
import { verifySecondFactor } from './mfa-verify.server.ts'
import { getSessionUser, hashSessionToken } from './sessions.server.ts'
import { TEST_STAFF_PASSWORD as DEMO_PASSWORD } from '#tests/setup/test-staff.ts'

function verify(sessionToken: string, code: string, method: 'totp' | 'recovery_code' = 'totp') {
  return verifySecondFactor({ sessionToken, code, method, ...requestInfo })
}

beforeEach(() => {
  clockAt(T0)
})

describe('enrolment', () => {
  test('start shows a QR code and a 32-character key; confirming turns it on with 10 codes', async () => {
    const signedIn = await passwordStep(NURSE)
    expect(signedIn.nextStep).toBe('done') // REQUIRE_STAFF_MFA is off under NODE_ENV=test
    const actor = { type: 'staff' as const, id: signedIn.userId }
    expect(startMfaEnrolment({ userId: signedIn.userId, actor })).toEqual({ ok: true })

    const overview = await getSecurityOverview(signedIn.userId)
    expect(overview.status).toBe('pending')
    expect(overview.setup?.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    const svg = Buffer.from(overview.setup!.qrCodeDataUrl.split(',')[1]!, 'base64').toString()
    expect(svg).toMatch(/^<svg[^>]*viewBox/)
    const secret = storedSecret(signedIn.userId)
    expect(secret).toMatch(/^[A-Z2-7]{32}$/) // 20 bytes
    expect(overview.setup?.secretText.replace(/ /g, '')).toBe(secret)

    // A wrong code does not turn it on.
    const wrong = await confirmMfaEnrolment({
      userId: signedIn.userId,
      actor,
      sessionToken: signedIn.sessionToken,
      code: (Number(await codeNow(secret)) ^ 1).toString().padStart(6, '0'),
      userAgent: null,
    })
    expect(wrong).toEqual({ ok: false, reason: 'wrong-code' })

    const confirmed = await confirmMfaEnrolment({
      userId: signedIn.userId,
      actor,
      sessionToken: signedIn.sessionToken,
      code: await codeNow(secret),
      userAgent: null,
    })
    if (!confirmed.ok) throw new Error(confirmed.reason)
    expect(confirmed.recoveryCodes).toHaveLength(10)
    expect(new Set(confirmed.recoveryCodes).size).toBe(10)
    // The session was replaced by a new one at full level (goal B2).
    expect(confirmed.sessionToken).not.toBe(signedIn.sessionToken)
    expect(getSessionUser(signedIn.sessionToken).status).toBe('missing')
    expect(getSessionUser(confirmed.sessionToken)).toMatchObject({
      status: 'active',
      authLevel: 'mfa',
      mfaEnrolled: true,
    })

    const stored = getDb()
      .select()
      .from(userRecoveryCodes)
      .where(eq(userRecoveryCodes.userId, signedIn.userId))
      .all()
    expect(stored).toHaveLength(10)
    for (const row of stored) expect(row.codeHash).toMatch(/^\$argon2id\$/)
    expect((await getSecurityOverview(signedIn.userId)).status).toBe('on')
    expect(auditActions()).toEqual(
      expect.arrayContaining([
        'auth.mfa.enrolment_started',
        'auth.mfa.failed',
        'auth.mfa.enrolled',
      ]),
    )
  })

  test('the enrolment code is used up: the same code cannot then sign in', async () => {
    const { secret } = await enrol(NURSE)
    const pending = await passwordStep(NURSE)
    expect(pending.nextStep).toBe('second-factor')
    expect(await verify(pending.sessionToken, await codeNow(secret))).toEqual({
      ok: false,
      reason: 'used-code',
    })
  })

  test('starting again replaces an unconfirmed key; an enrolled user cannot start over', async () => {
    const userId = userIdOf(NURSE)
    const actor = { type: 'staff' as const, id: userId }
    startMfaEnrolment({ userId, actor })
    const first = storedSecret(userId)
    startMfaEnrolment({ userId, actor })
    expect(storedSecret(userId)).not.toBe(first)
    await enrol(DOCTOR)
    expect(startMfaEnrolment({ userId: userIdOf(DOCTOR), actor })).toEqual({
      ok: false,
      reason: 'already-enrolled',
    })
  })
})

describe('signing in with a second factor', () => {
  test('three different tokens: before sign-in, after the password, after the code (goal B2)', async () => {
    const { secret, sessionToken: before } = await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    const afterPassword = await passwordStep(NURSE, before)
    expect(afterPassword.nextStep).toBe('second-factor')
    expect(getSessionUser(afterPassword.sessionToken)).toMatchObject({
      status: 'active',
      authLevel: 'password',
      mfaEnrolled: true,
    })
    const result = await verify(afterPassword.sessionToken, await codeNow(secret))
    if (!result.ok) throw new Error(result.reason)
    const tokens = [before, afterPassword.sessionToken, result.sessionToken]
    expect(new Set(tokens).size).toBe(3)
    // The earlier ones stopped working; the database holds only the new one's hash.
    expect(getSessionUser(before).status).toBe('missing')
    expect(getSessionUser(afterPassword.sessionToken).status).toBe('missing')
    expect(getSessionUser(result.sessionToken)).toMatchObject({
      status: 'active',
      authLevel: 'mfa',
    })
    const rows = getDb().select().from(sessions).all()
    expect(rows.map((row) => row.tokenHash)).toEqual([hashSessionToken(result.sessionToken)])
    expect(auditActions().slice(-2)).toEqual(['auth.sign_in.succeeded', 'auth.mfa.succeeded'])
  })

  test('a code works once: the same code on another session is refused (goal A6)', async () => {
    const { secret } = await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    const code = await codeNow(secret)
    const first = await passwordStep(NURSE)
    expect((await verify(first.sessionToken, code)).ok).toBe(true)
    const second = await passwordStep(NURSE)
    expect(await verify(second.sessionToken, code)).toEqual({ ok: false, reason: 'used-code' })
    expect(getSessionUser(second.sessionToken)).toMatchObject({ authLevel: 'password' })
  })

  test('the same code sent twice at once: exactly one succeeds', async () => {
    const { secret } = await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    const code = await codeNow(secret)
    const a = await passwordStep(NURSE)
    const b = await passwordStep(NURSE)
    const results = await Promise.all([verify(a.sessionToken, code), verify(b.sessionToken, code)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used-code' }])
  })

  test('a code from one step ago still works; two steps ago does not', async () => {
    const { secret } = await enrol(NURSE)
    const now = T0 + 10 * STEP_MS
    clockAt(now)
    const twoStepsOld = await codeAt(secret, now - 2 * STEP_MS)
    const oneStepOld = await codeAt(secret, now - STEP_MS)
    const session = await passwordStep(NURSE)
    expect(await verify(session.sessionToken, twoStepsOld)).toEqual({
      ok: false,
      reason: 'wrong-code',
    })
    expect((await verify(session.sessionToken, oneStepOld)).ok).toBe(true)
  })

  test('after a code of step n, an unused code of step n-1 is refused although inside the window', async () => {
    clockAt(T0)
    const { secret } = await enrol(DOCTOR)
    const now = T0 + 10 * STEP_MS
    clockAt(now)
    const current = await passwordStep(DOCTOR)
    expect((await verify(current.sessionToken, await codeNow(secret))).ok).toBe(true)
    const earlier = await passwordStep(DOCTOR)
    expect(await verify(earlier.sessionToken, await codeAt(secret, now - STEP_MS))).toEqual({
      ok: false,
      reason: 'used-code',
    })
  })

  test('5 wrong codes within 5 minutes: the 6th attempt gets throttled, even with the right code', async () => {
    const { secret, userId } = await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    const session = await passwordStep(NURSE)
    const good = await codeNow(secret)
    const bad = (Number(good) + 1).toString().padStart(6, '0').slice(-6)
    for (let i = 0; i < MFA_THROTTLE.maxFailures; i++) {
      expect(await verify(session.sessionToken, bad)).toEqual({ ok: false, reason: 'wrong-code' })
    }
    const blocked = await verify(session.sessionToken, good)
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' })
    if (blocked.ok || blocked.reason !== 'throttled') return
    expect(blocked.retryAfterSeconds).toBeGreaterThan(14 * 60)
    // Recovery codes are blocked too: same counter, same user.
    expect(await verify(session.sessionToken, 'AAAA-AAAA-AAAA', 'recovery_code')).toMatchObject({
      reason: 'throttled',
    })
    const failed = auditRows().filter((row) => row.action === 'auth.mfa.failed')
    expect(failed).toHaveLength(MFA_THROTTLE.maxFailures)
    expect(failed.every((row) => row.actorId === userId)).toBe(true)
    expect(auditActions()).toContain('auth.mfa.throttled')

    // The block ends: 15 minutes later a fresh code signs in.
    clockAt(T0 + STEP_MS + MFA_THROTTLE.blockMs + STEP_MS)
    const fresh = await passwordStep(NURSE)
    expect((await verify(fresh.sessionToken, await codeNow(secret))).ok).toBe(true)
  })

  test('a recovery code signs in once; the same code is refused the second time', async () => {
    const { recoveryCodes } = await enrol(NURSE)
    const first = await passwordStep(NURSE)
    const result = await verify(
      first.sessionToken,
      recoveryCodes[3]!.toLowerCase(),
      'recovery_code',
    )
    expect(result).toMatchObject({ ok: true, recoveryCodesLeft: 9 })
    const second = await passwordStep(NURSE)
    expect(await verify(second.sessionToken, recoveryCodes[3]!, 'recovery_code')).toEqual({
      ok: false,
      reason: 'wrong-recovery-code',
    })
    // Another code still works.
    expect(await verify(second.sessionToken, recoveryCodes[4]!, 'recovery_code')).toMatchObject({
      ok: true,
      recoveryCodesLeft: 8,
    })
    expect(auditActions().filter((a) => a === 'auth.mfa.recovery_used')).toHaveLength(2)
  })

  test('a full session cannot "verify" again, and a missing session gets nothing', async () => {
    const { secret, sessionToken } = await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    expect(await verify(sessionToken, await codeNow(secret))).toEqual({
      ok: false,
      reason: 'no-pending-session',
    })
    expect(await verify('x'.repeat(43), await codeNow(secret))).toEqual({
      ok: false,
      reason: 'no-pending-session',
    })
  })

  test('no secret, code or recovery code ever reaches the audit log (goal E1)', async () => {
    const { secret, recoveryCodes } = await enrol(NURSE)
    clockAt(T0 + STEP_MS)
    const code = await codeNow(secret)
    const session = await passwordStep(NURSE)
    await verify(session.sessionToken, '000000')
    await verify(session.sessionToken, code)
    const again = await passwordStep(NURSE)
    await verify(again.sessionToken, recoveryCodes[0]!, 'recovery_code')
    const dump = JSON.stringify(auditRows())
    for (const needle of [
      secret,
      code,
      ...recoveryCodes,
      ...recoveryCodes.map((c) => c.replace(/-/g, '')),
    ])
      expect(dump).not.toContain(needle)
    expect(dump).not.toContain(DEMO_PASSWORD)
  })
})

describe('changing two-factor needs the current password (goal A7)', () => {
  test('turning it off: refused with a wrong password, done with the right one', async () => {
    const { userId, sessionToken, actor } = await enrol(NURSE)
    const other = await passwordStep(NURSE) // another device, half signed in
    const wrong = await disableMfa({ userId, actor, sessionToken, password: 'not my password' })
    expect(wrong).toEqual({ ok: false, reason: 'wrong-password' })
    expect(getDb().select().from(userMfa).all()).toHaveLength(1)
    expect(auditActions()).toContain('auth.reauth.failed')

    expect(await disableMfa({ userId, actor, sessionToken, password: DEMO_PASSWORD })).toEqual({
      ok: true,
    })
    expect(getDb().select().from(userMfa).all()).toHaveLength(0)
    expect(getDb().select().from(userRecoveryCodes).all()).toHaveLength(0)
    // Other devices are signed out; this one stays.
    expect(getSessionUser(other.sessionToken).status).toBe('missing')
    expect(getSessionUser(sessionToken)).toMatchObject({ status: 'active', mfaEnrolled: false })
    expect(auditActions()).toContain('auth.mfa.disabled')
  })

  test('new recovery codes: refused with a wrong password; the old codes then stop working', async () => {
    const { userId, actor, recoveryCodes } = await enrol(NURSE)
    expect(await regenerateRecoveryCodes({ userId, actor, password: 'wrong again' })).toEqual({
      ok: false,
      reason: 'wrong-password',
    })
    const fresh = await regenerateRecoveryCodes({ userId, actor, password: DEMO_PASSWORD })
    if (!fresh.ok) throw new Error(fresh.reason)
    expect(fresh.recoveryCodes).toHaveLength(10)
    const session = await passwordStep(NURSE)
    expect(await verify(session.sessionToken, recoveryCodes[0]!, 'recovery_code')).toMatchObject({
      reason: 'wrong-recovery-code',
    })
    expect(
      await verify(session.sessionToken, fresh.recoveryCodes[0]!, 'recovery_code'),
    ).toMatchObject({ ok: true })
    expect(auditActions()).toContain('auth.mfa.recovery_codes_regenerated')
  })

  test('wrong passwords here count against the account sign-in throttle', async () => {
    const { userId, actor, sessionToken } = await enrol(NURSE)
    let last
    for (let i = 0; i < 11; i++)
      last = await disableMfa({ userId, actor, sessionToken, password: `guess ${i}` })
    expect(last).toMatchObject({ ok: false, reason: 'throttled' })
  })
})
