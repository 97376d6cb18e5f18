import { createHash, randomBytes } from 'node:crypto'
import { and, eq, lt, ne, sql } from 'drizzle-orm'
import { getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { sessions, userMfa, userRoles, users } from '#db/schema/index.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { TABLET_LOCK_MAX_MS } from '#app/domain/tablet/tablet.rules.ts'
import { type StaffRole } from './auth.schema.ts'
import { type SessionAuthLevel } from './mfa.schema.ts'

/** Staff sessions: 15 minutes idle, 12 hours at most (security goal B3, HIPAA automatic logoff). */
export const STAFF_SESSION_IDLE_MS = 15 * 60_000
export const STAFF_SESSION_ABSOLUTE_MS = 12 * 60 * 60_000
/** Writing last-seen on every request would turn every page view into a write. */
const LAST_SEEN_WRITE_INTERVAL_MS = 60_000

/** `locale`: the language the staff member chose in their profile; null = the clinic's default. */
export type StaffUser = {
  id: string
  email: string
  name: string
  roles: StaffRole[]
  locale?: Locale | null
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * A new session: 256 random bits for the cookie, only their hash in the database (goal B2).
 * `absoluteExpiresAt` carries over the limit of a session this one replaces (a second factor
 * renews the token, not the 12 hours).
 */
export function createSession(
  tx: Tx,
  input: {
    userId: string
    ipAddress: string | null
    userAgent: string | null
    now: Date
    authLevel?: SessionAuthLevel
    absoluteExpiresAt?: Date
  },
): string {
  const token = randomBytes(32).toString('base64url')
  tx.insert(sessions)
    .values({
      tokenHash: hashSessionToken(token),
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      absoluteExpiresAt:
        input.absoluteExpiresAt ?? new Date(input.now.getTime() + STAFF_SESSION_ABSOLUTE_MS),
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      authLevel: input.authLevel ?? 'password',
    })
    .run()
  return token
}

export type ActiveSession = {
  status: 'active'
  user: StaffUser
  /** What this session proved (goal A5: 'password' alone never reaches staff pages of an MFA user). */
  authLevel: SessionAuthLevel
  /** The user has a confirmed authenticator app. */
  mfaEnrolled: boolean
  absoluteExpiresAt: Date
}

/**
 * 'locked': the browser was handed to a patient as the clinic tablet (ADR 045); nothing staff
 * opens until the staff member types their password again (app/domain/tablet/tablet.server.ts).
 */
export type SessionLookup =
  ActiveSession | { status: 'locked' } | { status: 'expired' } | { status: 'missing' }

// Every staff page reads its session: prepared once per connection (docs/decisions/025-request-cost.md).
const sessionUserQuery = preparedStatement((db) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      authLevel: sessions.authLevel,
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      isActive: users.isActive,
      mfaStatus: userMfa.status,
      tabletLockedAt: sessions.tabletLockedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userMfa, eq(userMfa.userId, users.id))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare(),
)
const userRolesQuery = preparedStatement((db) =>
  db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, sql.placeholder('userId')))
    .prepare(),
)

/** The signed-in staff user for a session token, ending the session when it has timed out. */
export function getSessionUser(token: string, now = new Date()): SessionLookup {
  const db = getDb()
  const tokenHash = hashSessionToken(token)
  const row = sessionUserQuery(db).get({ tokenHash })
  if (!row) return { status: 'missing' }
  // A locked tablet is idle for the staff member by design; its own limit applies instead.
  const idleExpired = row.tabletLockedAt
    ? now.getTime() - row.tabletLockedAt.getTime() > TABLET_LOCK_MAX_MS
    : now.getTime() - row.lastSeenAt.getTime() > STAFF_SESSION_IDLE_MS
  const absoluteExpired = now.getTime() >= row.absoluteExpiresAt.getTime()
  if (idleExpired || absoluteExpired || !row.isActive) {
    db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run()
    return { status: 'expired' }
  }
  if (row.tabletLockedAt) return { status: 'locked' }
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_WRITE_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash)).run()
  }
  const roles = userRolesQuery(db)
    .all({ userId: row.id })
    .map((r) => r.role)
  return {
    status: 'active',
    user: { id: row.id, email: row.email, name: row.name, roles, locale: row.locale },
    authLevel: row.authLevel,
    mfaEnrolled: row.mfaStatus === 'active',
    absoluteExpiresAt: row.absoluteExpiresAt,
  }
}

export function deleteSession(token: string): string | null {
  const deleted = getDb()
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashSessionToken(token)))
    .returning({ userId: sessions.userId })
    .get()
  return deleted?.userId ?? null
}

/** Ends every session of a user (disablement, password change: security goal B4). */
export function deleteSessionsForUser(tx: Tx, userId: string): void {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run()
}

/** Ends a user's sessions on other devices, after a change to how they sign in. */
export function deleteOtherSessionsForUser(tx: Tx, userId: string, keepToken: string): number {
  return tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashSessionToken(keepToken))))
    .run().changes
}

/**
 * Replaces a session with a new token at a higher level (goal B2: a new token after the second
 * factor; the old one stops working). Null when the old session is already gone, so a token
 * can be promoted only once.
 */
export function promoteSession(
  tx: Tx,
  input: { token: string; ipAddress: string | null; userAgent: string | null; now: Date },
): { token: string; userId: string } | null {
  const old = tx
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashSessionToken(input.token)))
    .returning({ userId: sessions.userId, absoluteExpiresAt: sessions.absoluteExpiresAt })
    .get()
  if (!old) return null
  const token = createSession(tx, {
    userId: old.userId,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    now: input.now,
    authLevel: 'mfa',
    absoluteExpiresAt: old.absoluteExpiresAt,
  })
  return { token, userId: old.userId }
}

/** Housekeeping: sessions past their absolute expiry. */
export function purgeExpiredSessions(now = new Date()): number {
  return getDb().delete(sessions).where(lt(sessions.absoluteExpiresAt, now)).run().changes
}
