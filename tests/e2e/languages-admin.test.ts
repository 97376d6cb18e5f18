import { serverNow } from '../test-clock.ts'
import { DateTime } from 'luxon'
import { formatCalendarDate } from '#app/utils/format.ts'
import { expect, expectAccessible, expectNoEnglish, openE2eDb, test } from '../playwright-utils.ts'
import { waitForEmail } from '../mail-utils.ts'

const ZONE = 'Europe/Rome'

/**
 * A day far ahead with no closure and no booking, so that closing the clinic strands nothing and
 * no other test's day changes. Each run (with and without JavaScript, retries) takes its own.
 */
function freeDay(): string {
  const db = openE2eDb()
  const closed = db.prepare('SELECT date FROM clinic_closures').all() as { date: string }[]
  const booked = db
    .prepare(
      "SELECT start_at AS startAt FROM bookings WHERE status IN ('held', 'pending_review', 'confirmed')",
    )
    .all() as { startAt: number }[]
  db.close()
  const taken = new Set([
    ...closed.map((row) => row.date),
    ...booked.map((row) => DateTime.fromMillis(row.startAt, { zone: ZONE }).toISODate()),
  ])
  const project = test.info().project.name === 'no-js' ? 1 : 0
  let day = DateTime.fromJSDate(serverNow(), { zone: ZONE })
    .startOf('day')
    .plus({ days: 400 + project * 30 + test.info().retry * 7 })
  while (taken.has(day.toISODate()!)) day = day.plus({ days: 1 })
  return day.toISODate()!
}

/**
 * The admin console in Italian (ADR 038): an admin whose browser asks for Italian adds a
 * practitioner and sets their working hours, closes the clinic for a day, prices a service and
 * reads the audit log, with messages beside the fields in Italian. With and without JavaScript.
 * What it creates is inactive (patients never see it) and the closure is reopened at the end.
 */
test.describe('the admin console in Italian @no-js', () => {
  test.use({ locale: 'it-IT' })
  // Each walk visits several pages and checks each with axe: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 60_000 })

  test('an admin reads the overview, adds a practitioner and sets their working hours', async ({
    page,
    login,
  }) => {
    const run = `${test.info().project.name}-${test.info().retry}-${Date.now() % 100000}`
    await login('admin')
    await page.goto('/admin')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page).toHaveTitle('Impostazioni della clinica | Dermadesk')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Impostazioni della clinica' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Regole di prenotazione' })).toBeVisible()
    await expect(page.getByText('250,00 €').first()).toBeVisible()
    await expectAccessible(page)
    const sections = page.getByRole('navigation', {
      name: 'Sezioni delle impostazioni della clinica',
    })

    // A practitioner, and their working hours: a mistake first, in Italian beside the field.
    await sections.getByRole('link', { name: 'Professionisti' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Professionisti' })).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Aggiungi un professionista' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Aggiungi un professionista' }),
    ).toBeVisible()
    const name = `Dott.ssa Marta Bianchi ${run}`
    await page.getByLabel('Nome', { exact: true }).fill(name)
    await page.getByLabel('Titolo', { exact: true }).fill('Medico dermatologo')
    await page.getByLabel('Iscrizione', { exact: true }).fill('OMCeO Milano 12345')
    await page.getByLabel('Profondità massima (mm)').fill('1,5')
    await page.getByLabel('Attivo: proposto ai pazienti').uncheck()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Aggiungi il professionista' }).click()
    await expect(page.getByRole('status')).toHaveText('Aggiunto.')
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Orari di lavoro' })).toBeVisible()

    await page.getByLabel('Lunedì fascia 1 Inizio').fill('13:00')
    await page.getByLabel('Lunedì fascia 1 Fine').fill('10:00')
    await page.getByRole('button', { name: 'Salva gli orari di lavoro' }).click()
    await expect(page.getByText('L’ora di fine deve essere dopo l’ora di inizio.')).toBeVisible()
    await expect(page.getByLabel('Lunedì fascia 1 Fine')).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)
    await page.getByLabel('Lunedì fascia 1 Inizio').fill('09:00')
    await page.getByLabel('Lunedì fascia 1 Fine').fill('13:00')
    await page.getByRole('button', { name: 'Salva gli orari di lavoro' }).click()
    await expect(page.getByRole('status')).toHaveText('Orari di lavoro salvati.')
    await expect(page.getByLabel('Lunedì fascia 1 Inizio')).toHaveValue('09:00')
    await expect(page.getByLabel('Lunedì fascia 2 Inizio')).toHaveValue('')
    await expectAccessible(page)
  })

  test('an admin sends a closure empty, reads why in Italian, then closes and reopens a day', async ({
    page,
    login,
  }) => {
    const run = `${test.info().project.name}-${test.info().retry}-${Date.now() % 100000}`
    await login('admin')
    await page.goto('/admin/closures')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    // A closure: sent empty first, the message is in Italian beside the field.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Chiusure della clinica' }),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Aggiungi la chiusura' }).click()
    await expect(page.getByText('Inserisci una data.')).toBeVisible()
    await expect(page.getByLabel('Data', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('Inserisci un motivo, per esempio Natale.')).toBeVisible()
    await expectAccessible(page)
    const day = freeDay()
    await page.getByLabel('Data', { exact: true }).fill(day)
    await page.getByLabel('Motivo', { exact: true }).fill(`Festa del patrono ${run}`)
    await page.getByRole('button', { name: 'Aggiungi la chiusura' }).click()
    await expect(page.getByRole('status')).toHaveText('Chiusura aggiunta.')
    const closure = page.getByRole('row', { name: new RegExp(formatCalendarDate(day, 'it')) })
    await expect(closure).toContainText(`Festa del patrono ${run}`)
    await expectAccessible(page)
    await closure.getByRole('button', { name: /^Riapri/ }).click()
    await expect(page.getByRole('status')).toHaveText('Chiusura rimossa.')
  })

  test('an admin prices a service the Italian way and reads it as Italians read prices', async ({
    page,
    login,
  }) => {
    const run = `${test.info().project.name}-${test.info().retry}-${Date.now() % 100000}`
    await login('admin')
    await page.goto('/admin/services')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    const sections = page.getByRole('navigation', {
      name: 'Sezioni delle impostazioni della clinica',
    })
    // A service's price, written the Italian way and shown as Italians read prices.
    await expect(page.getByRole('heading', { level: 1, name: 'Servizi' })).toBeVisible()
    await expect(page.getByText('250,00 €').first()).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Aggiungi un servizio' }).click()
    const service = `Consulenza per il cuoio capelluto ${run}`
    await page.getByLabel('Nome', { exact: true }).fill(service)
    await page.getByLabel('Descrizione per i pazienti').fill('Un colloquio sul cuoio capelluto.')
    await page.getByLabel('Tipo', { exact: true }).selectOption('consultation')
    await page.getByLabel('Livello', { exact: true }).selectOption('cosmetic')
    await page.getByLabel('Prezzo in euro (facoltativo)').fill('80')
    await page.getByLabel('Tempi di recupero').fill('Nessuno.')
    await page.getByLabel('Attivo: i pazienti possono prenotarlo').uncheck()
    await page.getByRole('button', { name: 'Aggiungi il servizio' }).click()
    await expect(page.getByRole('status')).toHaveText('Aggiunto.')
    await expect(page.getByLabel('Prezzo in euro (facoltativo)')).toHaveValue('80,00')
    await page.getByLabel('Prezzo in euro (facoltativo)').fill('9,5x')
    await page.getByRole('button', { name: 'Salva il servizio' }).click()
    await expect(
      page.getByText(
        'Inserisci un prezzo in euro, per esempio 250 o 89,50, oppure lascialo vuoto.',
      ),
    ).toBeVisible()
    await page.getByLabel('Prezzo in euro (facoltativo)').fill('95,50')
    await page.getByRole('button', { name: 'Salva il servizio' }).click()
    await expect(page.getByRole('status')).toHaveText('Servizio salvato.')
    await expect(page.getByLabel('Prezzo in euro (facoltativo)')).toHaveValue('95,50')
    await expectAccessible(page)
    await sections.getByRole('link', { name: 'Servizi' }).click()
    await expect(page.getByRole('row', { name: new RegExp(service) })).toContainText('95,50 €')
  })

  test('an admin browses and filters the audit log and checks the chain', async ({
    page,
    login,
  }) => {
    await login('admin')
    await page.goto('/admin/audit')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    // The audit log: Italian around the stored action codes.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Registro delle attività' }),
    ).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Quando' })).toBeVisible()
    await expect(page.getByText(/^Voci dalla n\. \d+ alla n\. \d+$/)).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('L’azione inizia con').fill('admin.')
    await page.getByRole('button', { name: 'Mostra le voci' }).click()
    await expect(page.getByRole('columnheader', { name: 'Azione' })).toBeVisible()
    await page.getByRole('button', { name: 'Verifica la catena' }).click()
    await expect(page.getByRole('status')).toContainText('La catena è integra:')
    await expectAccessible(page)
    // Each action has an Italian name beside its stored code.
    await page.getByLabel('L’azione inizia con').fill('audit.viewed')
    await page.getByRole('button', { name: 'Mostra le voci' }).click()
    const viewed = page.getByRole('cell', { name: /Registro delle attività consultato/ }).first()
    await expect(viewed).toBeVisible()
    await expect(viewed).toContainText('audit.viewed')
    await expect(page.getByRole('option', { name: 'Prenotazione (booking)' })).toBeAttached()
    await expectAccessible(page)
  })

  test('an admin invites a colleague: the staff page and its messages in Italian', async ({
    page,
    login,
  }) => {
    await login('admin')
    await page.goto('/admin/staff')
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page.getByRole('heading', { level: 1, name: 'Personale' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Accesso in due passaggi' })).toBeVisible()
    await expectAccessible(page)
    await expectNoEnglish(page)
    await page.getByRole('button', { name: 'Invia l’invito' }).click()
    await expect(page.getByText('Scegli almeno un ruolo.')).toBeVisible()
    await expectAccessible(page)
    // The invitation is written in the clinic's language, Italian, unless the admin picks another.
    const language = page.getByRole('group', { name: 'Lingua dell’invito' })
    await expect(language.getByRole('radio', { name: 'Italiano' })).toBeChecked()
    const email = `laura.it.${Date.now()}.${test.info().project.name}@dermadesk.example`
    await page.getByLabel('Nome e cognome').fill('Laura Ricci')
    await page.getByLabel('Email', { exact: true }).fill(email)
    await page.getByLabel(/^Clinico/).check()
    const sent = new Date()
    await page.getByRole('button', { name: 'Invia l’invito' }).click()
    await expect(page.getByRole('status')).toContainText(`Invito inviato a ${email}`)
    await expectNoEnglish(page)
    const mail = await waitForEmail({ to: email, after: sent })
    expect(mail.subject).toMatch(/^Il tuo account del personale presso /)
    expect(mail.text).toContain('Ciao Laura Ricci,')
    expect(mail.text).toContain('come clinico.')
  })

  test('an admin publishes screening rules: the form and the history in Italian', async ({
    page,
    login,
  }) => {
    await login('admin')
    await page.goto('/admin/screening')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Regole dello screening' }),
    ).toBeVisible()
    await expect(page.getByRole('cell', { name: 'Prima versione' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel(/^Attesa dopo la tossina botulinica/).fill('')
    await page.getByRole('button', { name: /^Pubblica la versione \d+$/ }).click()
    await expect(page.getByText('Scrivi un numero intero di giorni, da 0 a 365.')).toBeVisible()
    await expectAccessible(page)
  })
})
