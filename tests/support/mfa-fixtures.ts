import { generateTOTP } from '@epic-web/totp'
import { eq } from 'drizzle-orm'
import { expect, vi } from 'vitest'
import { signIn } from '#app/domain/auth/auth.server.ts'
import { confirmMfaEnrolment, startMfaEnrolment } from '#app/domain/auth/mfa-enrolment.server.ts'
import { openTotpSecret } from '#app/domain/auth/mfa-secrets.server.ts'
import { getDb } from '#db/client.server.ts'
import { TEST_STAFF_PASSWORD as DEMO_PASSWORD } from '#tests/setup/test-staff.ts'
import { auditEvents, userMfa, users } from '#db/schema/index.ts'

/** Helpers for the two-factor integration tests (a fresh demo database per test). */

export const NURSE = 'marco.bianchi@dermadesk.example'
export const DOCTOR = 'giulia.romano@dermadesk.example'
export const T0 = new Date('2026-11-25T09:00:10Z').getTime()
export const STEP_MS = 30_000

/** Freezes Date (only Date: crypto.subtle and timers keep running) at `ms`. */
export function clockAt(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(ms)
}

export function userIdOf(email: string): string {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
}

export const requestInfo = { ipAddress: '203.0.113.9', userAgent: 'vitest', requestId: 'req-mfa' }

export async function passwordStep(email: string, previousSessionToken: string | null = null) {
  const result = await signIn({
    email,
    password: DEMO_PASSWORD,
    ...requestInfo,
    previousSessionToken,
  })
  if (!result.ok) throw new Error(`password step failed: ${result.reason}`)
  return result
}

/** The seed as stored for the user (opened with the current key). */
export function storedSecret(userId: string): string {
  const row = getDb().select().from(userMfa).where(eq(userMfa.userId, userId)).get()!
  return openTotpSecret(row.secret, userId)
}

/** The code an authenticator app would show at the frozen clock time. */
export async function codeNow(secret: string): Promise<string> {
  return (await generateTOTP({ secret, period: 30, digits: 6, algorithm: 'SHA-1' })).otp
}

export async function codeAt(secret: string, ms: number): Promise<string> {
  const saved = Date.now()
  vi.setSystemTime(ms)
  const code = await codeNow(secret)
  vi.setSystemTime(saved)
  return code
}

/**
 * Signs in with the password and enrols an authenticator (at the frozen clock time), as the
 * /staff/security page does. Returns the seed, the recovery codes and the full session token.
 */
export async function enrol(email: string) {
  const signedIn = await passwordStep(email)
  const actor = { type: 'staff' as const, id: signedIn.userId, ...requestInfo }
  expect(startMfaEnrolment({ userId: signedIn.userId, actor })).toEqual({ ok: true })
  const secret = storedSecret(signedIn.userId)
  const confirmed = await confirmMfaEnrolment({
    userId: signedIn.userId,
    actor,
    sessionToken: signedIn.sessionToken,
    code: await codeNow(secret),
    userAgent: 'vitest',
  })
  if (!confirmed.ok) throw new Error(`enrolment failed: ${confirmed.reason}`)
  return {
    userId: signedIn.userId,
    secret,
    recoveryCodes: confirmed.recoveryCodes,
    sessionToken: confirmed.sessionToken,
    actor,
  }
}

export function auditRows() {
  return getDb().select().from(auditEvents).all()
}

export function auditActions(): string[] {
  return auditRows().map((row) => row.action)
}
