import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, emailOutbox, staffInvitations, userRoles, users } from '#db/schema/index.ts'
import { signIn } from './auth.server.ts'
import {
  acceptStaffInvitation,
  createStaffInvitation,
  getOpenInvitation,
  listStaff,
} from './staff-invitations.server.ts'

const NOW = new Date('2026-12-07T09:00:00Z')
const HOUR = 3600_000
const ADMIN = { userId: '', ipAddress: '198.51.100.7', requestId: 'test' }
const NEW_PASSWORD = 'correct horse battery staple'

function adminId(): string {
  return getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'elena.greco@dermadesk.example'))
    .get()!.id
}

function invite(email = 'laura.ricci@dermadesk.example', now = NOW) {
  const result = createStaffInvitation({
    name: 'Laura Ricci',
    email,
    roles: ['clinician'],
    inviter: { ...ADMIN, userId: adminId() },
    now,
    sendEmail: true,
  })
  if (!result.ok) throw new Error(result.reason)
  return { ...result, token: new URL(result.link).searchParams.get('token')! }
}

const accept = (token: string, now = NOW) =>
  acceptStaffInvitation({
    token,
    password: NEW_PASSWORD,
    now,
    ipAddress: '203.0.113.9',
    requestId: 'test',
  })

function invitationMail(invitationId: string) {
  return getDb()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.dedupeKey, `staff-invitation:${invitationId}`))
    .get()!
}

describe('the invitation email speaks the newcomer’s language', () => {
  const inviteIn = (locale: 'it' | 'en' | undefined, email: string) => {
    const result = createStaffInvitation({
      name: 'Laura Ricci',
      email,
      roles: ['clinician', 'admin'],
      locale,
      inviter: { ...ADMIN, userId: adminId() },
      now: NOW,
      sendEmail: true,
    })
    if (!result.ok) throw new Error(result.reason)
    return { mail: invitationMail(result.invitationId), link: result.link }
  }

  test('English, as the admin chose: the words it always had', () => {
    const { mail, link } = inviteIn('en', 'laura.en@dermadesk.example')
    expect(mail.subject).toBe('Your staff account at Dermadesk Skin Clinic Milano')
    expect(mail.textBody).toBe(
      [
        'Dear Laura Ricci,',
        'You are invited to join Dermadesk Skin Clinic Milano on Dermadesk as clinician and admin.',
        `Set your password here (the link works once, for 72 hours): ${link}`,
        'After the password you will set up two-step sign-in with an authenticator app.',
        'If you did not expect this, you can ignore this email.',
      ].join('\n'),
    )
  })

  test('Italian, as the admin chose, and by default in an Italian clinic', () => {
    for (const [locale, email] of [
      ['it', 'laura.it@dermadesk.example'],
      [undefined, 'laura.default@dermadesk.example'],
    ] as const) {
      const { mail, link } = inviteIn(locale, email)
      expect(mail.subject).toBe('Il tuo account del personale presso Dermadesk Skin Clinic Milano')
      expect(mail.textBody).toBe(
        [
          'Ciao Laura Ricci,',
          'Ti invitiamo a entrare in Dermadesk Skin Clinic Milano su Dermadesk come clinico e amministratore.',
          `Scegli qui la tua password (il link funziona una sola volta, per 72 ore): ${link}`,
          'Dopo la password attiverai la verifica in due passaggi con un’app di autenticazione.',
          'Se non aspettavi questa email, puoi ignorarla.',
        ].join('\n'),
      )
    }
  })
})

describe('staff invitations', () => {
  test('an admin invites; the link sets the password once; the new account signs in with it', async () => {
    const { token, link, invitationId } = invite()
    expect(link).toMatch(/\/staff-invite\?token=[A-Za-z0-9_-]{43}$/)
    // Only the token's hash is stored.
    const stored = getDb().select().from(staffInvitations).get()!
    expect(JSON.stringify(stored)).not.toContain(token)
    // The invitation is emailed, with the link.
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `staff-invitation:${invitationId}`))
      .get()!
    expect(mail.toAddress).toBe('laura.ricci@dermadesk.example')
    expect(mail.textBody).toContain(link)
    expect(getOpenInvitation(token, NOW)).toMatchObject({
      email: 'laura.ricci@dermadesk.example',
      roles: ['clinician'],
    })

    expect(await accept(token, new Date(NOW.getTime() + HOUR))).toEqual({
      ok: true,
      email: 'laura.ricci@dermadesk.example',
    })
    const user = getDb()
      .select()
      .from(users)
      .where(eq(users.email, 'laura.ricci@dermadesk.example'))
      .get()!
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    expect(getDb().select().from(userRoles).where(eq(userRoles.userId, user.id)).all()).toEqual([
      expect.objectContaining({ role: 'clinician' }),
    ])
    // Single use.
    expect(await accept(token, new Date(NOW.getTime() + 2 * HOUR))).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(getOpenInvitation(token, NOW)).toBeNull()

    const signedIn = await signIn({
      email: 'laura.ricci@dermadesk.example',
      password: NEW_PASSWORD,
      ipAddress: '203.0.113.9',
      userAgent: null,
      requestId: 'test',
      previousSessionToken: null,
    })
    expect(signedIn.ok).toBe(true)

    const actions = getDb()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .all()
      .filter((row) => row.action.startsWith('staff.'))
    expect(actions).toEqual([
      { action: 'staff.invited', actorId: adminId() },
      { action: 'staff.invitation_accepted', actorId: user.id },
    ])
    expect(listStaff(NOW).accounts.find((a) => a.email === user.email)).toMatchObject({
      roles: ['clinician'],
      twoStep: false,
    })
  })

  test('a link stops working after 72 hours', async () => {
    const { token } = invite()
    expect(getOpenInvitation(token, new Date(NOW.getTime() + 71 * HOUR))).not.toBeNull()
    expect(await accept(token, new Date(NOW.getTime() + 72 * HOUR))).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(getDb().select().from(users).where(eq(users.name, 'Laura Ricci')).get()).toBeUndefined()
  })

  test('a newer invitation to the same address ends the older link', async () => {
    const first = invite()
    const second = invite('laura.ricci@dermadesk.example', new Date(NOW.getTime() + HOUR))
    expect(await accept(first.token, new Date(NOW.getTime() + 2 * HOUR))).toMatchObject({
      ok: false,
    })
    expect(await accept(second.token, new Date(NOW.getTime() + 2 * HOUR))).toMatchObject({
      ok: true,
    })
    expect(listStaff(new Date(NOW.getTime() + 2 * HOUR)).invitations).toEqual([])
  })

  test('an address that already has an account cannot be invited', () => {
    expect(
      createStaffInvitation({
        name: 'Marco Bianchi',
        email: 'marco.bianchi@dermadesk.example',
        roles: ['admin'],
        inviter: { ...ADMIN, userId: adminId() },
        now: NOW,
        sendEmail: true,
      }),
    ).toEqual({ ok: false, reason: 'already-staff' })
    expect(getDb().select().from(staffInvitations).all()).toEqual([])
  })

  test('the command line invites without an email, as the system', () => {
    const result = createStaffInvitation({
      name: 'boss',
      email: 'boss@new-clinic.example',
      roles: ['admin', 'clinician'],
      inviter: null,
      now: NOW,
      sendEmail: false,
    })
    expect(result.ok).toBe(true)
    expect(getDb().select().from(emailOutbox).all()).toEqual([])
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'staff.invited'))
      .get()!
    expect(audit.actorType).toBe('system')
  })
})
