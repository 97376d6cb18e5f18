import { type Page } from '@playwright/test'
import { bookSkinBoostAsPatient, uniqueEmail } from '../booking-utils.ts'
import { expect, expectAccessible, expectNoEnglish, test } from '../playwright-utils.ts'

/** The page is in Italian and passes the accessibility check. */
async function expectItalianPage(page: Page, heading: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expectAccessible(page)
  await expectNoEnglish(page)
}

/**
 * Books the skin boost through the wizard in English (its later steps speak English only for
 * now), on the third day with free times: far enough ahead to be cancelled and moved online.
 */
/** Books through the wizard in English (the helpers read English), in this browser. */
async function bookInEnglish(page: Page, name: string, email: string): Promise<string> {
  await page.goto('/language?to=en&redirectTo=/book')
  return bookSkinBoostAsPatient(page, { name, email, practitioner: 'Anyone available' }, 2)
}

test.describe('an Italian patient finding and managing a booking @no-js', () => {
  test.use({ locale: 'it-IT' })
  test.describe.configure({ timeout: 120_000 })

  test('finds a booking, opens a link, and reads the cancel and move pages in Italian', async ({
    page,
  }) => {
    await page.goto('/bookings')
    await expectItalianPage(page, 'Trova la tua prenotazione')
    await expect(page).toHaveTitle('Trova la tua prenotazione | Dermadesk')
    await expect(page.getByText('Ti mandiamo un codice per aprire la prenotazione.')).toBeVisible()
    await page.getByLabel('Codice della prenotazione').fill('DD-12')
    await page.getByLabel('Email').fill('chiara@example.com')
    await page.getByRole('button', { name: 'Mandami un codice' }).click()
    await expect(
      page.getByText('Scrivi il codice che trovi nell’email, per esempio DD-7K4Q2M.'),
    ).toBeVisible()
    await expectAccessible(page)

    await page.goto('/bookings/manage')
    await expectItalianPage(page, 'Apri la tua prenotazione')
    await expect(
      page.getByText('Questo link non è completo. Aprilo di nuovo dalla tua email.'),
    ).toBeVisible()

    const name = 'Chiara Esposito'
    const email = uniqueEmail('italiano')
    const reference = await bookInEnglish(page, name, email)

    // The same browser switches to Italian on the cancel page.
    await page.goto(
      `/language?${new URLSearchParams({ to: 'it', redirectTo: `/bookings/${reference}/cancel` })}`,
    )
    await expect(page).toHaveURL(new RegExp(`/bookings/${reference}/cancel$`))
    await expectItalianPage(page, 'Vuoi annullare la prenotazione?')
    await expect(page).toHaveTitle('Annulla la prenotazione | Dermadesk')
    const main = page.getByRole('main')
    await expect(main.getByText(new RegExp(`, con .+\\. Codice ${reference}\\.$`))).toBeVisible()
    await expect(
      main.getByText(
        /Le nostre regole: puoi annullare o spostare la prenotazione online, gratis, fino a \p{L}+ \d{1,2} \p{L}+ \d{4} alle \d\d:\d\d\./u,
      ),
    ).toBeVisible()
    await expect(main.getByText(/ora di Roma/)).toBeVisible()
    await expect(main.getByLabel('Perché annulli? (se vuoi)')).toBeVisible()
    await expect(main.getByRole('button', { name: 'Sì, annulla la prenotazione' })).toBeVisible()
    await expect(main.getByRole('link', { name: 'No, tieni la prenotazione' })).toBeVisible()

    await page.goto(`/bookings/${reference}/reschedule`)
    await expectItalianPage(page, 'Sposta la prenotazione')
    await expect(page).toHaveTitle('Sposta la prenotazione | Dermadesk')
    await expect(
      page.getByText(/, fissato per \p{L}+ \d{1,2} \p{L}+ \d{4}, \d\d:\d\d–\d\d:\d\d ora di Roma/u),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Non cambiare orario' })).toHaveAttribute(
      'href',
      `/bookings/${reference}`,
    )
    await expect(page.getByRole('region', { name: 'Scegli un giorno' })).toBeVisible()

    // Asking for a new code in Italian.
    await page.goto(`/bookings?reference=${reference}`)
    await expect(page.getByLabel('Codice della prenotazione')).toHaveValue(reference)
    await page.getByLabel('Email').fill(email)
    await page.getByRole('button', { name: 'Mandami un codice' }).click()
    await expectItalianPage(page, 'Controlla la tua email')
    await expect(page.getByText(/Vale per 10 minuti\./)).toBeVisible()
    await page.getByLabel('Codice ricevuto via email').fill('12')
    await page.getByRole('button', { name: 'Apri la mia prenotazione' }).click()
    await expect(
      page.getByText('Scrivi il codice di 6 cifre che trovi nell’email.').first(),
    ).toBeVisible()
  })
})
