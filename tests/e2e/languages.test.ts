import { italianDayWithTimes } from '../booking-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'
import { expect, expectAccessible, test } from '../playwright-utils.ts'

/**
 * Italian and English (ADR 038): the first visit follows the browser, the switch on every page
 * remembers a choice, and a browser asking for neither gets the clinic's default (Italian for
 * the demo clinic in Milan). With and without JavaScript.
 */
test.describe('an Italian browser @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('sees Italian first, switches to English and back, and the choice is remembered', async ({
    page,
  }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Microneedling nella nostra clinica di Milano' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Microneedling medico, viso' })).toBeVisible()
    await expect(page.getByText('250,00 €').first()).toBeVisible()
    await expect(page.getByText('60 minuti').first()).toBeVisible()
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      'href',
      /\/\?lang=en$/,
    )
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1)
    const languages = page.getByRole('navigation', { name: 'Lingua' })
    await expect(languages.getByRole('link', { name: 'Italiano' })).toHaveAttribute(
      'aria-current',
      'true',
    )
    await expect(languages.getByRole('link', { name: 'English' })).toHaveAttribute('lang', 'en')
    await expectAccessible(page)

    await languages.getByRole('link', { name: 'English' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Microneedling at our Milan clinic' }),
    ).toBeVisible()
    await expect(page.getByText('€250.00').first()).toBeVisible()
    await expectAccessible(page)

    // Remembered on the next page, although the browser still asks for Italian.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Book', exact: true })
      .click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Which treatment would you like?' }),
    ).toBeVisible()
    await expect(page.getByText(/^Step 1 of \d · Treatment$/)).toBeVisible()

    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('link', { name: 'Italiano' })
      .click()
    await expect(page).toHaveURL(/\/book$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Quale trattamento vuoi fare?' }),
    ).toBeVisible()
    await expect(page.getByText(/^Passo 1 di \d · Trattamento$/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Scegli Consulenza per la pelle' })).toBeVisible()
    await expectAccessible(page)
  })
})

test.describe('an Italian patient choosing a time @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('reads the day-and-time step in Italian: dates, prices, the time zone and the held time', async ({
    page,
  }) => {
    await page.goto('/book')
    await page
      .getByRole('button', { name: 'Scegli Trattamento cosmetico per una pelle luminosa' })
      .click()
    await answerHealthQuestions(page)
    await page.getByRole('link', { name: 'Scegli giorno e orario' }).click()

    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Scegli giorno e orario' }),
    ).toBeVisible()
    await expect(page.getByText(/^Passo \d di \d · Giorno e orario$/)).toBeVisible()
    await expect(page.getByText('Orari indicati: ora di Roma (Europe/Rome).')).toBeVisible()
    const summary = page.getByRole('complementary', { name: 'La tua prenotazione' })
    await expect(summary).toContainText('Trattamento cosmetico per una pelle luminosa')
    await expect(summary).toContainText(/\d+,00\u00a0€/)
    await expect(page.getByRole('radio', { name: 'Chiunque sia libero' })).toBeChecked()
    await expectAccessible(page)

    // Days are named in Italian ("gio 10 dic"); a day with times says how many ("3 orari").
    const dayWithTimes = await italianDayWithTimes(page)
    await expect(dayWithTimes).toHaveText(/^(lun|mar|mer|gio|ven|sab|dom) \d{1,2} \w{3}/)
    await dayWithTimes.click()
    const times = page.getByRole('region', {
      name: /^Scegli un orario per (lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d{1,2} \w+ \d{4}$/,
    })
    const first = times.getByRole('button').first()
    await expect(first).toHaveAccessibleName(/^\d\d:\d\d con .+\. Tieni questo orario$/)
    await first.click()
    // The hold is made once the wizard moves on; navigating earlier could cancel its request.
    await expect(page).toHaveURL(/\/book\/details/)

    // Back on the step, the held time is said in Italian.
    await page.goto('/book/time')
    await expect(page.getByRole('status').first()).toContainText(
      /^Stai tenendo per te \S+ \d{1,2} \w+ \d{4} alle \d\d:\d\d con .+\. Per cambiare, scegli un altro orario\.$/,
    )
    await expect(summary).toContainText('ora di Roma (Europe/Rome)')
    await expectAccessible(page)
  })
})

test.describe('a browser asking for neither language @no-js', () => {
  test.use({ locale: 'fr-FR' })

  test('gets the clinic’s default, Italian; an unknown code anywhere changes nothing', async ({
    page,
    context,
    baseURL,
  }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')

    await page.goto('/?lang=en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.goto('/?lang=xx')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')

    await page.goto('/language?to=de&redirectTo=/book')
    await expect(page).toHaveURL(/\/book$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')

    await context.addCookies([
      { name: 'dermadesk_lang', value: 'not%20a%20language', url: baseURL! },
    ])
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page.getByText('{')).toHaveCount(0)
  })

  test('the switch never leaves the site', async ({ page }) => {
    await page.goto('/language?to=en&redirectTo=https://evil.example/')
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })
})
