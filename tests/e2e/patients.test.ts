import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { serverNow } from '../test-clock.ts'
import {
  expect,
  expectAccessible,
  farFutureStart,
  insertE2eBooking,
  insertE2eScreening,
  insertE2ePatient,
  openE2eDb,
  test,
} from '../playwright-utils.ts'

const DAY_MS = 24 * 3600_000

/**
 * A patient with an accented name and a booked medical treatment, its health answers clear and
 * its consent not yet signed, written straight into the e2e database. The time is months ahead at
 * a random five minutes past midnight, so no other test's booking is near it.
 */
function arrangePatient() {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const suffix = randomBytes(3).toString('hex')
  const patient = {
    id: randomUUID(),
    name: `Nicolò D’Amico ${suffix}`,
    email: `chart-${suffix}@example.com`,
    phone: `+39347${randomInt(1_000_000, 9_999_999)}`,
  }
  insertE2ePatient(
    db,
    {
      id: patient.id,
      email: patient.email,
      name: patient.name,
      phone: patient.phone,
      dateOfBirth: '1990-03-07',
    },
    now,
  )
  const booking = insertE2eBooking(db, {
    patientId: patient.id,
    startAt: () => farFutureStart(now),
    now,
  })
  const { id: bookingId, reference, startAt } = booking
  insertE2eScreening(db, {
    patientId: patient.id,
    bookingId,
    submittedAt: startAt - 5 * DAY_MS,
    answers: {},
  })
  db.close()
  return { ...patient, reference, bookingId }
}

test.describe('finding a patient and reading their chart @no-js', () => {
  test('a clinician finds a patient by name without accents, then by phone, and opens the chart', async ({
    page,
    login,
  }) => {
    const patient = arrangePatient()
    await login('nurse')
    await page.goto('/staff')
    await page.getByRole('link', { name: 'Find a patient and open their chart' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Find a patient' })).toBeVisible()
    await expectAccessible(page)

    const box = page.getByRole('searchbox', {
      name: 'Name, email, phone, date of birth or booking reference',
    })
    await box.fill(`nicolo damico ${patient.name.split(' ').pop()}`)
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByRole('heading', { name: '1 patient found' })).toBeVisible()
    await expect(page.getByText('Searched by name.')).toBeVisible()
    await expectAccessible(page)

    await box.fill(patient.phone.slice(3))
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByText('Searched by phone number.')).toBeVisible()
    await page.getByRole('link', { name: patient.name }).click()

    await expect(page.getByRole('heading', { level: 1, name: patient.name })).toBeVisible()
    const upcoming = page.getByRole('region', { name: 'Upcoming bookings' })
    const row = upcoming.getByRole('row', { name: new RegExp(patient.reference) })
    await expect(row).toContainText('Screening clear')
    await expect(row).toContainText('Consent missing')
    await expect(row).toContainText('Consent to sign')
    await expect(page.getByRole('region', { name: 'History' })).toContainText(
      `Health questions answered for ${patient.reference}: clear`,
    )
    // A clinician may open the visit from the chart.
    await expect(row.getByRole('link')).toHaveAttribute(
      'href',
      `/staff/bookings/${patient.bookingId}`,
    )
    await expectAccessible(page)
  })

  test('a search too short is refused beside the field with a 400', async ({ page, login }) => {
    await login('nurse')
    const response = await page.goto('/staff/patients?q=a')
    expect(response?.status()).toBe(400)
    await expect(page.getByText('Type at least 2 letters or digits.')).toBeVisible()
    await expectAccessible(page)
  })
})

test.describe('finding a patient in Italian @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('an admin reads the chart in Italian, with the front desk’s view of it', async ({
    page,
    login,
  }) => {
    const patient = arrangePatient()
    await login('admin')
    await page.goto(`/staff/patients?q=${encodeURIComponent(patient.reference)}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Cerca un paziente' })).toBeVisible()
    await expect(page.getByText('Ricerca per codice della prenotazione.')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: patient.name }).click()
    await expect(page.getByRole('heading', { level: 1, name: patient.name })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    const upcoming = page.getByRole('region', { name: 'Prossime prenotazioni' })
    await expect(upcoming).toContainText('Consenso mancante')
    await expect(upcoming).toContainText('Consenso da firmare')
    // The appointment opens in the front desk's view; the chart says clinical pages are not theirs.
    await expect(upcoming.getByRole('link')).toHaveAttribute(
      'href',
      `/staff/bookings/${patient.bookingId}`,
    )
    await expect(page.getByText('Questa è la vista della reception')).toBeVisible()
    await expectAccessible(page)
  })
})
