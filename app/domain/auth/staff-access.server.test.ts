import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, users } from '#db/schema/index.ts'
import { passwordStep } from '#tests/support/mfa-fixtures.ts'
import { getSessionUser } from './sessions.server.ts'
import { getStaffAccount, setStaffAccess } from './staff-access.server.ts'

const NURSE = 'marco.bianchi@dermadesk.example'
const ADMIN = 'elena.greco@dermadesk.example'
const DOCTOR_ADMIN = 'giulia.romano@dermadesk.example'
const NOW = new Date('2026-03-02T09:00:00Z')

function idOf(email: string): string {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
}

const by = (email: string) => ({ userId: idOf(email), ipAddress: null, requestId: 'test' })

function accessEvents(userId: string) {
  return getDb()
    .select({ action: auditEvents.action, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, userId)))
    .all()
    .filter((event) => event.action.startsWith('staff.sign_in_'))
}

describe('turning a colleague’s sign-in off and on', () => {
  test('off ends their open session at once and is audited; on lets them back in', async () => {
    const nurse = idOf(NURSE)
    const { sessionToken } = await passwordStep(NURSE)
    expect(getSessionUser(sessionToken).status).toBe('active')

    expect(setStaffAccess({ userId: nurse, active: false, actor: by(ADMIN), now: NOW })).toEqual({
      ok: true,
      changed: true,
    })
    expect(getSessionUser(sessionToken).status).not.toBe('active')
    expect(getStaffAccount(nurse)).toMatchObject({ isActive: false, email: NURSE })
    // Asking again changes nothing and writes nothing.
    expect(setStaffAccess({ userId: nurse, active: false, actor: by(ADMIN), now: NOW })).toEqual({
      ok: true,
      changed: false,
    })

    expect(setStaffAccess({ userId: nurse, active: true, actor: by(ADMIN), now: NOW })).toEqual({
      ok: true,
      changed: true,
    })
    expect(getStaffAccount(nurse)?.isActive).toBe(true)
    expect(accessEvents(nurse)).toEqual([
      { action: 'staff.sign_in_disabled', actorId: idOf(ADMIN) },
      { action: 'staff.sign_in_enabled', actorId: idOf(ADMIN) },
    ])
  })

  test('an admin cannot lock themselves out, nor leave the clinic without an admin', () => {
    const admin = idOf(ADMIN)
    expect(setStaffAccess({ userId: admin, active: false, actor: by(ADMIN), now: NOW })).toEqual({
      ok: false,
      reason: 'self',
    })
    // With the other admin's sign-in off, Elena is the last admin who can sign in.
    expect(
      setStaffAccess({ userId: idOf(DOCTOR_ADMIN), active: false, actor: by(ADMIN), now: NOW }),
    ).toMatchObject({ ok: true })
    expect(
      setStaffAccess({ userId: admin, active: false, actor: by(DOCTOR_ADMIN), now: NOW }),
    ).toEqual({ ok: false, reason: 'last-admin' })
    expect(getStaffAccount(admin)?.isActive).toBe(true)
    expect(accessEvents(admin)).toEqual([])
  })

  test('an unknown account is not found', () => {
    expect(
      setStaffAccess({ userId: 'no-such-user', active: false, actor: by(ADMIN), now: NOW }),
    ).toEqual({ ok: false, reason: 'not-found' })
    expect(getStaffAccount('no-such-user')).toBeNull()
  })
})
