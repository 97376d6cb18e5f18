import { randomUUID } from 'node:crypto'
import { bookSkinBoostAsPatient, moveBookingToNow, uniqueEmail } from '../booking-utils.ts'
import {
  DEMO_STAFF,
  expect,
  expectAccessible,
  openE2eDb,
  signInAs,
  test,
} from '../playwright-utils.ts'

/**
 * Staff choose their language in their profile (ADR 038): it wins over the browser's, so a
 * clinician who chose Italiano reads the agenda, the appointment, check-in and the treatment
 * record in Italian on an English browser, with the server's messages in Italian too; switching
 * back to English is one click on the language switch, which saves the profile as well.
 */
test.describe('a clinician who works in Italian @no-js', () => {
  test.describe.configure({ timeout: 150_000 })
  // An English browser: the profile must win over Accept-Language.
  test.use({ locale: 'en-US' })

  /** The nurse is shared with other tests, which read English: their profile goes back to none. */
  function resetNurseLanguage() {
    const db = openE2eDb()
    db.prepare('UPDATE users SET locale = NULL WHERE email = ?').run(DEMO_STAFF.nurse)
    db.close()
  }
  test.afterEach(resetNurseLanguage)

  test('sets Italiano in the profile, works a visit in Italian, and switches back to English', async ({
    page,
    browser,
    baseURL,
  }) => {
    resetNurseLanguage()
    const name = 'Chiara Esposito'
    const reference = await bookSkinBoostAsPatient(
      page,
      { name, email: uniqueEmail('staff-it'), practitioner: 'Marco Bianchi' },
      2,
    )
    const bookingId = moveBookingToNow(reference)
    countersignForTest(bookingId)

    const clinician = await browser.newContext({ baseURL, locale: 'en-US' })
    const staff = await clinician.newPage()
    await signInAs(clinician, 'nurse')

    // The profile, in English until Italiano is chosen.
    await staff.goto('/staff')
    await staff
      .getByRole('navigation', { name: 'Staff' })
      .getByRole('link', { name: 'Your profile' })
      .click()
    await expect(staff.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible()
    await expect(staff.getByText(DEMO_STAFF.nurse)).toBeVisible()
    await expectAccessible(staff)
    await staff.getByRole('radio', { name: 'Italiano' }).check()
    await staff.getByRole('button', { name: 'Save' }).click()
    await expect(staff.locator('html')).toHaveAttribute('lang', 'it')
    await expect(staff.getByRole('status')).toHaveText(
      'Salvato. Ora le tue pagine e le tue email sono in italiano.',
    )
    await expect(staff.getByRole('heading', { level: 1, name: 'Il tuo profilo' })).toBeVisible()
    await expect(staff.getByRole('radio', { name: 'Italiano' })).toBeChecked()
    await expectAccessible(staff)

    // The agenda.
    await staff.goto('/staff/agenda')
    await expect(staff.locator('html')).toHaveAttribute('lang', 'it')
    await expect(staff.getByRole('navigation', { name: 'Vista e date dell’agenda' })).toBeVisible()
    await expect(staff.getByRole('link', { name: 'Settimana', exact: true })).toBeVisible()
    await expect(staff.getByText(/\(oggi\)/).first()).toBeVisible()
    await expect(staff.getByRole('columnheader', { name: 'Ora' })).toBeVisible()
    await expect(staff.getByText('Consenso controfirmato').first()).toBeVisible()
    await expectAccessible(staff)

    // The appointment.
    await staff.goto(`/staff/bookings/${bookingId}`)
    await expect(staff.locator('html')).toHaveAttribute('lang', 'it')
    await expect(staff.getByRole('heading', { name: 'Alla visita' })).toBeVisible()
    await expect(staff.getByText('Accettazione da fare')).toBeVisible()
    await expect(staff.getByText('Prima fai l’accettazione del paziente.')).toBeVisible()
    await expect(staff.getByText('Questionario: Idoneo')).toBeVisible()
    await expectAccessible(staff)

    // Check-in: the server's message, beside its field, in Italian.
    await staff.getByRole('link', { name: 'Accettazione', exact: true }).click()
    await expect(
      staff.getByRole('heading', { level: 1, name: `Accettazione di ${name}` }),
    ).toBeVisible()
    await expectAccessible(staff)
    await staff.getByRole('button', { name: 'Accettazione' }).click()
    await expect(
      staff.getByText('Conferma di aver verificato l’identità del paziente.'),
    ).toBeVisible()
    await expectAccessible(staff)
    await staff.getByLabel('Ho controllato un documento con foto').check()
    await staff.getByLabel(new RegExp(`È ${name}`)).check()
    await staff.getByLabel('Non è cambiato niente').check()
    await staff.getByRole('button', { name: 'Accettazione' }).click()
    await expect(staff.getByRole('status')).toHaveText('Accettazione fatta.')

    // The treatment record form.
    await staff.getByRole('link', { name: 'Registra il trattamento' }).click()
    await expect(
      staff.getByRole('heading', { level: 1, name: `Registra il trattamento: ${name}` }),
    ).toBeVisible()
    await expect(
      staff.getByRole('group', { name: 'Zone trattate e profondità dell’ago' }),
    ).toBeVisible()
    await expectAccessible(staff)
    await staff.getByRole('checkbox', { name: 'Guance' }).check()
    await staff.getByLabel('Profondità: guance (mm)').fill('0,4')
    await staff.getByRole('button', { name: 'Salva e completa la visita' }).click()
    await expect(staff.getByText('Inserisci il lotto della cartuccia monouso.')).toBeVisible()
    await expect(staff.getByText('Inserisci il dispositivo usato.')).toBeVisible()
    await expectAccessible(staff)

    // Back to English: for staff the switch is a form (a GET never saves anything), and it saves
    // the profile too, so it sticks.
    const switchNav = staff.getByRole('navigation', { name: 'Lingua' })
    await expect(switchNav.getByRole('link')).toHaveCount(0)
    await expect(switchNav.getByRole('button', { name: 'Italiano' })).toHaveAttribute(
      'aria-current',
      'true',
    )
    await switchNav.getByRole('button', { name: 'English' }).click()
    await expect(staff.locator('html')).toHaveAttribute('lang', 'en')
    await expect(
      staff.getByRole('heading', { level: 1, name: `Record the treatment: ${name}` }),
    ).toBeVisible()
    await staff.goto('/staff/profile')
    await expect(staff.getByRole('radio', { name: 'English' })).toBeChecked()
    await staff.goto(`/staff/bookings/${bookingId}`)
    await expect(staff.getByRole('heading', { name: 'At the visit' })).toBeVisible()
    await expectAccessible(staff)
    await clinician.close()
  })
})

/**
 * Test fixture: the clinician's countersignature, written directly (the consent pages are
 * covered by tests/e2e/consent.test.ts and visit.test.ts).
 */
function countersignForTest(bookingId: string) {
  const db = openE2eDb()
  const record = db
    .prepare('SELECT id, record_sha256 FROM consent_records WHERE booking_id = ?')
    .get(bookingId) as { id: string; record_sha256: string }
  const booking = db
    .prepare(
      `SELECT b.practitioner_id, p.user_id FROM bookings b
       JOIN practitioners p ON p.id = b.practitioner_id WHERE b.id = ?`,
    )
    .get(bookingId) as { practitioner_id: string; user_id: string }
  db.prepare(
    `INSERT INTO consent_countersignatures (id, consent_record_id, booking_id, clinician_user_id,
       practitioner_id, countersigned_at, record_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    record.id,
    bookingId,
    booking.user_id,
    booking.practitioner_id,
    Date.now(),
    record.record_sha256,
  )
  db.close()
}
