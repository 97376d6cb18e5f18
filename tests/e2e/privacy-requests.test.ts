import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { type Page } from '@playwright/test'
import { waitForEmail } from '../mail-utils.ts'
import { serverNow } from '../test-clock.ts'
import { expect, expectAccessible, insertE2ePatient, openE2eDb, test } from '../playwright-utils.ts'

const DAY_MS = 24 * 3600_000

/**
 * A patient with one booking of their own, written straight into the e2e database: a confirmed
 * treatment months ahead (someone who never came yet), or one completed months ago (treated). At
 * a random five minutes, so no other test's booking is near it. Each call makes a new person.
 */
function arrangePatient(kind: 'upcoming' | 'treated') {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const suffix = randomBytes(3).toString('hex')
  const patient = {
    id: randomUUID(),
    name: `Sara Galli ${suffix}`,
    email: `privacy-${suffix}@example.com`,
  }
  insertE2ePatient(db, patient, now)
  const service = db
    .prepare("SELECT id, duration_minutes AS duration FROM services WHERE slug = 'medical-face'")
    .get() as { id: string; duration: number }
  const practitioner = db
    .prepare("SELECT id FROM practitioners WHERE display_name = 'Marco Bianchi'")
    .get() as { id: string }
  const bookingId = randomUUID()
  const reference = `DD-${randomBytes(3).toString('hex').toUpperCase()}`
  const insertBooking = db.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
       end_at, blocked_until, time_zone, course_session_number, confirmed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Europe/Rome', 1, ?, ?, ?)`,
  )
  for (let attempt = 0; ; attempt += 1) {
    const days = kind === 'upcoming' ? randomInt(300, 500) : -randomInt(200, 400)
    const startAt = Math.floor((now + days * DAY_MS) / DAY_MS) * DAY_MS + randomInt(0, 60) * 300_000
    const end = startAt + service.duration * 60_000
    try {
      insertBooking.run(
        bookingId,
        reference,
        service.id,
        practitioner.id,
        patient.id,
        kind === 'upcoming' ? 'confirmed' : 'completed',
        startAt,
        end,
        end,
        startAt - 30 * DAY_MS,
        startAt - 30 * DAY_MS,
        kind === 'upcoming' ? now : end,
      )
      break
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('booking_overlap')) throw error
    }
  }
  db.close()
  return { ...patient, reference, bookingId }
}

/** An erasure request of the patient's, as if they had just made it. */
function arrangeErasureRequest(patient: { id: string; bookingId: string }) {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const id = randomUUID()
  db.prepare(
    `INSERT INTO privacy_requests (id, patient_id, booking_id, kind, details, status, due_at, created_at)
     VALUES (?, ?, ?, 'erasure', '', 'open', ?, ?)`,
  ).run(id, patient.id, patient.bookingId, now + 30 * DAY_MS, now)
  db.close()
  return id
}

/** The patient proves their email with the emailed code, from "find my booking". */
async function openBookingAsPatient(page: Page, patient: { reference: string; email: string }) {
  await page.goto(`/bookings?reference=${patient.reference}`)
  await page.getByLabel('Email').fill(patient.email)
  const before = new Date()
  await page.getByRole('button', { name: 'Send me a code' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
  const mail = await waitForEmail({
    to: patient.email,
    subject: /Your email code for/,
    after: before,
  })
  await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(mail.text)![1]!)
  await page.getByRole('button', { name: 'Open my booking' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Your booking ${patient.reference}` }),
  ).toBeVisible()
}

/** An admin decides the request from its page: grant, with a reason. */
async function grantAsAdmin(page: Page, requestId: string, reason: string) {
  await page.goto('/admin/privacy-requests')
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy requests' })).toBeVisible()
  await expectAccessible(page)
  await page.goto(`/admin/privacy-requests/${requestId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Erasure request' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'What an erasure would do now' })).toBeVisible()
  await expectAccessible(page)
  const form = page.getByRole('form', { name: 'Decide' })
  // No decision and no reason: refused beside the fields.
  await form.getByRole('button', { name: 'Save the decision' }).click()
  await expect(form.getByText('Choose grant or refuse.')).toBeVisible()
  await expect(form.getByText('Write the reason the patient will read.')).toBeVisible()
  await form.getByLabel('Grant').check()
  await form.getByLabel('Reason, shown to the patient').fill(reason)
  await form.getByRole('button', { name: 'Save the decision' }).click()
}

test.describe('a patient asks about their data @no-js', () => {
  test('from the booking page: a correction needs details; a second one is refused; another patient’s page is a 404', async ({
    browser,
  }) => {
    const patient = arrangePatient('upcoming')
    const other = arrangePatient('upcoming')
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } })
    const page = await context.newPage()
    await openBookingAsPatient(page, patient)
    await page.getByRole('link', { name: 'Ask us to fix or delete my data' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Ask about your data' })).toBeVisible()
    await expect(page.getByText('You have not asked for anything yet.')).toBeVisible()
    await expectAccessible(page)

    const form = page.getByRole('form', { name: 'Make a request' })
    await form.getByRole('button', { name: 'Send my request' }).click()
    await expect(form.getByText('Choose what you want to ask.')).toBeVisible()
    await form.getByLabel(/^Fix my details/).check()
    await form.getByRole('button', { name: 'Send my request' }).click()
    await expect(form.getByText('Tell us what is wrong and what is right.')).toBeVisible()
    await expectAccessible(page)

    await form.getByLabel(/^Fix my details/).check()
    await form.getByLabel('Tell us more').fill('My surname is Galli-Rossi, not Galli.')
    await form.getByRole('button', { name: 'Send my request' }).click()
    await expect(page.getByRole('status')).toContainText('We got your request. We will answer by')
    const table = page.getByRole('table', { name: 'Your requests, newest first' })
    await expect(table.getByRole('row', { name: /Fix/ })).toContainText('Waiting')
    await expectAccessible(page)

    // The same kind again, while the first is open: refused, nothing written.
    await form.getByLabel(/^Fix my details/).check()
    await form.getByLabel('Tell us more').fill('Again.')
    await form.getByRole('button', { name: 'Send my request' }).click()
    await expect(
      page.getByText('You already asked for this. We will answer that request first.'),
    ).toBeVisible()
    await expect(table.getByRole('row', { name: /Fix/ })).toHaveCount(1)
    await expectAccessible(page)

    const response = await page.goto(`/bookings/${other.reference}/privacy-request`)
    expect(response?.status()).toBe(404)
    await context.close()
  })
})

test.describe('an admin handles erasure requests', () => {
  test('a patient who never came: erased, the search no longer finds them', async ({
    page,
    login,
  }) => {
    const patient = arrangePatient('upcoming')
    const requestId = arrangeErasureRequest(patient)
    await login('admin')
    // The clinic's retention period: 5 to 30 years (left at the default, 10).
    await page.goto('/admin/clinic')
    const retention = page.getByRole('form', { name: 'Clinical records' })
    await retention.getByLabel('Keep clinical records for (years)').fill('4')
    await retention.getByRole('button', { name: 'Save the retention period' }).click()
    await expect(retention.getByText('Enter a whole number of years from 5 to 30.')).toBeVisible()
    await expectAccessible(page)
    await retention.getByLabel('Keep clinical records for (years)').fill('10')
    await retention.getByRole('button', { name: 'Save the retention period' }).click()
    await expect(page.getByText('Retention period saved.')).toBeVisible()

    await grantAsAdmin(page, requestId, 'We deleted your details: you never came to the clinic.')
    await expect(page.getByRole('status')).toHaveText('Decision saved: Granted.')
    await expect(page.getByText(/The contact details of this record were erased on/)).toBeVisible()
    await expectAccessible(page)

    await page.goto(`/staff/patients?q=${encodeURIComponent(patient.name)}`)
    await expect(page.getByRole('heading', { name: 'No patients found' })).toBeVisible()
    await expect(page.getByRole('link', { name: patient.name })).toHaveCount(0)
    await expectAccessible(page)
  })

  test('a treated patient: the clinical record is kept and restricted; a clinician is refused the chart; the patient reads why', async ({
    page,
    login,
    browser,
  }) => {
    const patient = arrangePatient('treated')
    const requestId = arrangeErasureRequest(patient)
    await login('admin')
    await grantAsAdmin(page, requestId, 'We removed what we could.')
    await expect(page.getByRole('status')).toHaveText('Decision saved: Partly granted.')
    await expect(page.getByText('This record is restricted: only admins open it.')).toBeVisible()
    await expectAccessible(page)
    // The admin still opens the chart.
    await page.goto(`/staff/patients/${patient.id}`)
    await expect(page.getByRole('heading', { level: 1, name: patient.name })).toBeVisible()
    await expectAccessible(page)
    await page.context().clearCookies()

    await login('nurse')
    const refused = await page.goto(`/staff/patients/${patient.id}`)
    expect(refused?.status()).toBe(403)
    await expect(
      page.getByText(
        'This record is restricted at the patient’s request. Only admins can open it.',
      ),
    ).toBeVisible()
    await expectAccessible(page)
    const visit = await page.goto(`/staff/bookings/${patient.bookingId}`)
    expect(visit?.status()).toBe(403)

    const context = await browser.newContext()
    const phone = await context.newPage()
    await openBookingAsPatient(phone, patient)
    await phone.goto(`/bookings/${patient.reference}/privacy-request`)
    const row = phone
      .getByRole('table', { name: 'Your requests, newest first' })
      .getByRole('row', { name: /Delete/ })
    await expect(row).toContainText('Partly done')
    await expect(row).toContainText('GDPR Art. 9(2)(h) and Art. 17(3)(c) and (e)')
    await expect(row).toContainText('We removed what we could.')
    await expectAccessible(phone)
    await context.close()
  })
})
