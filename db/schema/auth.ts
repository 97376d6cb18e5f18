import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { STAFF_ROLES } from '#app/domain/auth/auth.schema.ts'
import { createdAt, enumCheck, id, instant, updatedAt } from './columns.ts'

/** Staff sign-in identities. Patients never have a password (they prove their email by code). */
export const users = sqliteTable(
  'users',
  {
    id: id(),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    isActive: integer({ mode: 'boolean' }).notNull().default(true),
    passwordChangedAt: instant().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [check('users_email_lower', sql`${table.email} = lower(${table.email})`)],
)

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: STAFF_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.role] }),
    check('user_roles_role', enumCheck(table.role, STAFF_ROLES)),
  ],
)

/**
 * Server-side sessions (docs/decisions/009-roles-and-permissions.md). The cookie carries a random
 * 256-bit token; only its SHA-256 is stored, so a copy of the database cannot be replayed.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: instant().notNull(),
    absoluteExpiresAt: instant().notNull(),
    ipAddress: text(),
    userAgent: text(),
  },
  // Revoking every session of a user (disablement, password change) looks them up by user.
  (table) => [index('sessions_user_id').on(table.userId)],
)

/**
 * Failed sign-in counters, per account and per client IP, kept in SQLite so that a restart does
 * not reset them (security goal A3).
 */
export const signInThrottles = sqliteTable('sign_in_throttles', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: instant().notNull(),
  blockedUntil: instant(),
})
