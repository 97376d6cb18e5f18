import { type Page } from '@playwright/test'
import { consentContentFor } from '#app/domain/clinical-content/consent-content.ts'
import { holdFirstItalianTime, uniqueEmail } from '../booking-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, expectAccessible, expectNoEnglish, test } from '../playwright-utils.ts'
import { pdfText } from '../support/pdf-text.ts'

/**
 * The informed consent in Italian (ADR 039): an Italian patient reads the form in Italian, passes
 * the check in Italian, signs, and gets the signed PDF in Italian. With and without JavaScript.
 */

/**
 * The health questions, answered "nothing applies" by the fields' names and values, so the test
 * does not depend on the language the questions are written in.
 */
async function answerHealthQuestionsInAnyLanguage(page: Page) {
  const form = page.locator('form').filter({ has: page.locator('input[name="dateOfBirth"]') })
  await expectAccessible(page)
  await form.locator('input[name="dateOfBirth"]').fill('1988-03-14')
  await form.locator('input[name="areas"][value="face"]').check()
  await form.locator('input[name="skinType"][value="III"]').check()
  for (const list of ['skinNow', 'history', 'medicines', 'allergies', 'procedures'])
    await form.locator(`input[name="${list}"][value="none"]`).check()
  await form.locator('input[name="pregnancy"][value="no"]').check()
  await form.locator('button[type="submit"]').click()
  await page.waitForURL(/\/book\/screening\/result/)
}

test.describe('an Italian patient signing the consent @no-js', () => {
  test.use({ locale: 'it-IT' })
  test.describe.configure({ timeout: 120_000 })

  test('reads the form in Italian, passes the check after a wrong answer, signs and downloads the PDF in Italian', async ({
    page,
  }) => {
    const name = 'Giulia Bianchi'
    const email = uniqueEmail('consenso')
    const form = consentContentFor('cosmetic', 'it')

    await page.goto('/book')
    await page
      .getByRole('button', { name: 'Scegli Trattamento cosmetico per una pelle luminosa' })
      .click()
    await answerHealthQuestionsInAnyLanguage(page)
    await page.goto('/book/time')
    await holdFirstItalianTime(page)
    await page.getByLabel('Nome e cognome').fill(name)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Cellulare').fill('+39 333 123 4567')
    const before = new Date()
    await page.getByRole('button', { name: 'Continua' }).click()
    const mail = await waitForEmail({
      to: email,
      subject: /(Il tuo codice email per|Your email code for)/,
      after: before,
    })
    await page
      .getByLabel('Codice ricevuto per email')
      .fill(/(?:Il tuo codice è|Your code is) (\d{6})/.exec(mail.text)![1]!)
    await page.getByRole('button', { name: 'Controlla il codice e continua' }).click()

    // The consent step, in Italian: the page and the form itself.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Leggi e firma il consenso' }),
    ).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page).toHaveTitle('Leggi e firma il consenso | Dermadesk')
    await expect(
      page.getByRole('heading', { name: 'Consenso per il needling estetico' }),
    ).toBeVisible()
    await expect(page.getByText('Versione 2', { exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: '3. Rischi' })).toBeVisible()
    await expect(page.getByText('un’infezione della pelle')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Controlla di aver capito' })).toBeVisible()
    await expectAccessible(page)
    await expectNoEnglish(page)

    // One wrong answer: the part of the form that answers it is shown again, in Italian.
    for (const [index, question] of form.questions.entries()) {
      const answer = index === 0 ? (question.answer + 1) % question.options.length : question.answer
      await page
        .getByRole('group', { name: question.prompt })
        .getByLabel(question.options[answer]!, { exact: true })
        .check()
    }
    await page.getByRole('button', { name: 'Controlla le risposte' }).click()
    const first = page.getByRole('group', { name: form.questions[0]!.prompt })
    await expect(first.getByText('Non proprio.', { exact: false })).toBeVisible()
    await expect(
      first.getByRole('link', { name: /parte 2, “Cosa aspettarti, giorno per giorno”/ }),
    ).toHaveAttribute('href', '#consent-what-to-expect')
    await expectAccessible(page)

    for (const question of form.questions)
      await page
        .getByRole('group', { name: question.prompt })
        .getByLabel(question.options[question.answer]!, { exact: true })
        .check()
    await page.getByRole('button', { name: 'Controlla le risposte' }).click()
    await expect(page.getByText('Tutte le risposte sono giuste.')).toBeVisible()
    await expectAccessible(page)

    await page.getByLabel('Scrivi nome e cognome').fill(name)
    await page.getByLabel(/Ho letto questo modulo di consenso/).check()
    await page.getByRole('button', { name: 'Firma e prenota' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'La tua prenotazione è confermata' }),
    ).toBeVisible()
    await expectNoEnglish(page)
    const reference = (await page.getByText(/Il tuo codice è DD-/).textContent())?.match(
      /DD-[0-9A-Z]{6}/,
    )?.[0]
    expect(reference).toBeTruthy()

    // The signed consent, in the language it was signed in.
    await page.goto(`/bookings/${reference}/consent`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: `Il tuo consenso per la prenotazione ${reference}`,
      }),
    ).toBeVisible()
    await expect(page.getByText('Firmato', { exact: true })).toBeVisible()
    await expect(page.getByText('Lingua della firma')).toBeVisible()
    await expect(page.getByText('Italiano', { exact: true }).last()).toBeVisible()
    await expect(
      page.getByRole('heading', { name: 'Consenso per il needling estetico' }),
    ).toBeVisible()
    await expect(
      page.getByRole('link', { name: 'Scarica il consenso firmato (PDF)' }),
    ).toHaveAttribute('href', `/bookings/${reference}/consent.pdf`)
    await expectAccessible(page)
    await expectNoEnglish(page)

    const response = await page.request.get(`/bookings/${reference}/consent.pdf`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('application/pdf')
    const pdf = await pdfText(await response.body())
    expect(pdf.title).toBe(`Consenso firmato ${reference}`)
    for (const phrase of [
      'Consenso per il needling estetico',
      'Versione 2',
      '1. Cosa facciamo e perché',
      'un’infezione della pelle',
      'Data di nascita',
      'Firmato da (nome e cognome scritti)',
      name,
      'Lingua della firma',
    ])
      expect(pdf.text).toContain(phrase)
  })
})
