import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { users } from '#db/schema/index.ts'
import {
  createSession,
  getSessionUser,
  STAFF_SESSION_ABSOLUTE_MS,
  STAFF_SESSION_IDLE_MS,
} from './sessions.server.ts'

function newSession(now: Date) {
  const db = getDb()
  const user = db
    .select()
    .from(users)
    .where(eq(users.email, 'marco.bianchi@dermadesk.example'))
    .get()!
  return {
    token: db.transaction((tx) =>
      createSession(tx, { userId: user.id, ipAddress: null, userAgent: null, now }),
    ),
    user,
  }
}

describe('staff session timeouts (goal B3)', () => {
  const start = new Date('2026-11-25T08:00:00Z')

  test('a session idle for longer than 15 minutes ends', () => {
    const { token } = newSession(start)
    expect(
      getSessionUser(token, new Date(start.getTime() + STAFF_SESSION_IDLE_MS - 1000)).status,
    ).toBe('active')
    const afterIdle = new Date(
      start.getTime() + STAFF_SESSION_IDLE_MS - 1000 + STAFF_SESSION_IDLE_MS + 1000,
    )
    expect(getSessionUser(token, afterIdle).status).toBe('expired')
    // The row is gone: the token is worthless from now on.
    expect(getSessionUser(token, start).status).toBe('missing')
  })

  test('activity every 5 minutes still ends at 12 hours', () => {
    const { token } = newSession(start)
    let t = start.getTime()
    while (t + 5 * 60_000 < start.getTime() + STAFF_SESSION_ABSOLUTE_MS) {
      t += 5 * 60_000
      expect(getSessionUser(token, new Date(t)).status).toBe('active')
    }
    expect(
      getSessionUser(token, new Date(start.getTime() + STAFF_SESSION_ABSOLUTE_MS + 1000)).status,
    ).toBe('expired')
  })

  test('disabling a user ends their open sessions at the next request (goal B4)', () => {
    const { token, user } = newSession(start)
    getDb().update(users).set({ isActive: false }).where(eq(users.id, user.id)).run()
    expect(getSessionUser(token, new Date(start.getTime() + 1000)).status).toBe('expired')
  })
})
