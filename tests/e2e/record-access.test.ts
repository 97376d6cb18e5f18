import fs from 'node:fs'
import { serverToday } from '../test-clock.ts'
import { expect, expectAccessible, test } from '../playwright-utils.ts'
import { arrangePatient, openBookingAsPatient } from '../patient-record-fixtures.ts'

test.describe('who has looked at my record @no-js', () => {
  test('a clinician opens the appointment; the patient sees the clinician’s name and what they opened', async ({
    browser,
    page,
    login,
  }) => {
    const patient = arrangePatient()
    const other = arrangePatient()
    await login('nurse')
    await page.goto(`/staff/bookings/${patient.bookingId}`)
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(patient.name) }),
    ).toBeVisible()
    await expectAccessible(page)

    // The clinician also reads the list from the chart, on the patient's behalf.
    await page.goto(`/staff/patients/${patient.id}`)
    await page.getByRole('link', { name: 'Who has looked at this record' }).click()
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: `Who has looked at the record of ${patient.name}`,
      }),
    ).toBeVisible()
    const staffTable = page.getByRole('table', {
      name: 'Staff views and changes of this record, newest first',
    })
    await expect(staffTable.getByRole('row', { name: /Appointment viewed/ })).toContainText(
      'Marco Bianchi',
    )
    await expectAccessible(page)

    // The patient, in a browser of their own, on a phone.
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } })
    const phone = await context.newPage()
    await openBookingAsPatient(phone, patient)
    await expectAccessible(phone)
    await phone.getByRole('link', { name: 'Who has looked at my record' }).click()
    await expect(
      phone.getByRole('heading', { level: 1, name: 'Who has looked at your record' }),
    ).toBeVisible()
    const table = phone.getByRole('table', {
      name: 'Who opened or changed your record, newest first',
    })
    await expect(table.getByRole('columnheader')).toHaveText([
      'When',
      'Who',
      'Role',
      'What they did',
      'Part of your record',
    ])
    const row = table.getByRole('row', { name: /Appointment viewed/ }).last()
    await expect(row).toContainText('Marco Bianchi')
    await expect(row).toContainText('Clinician')
    await expect(row).toContainText('Booking')
    // The clinician's reading of the list is there too; nothing of the patient's own reads.
    await expect(table.getByRole('row', { name: /Record access list viewed/ })).toHaveCount(1)
    await expectAccessible(phone)

    // Another patient's booking: the same 404 as for no booking at all.
    const response = await phone.goto(`/bookings/${other.reference}/record-access`)
    expect(response?.status()).toBe(404)
    await expectAccessible(phone)
    await context.close()
  })
})

test.describe('breach readiness', () => {
  test('an admin downloads the audit of a window as CSV, with the clinician’s view in it', async ({
    page,
    login,
  }) => {
    const patient = arrangePatient()
    await login('nurse')
    await page.goto(`/staff/bookings/${patient.bookingId}`)
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(patient.name) }),
    ).toBeVisible()
    await page.context().clearCookies()

    await login('admin')
    await page.goto('/admin/audit')
    const form = page.getByRole('form', { name: 'Export for a breach check' })
    await expect(form).toBeVisible()
    await expectAccessible(page)

    // A window longer than 31 days: refused beside the field, nothing downloaded.
    await form.getByLabel('First day').fill('2026-01-01')
    await form.getByLabel('Last day').fill('2026-03-01')
    await form.getByRole('button', { name: 'Download CSV' }).click()
    await expect(
      form.getByText('Choose at most 31 days. Export longer periods in parts.'),
    ).toBeVisible()
    await expectAccessible(page)
    // The route says the same without the browser's check: 400.
    const refused = await page.request.get('/admin/audit/export?from=2026-01-01&to=2026-03-01')
    expect(refused.status()).toBe(400)
    expect(await refused.text()).toContain('Choose at most 31 days.')

    const today = serverToday()
    await form.getByLabel('First day').fill(today)
    await form.getByLabel('Last day').fill(today)
    const downloading = page.waitForEvent('download')
    await form.getByRole('button', { name: 'Download CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(`dermadesk-audit-${today}-to-${today}.csv`)
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
    const [header, ...lines] = csv.trim().split('\r\n')
    expect(header).toBe(
      'Entry,Time (UTC),Time (Europe/Rome),Actor type,Actor id,Actor name,Actor email,Actor roles,Action,Action name,Record type,Record id,Patient id,Request id,IP address',
    )
    const view = lines.find((line) => line.includes('visit.viewed') && line.includes(patient.id))
    expect(view).toContain('Marco Bianchi')
    expect(view).toContain('marco.bianchi@dermadesk.example')
    expect(view).toContain(`booking,${patient.bookingId}`)

    const response = await page.request.get(`/admin/audit/export?from=${today}&to=${today}`)
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/)
    expect(response.headers()['cache-control']).toBe('no-store')
  })
})
