import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { STAFF_ROLES } from '#app/domain/auth/auth.schema.ts'
import { MFA_STATUSES, SESSION_AUTH_LEVELS } from '#app/domain/auth/mfa.schema.ts'
import { LOCALES } from '#app/i18n/locales.ts'
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
    /** The language this person works in (their profile); null: the clinic's default (ADR 038). */
    locale: text({ enum: LOCALES }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('users_email_lower', sql`${table.email} = lower(${table.email})`),
    check('users_locale', enumCheck(table.locale, LOCALES)),
  ],
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
    /**
     * What the session proved: 'password' only, or 'mfa' (password and second factor). Passing
     * the second factor replaces the session with a new token rather than updating this
     * (docs/decisions/019-staff-two-factor.md).
     */
    authLevel: text({ enum: SESSION_AUTH_LEVELS }).notNull().default('password'),
    /**
     * Clinic tablet mode (docs/decisions/045-clinic-tablet-mode.md): while set, this browser was
     * handed to the patient of this booking; no staff page opens until the staff member types
     * their password again. `tabletPatientTokenHash` is the patient session made for it.
     */
    tabletBookingId: text(),
    tabletLockedAt: instant(),
    tabletPatientTokenHash: text(),
  },
  (table) => [
    // Revoking every session of a user (disablement, password change) looks them up by user.
    index('sessions_user_id').on(table.userId),
    check('sessions_auth_level', enumCheck(table.authLevel, SESSION_AUTH_LEVELS)),
  ],
)

/**
 * A staff member's authenticator app (TOTP, security goals A5 and A6). The seed is 20 random
 * bytes, sealed with AES-256-GCM when TOTP_ENCRYPTION_KEY is set. `lastUsedStep` is the time step
 * of the last accepted code, so a code works once. Wrong codes count in sign_in_throttles under
 * the key "mfa:<user id>".
 */
export const userMfa = sqliteTable(
  'user_mfa',
  {
    userId: text()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: MFA_STATUSES }).notNull(),
    secret: text().notNull(),
    lastUsedStep: integer(),
    createdAt: createdAt(),
    confirmedAt: instant(),
  },
  (table) => [check('user_mfa_status', enumCheck(table.status, MFA_STATUSES))],
)

/** One-time recovery codes: argon2id hashes only; a used code keeps its row with `usedAt`. */
export const userRecoveryCodes = sqliteTable(
  'user_recovery_codes',
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    createdAt: createdAt(),
    usedAt: instant(),
  },
  (table) => [index('user_recovery_codes_user').on(table.userId)],
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

/**
 * An invitation to join the clinic's staff: a one-time link (72 hours) to set a password. Only
 * the token's SHA-256 is kept. Made by an admin, or by `npm run staff:create` for the first one.
 */
export const staffInvitations = sqliteTable(
  'staff_invitations',
  {
    id: id(),
    tokenHash: text().notNull().unique(),
    email: text().notNull(),
    name: text().notNull(),
    /** JSON array of roles the new account gets. */
    roles: text().notNull(),
    /** The admin who invited; null when made on the server's command line. */
    invitedByUserId: text().references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    expiresAt: instant().notNull(),
    acceptedAt: instant(),
    acceptedUserId: text().references(() => users.id, { onDelete: 'restrict' }),
  },
  (table) => [
    check('staff_invitations_email_lower', sql`${table.email} = lower(${table.email})`),
    check(
      'staff_invitations_accepted',
      sql`(${table.acceptedAt} IS NULL) = (${table.acceptedUserId} IS NULL)`,
    ),
    index('staff_invitations_email').on(table.email),
  ],
)
