import { holdFirstItalianTime } from '../booking-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, expectAccessible, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'

/**
 * The patient's language reaches their inbox (ADR 038): a booking started on an Italian page is
 * recorded in Italian, and the email code arrives in Italian.
 */
test.describe('an Italian patient’s emails @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('the email code arrives in Italian', async ({ page }) => {
    const email = `italiano.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
    await page.goto('/book')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expectAccessible(page)
    await page
      .getByRole('button', { name: 'Scegli Trattamento cosmetico per una pelle luminosa' })
      .click()
    await answerHealthQuestions(page)
    await page.getByRole('link', { name: 'Scegli giorno e orario' }).click()

    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Scegli giorno e orario' }),
    ).toBeVisible()
    await expectAccessible(page)
    await holdFirstItalianTime(page)

    // The details step (its words may be English or Italian while it is being translated).
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expectAccessible(page)
    await page.getByLabel(/Full name|Nome e cognome/).fill('Giulia Rossi')
    await page.getByLabel(/^(Email|E-mail)/).fill(email)
    await page.getByLabel(/Mobile phone|Cellulare|Telefono/).fill('+39 333 123 4567')
    await page.getByLabel(/Date of birth|Data di nascita/).fill('1988-03-14')
    const before = new Date()
    await page.getByRole('button', { name: /^(Continue|Continua|Avanti)$/ }).click()

    const mail = await waitForEmail({
      to: email,
      subject: /^Il tuo codice email per /,
      after: before,
    })
    expect(mail.text).toMatch(/^Il tuo codice è \d{6}$/m)
    expect(mail.text).toContain('Scrivilo nella pagina della prenotazione')
    expect(mail.text).toContain('Se non l’hai chiesto tu, puoi ignorare questa email.')
    expect(mail.text).toMatch(/^Telefono \+39/m)
    expect(mail.text).not.toMatch(/Your code|Phone /)
    expect(mail.html).toMatch(/<html[^>]* lang="it"/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expectAccessible(page)
  })
})
