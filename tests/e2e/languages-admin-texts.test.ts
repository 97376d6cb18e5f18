import { expect, expectAccessible, test } from '../playwright-utils.ts'

/**
 * Admins write a service's words in Italian (service_texts): patients reading Italian see them,
 * patients reading English still see the English. The service is made inactive at the end, so
 * no other test's list of services changes for long. With and without JavaScript.
 */
test.describe('a service’s words in Italian @no-js', () => {
  test.describe.configure({ timeout: 60_000 })

  test('an admin writes a service’s Italian name; a patient reading Italian sees it', async ({
    page,
    login,
  }) => {
    const run = `${test.info().project.name}-${test.info().retry}-${Date.now() % 100000}`
    const english = `Scalp glow ${run}`
    const italian = `Luce per il cuoio capelluto ${run}`
    await login('admin')
    await page.goto('/admin/services/new')
    await page.getByLabel('Name', { exact: true }).fill(english)
    await page.getByLabel('Description for patients').fill('A talk about the scalp.')
    await page.getByLabel('Kind', { exact: true }).selectOption('consultation')
    await page.getByLabel('Tier', { exact: true }).selectOption('cosmetic')
    await page.getByLabel('Downtime', { exact: true }).fill('None.')
    await page.getByLabel('Position in the list').fill('999')
    // Only some of the Italian: a message beside each field still empty.
    await expect(page.getByLabel('Name in Italian')).toHaveAttribute('lang', 'it')
    await page.getByLabel('Name in Italian').fill(italian)
    await page.getByRole('button', { name: 'Add service' }).click()
    await expect(
      page.getByText(
        'Write the name, description and downtime in Italian, or leave all three empty.',
      ),
    ).toHaveCount(2)
    await expectAccessible(page)
    await page.getByLabel('Description in Italian').fill('Un colloquio sul cuoio capelluto.')
    await page.getByLabel('Recovery time in Italian').fill('Nessuno.')
    await page.getByRole('button', { name: 'Add service' }).click()
    await expect(page.getByRole('status')).toHaveText('Added.')
    await expect(page.getByLabel('Name in Italian')).toHaveValue(italian)
    const editUrl = page.url()

    await page.goto('/?lang=it')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page.getByRole('heading', { name: italian })).toBeVisible()
    await expect(page.getByText('Un colloquio sul cuoio capelluto.')).toBeVisible()
    await page.goto('/?lang=en')
    await expect(page.getByRole('heading', { name: english })).toBeVisible()
    await expect(page.getByRole('heading', { name: italian })).toHaveCount(0)

    await page.goto(editUrl)
    await page.getByLabel('Active: patients can book it').uncheck()
    await page.getByRole('button', { name: 'Save service' }).click()
    await expect(page.getByRole('status')).toHaveText('Service saved.')
  })
})

/** The admin's consent pages in Italian (ADR 038). */
test.describe('the admin consent pages in Italian @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('an admin reads the consent forms and their versions in Italian', async ({
    page,
    login,
  }) => {
    await login('admin')
    await page.goto('/admin/consent')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page).toHaveTitle('Moduli di consenso | Impostazioni della clinica | Dermadesk')
    await expect(page.getByRole('heading', { level: 1, name: 'Moduli di consenso' })).toBeVisible()
    await expect(page.getByRole('heading', { name: /^Microneedling medico: / })).toBeVisible()
    await expect(
      page.getByText(/^In uso ora: versione \d+, per le sedute dal /).first(),
    ).toBeVisible()
    await expect(
      page.getByRole('table', {
        name: 'Versioni pubblicate del modulo per il microneedling medico',
      }),
    ).toBeVisible()
    await expectAccessible(page)
    await page
      .getByRole('table', { name: 'Versioni pubblicate del modulo per il microneedling medico' })
      .getByRole('link', { name: /^Versione \d+$/ })
      .first()
      .click()
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: /^Modulo di consenso per il microneedling medico, versione \d+$/,
      }),
    ).toBeVisible()
    await expect(page).toHaveTitle(
      'Versione del modulo di consenso | Impostazioni della clinica | Dermadesk',
    )
    await expect(page.getByRole('heading', { name: 'Domande di verifica' })).toBeVisible()
    await expect(page.getByText(/^Pubblicata il .+\. Vale per le sedute dal /)).toBeVisible()
    await expectAccessible(page)
  })

  test('an admin editing a consent draft reads its messages in Italian', async ({
    page,
    login,
  }) => {
    // Two pages of a long form, each checked with axe twice.
    test.setTimeout(90_000)
    await login('admin')
    await page.goto('/admin/consent')
    // A draft of the cosmetic form: a new one, or the one already open.
    const write = page.getByRole('button', { name: /^Scrivi la versione \d+$/ }).last()
    const open = page.getByRole('link', { name: /^Modifica la bozza della versione \d+$/ }).last()
    await expect(write.or(open)).toBeVisible()
    if (await write.isVisible()) await write.click()
    else await open.click()
    await expect(page.getByRole('heading', { name: 'Modifica la bozza' })).toBeVisible()
    await page.getByLabel('Titolo', { exact: true }).fill('')
    await page.getByRole('button', { name: 'Salva la bozza' }).click()
    await expect(page.getByText('Scrivi un titolo.').first()).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Vale per le sedute dal').fill('')
    await page.getByRole('button', { name: /^Pubblica la versione \d+$/ }).click()
    await expect(page.getByText('Scegli la data da cui vale.').first()).toBeVisible()
    await expectAccessible(page)
    // The draft goes, so that other tests find the forms as they were.
    await page.getByRole('button', { name: 'Elimina questa bozza' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Moduli di consenso' })).toBeVisible()
  })
})
