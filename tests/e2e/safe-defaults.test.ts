import fs from 'node:fs'
import { type Browser } from '@playwright/test'
import { waitForEmail } from '../mail-utils.ts'
import {
  DEMO_STAFF,
  demoPassword,
  E2E_LOG,
  expect,
  expectAccessible,
  test,
  uniqueClientIp,
  signInAs,
} from '../playwright-utils.ts'

/** Log lines written since `offset` (bytes), parsed. */
function logSince(offset: number): { level: number; msg: string; path?: string }[] {
  return fs
    .readFileSync(E2E_LOG, 'utf8')
    .slice(offset)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: number; msg: string; path?: string })
}

const logSize = () => fs.statSync(E2E_LOG).size

test.describe('redirects after sign-in go only to this site @no-js', () => {
  test('a tab hidden in redirectTo (/%09/evil.example) lands on the staff home after a real sign-in', async ({
    page,
  }) => {
    await page.goto('/login?redirectTo=/%09/evil.example')
    await expectAccessible(page)
    await page.getByLabel('Email').fill(DEMO_STAFF.nurse)
    await page.getByLabel('Password').fill(demoPassword(DEMO_STAFF.nurse))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL('/staff')
    await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible()
  })

  test('every other way off the site falls back to the staff home, and none is a 500', async ({
    request,
  }) => {
    const variants = [
      '/\t/evil.example',
      '\n/staff',
      '/\n/evil.example',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      'https:evil.example',
      'javascript:alert(1)',
      ' /staff',
    ]
    for (const redirectTo of variants) {
      const form = { email: DEMO_STAFF.nurse, password: demoPassword(DEMO_STAFF.nurse), redirectTo }
      const response = await request.post('/login', { form, maxRedirects: 0 })
      expect(response.status(), JSON.stringify(redirectTo)).toBe(302)
      expect(response.headers().location, JSON.stringify(redirectTo)).toBe('/staff')
      // The sign-in page itself renders whatever the query says, without a 500.
      const page = await request.get(`/login?redirectTo=${encodeURIComponent(redirectTo)}`)
      expect(page.status(), JSON.stringify(redirectTo)).toBeLessThan(500)
      await request.post('/logout', { maxRedirects: 0 })
    }
    // A path on this site is kept.
    const response = await request.post('/login', {
      form: {
        email: DEMO_STAFF.nurse,
        password: demoPassword(DEMO_STAFF.nurse),
        redirectTo: '/staff/agenda?view=week',
      },
      maxRedirects: 0,
    })
    expect(response.headers().location).toBe('/staff/agenda?view=week')
  })
})

test.describe('malformed requests', () => {
  test('a URL with a broken escape gets the normal not-found page, and odd requests log no error', async ({
    page,
    request,
  }) => {
    const offset = logSize()
    for (const path of ['/%', '/bookings/%E0%A4%A', '/staff/%ZZ']) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    }
    await expectAccessible(page)
    for (const path of ['/nope?_data=routes/nope', '/book?_data=routes/book', '/?_data=root'])
      expect((await request.get(path)).status(), path).toBeLessThan(500)
    // The last request's line is written as its answer finishes.
    await expect
      .poll(() => logSince(offset).some((l) => l.msg === 'request' && l.path === '/'))
      .toBe(true)
    expect(logSince(offset).filter((line) => line.level >= 50)).toEqual([])
  })
})

test.describe('limits on anonymous paths @no-js', () => {
  test('too many wrong passwords: 429 with Retry-After and a message saying when to try again', async ({
    page,
    request,
  }) => {
    const email = `nobody.${Date.now()}@dermadesk.example`
    for (let i = 0; i < 10; i++) {
      const wrong = await request.post('/login', {
        form: { email, password: `not the password ${i}` },
        maxRedirects: 0,
      })
      expect(wrong.status()).toBe(401)
    }
    const throttled = await request.post('/login', {
      form: { email, password: 'still not it' },
      maxRedirects: 0,
    })
    expect(throttled.status()).toBe(429)
    expect(Number(throttled.headers()['retry-after'])).toBeGreaterThan(60)

    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('and again')
    const [response] = await Promise.all([
      page.waitForResponse((r) => /\/login(\.data)?$/.test(new URL(r.url()).pathname)),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ])
    expect(response.status()).toBe(429)
    expect(response.headers()['retry-after']).toMatch(/^\d+$/)
    await expect(
      page.getByText(/Too many sign-in attempts. Please wait \d+ minutes?/),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('"find my booking" for one reference: the 11th code in a day is refused beside the form with 429', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Any reference will do: the answer is the same whether or not it is someone's booking.
    const reference = `DD-${Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, 'Q')}`
    for (let i = 0; i < 10; i++) {
      // A new cookie jar each time, from clients of their own: only the reference is shared.
      const client = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientIp() },
      })
      const asked = await client.post('/bookings?index', {
        form: { reference, email: `guess${i}.${Date.now()}@example.com` },
        maxRedirects: 0,
      })
      expect(asked.status()).toBe(302)
      await client.dispose()
    }
    await page.goto(`/bookings?reference=${reference}`)
    await page.getByLabel('Email').fill(`one.more.${Date.now()}@example.com`)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: /Send/ }).click(),
    ])
    expect(response.status()).toBe(429)
    expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0)
    await expect(
      page.getByText(/We have sent several codes already. Please try again in about \d+ hours/),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('one client holds at most 4 times at once, whatever the cookies; the 5th is told when to try again', async ({
    browser,
    baseURL,
  }) => {
    const ip = uniqueClientIp()
    // Each browser takes the first time it is offered: the earlier ones are held by then.
    const holdAConsultation = async () => {
      const context = await browser.newContext({
        baseURL,
        javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false,
        extraHTTPHeaders: { 'X-Forwarded-For': ip },
      })
      const page = await context.newPage()
      await page.goto('/book')
      await page.getByRole('button', { name: 'Choose Skin consultation' }).click()
      await expect(
        page.getByRole('heading', { level: 1, name: 'Choose a day and time' }),
      ).toBeVisible()
      await page
        .getByRole('region', { name: 'Choose a day' })
        .getByRole('link', { name: /\d+ times?$/ })
        .first()
        .click()
      await page
        .getByRole('region', { name: /Choose a time on/ })
        .getByRole('button')
        .first()
        .click()
      return { context, page }
    }
    const held: Awaited<ReturnType<typeof holdAConsultation>>[] = []
    for (let i = 0; i < 4; i++) {
      held.push(await holdAConsultation())
      await expect(
        held[i]!.page.getByRole('heading', { level: 1, name: 'Your details' }),
      ).toBeVisible()
    }
    const fifth = await holdAConsultation()
    await expect(
      fifth.page.getByText(/Several times are already being held from your network/),
    ).toBeVisible()
    await expect(
      fifth.page.getByRole('heading', { level: 1, name: 'Choose a day and time' }),
    ).toBeVisible()
    await expectAccessible(fifth.page)
    for (const { context } of [...held, fifth]) await context.close()
  })
})

/** A browser of its own, signed in as the clinic's admin. */
async function signedInAdmin(browser: Browser, baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientIp() },
  })
  await signInAs(context, 'admin')
  return context.newPage()
}

test.describe('staff accounts', () => {
  test('an admin invites a colleague, who sets their own password from the emailed link, once', async ({
    page,
    browser,
    baseURL,
  }) => {
    // Two browsers, an email and five pages checked with axe: more than 30 s on a busy machine.
    test.setTimeout(60_000)
    const admin = await signedInAdmin(browser, baseURL!)
    const email = `laura.ricci.${Date.now()}@dermadesk.example`
    await admin.goto('/admin')
    await admin
      .getByRole('navigation', { name: 'Clinic settings sections' })
      .getByRole('link', { name: 'Staff' })
      .click()
    await expect(admin.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible()
    await expectAccessible(admin)
    // Without a role, the form says so and sends nothing.
    await admin.getByLabel('Full name').fill('Laura Ricci')
    await admin.getByLabel('Email').fill(email)
    await admin.getByRole('button', { name: 'Send the invitation' }).click()
    await expect(admin.getByText('Choose at least one role.')).toBeVisible()
    await admin.getByLabel(/^Clinician/).check()
    // The invitation is written in the clinic's language unless the admin picks another.
    const language = admin.getByRole('group', { name: 'Language of the invitation' })
    await expect(language.getByRole('radio', { name: 'Italiano' })).toBeChecked()
    await language.getByRole('radio', { name: 'English' }).check()
    const sent = new Date()
    await admin.getByRole('button', { name: 'Send the invitation' }).click()
    await expect(admin.getByRole('status')).toContainText(`Invitation sent to ${email}`)
    await expect(admin.getByText(`Laura Ricci (${email}), clinician`)).toBeVisible()
    await expectAccessible(admin)
    await admin.context().close()

    const mail = await waitForEmail({ to: email, subject: /Your staff account at/, after: sent })
    const link = /https?:\/\/\S+\/staff-invite\?token=[A-Za-z0-9_-]{43}/.exec(mail.text)![0]
    const path = new URL(link).pathname + new URL(link).search

    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('New password').fill('short')
    await page.getByLabel('Type it again').fill('different')
    await page.getByRole('button', { name: 'Set my password' }).click()
    await expect(page.getByText(/Use at least 15 characters/)).toBeVisible()
    await expectAccessible(page)
    const password = 'a kettle of lukewarm tea'
    await page.getByLabel('New password').fill(password)
    await page.getByLabel('Type it again').fill(password)
    await page.getByRole('button', { name: 'Set my password' }).click()
    await expect(page.getByText('Your password is set. Sign in with it to continue.')).toBeVisible()
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Laura Ricci' })).toBeVisible()

    // The link works once.
    await page.context().clearCookies()
    await page.goto(path)
    await expect(
      page.getByRole('heading', { level: 1, name: 'This invitation does not work' }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('an admin keeps the clinic details patients read', async ({ page, login }) => {
    await login('admin')
    await page.goto('/admin/clinic')
    await expect(page.getByRole('heading', { level: 1, name: 'Clinic details' })).toBeVisible()
    await expect(page.getByLabel('Phone')).toHaveValue('+39 02 8295 4410')
    await page.getByLabel('Phone').fill('12')
    await page.getByRole('button', { name: 'Save clinic details' }).click()
    await expect(
      page.getByText('Enter the number with its country code, for example +39 02 1234 5678.'),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Phone').fill('+39 02 8295 4410')
    await page.getByRole('button', { name: 'Save clinic details' }).click()
    await expect(page.getByRole('status')).toHaveText('Clinic details saved.')
    await expectAccessible(page)
  })
})
