import { randomBytes, randomUUID } from 'node:crypto'
import argon2 from 'argon2'
import {
  demoPassword,
  DEMO_STAFF,
  expect,
  expectAccessible,
  openE2eDb,
  test,
} from '../playwright-utils.ts'
import { serverNow, totpAt } from '../test-clock.ts'

/** A clinician of our own, so that two-step sign-in never changes how the demo staff sign in. */
async function createClinician() {
  const email = `mfa-it-${randomBytes(4).toString('hex')}@dermadesk.example`
  const password = `cavallo giusto ${randomBytes(6).toString('hex')}`
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
     VALUES (?, ?, 'Giulia Conti', ?, 1, ?, ?, ?)`,
  ).run(id, email, hash, now, now, now)
  db.prepare(`INSERT INTO user_roles (user_id, role, created_at) VALUES (?, 'clinician', ?)`).run(
    id,
    now,
  )
  db.close()
  return { email, password }
}

/**
 * Staff sign-in in Italian (ADR 038): someone not signed in reads the sign-in page in their
 * browser's language, with the form's and the server's messages in Italian too.
 */
test.describe('staff sign-in in Italian @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('the sign-in page, its messages and a wrong password are in Italian', async ({ page }) => {
    await page.goto('/login')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page).toHaveTitle('Accesso del personale | Dermadesk')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Accesso del personale' }),
    ).toBeVisible()
    await expect(page.getByText('I pazienti non hanno bisogno di un account.')).toBeVisible()
    await expectAccessible(page)

    // Nothing typed: a message beside each field.
    await page.getByRole('button', { name: 'Accedi' }).click()
    await expect(page.getByText('Inserisci la password.')).toBeVisible()

    // A wrong password: the server's message, above the form.
    await page.getByLabel('Email').fill(DEMO_STAFF.nurse)
    await page.getByLabel('Password').fill('non-è-la-password-giusta')
    const responsePromise = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Accedi' }).click()
    expect((await responsePromise).status()).toBe(401)
    await expect(page.getByRole('alert')).toHaveText(
      'Email e password non corrispondono a nessun account.',
    )
    await expect(page.getByLabel('Email')).toHaveValue(DEMO_STAFF.nurse)
    await expectAccessible(page)

    await page.getByLabel('Password').fill(demoPassword(DEMO_STAFF.nurse))
    await page.getByRole('button', { name: 'Accedi' }).click()
    await expect(page).toHaveURL('/staff')

    // Two-step sign-in settings, not set up yet for the nurse.
    await page.goto('/staff/security')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Verifica in due passaggi' }),
    ).toBeVisible()
    await expect(
      page.getByRole('button', { name: 'Attiva la verifica in due passaggi' }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('an invitation link that does not work says so in Italian', async ({ page }) => {
    await page.goto('/staff-invite?token=incompleto')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Questo invito non funziona' }),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Accesso del personale' })).toBeVisible()
    await expectAccessible(page)
  })

  test('two-step sign-in: setting it up, the code page and a recovery code, in Italian', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000)
    const clinician = await createClinician()
    const signIn = async () => {
      await page.goto('/login')
      await page.getByLabel('Email').fill(clinician.email)
      await page.getByLabel('Password').fill(clinician.password)
      await page.getByRole('button', { name: 'Accedi' }).click()
    }
    await signIn()
    await expect(page).toHaveURL('/staff')

    await page.goto('/staff/security')
    await page.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).click()
    await expect(
      page.getByRole('heading', { name: '1. Scansiona questo codice QR con l’app' }),
    ).toBeVisible()
    const secret = (await page.getByLabel('Chiave di configurazione').inputValue()).replace(
      / /g,
      '',
    )
    await expectAccessible(page)

    const code = await totpAt(secret, serverNow().getTime())
    await page.getByLabel('Codice di 6 cifre').fill(code === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).click()
    await expect(page.getByText('Il codice non è corretto.')).toBeVisible()

    await page.getByLabel('Codice di 6 cifre').fill(code)
    await page.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'I tuoi codici di recupero' }),
    ).toBeVisible()
    await expect(page.getByText('Non li mostreremo più.')).toBeVisible()
    const codes = await page
      .getByRole('list', { name: 'Codici di recupero' })
      .getByRole('listitem')
      .allTextContents()
    expect(codes).toHaveLength(10)
    await expectAccessible(page)

    await context.clearCookies()
    await signIn()
    await expect(page).toHaveURL(/\/login\/verify/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Inserisci il codice di accesso' }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Codice di 6 cifre').fill(code === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: 'Continua' }).click()
    await expect(page.getByText('Il codice non è corretto.')).toBeVisible()

    await page.getByText('Hai perso il telefono? Usa un codice di recupero').click()
    await page.getByLabel('Codice di recupero', { exact: true }).fill(codes[0]!)
    await page.getByRole('button', { name: 'Accedi con questo codice di recupero' }).click()
    await expect(page).toHaveURL(/\/staff\/security\?recoveryCodesLeft=9/)
    await expect(page.getByText('Te ne restano 9.')).toBeVisible()
    await expectAccessible(page)
  })
})
