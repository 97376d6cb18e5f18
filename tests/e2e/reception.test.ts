import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
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
const ZONE = 'Europe/Rome'

type Person = { id: string; name: string; email: string; phone: string }

/** A patient record written straight into the e2e database. */
function addPatient(name: string, tag: string): Person {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const person = {
    id: randomUUID(),
    name,
    email: `reception-${tag}-${randomBytes(3).toString('hex')}@example.com`,
    phone: `+39348${randomInt(1_000_000, 9_999_999)}`,
  }
  insertE2ePatient(
    db,
    {
      id: person.id,
      email: person.email,
      name: person.name,
      phone: person.phone,
      dateOfBirth: '1986-11-02',
    },
    now,
  )
  db.close()
  return person
}

/**
 * A confirmed medical treatment for the patient, its health answers clear, months ahead at a
 * random five minutes past midnight (so no other test's booking is near it).
 */
function addBooking(patientId: string) {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const booking = insertE2eBooking(db, {
    patientId,
    startAt: () => farFutureStart(now),
    now,
  })
  const { id: bookingId, reference, startAt } = booking
  insertE2eScreening(db, {
    patientId,
    bookingId,
    submittedAt: startAt - 5 * DAY_MS,
    answers: {},
  })
  db.close()
  return { bookingId, reference, date: DateTime.fromMillis(startAt, { zone: ZONE }).toISODate()! }
}

test.describe('the front desk', () => {
  test('a receptionist runs the agenda and reads a chart with statuses, never health answers', async ({
    page,
    login,
  }) => {
    const patient = addPatient(`Ilaria Bruno ${randomBytes(2).toString('hex')}`, 'desk')
    const booking = addBooking(patient.id)
    await login('receptionist')

    await page.goto('/staff')
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Chiara Conti' })).toBeVisible()
    await expect(page.getByText('Signed in as reception.')).toBeVisible()
    // No link to the reviews or the clinic settings: they are not reception's.
    await expect(page.getByRole('link', { name: /waiting for review/ })).toHaveCount(0)
    await expect(
      page.getByRole('link', { name: 'Clinic settings, practitioners and services' }),
    ).toHaveCount(0)
    await expectAccessible(page)
    await page
      .getByRole('link', { name: 'Every practitioner’s appointments, to check patients in' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible()
    await expectAccessible(page)

    // The day of the booking, every practitioner's.
    await page.goto(`/staff/agenda?view=day&date=${booking.date}`)
    const row = page.getByRole('row', { name: new RegExp(patient.name) })
    await expect(row).toContainText('Screening clear')
    await expect(row).toContainText('Consent missing')
    await expectAccessible(page)
    await row.getByRole('link', { name: patient.name }).click()

    // The appointment in the front desk's view: statuses and contact details only.
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(patient.name) }),
    ).toBeVisible()
    await expect(page.getByText(patient.email)).toBeVisible()
    const stands = page.getByRole('list', { name: 'Where this visit stands' })
    await expect(stands).toContainText('Screening: Clear')
    await expect(stands).toContainText('Consent: Not signed yet')
    await expect(page.getByText('This is the front desk’s view')).toBeVisible()
    for (const clinical of ['Health answers', 'Consent', 'Treatment record', 'Earlier sessions'])
      await expect(page.getByRole('heading', { name: clinical, exact: true })).toHaveCount(0)
    await expect(page.getByRole('link', { name: /consent/i })).toHaveCount(0)
    await expectAccessible(page)

    // The chart, found by the search box.
    await page.goto('/staff/patients')
    await page
      .getByRole('searchbox', { name: 'Name, email, phone, date of birth or booking reference' })
      .fill(booking.reference)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: patient.name }).click()
    await expect(page.getByRole('heading', { level: 1, name: patient.name })).toBeVisible()
    const upcoming = page.getByRole('region', { name: 'Upcoming bookings' })
    await expect(upcoming).toContainText('Screening clear')
    await expect(upcoming).toContainText('Consent missing')
    await expect(page.getByText('This is the front desk’s view')).toBeVisible()
    // Merging records is the admin's.
    await expect(
      page.getByRole('link', { name: 'Merge a duplicate record into this one' }),
    ).toHaveCount(0)
    await expectAccessible(page)

    // A clinical page is refused.
    const denied = await page.goto(`/staff/bookings/${booking.bookingId}/screening`)
    expect(denied?.status()).toBe(403)
    await expectAccessible(page)
    const consent = await page.request.get(`/staff/bookings/${booking.bookingId}/consent.pdf`, {
      maxRedirects: 0,
    })
    expect(consent.status()).toBe(403)
  })

  test('an admin merges two records of one person and the chart shows both histories', async ({
    page,
    login,
  }) => {
    const name = `Ilaria Bruno ${randomBytes(2).toString('hex')}`
    const survivor = addPatient(name, 'keep')
    const duplicate = addPatient(name, 'dupe')
    const first = addBooking(survivor.id)
    const second = addBooking(duplicate.id)
    await login('admin')

    await page.goto(`/staff/patients/${survivor.id}`)
    await page.getByRole('link', { name: 'Merge a duplicate record into this one' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Merge a duplicate into the record of ${name}` }),
    ).toBeVisible()
    await expectAccessible(page)
    await page
      .getByRole('searchbox', { name: 'Name, email, phone, date of birth or booking reference' })
      .fill(duplicate.email)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: `Check the merge of ${name}` }).click()

    await expect(page.getByRole('heading', { name: 'Check before you merge' })).toBeVisible()
    await expect(page.getByText(duplicate.email)).toBeVisible()
    await expect(page.getByText('1 booking', { exact: true })).toBeVisible()
    await expect(page.getByText('1 set of health answers')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Merge the records' }).click()

    await expect(page.getByRole('status')).toHaveText(
      'Records merged. This chart now shows the history of both.',
    )
    const upcoming = page.getByRole('region', { name: 'Upcoming bookings' })
    await expect(upcoming).toContainText(first.reference)
    await expect(upcoming).toContainText(second.reference)
    await expect(page.getByRole('region', { name: 'Records merged into this one' })).toContainText(
      duplicate.email,
    )
    await expectAccessible(page)

    // The duplicate's chart opens the survivor's, saying why.
    await page.goto(`/staff/patients/${duplicate.id}`)
    await expect(page).toHaveURL(new RegExp(`/staff/patients/${survivor.id}`))
    await expect(page.getByRole('status')).toHaveText(
      'The record you opened was merged into this one. Its history is below.',
    )
    // Merging it again is refused with a clear message.
    const again = await page.goto(`/staff/patients/${survivor.id}/merge?duplicate=${duplicate.id}`)
    expect(again?.status()).toBe(409)
    await expect(page.getByRole('alert')).toHaveText(
      'That record was already merged. Its history is in the chart of the record it was merged into.',
    )
    await expectAccessible(page)
    // The search finds the person once.
    await page.goto(`/staff/patients?q=${encodeURIComponent(duplicate.email)}`)
    await expect(page.getByRole('heading', { name: '1 patient found' })).toBeVisible()
    await expect(page.getByText('Holds 1 merged record')).toBeVisible()
  })
})
