import { serverNow, totpAt } from '../test-clock.ts'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { type BrowserContext, type Page } from '@playwright/test'
import argon2 from 'argon2'
import {
  DEMO_STAFF,
  E2E_LOG,
  expect,
  expectAccessible,
  openE2eDb,
  SESSION_COOKIE,
  test,
  demoPassword,
} from '../playwright-utils.ts'

const STEP_MS = 30_000

/**
 * A clinician of our own, so that turning two-factor on never changes how the demo staff sign
 * in for the other tests (the e2e server runs with REQUIRE_STAFF_MFA=false).
 */
async function createClinician() {
  const email = `mfa-${randomBytes(4).toString('hex')}@dermadesk.example`
  const password = `correct horse ${randomBytes(6).toString('hex')}`
  const hash = await argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  })
  const id = randomUUID()
  const now = serverNow().getTime()
  const db = openE2eDb()
  db.prepare(
    `INSERT INTO users (id, email, name, password_hash, is_active, password_changed_at, created_at, updated_at)
     VALUES (?, ?, 'Paola Ricci', ?, 1, ?, ?, ?)`,
  ).run(id, email, hash, now, now, now)
  db.prepare(`INSERT INTO user_roles (user_id, role, created_at) VALUES (?, 'clinician', ?)`).run(
    id,
    now,
  )
  db.close()
  return { id, email, password }
}

/** The code an authenticator shows now on the server's clock (RFC 6238: SHA-1, 30 s, 6 digits). */
async function totp(secret: string) {
  return totpAt(secret, serverNow().getTime())
}

/** Waits (at most 30 s) until the authenticator shows a code of a later time step. */
async function waitForNextStep(after: number) {
  const step = () => Math.floor(serverNow().getTime() / STEP_MS)
  const target = Math.floor(after / STEP_MS) + 1
  while (step() < target) await new Promise((resolve) => setTimeout(resolve, 250))
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? null
}

async function signInWithPassword(page: Page, who: { email: string; password: string }) {
  await page.goto('/login')
  await expectAccessible(page)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

async function submitCode(page: Page, code: string) {
  await page.getByLabel('6-digit code').fill(code)
  const response = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Continue' }).click()
  return (await response).status()
}

function auditActionsFor(userId: string): string[] {
  const db = openE2eDb()
  const rows = db
    .prepare('SELECT action FROM audit_events WHERE actor_id = ? ORDER BY seq')
    .all(userId) as { action: string }[]
  db.close()
  return rows.map((row) => row.action)
}

test.describe('staff two-step sign-in @no-js', () => {
  test('a clinician enrols, signs in with password and code, and a replayed code is refused', async ({
    page,
    context,
    request,
  }) => {
    test.setTimeout(120_000)
    const clinician = await createClinician()

    await signInWithPassword(page, clinician)
    await expect(page).toHaveURL('/staff')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Two-step sign-in for your account' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Two-step sign-in' })).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click()
    await expect(
      page.getByRole('img', { name: /QR code for your authenticator app/ }),
    ).toBeVisible()
    const secret = (await page.getByLabel('Setup key').inputValue()).replace(/ /g, '')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await expectAccessible(page)

    // A wrong code first: refused beside the field.
    const enrolmentCode = await totp(secret)
    await page.getByLabel('6-digit code').fill(enrolmentCode === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
    await expect(page.getByText('That code is not right.')).toBeVisible()
    await expectAccessible(page)

    const enrolledAt = serverNow().getTime()
    await page.getByLabel('6-digit code').fill(enrolmentCode)
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Your recovery codes' })).toBeVisible()
    await expect(page.getByRole('status')).toContainText('Two-step sign-in is on.')
    const codes = await page
      .getByRole('list', { name: 'Recovery codes' })
      .getByRole('listitem')
      .allTextContents()
    expect(codes).toHaveLength(10)
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const download = page.getByRole('link', { name: 'Download the codes as a text file' })
    await expect(download).toHaveAttribute('download', 'dermadesk-recovery-codes.txt')
    const text = decodeURIComponent((await download.getAttribute('href'))!.split(',')[1]!)
    for (const code of codes) expect(text).toContain(code)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'I have saved my codes: continue' }).click()
    await expect(page).toHaveURL('/staff')
    await page.getByRole('button', { name: /Sign out/ }).click()
    await expect(page).toHaveURL('/login')

    // Password first: a new cookie that reaches no staff page (goals A5, B2).
    const beforeSignIn = await sessionCookie(context)
    await signInWithPassword(page, clinician)
    await expect(page).toHaveURL('/login/verify?redirectTo=%2Fstaff')
    const afterPassword = await sessionCookie(context)
    expect(afterPassword).not.toBeNull()
    expect(afterPassword).not.toBe(beforeSignIn)
    await page.goto('/staff')
    await expect(page).toHaveURL('/login/verify?redirectTo=%2Fstaff')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' }),
    ).toBeVisible()
    await expectAccessible(page)

    // The code used to turn it on is used up.
    expect(await submitCode(page, enrolmentCode)).toBe(401)
    await expect(page.getByText('That code was already used.')).toBeVisible()
    await expect(page.getByLabel('6-digit code')).toHaveValue('')
    await expectAccessible(page)

    await waitForNextStep(enrolledAt)
    const signInCode = await totp(secret)
    await submitCode(page, signInCode)
    await expect(page).toHaveURL('/staff')
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Paola Ricci' })).toBeVisible()
    await expectAccessible(page)
    const afterCode = await sessionCookie(context)
    expect(new Set([beforeSignIn, afterPassword, afterCode]).size).toBe(3)

    // The password-only cookie stopped working when the code was accepted.
    const replayedCookie = await request.get('/staff', {
      headers: { Cookie: `${SESSION_COOKIE}=${afterPassword}` },
      maxRedirects: 0,
    })
    expect(replayedCookie.status()).toBe(302)
    expect(replayedCookie.headers()['location']).toMatch(/^\/login\?/)

    // The same code again, on a new sign-in: refused.
    await page.getByRole('button', { name: /Sign out/ }).click()
    await expect(page).toHaveURL('/login')
    await signInWithPassword(page, clinician)
    await expect(page).toHaveURL(/\/login\/verify/)
    expect(await submitCode(page, signInCode)).toBe(401)
    await expect(page.getByText('That code was already used.')).toBeVisible()

    // Lost phone: a recovery code signs in once.
    await page.getByText('Lost your phone? Use a recovery code').click()
    await page.getByLabel('Recovery code', { exact: true }).fill(codes[0]!.toLowerCase())
    await page.getByRole('button', { name: 'Sign in with this recovery code' }).click()
    await expect(page).toHaveURL('/staff/security?recoveryCodesLeft=9')
    await expect(page.getByRole('status')).toContainText('You have 9 left')
    await expectAccessible(page)

    expect(auditActionsFor(clinician.id)).toEqual(
      expect.arrayContaining([
        'auth.mfa.enrolment_started',
        'auth.mfa.enrolled',
        'auth.mfa.failed',
        'auth.mfa.succeeded',
        'auth.mfa.recovery_used',
      ]),
    )
    // Nothing secret in the server's log or the audit log (goal E1).
    const db = openE2eDb()
    const audit = JSON.stringify(db.prepare('SELECT * FROM audit_events').all())
    const stored = db
      .prepare('SELECT secret FROM user_mfa WHERE user_id = ?')
      .get(clinician.id) as {
      secret: string
    }
    db.close()
    expect(stored.secret).toMatch(/^v1:aes-256-gcm:/) // sealed with TOTP_ENCRYPTION_KEY
    const log = fs.readFileSync(E2E_LOG, 'utf8')
    for (const needle of [secret, enrolmentCode, signInCode, clinician.password, ...codes]) {
      // A 6-digit code is looked for as a whole token: the log's request timings ("ms":13.196432)
      // are digits too, and once held a code by chance.
      const token = new RegExp(`(?<![\\w.])${escapeRegExp(needle)}(?![\\w])`)
      expect(log).not.toMatch(token)
      expect(audit).not.toMatch(token)
    }
  })

  test('turning two-step sign-in off needs the current password', async ({ page }) => {
    // Many pages, each checked with axe (a copy of the page without JavaScript): slow on 2 cores.
    test.setTimeout(90_000)
    const clinician = await createClinician()
    await signInWithPassword(page, clinician)
    await expect(page).toHaveURL('/staff')
    await expectAccessible(page)
    await page.goto('/staff/security')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click()
    await expectAccessible(page)
    const secret = (await page.getByLabel('Setup key').inputValue()).replace(/ /g, '')
    await page.getByLabel('6-digit code').fill(await totp(secret))
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'I have saved my codes: continue' }).click()
    await expect(page).toHaveURL('/staff')
    await page.goto('/staff/security')
    await expect(page.getByText('Recovery codes left')).toBeVisible()
    await expectAccessible(page)

    const turnOff = page.getByRole('form', { name: 'Turn off two-step sign-in' })
    await turnOff.getByLabel('Your current password').fill('not the password at all')
    await turnOff.getByRole('button', { name: 'Turn off two-step sign-in' }).click()
    await expect(
      page
        .getByRole('form', { name: 'Turn off two-step sign-in' })
        .getByText('That password is not right.'),
    ).toBeVisible()
    await expectAccessible(page)

    await page
      .getByRole('form', { name: 'Turn off two-step sign-in' })
      .getByLabel('Your current password')
      .fill(clinician.password)
    await page
      .getByRole('form', { name: 'Turn off two-step sign-in' })
      .getByRole('button', { name: 'Turn off two-step sign-in' })
      .click()
    await expect(page.getByRole('status')).toContainText('Two-step sign-in is off.')
    await expect(page.getByRole('button', { name: 'Set up two-step sign-in' })).toBeVisible()
    await expectAccessible(page)
    expect(auditActionsFor(clinician.id)).toEqual(
      expect.arrayContaining(['auth.reauth.failed', 'auth.mfa.disabled']),
    )
  })
})

test.describe('audit log @no-js', () => {
  test('an admin browses and filters the audit log and verifies the chain', async ({ page }) => {
    test.setTimeout(90_000)
    // A real sign-in through the form: its audit entry is what the page shows first.
    await signInWithPassword(page, {
      email: DEMO_STAFF.doctorAdmin,
      password: demoPassword(DEMO_STAFF.doctorAdmin),
    })
    await expect(page).toHaveURL('/staff')
    await page.goto('/admin')
    await expectAccessible(page)
    await page
      .getByRole('navigation', { name: 'Clinic settings sections' })
      .getByRole('link', { name: 'Audit log' })
      .click()
    await expect(page).toHaveURL('/admin/audit')
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
    // The admin's own sign-in is there, newest entries first.
    await expect(page.getByRole('cell', { name: 'auth.sign_in.succeeded' }).first()).toBeVisible()
    await expectAccessible(page)

    // Markup typed into a filter is stored in the view's audit entry and shown as text only.
    const markup = '<img src=x onerror=alert(1)>'
    await page.getByLabel('Who').fill(markup)
    await page.getByRole('button', { name: 'Show entries' }).click()
    await expect(page.getByText('No entries match.')).toBeVisible()
    await page.getByRole('link', { name: 'Clear filters' }).click()
    await expect(page).toHaveURL('/admin/audit')
    await expect(page.getByText(markup).first()).toBeVisible()
    await expect(page.getByRole('table').getByRole('img')).toHaveCount(0)

    await page.getByLabel('Action starts with').fill('auth.sign_in')
    await page.getByLabel('Who').fill(DEMO_STAFF.doctorAdmin)
    await page.getByRole('button', { name: 'Show entries' }).click()
    await expect(page).toHaveURL(/action=auth.sign_in/)
    // Each row: the time as its header, then the action in the first cell.
    const rows = page.getByRole('table').getByRole('row')
    const count = await rows.count()
    expect(count).toBeGreaterThan(1)
    for (let i = 1; i < count; i++)
      await expect(rows.nth(i).getByRole('cell').first()).toHaveText(/^auth\.sign_in\./)
    await expect(page.getByRole('cell', { name: /Giulia Romano/ }).first()).toBeVisible()
    await expectAccessible(page)

    // An impossible date range is explained, not run.
    await page.getByLabel('From').fill('2026-12-02')
    await page.getByLabel('To').fill('2026-12-01')
    const response = page.waitForResponse((r) => r.url().includes('/admin/audit'))
    await page.getByRole('button', { name: 'Show entries' }).click()
    expect((await response).status()).toBe(400)
    await expect(page.getByText('The end date must be on or after the start date.')).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Verify chain' }).click()
    await expect(page.getByRole('status')).toContainText('The chain is intact:')
    await expectAccessible(page)

    const db = openE2eDb()
    const own = db
      .prepare(
        `SELECT a.action FROM audit_events a JOIN users u ON u.id = a.actor_id
          WHERE u.email = ? AND a.action IN ('audit.viewed', 'audit.chain_verified')`,
      )
      .all(DEMO_STAFF.doctorAdmin) as { action: string }[]
    db.close()
    expect(own.map((row) => row.action)).toEqual(
      expect.arrayContaining(['audit.viewed', 'audit.chain_verified']),
    )
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
