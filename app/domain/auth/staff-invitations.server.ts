import { createHash, randomBytes } from 'node:crypto'
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { staffInvitationEmail } from '#app/domain/email/staff-emails.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { clinicSettings, staffInvitations, userMfa, userRoles, users } from '#db/schema/index.ts'
import { type StaffRole, STAFF_ROLES } from './auth.schema.ts'
import { hashPassword } from './password.server.ts'
import { INVITATION_VALID_HOURS, type InviteStaff } from './staff.schema.ts'

/**
 * Staff accounts are never created with a password someone else chose or knows: an admin (or,
 * for a new clinic's first admin, `npm run staff:create` on the server) makes an invitation, and
 * the person sets their own password through its one-time link, which works for 72 hours
 * (docs/decisions/027-safe-by-default.md). Only the link token's SHA-256 is stored.
 */

function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function invitationLink(token: string): string {
  return `${getEnv().APP_ORIGIN}/staff-invite?token=${token}`
}

export type InvitationCreated = {
  ok: true
  invitationId: string
  /** The one-time link: emailed, and printed by the command line; never stored. */
  link: string
  expiresAt: Date
}

/** Who invites: an admin at the app, or the server's operator on the command line (null). */
export type Inviter = { userId: string; ipAddress: string | null; requestId: string | null } | null

function actorOf(inviter: Inviter): AuditActor {
  return inviter
    ? {
        type: 'staff',
        id: inviter.userId,
        ipAddress: inviter.ipAddress,
        requestId: inviter.requestId,
      }
    : { type: 'system' }
}

/**
 * Invites someone to join the staff. An address that already has an account is refused. An
 * earlier open invitation to the same address stops working: only the newest link counts.
 * An admin's invitation is emailed (through the outbox) to the address, in the language the admin
 * chose for the newcomer (the clinic's default when none is given).
 */
export function createStaffInvitation(
  input: InviteStaff & { inviter: Inviter; now: Date; sendEmail: boolean },
  db: Db = getDb(),
): InvitationCreated | { ok: false; reason: 'already-staff' } {
  return db.transaction(
    (tx) => {
      const existing = tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, input.email))
        .get()
      if (existing) return { ok: false as const, reason: 'already-staff' as const }
      tx.update(staffInvitations)
        .set({ expiresAt: input.now })
        .where(
          and(
            eq(staffInvitations.email, input.email),
            isNull(staffInvitations.acceptedAt),
            gt(staffInvitations.expiresAt, input.now),
          ),
        )
        .run()
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(input.now.getTime() + INVITATION_VALID_HOURS * 3600_000)
      const { id: invitationId } = tx
        .insert(staffInvitations)
        .values({
          tokenHash: hashInvitationToken(token),
          email: input.email,
          name: input.name,
          roles: JSON.stringify(input.roles),
          invitedByUserId: input.inviter?.userId ?? null,
          createdAt: input.now,
          expiresAt,
        })
        .returning({ id: staffInvitations.id })
        .get()
      recordAuditEvent(tx, {
        action: 'staff.invited',
        actor: actorOf(input.inviter),
        subjectType: 'staff_invitation',
        subjectId: invitationId,
        details: { email: input.email, roles: input.roles },
        at: input.now,
      })
      const link = invitationLink(token)
      if (input.sendEmail) enqueueEmail(tx, invitationEmail(tx, { ...input, link, invitationId }))
      return { ok: true as const, invitationId, link, expiresAt }
    },
    { behavior: 'immediate' },
  )
}

function invitationEmail(
  tx: Tx,
  input: {
    name: string
    email: string
    roles: StaffRole[]
    link: string
    invitationId: string
    locale?: Locale
  },
) {
  const clinic = tx
    .select({ name: clinicSettings.name, defaultLocale: clinicSettings.defaultLocale })
    .from(clinicSettings)
    .get()
  const { subject, text } = staffInvitationEmail(
    {
      name: input.name,
      roles: input.roles,
      clinicName: clinic?.name ?? null,
      link: input.link,
      validHours: INVITATION_VALID_HOURS,
    },
    input.locale ?? clinic?.defaultLocale ?? 'en',
  )
  return {
    dedupeKey: `staff-invitation:${input.invitationId}`,
    to: input.email,
    subject,
    text,
  }
}

export type OpenInvitation = { id: string; email: string; name: string; roles: StaffRole[] }

function parseRoles(value: string): StaffRole[] {
  const parsed: unknown = JSON.parse(value)
  return Array.isArray(parsed)
    ? parsed.filter((role): role is StaffRole => STAFF_ROLES.includes(role as StaffRole))
    : []
}

function findOpenInvitation(db: Db | Tx, token: string, now: Date) {
  return db
    .select()
    .from(staffInvitations)
    .where(
      and(
        eq(staffInvitations.tokenHash, hashInvitationToken(token)),
        isNull(staffInvitations.acceptedAt),
        gt(staffInvitations.expiresAt, now),
      ),
    )
    .get()
}

/** The invitation a link opens, or null when it is unknown, used or expired. */
export function getOpenInvitation(token: string, now: Date): OpenInvitation | null {
  const row = findOpenInvitation(getDb(), token, now)
  return row ? { id: row.id, email: row.email, name: row.name, roles: parseRoles(row.roles) } : null
}

/**
 * Creates the account from an invitation with the password its owner chose, and uses the link
 * up. The password is hashed before the transaction (argon2 is asynchronous); the transaction
 * checks again that the link is still open, so two posts of one link make one account.
 */
export async function acceptStaffInvitation(input: {
  token: string
  password: string
  now: Date
  ipAddress: string | null
  requestId: string | null
}): Promise<{ ok: true; email: string } | { ok: false; reason: 'invalid' | 'already-staff' }> {
  const db = getDb()
  if (!findOpenInvitation(db, input.token, input.now)) return { ok: false, reason: 'invalid' }
  const passwordHash = await hashPassword(input.password)
  return db.transaction(
    (tx) => {
      const invitation = findOpenInvitation(tx, input.token, input.now)
      if (!invitation) return { ok: false as const, reason: 'invalid' as const }
      const taken = tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, invitation.email))
        .get()
      if (taken) return { ok: false as const, reason: 'already-staff' as const }
      const { id: userId } = tx
        .insert(users)
        .values({
          email: invitation.email,
          name: invitation.name,
          passwordHash,
          passwordChangedAt: input.now,
          createdAt: input.now,
        })
        .returning({ id: users.id })
        .get()
      const roles = parseRoles(invitation.roles)
      for (const role of roles) tx.insert(userRoles).values({ userId, role }).run()
      tx.update(staffInvitations)
        .set({ acceptedAt: input.now, acceptedUserId: userId })
        .where(eq(staffInvitations.id, invitation.id))
        .run()
      recordAuditEvent(tx, {
        action: 'staff.invitation_accepted',
        actor: {
          type: 'staff',
          id: userId,
          ipAddress: input.ipAddress,
          requestId: input.requestId,
        },
        subjectType: 'staff_invitation',
        subjectId: invitation.id,
        details: { roles },
        at: input.now,
      })
      return { ok: true as const, email: invitation.email }
    },
    { behavior: 'immediate' },
  )
}

/** The admin's staff page: every account with its roles and two-step status, and open invitations. */
export function listStaff(now: Date) {
  const db = getDb()
  const accounts = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isActive: users.isActive,
      mfaStatus: userMfa.status,
    })
    .from(users)
    .leftJoin(userMfa, eq(userMfa.userId, users.id))
    .orderBy(asc(users.name))
    .all()
  const roles = db.select().from(userRoles).all()
  const invitations = db
    .select()
    .from(staffInvitations)
    .where(and(isNull(staffInvitations.acceptedAt), gt(staffInvitations.expiresAt, now)))
    .orderBy(desc(staffInvitations.createdAt))
    .all()
  const clinic = db.select({ timeZone: clinicSettings.timeZone }).from(clinicSettings).get()
  return {
    timeZone: clinic?.timeZone ?? 'UTC',
    accounts: accounts.map((account) => ({
      ...account,
      twoStep: account.mfaStatus === 'active',
      roles: roles.filter((role) => role.userId === account.id).map((role) => role.role),
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      name: invitation.name,
      email: invitation.email,
      roles: parseRoles(invitation.roles),
      expiresAt: invitation.expiresAt.getTime(),
    })),
  }
}
