import { holdFirstItalianTime, uniqueEmail } from '../booking-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, expectAccessible, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'

/**
 * The details and email-code steps in Italian (ADR 038): the words of the page, the messages of
 * the one schema the browser and the server share, the error summary and the code's messages.
 * The email itself is still English.
 */
test.describe('an Italian patient giving their details @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('reads the details and email-code steps in Italian, messages included', async ({ page }) => {
    await page.goto('/book')
    await page
      .getByRole('button', { name: 'Scegli Trattamento cosmetico per una pelle luminosa' })
      .click()
    await answerHealthQuestions(page)
    await page.getByRole('link', { name: 'Scegli giorno e orario' }).click()
    await holdFirstItalianTime(page)

    // The details step.
    await expect(page.getByRole('heading', { level: 1, name: 'I tuoi dati' })).toBeVisible()
    await expect(page).toHaveTitle('I tuoi dati | Dermadesk')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page.getByText(/^Passo \d di \d · I tuoi dati$/)).toBeVisible()
    await expect(
      page.getByText(
        /^Trattamento cosmetico per una pelle luminosa, \S+ \d{1,2} \w+ \d{4} alle \d\d:\d\d con .+\. Cambia l’orario$/,
      ),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Cambia l’orario' })).toBeVisible()
    await expect(page.getByRole('status').first()).toHaveText(
      /^Teniamo questo orario per te fino alle \d\d:\d\d( \(restano \d+:\d\d\))?\. Se il tempo finisce, puoi andare avanti lo stesso: l’orario è tuo se è ancora libero quando confermi\.$/,
    )
    await expect(
      page.getByText('Come sul tuo documento. Lo scriverai di nuovo per firmare il consenso.'),
    ).toBeVisible()
    await expectAccessible(page)

    // Sent empty: the summary and each field say what is missing, in Italian.
    const dateOfBirth = page.getByLabel('Data di nascita')
    const screenedDateOfBirth = await dateOfBirth.inputValue()
    expect(screenedDateOfBirth).toBe('1988-03-14')
    await dateOfBirth.fill('')
    await page.getByRole('button', { name: 'Continua' }).click()
    await expect(page.getByRole('alert', { name: 'C’è un problema' })).toBeFocused()
    for (const message of [
      'Scrivi il tuo nome e cognome.',
      'Scrivi il tuo indirizzo email.',
      'Scrivi il tuo numero di telefono.',
      'Scrivi la tua data di nascita.',
    ])
      await expect(page.getByText(message)).toHaveCount(2)
    await expect(page.getByLabel('Cellulare')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expectAccessible(page)

    // A number the clinic cannot call gets the Italian example.
    const email = uniqueEmail('italiano')
    await page.getByLabel('Nome e cognome').fill('Giulia Romano')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Cellulare').fill('12')
    await dateOfBirth.fill(screenedDateOfBirth)
    await page.getByRole('button', { name: 'Continua' }).click()
    await expect(
      page.getByText(
        'Scrivi un numero che possiamo chiamare, per esempio 333 123 4567 o +39 02 1234 5678.',
      ),
    ).toHaveCount(2)

    await page.getByLabel('Cellulare').fill('333 123 4567')
    const before = new Date()
    await page.getByRole('button', { name: 'Continua' }).click()

    // The email-code step.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Controlla la tua email' }),
    ).toBeVisible()
    await expect(page).toHaveTitle('Controlla la tua email | Dermadesk')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page.getByText(/^Passo \d di \d · Codice email$/)).toBeVisible()
    await expect(
      page.getByText(`Ti abbiamo mandato un codice di 6 cifre a ${email}. Vale per 10 minuti.`),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Indirizzo sbagliato? Cambialo' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'chiedi un nuovo codice' })).toBeVisible()
    await expectAccessible(page)

    // The booking was started in Italian, so its email code comes in Italian too.
    const mail = await waitForEmail({
      to: email,
      subject: /Il tuo codice email per/,
      after: before,
    })
    const code = /Il tuo codice è (\d{6})/.exec(mail.text)![1]!
    const codeBox = page.getByLabel('Codice ricevuto per email')

    await codeBox.fill('12')
    await page.getByRole('button', { name: 'Controlla il codice e continua' }).click()
    await expect(page.getByText('Scrivi il codice di 6 cifre che trovi nell’email.')).toBeVisible()

    await codeBox.fill(code === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: 'Controlla il codice e continua' }).click()
    await expect(page.getByText('Il codice non è giusto. Ti restano 4 tentativi.')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expectAccessible(page)

    await codeBox.fill(code)
    await page.getByRole('button', { name: 'Controlla il codice e continua' }).click()
    // The code proved the address: on to the consent (still English).
    await expect(page).toHaveURL(/\/book\/consent$/)
  })
})
