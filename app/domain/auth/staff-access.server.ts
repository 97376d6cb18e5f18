import { and, eq, ne } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { userMfa, userRoles, users } from '#db/schema/index.ts'
import { deleteSessionsForUser } from './sessions.server.ts'

/**
 * Turning a colleague's sign-in off and on again: the first step of containing a lost device or a
 * leaked password (docs/breach-response.md). Off ends every session of theirs at
 * once; their name stays on everything they signed, recorded and audited.
 */

export type StaffAccount = {
  id: string
  name: string
  email: string
  isActive: boolean
  roles: string[]
  twoStep: boolean
}

export function getStaffAccount(userId: string): StaffAccount | null {
  const db = getDb()
  const user = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isActive: users.isActive,
      mfaStatus: userMfa.status,
    })
    .from(users)
    .leftJoin(userMfa, eq(userMfa.userId, users.id))
    .where(eq(users.id, userId))
    .get()
  if (!user) return null
  const roles = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((row) => row.role)
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isActive: user.isActive,
    roles,
    twoStep: user.mfaStatus === 'active',
  }
}

export type StaffAccessRefusal =
  /** No such account. */
  | 'not-found'
  /** An admin may not lock themselves out: another admin does it. */
  | 'self'
  /** The clinic would have no admin left to invite or re-enable anyone. */
  | 'last-admin'

export function setStaffAccess(input: {
  userId: string
  active: boolean
  actor: { userId: string; ipAddress: string | null; requestId: string | null }
  now: Date
}): { ok: true; changed: boolean } | { ok: false; reason: StaffAccessRefusal } {
  return getDb().transaction(
    (tx) => {
      const user = tx
        .select({ id: users.id, isActive: users.isActive })
        .from(users)
        .where(eq(users.id, input.userId))
        .get()
      if (!user) return { ok: false as const, reason: 'not-found' as const }
      if (user.isActive === input.active) return { ok: true as const, changed: false }
      if (!input.active) {
        if (user.id === input.actor.userId) return { ok: false as const, reason: 'self' as const }
        const otherAdmins = tx
          .select({ id: users.id })
          .from(users)
          .innerJoin(userRoles, eq(userRoles.userId, users.id))
          .where(and(eq(userRoles.role, 'admin'), eq(users.isActive, true), ne(users.id, user.id)))
          .all()
        const isAdmin = tx
          .select({ role: userRoles.role })
          .from(userRoles)
          .where(and(eq(userRoles.userId, user.id), eq(userRoles.role, 'admin')))
          .get()
        if (isAdmin && otherAdmins.length === 0)
          return { ok: false as const, reason: 'last-admin' as const }
      }
      tx.update(users)
        .set({ isActive: input.active, updatedAt: input.now })
        .where(eq(users.id, user.id))
        .run()
      if (!input.active) deleteSessionsForUser(tx, user.id)
      recordAuditEvent(tx, {
        action: input.active ? 'staff.sign_in_enabled' : 'staff.sign_in_disabled',
        actor: {
          type: 'staff',
          id: input.actor.userId,
          ipAddress: input.actor.ipAddress,
          requestId: input.actor.requestId,
        },
        subjectType: 'user',
        subjectId: user.id,
        details: {},
        at: input.now,
      })
      return { ok: true as const, changed: true }
    },
    { behavior: 'immediate' },
  )
}
