import { passCheck, sign } from '../consent-utils.ts'
import { holdFirstItalianTime, uniqueEmail } from '../booking-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, expectAccessible, expectNoEnglish, openE2eDb, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'

/**
 * The health screening in Italian (issue 16, ADR 038): the questions, the form's messages, the
 * result and the rules' explanations for the patient; the review queue and page for a clinician
 * whose page is Italian, with the rules' words and the answers in Italian.
 */

/** A patient name nobody else in this run has (letters only, as the name field wants). */
function uniqueName(first: string) {
  const letters = Array.from({ length: 6 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('')
  return `${first} ${letters[0]!.toUpperCase()}${letters.slice(1)}`
}

const COLD_SORES = 'Herpes sul labbro, anche una volta sola'

test.describe('an Italian patient answering the health questions', () => {
  test.use({ locale: 'it-IT' })

  test('reads the questions, the messages and the result in Italian @no-js', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto('/book')
    await page
      .getByRole('button', { name: 'Scegli Trattamento cosmetico per una pelle luminosa' })
      .click()
    await expect(page).toHaveURL(/\/book\/screening\/questions$/)

    // The questions.
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page).toHaveTitle('Domande sulla salute | Dermadesk')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Domande sulla salute' }),
    ).toBeVisible()
    await expect(page.getByText('Queste domande ci aiutano a tenerti al sicuro.')).toBeVisible()
    await expect(page.getByRole('group', { name: 'Sei incinta o allatti?' })).toBeVisible()
    await expect(
      page.getByText(
        'Pastiglie per l’acne con isotretinoina (come Roaccutan o Isotretinoina). Le prendo ora.',
      ),
    ).toBeVisible()
    await expectAccessible(page)
    await expectNoEnglish(page)

    // Sent empty: the summary and each question say what is missing, in Italian.
    await page.getByRole('button', { name: 'Controlla le mie risposte' }).click()
    await expect(page.getByRole('alert', { name: 'C’è un problema' })).toBeFocused()
    for (const message of [
      'Scrivi la tua data di nascita.',
      'Scegli almeno una zona.',
      'Rispondi a questa domanda. Scegli “No” se non ti riguarda.',
    ])
      await expect(page.getByText(message)).toHaveCount(2)
    await expect(page.getByLabel('La tua data di nascita')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expectAccessible(page)

    // Answered: a past cold sore needs a clinician's review.
    await answerHealthQuestions(page, { history: [COLD_SORES] })
    await expect(page).toHaveURL(/\/book\/screening\/result$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page).toHaveTitle('Le tue risposte sulla salute | Dermadesk')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Un medico controllerà le tue risposte' }),
    ).toBeVisible()
    await expect(
      page.getByRole('heading', { level: 2, name: 'Cosa controllerà un medico' }),
    ).toBeVisible()
    await expect(
      page.getByText(
        'Hai avuto l’herpes sul labbro. Il trattamento può farlo tornare. Un medico controlla se ti serve un farmaco per prevenirlo.',
      ),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Prenota invece una consulenza' })).toBeVisible()
    await expectAccessible(page)

    // Changing the answers keeps them, in Italian.
    await page.getByRole('link', { name: 'Cambia le mie risposte' }).click()
    await expect(
      page.getByRole('group', { name: 'Hai mai avuto una di queste cose?' }).getByLabel(COLD_SORES),
    ).toBeChecked()
    await expectAccessible(page)
  })

  test('an answer that needs review reaches a clinician whose page is Italian', async ({
    page,
    login,
  }) => {
    // A whole booking, the patient's pages and the clinician's: longer than one step's test.
    test.setTimeout(90_000)
    const name = uniqueName('Chiara')
    const email = uniqueEmail('screening-it')
    await page.goto('/book')
    await page
      .getByRole('button', { name: 'Scegli Trattamento cosmetico per una pelle luminosa' })
      .click()
    await answerHealthQuestions(page, { history: [COLD_SORES] })
    await expect(
      page.getByRole('heading', { level: 1, name: 'Un medico controllerà le tue risposte' }),
    ).toBeVisible()
    await page.getByRole('link', { name: 'Scegli giorno e orario' }).click()
    await holdFirstItalianTime(page)

    // Details and the email code, in Italian (as languages-details.test.ts).
    await expect(page.getByRole('heading', { level: 1, name: 'I tuoi dati' })).toBeVisible()
    await page.getByLabel('Nome e cognome').fill(name)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Cellulare').fill('333 123 4567')
    const before = new Date()
    await page.getByRole('button', { name: 'Continua' }).click()
    const mail = await waitForEmail({
      to: email,
      subject: /Il tuo codice email per/,
      after: before,
    })
    await page
      .getByLabel('Codice ricevuto per email')
      .fill(/Il tuo codice è (\d{6})/.exec(mail.text)![1]!)
    await page.getByRole('button', { name: 'Controlla il codice e continua' }).click()
    await passCheck(page)
    await sign(page, name, 'Sign and book')
    await expect(page).toHaveURL(/\/book\/confirmation$/)
    await expect(page.getByText(/DD-[0-9A-Z]{6}/).first()).toBeVisible()

    // The answers were given in Italian, and the record says so.
    const db = openE2eDb()
    const row = db
      .prepare(
        `SELECT s.locale AS locale, b.reference AS reference, b.status AS status
         FROM screening_submissions s JOIN bookings b ON b.id = s.booking_id
         JOIN patients p ON p.id = b.patient_id WHERE p.email = ?`,
      )
      .get(email) as { locale: string; reference: string; status: string }
    db.close()
    expect(row).toMatchObject({ locale: 'it', status: 'pending_review' })

    // The patient's own health answers, and the page to change them, in Italian.
    await page.goto(`/bookings/${row.reference}/screening`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Le tue risposte sulla salute' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Cosa ci hai detto' })).toBeVisible()
    await expect(page.getByText(/^Hai avuto l’herpes sul labbro\./)).toBeVisible()
    await expect(page.getByText(COLD_SORES)).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Cambia le mie risposte' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Cambia le tue risposte sulla salute' }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Salva le mie risposte' })).toBeVisible()
    await expectAccessible(page)

    // A clinician reads the queue and the review in Italian.
    await page.context().clearCookies()
    await login('nurse')
    await page.goto('/staff/reviews?lang=it')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page).toHaveTitle('Revisioni di idoneità | Dermadesk')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Revisioni di idoneità' }),
    ).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Segnalazioni' })).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: new RegExp(`rivedi ${name}`) }).click()

    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(
      page.getByRole('heading', { level: 1, name: `Revisione per ${name}` }),
    ).toBeVisible()
    await expect(
      page.getByRole('heading', { level: 2, name: 'Cosa hanno segnalato le regole' }),
    ).toBeVisible()
    const finding = page.getByRole('listitem').filter({ hasText: 'Anamnesi di herpes labiale' })
    await expect(finding).toContainText('Revisione del medico')
    await expect(finding).toContainText('copertura antivirale')
    await expect(finding).toContainText(
      'Al paziente è stato detto: “Hai avuto l’herpes sul labbro.',
    )
    // The answers, in the clinician's Italian terms.
    await expect(page.getByText('Anamnesi di HSV (herpes labiale)')).toBeVisible()
    await expect(
      page.getByRole('button', { name: 'Approva e conferma la prenotazione' }),
    ).toBeVisible()
    await expectAccessible(page)
    await expectNoEnglish(page)

    // Sent empty, a question for the patient is asked for in Italian.
    await page.getByRole('button', { name: 'Invia la domanda' }).click()
    await expect(page.getByText('Scrivi la domanda per il paziente.').first()).toBeVisible()
    await expectAccessible(page)
  })
})
