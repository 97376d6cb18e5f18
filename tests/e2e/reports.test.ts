import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { serverNow } from '../test-clock.ts'
import { expect, expectAccessible, insertE2ePatient, openE2eDb, test } from '../playwright-utils.ts'

/**
 * A week of 2031 that no other test books into, chosen at random: Sofia Conti has two treatments
 * done, one missed and one cancelled late in it.
 */
function arrangeWeek() {
  const monday = DateTime.fromObject(
    { weekYear: 2031, weekNumber: randomInt(2, 50), weekday: 1 },
    { zone: 'Europe/Rome' },
  )
  const db = openE2eDb()
  const now = serverNow().getTime()
  const service = db
    .prepare("SELECT id, duration_minutes AS duration FROM services WHERE slug = 'skin-boost'")
    .get() as { id: string; duration: number }
  const practitioner = db
    .prepare("SELECT id FROM practitioners WHERE display_name = 'Sofia Conti'")
    .get() as { id: string }
  const insert = db.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
       end_at, blocked_until, time_zone, course_session_number, confirmed_at, cancelled_at,
       completed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Europe/Rome', 1, ?, ?, ?, ?, ?)`,
  )
  const patient = randomUUID()
  insertE2ePatient(
    db,
    {
      id: patient,
      email: `report-${patient.slice(0, 8)}@example.com`,
      name: 'Report Patient',
      dateOfBirth: '1980-01-01',
    },
    now,
  )
  const outcomes = ['completed', 'completed', 'no_show', 'cancelled'] as const
  outcomes.forEach((status, day) => {
    const startAt = monday.plus({ days: day, hours: 10 }).toMillis()
    const endAt = startAt + service.duration * 60_000
    insert.run(
      randomUUID(),
      `DD-${randomBytes(3).toString('hex').toUpperCase()}`,
      service.id,
      practitioner.id,
      patient,
      status,
      startAt,
      endAt,
      endAt,
      now,
      status === 'cancelled' ? startAt - 3600_000 : null,
      status === 'completed' ? endAt : null,
      now,
      now,
    )
  })
  db.close()
  return { date: monday.toISODate()! }
}

test.describe('the manager’s report @no-js', () => {
  test('an admin reads a week’s report with its charts and tables, and downloads the CSV', async ({
    page,
    login,
  }) => {
    const { date } = arrangeWeek()
    await login('admin')
    await page.goto('/admin/reports')
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
    await page.getByRole('combobox', { name: 'Period' }).selectOption('week')
    await page.getByLabel('Any day in the period').fill(date)
    await page.getByRole('button', { name: 'Show' }).click()
    await expect(page.getByRole('heading', { level: 2, name: /^Week from / })).toBeVisible()

    const outcomes = page.getByRole('region', {
      name: 'What became of the bookings, by practitioner',
    })
    await expect(
      outcomes.getByRole('img', { name: 'Bookings by practitioner: done, missed and cancelled' }),
    ).toContainText('Sofia Conti')
    const sofia = outcomes.getByRole('row', { name: /Sofia Conti/ })
    // Bookings, done, no-shows, cancelled, cancelled late.
    await expect(sofia.getByRole('cell')).toHaveText(['4', '2', '1', '1', '1'])
    await expect(
      page.getByRole('img', { name: 'Booked time as a share of each practitioner’s open hours' }),
    ).toBeVisible()
    await expectAccessible(page)

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download as CSV (spreadsheet)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`dermadesk-report-week-${date}.csv`)
    const csv = await (await file.createReadStream()).toArray()
    const text = Buffer.concat(csv).toString('utf8')
    expect(text).toContain('Practitioner,Service,Bookings,Done,No-shows,Cancelled,Cancelled late')
    expect(text).toMatch(/Sofia Conti,Cosmetic skin boost,4,2,1,1,1,\d+/)
    expect(text).not.toContain('Report Patient')

    await page.getByRole('link', { name: 'Previous week' }).click()
    await expect(page.getByRole('heading', { level: 2, name: /^Week from / })).toBeVisible()
  })
})

test.describe('the manager’s report in Italian @no-js', () => {
  test.use({ locale: 'it-IT' })

  test('in Italian, and a wrong date is refused beside the field', async ({ page, login }) => {
    const { date } = arrangeWeek()
    await login('admin')
    await page.goto(`/admin/reports?period=week&date=${date}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: /^Settimana dal / })).toBeVisible()
    await expect(page.getByRole('row', { name: /Sofia Conti/ }).first()).toBeVisible()
    await expectAccessible(page)

    const response = await page.goto('/admin/reports?period=week&date=2031-02-30')
    expect(response?.status()).toBe(400)
    await expect(page.getByLabel('Un giorno qualsiasi del periodo')).toHaveAccessibleDescription(
      /./,
    )
    await expectAccessible(page)
  })
})
