import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { type Download } from '@playwright/test'
import { waitForEmail } from '../mail-utils.ts'
import { arrangePatient, openBookingAsPatient } from '../patient-record-fixtures.ts'
import { expect, expectAccessible, openE2eDb, test } from '../playwright-utils.ts'
import { serverNow } from '../test-clock.ts'

/** An emailed manage link to the booking, written straight into the e2e database. */
function manageLinkTo(bookingId: string): string {
  const token = randomBytes(32).toString('base64url')
  const now = serverNow().getTime()
  const db = openE2eDb()
  db.prepare(
    'INSERT INTO booking_manage_links (token_hash, booking_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  ).run(createHash('sha256').update(token).digest('hex'), bookingId, now, now + 400 * 86_400_000)
  db.close()
  return `/bookings/manage?token=${token}`
}

async function contentOf(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!)
}

test.describe('my data @no-js', () => {
  test('a patient downloads their data as JSON and PDF and sees who viewed their record', async ({
    browser,
    page,
    login,
  }) => {
    const patient = arrangePatient('my-data')
    const other = arrangePatient('my-data')
    // A clinician opens the appointment: a staff view of the patient's record.
    await login('nurse')
    await page.goto(`/staff/bookings/${patient.bookingId}`)
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(patient.name) }),
    ).toBeVisible()

    // The patient, in a browser of their own, on a phone.
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } })
    const phone = await context.newPage()
    await openBookingAsPatient(phone, patient)
    await phone.getByRole('link', { name: 'Download my data' }).click()
    await expect(phone.getByRole('heading', { level: 1, name: 'Download your data' })).toBeVisible()
    await expect(phone.getByRole('heading', { level: 2, name: 'What is in it' })).toBeVisible()
    await expectAccessible(phone)

    const json = phone.waitForEvent('download')
    await phone.getByRole('link', { name: 'Download JSON' }).click()
    const jsonFile = await json
    expect(jsonFile.suggestedFilename()).toBe(`my-data-${patient.reference}.json`)
    const data = JSON.parse((await contentOf(jsonFile)).toString('utf8'))
    expect(data).toMatchObject({ format: 'dermadesk-my-data', formatVersion: 1, locale: 'en' })
    expect(data.patient.email).toBe(patient.email)
    expect(data.bookings.map((b: { reference: string }) => b.reference)).toEqual([
      patient.reference,
    ])
    expect(JSON.stringify(data)).not.toContain(other.reference)

    const pdf = phone.waitForEvent('download')
    await phone.getByRole('link', { name: 'Download PDF' }).click()
    const pdfFile = await pdf
    expect(pdfFile.suggestedFilename()).toBe(`my-data-${patient.reference}.pdf`)
    const bytes = await contentOf(pdfFile)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.length).toBeGreaterThan(2000)

    // The files are never cached; another patient's booking is the same 404 as none at all.
    const response = await phone.request.get(`/bookings/${patient.reference}/my-data.json`)
    expect(response.headers()['cache-control']).toBe('no-store')
    expect(response.headers()['content-type']).toMatch(/^application\/json/)
    expect((await phone.request.get(`/bookings/${other.reference}/my-data.json`)).status()).toBe(
      404,
    )
    const notMine = await phone.goto(`/bookings/${other.reference}/my-data`)
    expect(notMine?.status()).toBe(404)
    await expectAccessible(phone)

    // Who looked at my record: the clinician's view, and none of the patient's own downloads.
    await phone.goto(`/bookings/${patient.reference}`)
    await phone.getByRole('link', { name: 'Who has looked at my record' }).click()
    const table = phone.getByRole('table', {
      name: 'Who opened or changed your record, newest first',
    })
    const row = table.getByRole('row', { name: /Appointment viewed/ }).last()
    await expect(row).toContainText('Marco Bianchi')
    await expect(table.getByRole('row', { name: /downloaded/i })).toHaveCount(0)
    await expectAccessible(phone)
    await context.close()
  })
})

test.describe('my data from a manage link @no-js', () => {
  test('a link opens one booking only: the patient confirms the address with a code first', async ({
    page,
  }) => {
    const patient = arrangePatient('my-data-link')
    await page.goto(manageLinkTo(patient.bookingId))
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await page.getByRole('link', { name: 'Download my data' }).click()
    await expect(
      page.getByRole('heading', { level: 2, name: 'First, confirm your email' }),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Download JSON' })).toHaveCount(0)
    await expectAccessible(page)
    // The file itself is not there for this session.
    expect((await page.request.get(`/bookings/${patient.reference}/my-data.json`)).status()).toBe(
      404,
    )

    await page.getByRole('link', { name: 'Get a code' }).click()
    await expect(page).toHaveURL(`/bookings?reference=${patient.reference}`)
    await page.getByLabel('Email', { exact: true }).fill(patient.email)
    const before = new Date()
    await page.getByRole('button', { name: 'Send me a code' }).click()
    const mail = await waitForEmail({
      to: patient.email,
      subject: /Your email code for/,
      after: before,
    })
    await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(mail.text)![1]!)
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await page.getByRole('link', { name: 'Download my data' }).click()
    await expect(page.getByRole('link', { name: 'Download JSON' })).toBeVisible()
    await expectAccessible(page)
  })
})

test.describe('my data in Italian @no-js', () => {
  test('the page and the PDF speak Italian', async ({ page }) => {
    const patient = arrangePatient('my-data-it')
    await openBookingAsPatient(page, patient)
    // The language switch, a plain link, back to the "my data" page.
    await page.goto(
      `/language?${new URLSearchParams({ to: 'it', redirectTo: `/bookings/${patient.reference}/my-data` })}`,
    )
    await expect(page.getByRole('heading', { level: 1, name: 'Scarica i tuoi dati' })).toBeVisible()
    await expectAccessible(page)
    const pdf = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Scarica il PDF' }).click()
    const bytes = await contentOf(await pdf)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})
