import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, users } from '#db/schema/index.ts'
import { getSessionUser } from './sessions.server.ts'
import { getStaffProfile, setStaffLocale } from './staff-profile.server.ts'
import { passwordStep } from '#tests/support/mfa-fixtures.ts'

const NURSE = 'marco.bianchi@dermadesk.example'

function nurseId(): string {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, NURSE)).get()!.id
}

function languageEvents(userId: string) {
  return getDb()
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'auth.profile.language_changed'),
        eq(auditEvents.subjectId, userId),
      ),
    )
    .all()
}

describe('a staff member’s language', () => {
  test('starts unchosen, is saved and audited once per change, and reaches the session', async () => {
    const userId = nurseId()
    const actor = { type: 'staff' as const, id: userId, ipAddress: null, requestId: 'test' }
    expect(getStaffProfile(userId)).toMatchObject({ email: NURSE, locale: null })

    expect(setStaffLocale({ userId, locale: 'it', actor })).toEqual({ changed: true })
    expect(setStaffLocale({ userId, locale: 'it', actor })).toEqual({ changed: false })
    expect(getStaffProfile(userId)?.locale).toBe('it')
    expect(languageEvents(userId).map((event) => JSON.parse(event.details))).toEqual([
      { from: null, to: 'it' },
    ])

    const { sessionToken } = await passwordStep(NURSE)
    const lookup = getSessionUser(sessionToken)
    expect(lookup.status === 'active' && lookup.user.locale).toBe('it')
  })
})
