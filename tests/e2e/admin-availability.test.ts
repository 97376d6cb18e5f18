import { serverNow } from '../test-clock.ts'
import { randomBytes, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { formatCalendarDate } from '#app/utils/format.ts'
import { expect, expectAccessible, insertE2ePatient, openE2eDb, test } from '../playwright-utils.ts'

const ZONE = 'Europe/Rome'

function practitionerId(displayName: string): string {
  const db = openE2eDb()
  const row = db.prepare('SELECT id FROM practitioners WHERE display_name = ?').get(displayName) as
    { id: string } | undefined
  db.close()
  if (!row) throw new Error(`No practitioner ${displayName}`)
  return row.id
}

/**
 * A Monday, some weeks ahead, on which Dr Romano works and nothing is arranged yet: no closure,
 * no time off or extra hours for her, and no booking with anyone (a closure strands every booking
 * of its day, so another test's booking with another practitioner would join the list). Each run
 * (with and without JavaScript, retries) takes its own.
 */
function freeMondayOf(practitioner: string): string {
  const db = openE2eDb()
  const closed = db.prepare('SELECT date FROM clinic_closures').all() as { date: string }[]
  const arranged = db
    .prepare('SELECT date FROM availability_exceptions WHERE practitioner_id = ?')
    .all(practitioner) as { date: string }[]
  const booked = db
    .prepare(
      "SELECT start_at AS startAt FROM bookings WHERE status IN ('held', 'pending_review', 'confirmed')",
    )
    .all() as { startAt: number }[]
  db.close()
  const taken = new Set([
    ...closed.map((row) => row.date),
    ...arranged.map((row) => row.date),
    ...booked.map((row) => DateTime.fromMillis(row.startAt, { zone: ZONE }).toISODate()),
  ])
  let day = DateTime.fromJSDate(serverNow(), { zone: ZONE }).startOf('day').plus({ weeks: 3 })
  while (day.weekday !== 1 || taken.has(day.toISODate()!)) day = day.plus({ days: 1 })
  return day.toISODate()!
}

/** A confirmed booking, written straight into the e2e database as if a patient had booked it. */
function insertConfirmedBooking(input: {
  practitionerId: string
  date: string
  hour: number
  patientName: string
}) {
  const db = openE2eDb()
  const service = db
    .prepare(
      "SELECT id, duration_minutes AS duration, buffer_after_minutes AS buffer FROM services WHERE slug = 'medical-face'",
    )
    .get() as { id: string; duration: number; buffer: number }
  const now = serverNow().getTime()
  const patientId = randomUUID()
  insertE2ePatient(
    db,
    { id: patientId, email: `e2e-${patientId.slice(0, 8)}@example.com`, name: input.patientName },
    now,
  )
  const startAt = DateTime.fromISO(`${input.date}T${String(input.hour).padStart(2, '0')}:00`, {
    zone: ZONE,
  }).toMillis()
  const endAt = startAt + service.duration * 60_000
  const booking = {
    id: randomUUID(),
    reference: `DD-${randomBytes(3).toString('hex').toUpperCase()}`,
  }
  db.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
       end_at, blocked_until, time_zone, confirmed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    booking.id,
    booking.reference,
    service.id,
    input.practitionerId,
    patientId,
    startAt,
    endAt,
    endAt + service.buffer * 60_000,
    ZONE,
    now,
    now,
    now,
  )
  db.close()
  return booking
}

/** A clinic date as the pages show it, e.g. "Monday, 14 December 2026". */
function longDate(date: string) {
  return formatCalendarDate(date)
}

test.describe('admin availability @no-js', () => {
  test('an admin edits a practitioner’s weekly hours and adds time off', async ({
    page,
    login,
  }) => {
    await login('admin')
    await page.goto('/admin')
    await expectAccessible(page)
    await page
      .getByRole('navigation', { name: 'Clinic settings sections' })
      .getByRole('link', { name: 'Practitioners' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Practitioners' })).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Luca Ferrari' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Luca Ferrari' })).toBeVisible()
    await expectAccessible(page)

    // A mistake first: the message sits beside the field, and nothing is saved.
    await page.getByLabel('Sunday interval 1 Start').fill('13:00')
    await page.getByLabel('Sunday interval 1 End').fill('10:00')
    await page.getByRole('button', { name: 'Save weekly hours' }).click()
    await expect(page.getByText('End time must be after the start time.')).toBeVisible()
    await expect(page.getByLabel('Sunday interval 1 End')).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)

    await page.getByLabel('Sunday interval 1 Start').fill('10:00')
    await page.getByLabel('Sunday interval 1 End').fill('13:00')
    await page.getByLabel('Saturday interval 1 End').fill('13:00')
    await page.getByRole('button', { name: 'Save weekly hours' }).click()
    await expect(page.getByRole('status')).toHaveText('Weekly hours saved.')
    await expect(page.getByLabel('Sunday interval 1 Start')).toHaveValue('10:00')
    await expect(page.getByLabel('Saturday interval 1 End')).toHaveValue('13:00')
    // The saved Sunday interval gets an empty row below it, to add another.
    await expect(page.getByLabel('Sunday interval 2 Start')).toHaveValue('')
    await expectAccessible(page)

    const project = test.info().project.name === 'no-js' ? 1 : 0
    const date = DateTime.fromJSDate(serverNow(), { zone: ZONE })
      .plus({ days: 20 + project * 7 + test.info().retry })
      .toISODate()!
    await page.getByLabel('Time off (not available)').check()
    await page.getByLabel('Date', { exact: true }).fill(date)
    await page.getByLabel('Whole day').check()
    await page.getByLabel('Note (optional)').fill('Training course')
    await page.getByRole('button', { name: 'Add to the calendar' }).click()
    await expect(page.getByRole('status')).toHaveText('Added.')
    const row = page.getByRole('row', { name: new RegExp(longDate(date)) })
    await expect(row).toContainText('Time off')
    await expect(row).toContainText('Whole day')
    await expect(row).toContainText('Training course')
    await expectAccessible(page)

    const db = openE2eDb()
    const hours = db
      .prepare(
        'SELECT weekday, start_minute AS s, end_minute AS e FROM working_hours WHERE practitioner_id = ? AND weekday IN (6, 7) ORDER BY weekday',
      )
      .all(practitionerId('Luca Ferrari'))
    db.close()
    expect(hours).toEqual([
      { weekday: 6, s: 540, e: 780 },
      { weekday: 7, s: 600, e: 780 },
    ])
  })

  test('time off over a booked day lists the booking; cancelling it emails the patient', async ({
    page,
    login,
  }) => {
    const giulia = practitionerId('Dr Giulia Romano')
    const monday = freeMondayOf(giulia)
    const booking = insertConfirmedBooking({
      practitionerId: giulia,
      date: monday,
      hour: 10,
      patientName: 'Chiara Esposito',
    })

    await login('admin')
    await page.goto(`/admin/practitioners/${giulia}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Dr Giulia Romano' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Date', { exact: true }).fill(monday)
    await page.getByLabel('Whole day').check()
    await page.getByLabel('Note (optional)').fill('Congress')
    await page.getByRole('button', { name: 'Add to the calendar' }).click()

    await expect(
      page.getByRole('heading', { level: 1, name: 'Check the bookings this change affects' }),
    ).toBeVisible()
    const row = page.getByRole('row', { name: new RegExp(booking.reference) })
    await expect(row).toContainText(`${longDate(monday)}, 10:00–11:00`)
    await expect(row).toContainText('Chiara Esposito')
    await expect(row).toContainText('Medical microneedling, face')
    await expect(row).toContainText('Dr Giulia Romano')
    await expect(row).toContainText("Outside the practitioner's hours")
    await expectAccessible(page)

    // Nothing has changed yet.
    const before = openE2eDb()
    const timeOff = before
      .prepare(
        'SELECT count(*) AS n FROM availability_exceptions WHERE practitioner_id = ? AND date = ?',
      )
      .get(giulia, monday) as { n: number }
    before.close()
    expect(timeOff.n).toBe(0)

    await page.getByLabel('Cancel them and email each patient').check()
    await page.getByLabel('Reason for the patients (optional)').fill('Dr Romano is away that day.')
    await page.getByRole('button', { name: 'Apply the change' }).click()

    await expect(page.getByRole('status')).toContainText(
      '1 booking was cancelled and each patient is being emailed.',
    )
    await expect(page.getByRole('row', { name: new RegExp(longDate(monday)) })).toContainText(
      'Congress',
    )
    await expectAccessible(page)

    const db = openE2eDb()
    const stored = db
      .prepare('SELECT status, cancellation_reason AS reason FROM bookings WHERE id = ?')
      .get(booking.id)
    const events = db
      .prepare('SELECT action, actor_type AS actor FROM booking_events WHERE booking_id = ?')
      .all(booking.id)
    const emails = db
      .prepare('SELECT subject FROM email_outbox WHERE booking_id = ?')
      .all(booking.id)
    db.close()
    expect(stored).toEqual({ status: 'cancelled', reason: 'Dr Romano is away that day.' })
    expect(events).toEqual([{ action: 'cancelled_by_clinic', actor: 'staff' }])
    expect(emails).toEqual([{ subject: `Booking cancelled: ${booking.reference}` }])
  })
})

test.describe('admin console', () => {
  test('an admin adds a service, fixing a mistake; an unknown service is a 404 page', async ({
    page,
    login,
  }) => {
    await login('doctorAdmin')
    await page.goto('/admin')
    await page.getByRole('link', { name: 'Manage services' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible()
    await expectAccessible(page)

    // A new service with a mistake, then fixed.
    await page.getByRole('link', { name: 'Add a service' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Add a service' })).toBeVisible()
    await expectAccessible(page)
    const name = `Scalp revive ${test.info().retry}-${Date.now() % 100000}`
    await page.getByLabel('Name', { exact: true }).fill(name)
    await page.getByLabel('Description for patients').fill('Short needles for the scalp.')
    await page.getByLabel('Tier').selectOption('cosmetic')
    await page.getByLabel('Deepest needling (mm)').fill('1.5')
    await page.getByLabel('Downtime').fill('None.')
    await page.getByRole('button', { name: 'Add service' }).click()
    await expect(
      page.getByText('Cosmetic needling goes no deeper than 0.5 mm.', { exact: false }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Deepest needling (mm)').fill('0.5')
    await page.getByLabel('Price in euros (optional)').fill('75')
    await page.getByRole('button', { name: 'Add service' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByRole('status')).toHaveText('Added.')
    await expect(page.getByLabel('Price in euros (optional)')).toHaveValue('75.00')
    await expectAccessible(page)

    const missing = await page.goto('/admin/services/00000000-0000-4000-8000-000000000000')
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expectAccessible(page)
    expect((await page.goto('/admin/practitioners/not-an-id'))?.status()).toBe(404)
  })

  test('booking policies refuse a hold longer than an hour, and keep the clinic’s limit per address', async ({
    page,
    login,
  }) => {
    await login('doctorAdmin')
    await page.goto('/admin/policies')
    await expect(page.getByRole('heading', { level: 1, name: 'Booking policies' })).toBeVisible()
    await page.getByLabel('Slot hold (minutes)').fill('90')
    await page.getByRole('button', { name: 'Save policies' }).click()
    await expect(page.getByText('Use between 1 and 60 minutes.')).toBeVisible()
    await expect(page.getByLabel('Upcoming bookings per email address')).toHaveValue('3')
    await expectAccessible(page)
  })

  test('closing the clinic on a booked day lists the booking, and it can be kept', async ({
    page,
    login,
  }) => {
    await login('doctorAdmin')
    // Closing the clinic on a booked day: keep the booking.
    const giulia = practitionerId('Dr Giulia Romano')
    const monday = freeMondayOf(giulia)
    const booking = insertConfirmedBooking({
      practitionerId: giulia,
      date: monday,
      hour: 15,
      patientName: 'Paolo Marino',
    })
    await page.goto('/admin/closures')
    await expect(page.getByRole('heading', { level: 1, name: 'Clinic closures' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Date', { exact: true }).fill(monday)
    await page.getByLabel('Reason', { exact: true }).fill('Staff training')
    await page.getByRole('button', { name: 'Add closure' }).click()
    await expect(page.getByRole('row', { name: new RegExp(booking.reference) })).toContainText(
      'The clinic is closed that day',
    )
    // Applying without a choice asks for one, and changes nothing.
    await page.getByRole('button', { name: 'Apply the change' }).click()
    await expect(page.getByText('Choose whether to keep or cancel these bookings.')).toBeVisible()
    await expectAccessible(page)
    await page
      .getByLabel('Keep these bookings (the practitioner still sees these patients)')
      .check()
    await page.getByRole('button', { name: 'Apply the change' }).click()
    await expect(page.getByRole('status')).toContainText('1 booking was kept')
    await expect(page.getByRole('row', { name: new RegExp(longDate(monday)) })).toContainText(
      'Staff training',
    )
    await expectAccessible(page)

    const db = openE2eDb()
    const stored = db.prepare('SELECT status FROM bookings WHERE id = ?').get(booking.id)
    const emails = db
      .prepare('SELECT count(*) AS n FROM email_outbox WHERE booking_id = ?')
      .get(booking.id)
    db.close()
    expect(stored).toEqual({ status: 'confirmed' })
    expect(emails).toEqual({ n: 0 })
  })
})

test.describe('admin access', () => {
  test('a clinician without the admin role gets 403 on admin pages and admin posts', async ({
    page,
    login,
  }) => {
    await login('nurse')
    const response = await page.goto('/admin/practitioners')
    expect(response?.status()).toBe(403)
    await expect(
      page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeVisible()
    await expectAccessible(page)

    const giulia = practitionerId('Dr Giulia Romano')
    const closure = await page.request.post('/admin/closures', {
      form: { intent: 'add', date: '2031-03-03', reason: 'Not allowed' },
      maxRedirects: 0,
    })
    expect(closure.status()).toBe(403)
    const hours = await page.request.post(`/admin/practitioners/${giulia}`, {
      form: { intent: 'hours' },
      maxRedirects: 0,
    })
    expect(hours.status()).toBe(403)

    const db = openE2eDb()
    const closures = db
      .prepare("SELECT count(*) AS n FROM clinic_closures WHERE date = '2031-03-03'")
      .get() as { n: number }
    const giuliaHours = db
      .prepare('SELECT count(*) AS n FROM working_hours WHERE practitioner_id = ?')
      .get(giulia) as { n: number }
    db.close()
    expect(closures.n).toBe(0)
    expect(giuliaHours.n).toBeGreaterThan(0)
  })

  test('junk posts to admin actions get 4xx, never 5xx, and change nothing', async ({
    page,
    login,
  }) => {
    await login('admin')
    const giulia = practitionerId('Dr Giulia Romano')
    const count = () => {
      const db = openE2eDb()
      const row = db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }
      db.close()
      return row.n
    }
    const before = count()
    const bodies: [string, string][] = [
      [`/admin/practitioners/${giulia}`, ''],
      [`/admin/practitioners/${giulia}`, 'intent=nope'],
      [`/admin/practitioners/${giulia}`, 'intent=hours&start_1_0=09:00&start_1_0=10:00&end_1_0=x'],
      [`/admin/practitioners/${giulia}`, 'intent=services&serviceIds=..%2F..%2Fetc'],
      [`/admin/practitioners/${giulia}`, `intent=profile&displayName=${'x'.repeat(5000)}`],
      [`/admin/practitioners/${giulia}`, 'intent=add-exception&kind=time_off&date=2027-02-30'],
      [`/admin/practitioners/${giulia}`, 'intent=remove-exception&exceptionId=__proto__'],
      [
        `/admin/practitioners/${giulia}`,
        '__proto__=x&constructor=y&intent=hours&strandedChoice=all',
      ],
      ['/admin/closures', 'intent=add&date=9999-99-99&reason=%00'],
      ['/admin/policies', 'timeZone=Mars%2FBase&slotStepMinutes=-1'],
      ['/admin/services/new', 'kind=surgery'],
      ['/admin/practitioners/new', 'maxNeedleDepthMm=NaN'],
    ]
    for (const [url, data] of bodies) {
      const response = await page.request.post(url, {
        data,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        maxRedirects: 0,
      })
      expect(response.status(), `${url} ${data.slice(0, 60)}`).toBeGreaterThanOrEqual(400)
      expect(response.status(), `${url} ${data.slice(0, 60)}`).toBeLessThan(500)
    }
    expect(count()).toBe(before)
  })
})
