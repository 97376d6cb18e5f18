import { demoPassword, DEMO_STAFF, expect, expectAccessible, test } from '../playwright-utils.ts'

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
})
