import fs from 'node:fs'
import {
  demoPassword,
  DEMO_STAFF,
  E2E_LOG,
  expect,
  expectAccessible,
  openE2eDb,
  SESSION_COOKIE,
  test,
} from '../playwright-utils.ts'

test.describe('staff sign-in @no-js', () => {
  test('a clinician signs in, sees the staff home, and signs out', async ({ page, context }) => {
    await page.goto('/login')
    await expectAccessible(page)
    await page.getByLabel('Email').fill(DEMO_STAFF.nurse)
    await page.getByLabel('Password').fill(demoPassword(DEMO_STAFF.nurse))
    await page.getByRole('button', { name: 'Sign in' }).click()

    await expect(page).toHaveURL('/staff')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hello, Marco Bianchi' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Today at the clinic' })).toBeVisible()
    await expectAccessible(page)

    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })

    await page.getByRole('button', { name: /Sign out/ }).click()
    await expect(page).toHaveURL('/login')

    // The old cookie is worthless once signed out (security goal B4).
    await context.addCookies([{ ...cookie!, expires: -1 }])
    await page.goto('/staff')
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstaff/)
  })

  test('a wrong password gets one plain message and a 401', async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel('Email').fill(DEMO_STAFF.nurse)
    await page.getByLabel('Password').fill('not-the-password-at-all')
    const responsePromise = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect((await responsePromise).status()).toBe(401)
    await expect(page.getByRole('alert')).toHaveText(
      'That email and password do not match an account.',
    )
    // The email is kept, the password is not sent back.
    await expect(page.getByLabel('Email')).toHaveValue(DEMO_STAFF.nurse)
    await expect(page.getByLabel('Password')).toHaveValue('')
    await expectAccessible(page)
  })

  test('empty fields get a message beside each field', async ({ page }) => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('Enter your email address.')).toBeVisible()
    await expect(page.getByText('Enter your password.')).toBeVisible()
    await expect(page.getByLabel('Email')).toBeFocused()
    await expectAccessible(page)
  })

  test('after signing in, staff return to the page they asked for', async ({ page }) => {
    await page.goto('/admin')
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin/)
    await page.getByLabel('Email').fill(DEMO_STAFF.admin)
    await page.getByLabel('Password').fill(demoPassword(DEMO_STAFF.admin))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL('/admin')
    await expect(page.getByRole('heading', { level: 1, name: 'Clinic settings' })).toBeVisible()
    await expectAccessible(page)
  })
})

test.describe('roles and throttling', () => {
  test('a clinician without the admin role is refused the admin pages', async ({ page, login }) => {
    await login('nurse')
    const response = await page.goto('/admin')
    expect(response?.status()).toBe(403)
    await expect(
      page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('an admin sees practitioners and services', async ({ page, login }) => {
    await login('doctorAdmin')
    await page.goto('/admin')
    await expect(page.getByRole('rowheader', { name: /Sofia Conti/ })).toBeVisible()
    await expect(page.getByRole('rowheader', { name: /Cosmetic skin boost/ })).toBeVisible()
    await expectAccessible(page)
  })

  test('repeated failures for one account are throttled with 429', async ({ page }) => {
    const email = 'someone-unknown@dermadesk.example'
    for (let i = 0; i < 10; i++) {
      await page.goto('/login')
      await page.getByLabel('Email').fill(email)
      await page.getByLabel('Password').fill(`guess number ${i}`)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByRole('alert')).toBeVisible()
    }
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('one more guess')
    const responsePromise = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const response = await responsePromise
    expect(response.status()).toBe(429)
    await expect(page.getByRole('alert')).toContainText('Too many sign-in attempts')
    await expectAccessible(page)
  })

  test('passwords never reach the logs, and sign-ins are audited', async ({ request }) => {
    const wrong = await request.post('/login', {
      form: { email: DEMO_STAFF.nurse, password: 'not-the-password-at-all' },
    })
    expect(wrong.status()).toBe(401)
    const right = await request.post('/login', {
      form: { email: DEMO_STAFF.nurse, password: demoPassword(DEMO_STAFF.nurse) },
      maxRedirects: 0,
    })
    expect(right.status()).toBe(302)
    const log = fs.readFileSync(E2E_LOG, 'utf8')
    expect(log).not.toContain(demoPassword(DEMO_STAFF.nurse))
    expect(log).not.toContain('not-the-password-at-all')
    for (const line of log.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow()
    const db = openE2eDb()
    const actions = db.prepare('SELECT DISTINCT action FROM audit_events').all() as {
      action: string
    }[]
    db.close()
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.sign_in.succeeded', 'auth.sign_in.failed']),
    )
  })
})
