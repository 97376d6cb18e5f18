import { serverNow } from '../test-clock.ts'
import { randomBytes, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { formatCalendarDate } from '#app/utils/format.ts'
import { type Page } from '@playwright/test'
import {
  expect,
  expectAccessible,
  insertE2ePatient,
  insertE2eScreening,
  openE2eDb,
  test,
} from '../playwright-utils.ts'

const ZONE = 'Europe/Rome'
const DAY_MS = 24 * 3600_000

/** A phone gets the list once the page's scripts run; without them, from the link above the grid. */
async function showListOnPhone(page: Page) {
  const list = page.getByRole('navigation', { name: 'Layout' }).getByRole('link', { name: 'List' })
  if (test.info().project.use.javaScriptEnabled === false) await list.click()
  await expect(list).toHaveAttribute('aria-current', 'page')
}

function today(): string {
  return DateTime.fromJSDate(serverNow(), { zone: ZONE }).toISODate()!
}

function practitionerId(displayName: string): string {
  const db = openE2eDb()
  const row = db.prepare('SELECT id FROM practitioners WHERE display_name = ?').get(displayName) as
    { id: string } | undefined
  db.close()
  if (!row) throw new Error(`No practitioner ${displayName}`)
  return row.id
}

type Service = { id: string; duration: number; buffer: number }

function service(slug: string): Service {
  const db = openE2eDb()
  const row = db
    .prepare(
      'SELECT id, duration_minutes AS duration, buffer_after_minutes AS buffer FROM services WHERE slug = ?',
    )
    .get(slug) as Service
  db.close()
  return row
}

/**
 * Today's hours (clinic zone) at which the practitioner has nothing booked for 90 minutes: the
 * demo clinic already has appointments today, and a retry must not collide with its own rows.
 */
function freeHoursToday(practitioner: string, count: number): number[] {
  const db = openE2eDb()
  const busy = db
    .prepare(
      "SELECT start_at AS s, blocked_until AS e FROM bookings WHERE practitioner_id = ? AND status NOT IN ('cancelled', 'expired', 'declined')",
    )
    .all(practitioner) as { s: number; e: number }[]
  db.close()
  const hours: number[] = []
  for (let hour = 1; hour <= 21 && hours.length < count; hour += 1) {
    const start = DateTime.fromISO(`${today()}T${String(hour).padStart(2, '0')}:00`, {
      zone: ZONE,
    }).toMillis()
    if (!busy.some((b) => b.s < start + 90 * 60_000 && b.e > start)) {
      hours.push(hour)
      busy.push({ s: start, e: start + 90 * 60_000 })
    }
  }
  if (hours.length < count) throw new Error('No free hours today for the agenda fixtures')
  return hours
}

/** A patient's booking written straight into the e2e database, as the booking code writes it. */
function insertBooking(input: {
  practitionerId: string
  serviceSlug: string
  startAt: number
  status: 'confirmed' | 'pending_review' | 'completed'
  patient: { id: string; name: string } | { name: string }
  courseSession?: number
  screening?: 'eligible' | 'review'
  signConsent?: boolean
}) {
  const db = openE2eDb()
  const svc = service(input.serviceSlug)
  const now = serverNow().getTime()
  let patientId = 'id' in input.patient ? input.patient.id : null
  if (!patientId) {
    patientId = randomUUID()
    insertE2ePatient(
      db,
      {
        id: patientId,
        email: `agenda-${patientId.slice(0, 8)}@example.com`,
        name: input.patient.name,
      },
      now,
    )
  }
  const bookingId = randomUUID()
  const endAt = input.startAt + svc.duration * 60_000
  db.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
       end_at, blocked_until, time_zone, course_session_number, confirmed_at, completed_at,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    bookingId,
    `DD-${randomBytes(3).toString('hex').toUpperCase()}`,
    svc.id,
    input.practitionerId,
    patientId,
    input.status,
    input.startAt,
    endAt,
    endAt + svc.buffer * 60_000,
    ZONE,
    input.courseSession ?? 1,
    input.status === 'pending_review' ? null : now,
    input.status === 'completed' ? endAt : null,
    now,
    now,
  )
  if (input.screening) {
    insertE2eScreening(db, {
      patientId,
      bookingId,
      submittedAt: now,
      answers: {},
      outcome: input.screening,
    })
  }
  if (input.signConsent) {
    // The version the session needs: the newest in effect when it starts, else the first.
    const versions = db
      .prepare(
        `SELECT v.id, v.effective_from AS effectiveFrom FROM consent_document_versions v
           JOIN consent_documents d ON d.id = v.document_id
          WHERE d.tier = 'medical' AND v.status = 'published' ORDER BY v.version_number`,
      )
      .all() as { id: string; effectiveFrom: number }[]
    const version = versions.filter((v) => v.effectiveFrom <= input.startAt).pop() ?? versions[0]!
    const attemptId = randomUUID()
    const tokenHash = randomBytes(32).toString('hex')
    db.prepare(
      `INSERT INTO consent_check_attempts (id, session_token_hash, patient_id, booking_id,
         document_version_id, answers, wrong_question_keys, passed, created_at)
       VALUES (?, ?, ?, ?, ?, '{}', '[]', 1, ?)`,
    ).run(attemptId, tokenHash, patientId, bookingId, version.id, now)
    db.prepare(
      `INSERT INTO consent_records (id, patient_id, booking_id, document_version_id, tier,
         text_sha256, text_values, check_attempt_id, check_answers, typed_name, intent_confirmed,
         photo_clinical, photo_marketing, signed_at, email_proven_by, verified_email,
         session_token_hash, record_sha256)
       VALUES (?, ?, ?, ?, 'medical', ?, '{}', ?, '{}', ?, 1, 1, 0, ?, 'email_code', ?, ?, ?)`,
    ).run(
      randomUUID(),
      patientId,
      bookingId,
      version.id,
      randomBytes(32).toString('hex'),
      attemptId,
      input.patient.name,
      now - DAY_MS,
      `agenda-${patientId.slice(0, 8)}@example.com`,
      tokenHash,
      randomBytes(32).toString('hex'),
    )
  }
  db.close()
  return { bookingId, patientId }
}

function at(hour: number, date = today()): number {
  return DateTime.fromISO(`${date}T${String(hour).padStart(2, '0')}:00`, { zone: ZONE }).toMillis()
}

function namesFor(tag: string) {
  return {
    clear: `Clara Nuova ${tag}`,
    review: `Rita Verifica ${tag}`,
    course: `Carlo Corso ${tag}`,
    doctor: `Dora Dottore ${tag}`,
  }
}

/**
 * The nurse's three appointments today and the doctor's one. The tests only read them, so they
 * are arranged once per server (database) and day, whichever test or project runs first.
 */
function arrangeToday(): { names: ReturnType<typeof namesFor>; clearBookingId: string } {
  const db = openE2eDb()
  const existing = db
    .prepare(
      `SELECT p.full_name AS name, b.id AS bookingId FROM patients p JOIN bookings b ON b.patient_id = p.id
        WHERE p.full_name LIKE 'Clara Nuova %' AND b.start_at >= ? AND b.start_at < ?`,
    )
    .get(at(0), at(0, DateTime.fromISO(today()).plus({ days: 1 }).toISODate()!)) as
    { name: string; bookingId: string } | undefined
  db.close()
  if (existing)
    return { names: namesFor(existing.name.split(' ').pop()!), clearBookingId: existing.bookingId }
  const tag = randomBytes(2).toString('hex').toUpperCase()
  const marco = practitionerId('Marco Bianchi')
  const giulia = practitionerId('Dr Giulia Romano')
  const [h1, h2, h3] = freeHoursToday(marco, 3) as [number, number, number]
  const names = namesFor(tag)
  const clear = insertBooking({
    practitionerId: marco,
    serviceSlug: 'medical-face',
    startAt: at(h1),
    status: 'confirmed',
    patient: { name: names.clear },
    screening: 'eligible',
  })
  insertBooking({
    practitionerId: marco,
    serviceSlug: 'medical-face',
    startAt: at(h2),
    status: 'pending_review',
    patient: { name: names.review },
    screening: 'review',
    signConsent: true,
  })
  // The second session of a course: the first was done four weeks ago.
  const first = insertBooking({
    practitionerId: marco,
    serviceSlug: 'medical-face',
    startAt: at(h3) - 28 * DAY_MS,
    status: 'completed',
    patient: { name: names.course },
    screening: 'eligible',
  })
  insertBooking({
    practitionerId: marco,
    serviceSlug: 'medical-face',
    startAt: at(h3),
    status: 'confirmed',
    patient: { id: first.patientId, name: names.course },
    courseSession: 2,
    screening: 'eligible',
    signConsent: true,
  })
  const [hd] = freeHoursToday(giulia, 1) as [number]
  insertBooking({
    practitionerId: giulia,
    serviceSlug: 'consultation',
    startAt: at(hd),
    status: 'confirmed',
    patient: { name: names.doctor },
  })
  return { names, clearBookingId: clear.bookingId }
}

test.describe('clinician agenda @no-js', () => {
  test('a clinician opens today’s agenda and this week’s, with the right badges', async ({
    page,
    login,
  }) => {
    // Five pages, each with its accessibility scan: the grid's many cells make the scans longer.
    test.slow()
    const { names, clearBookingId } = arrangeToday()
    await login('nurse')
    await page.goto('/staff')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Your appointments today and this week' }).click()

    await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible()
    await expect(page.getByText(`${formatCalendarDate(today())} (today)`)).toBeVisible()
    await expect(page.getByText('Times in Rome time (Europe/Rome).')).toBeVisible()
    await expectAccessible(page)

    const table = page.getByRole('table', { name: /appointments?,/ })
    const clear = table.getByRole('row', { name: new RegExp(names.clear) })
    for (const text of [
      'Screening clear',
      'Consent missing',
      'First visit',
      'Session 1 of 3',
      'Confirmed',
      'Medical microneedling, face',
    ])
      await expect(clear).toContainText(text)
    const review = table.getByRole('row', { name: new RegExp(names.review) })
    for (const text of ['Screening needs review', 'Consent signed', 'Pending review'])
      await expect(review).toContainText(text)
    const course = table.getByRole('row', { name: new RegExp(names.course) })
    for (const text of ['Session 2 of 3', 'Consent signed', 'Screening clear', 'Confirmed'])
      await expect(course).toContainText(text)
    await expect(course).not.toContainText('First visit')
    // Only the nurse's own appointments: not the doctor's.
    await expect(page.getByText(names.doctor)).toHaveCount(0)
    await expect(page.getByRole('combobox', { name: 'Practitioner' })).toHaveCount(0)
    await expect(page.getByRole('columnheader', { name: 'With' })).toHaveCount(0)
    // Each appointment leads to its detail page.
    await expect(table.getByRole('link', { name: names.clear })).toHaveAttribute(
      'href',
      `/staff/bookings/${clearBookingId}`,
    )

    // Next day, back to today, then the week.
    await page.getByRole('link', { name: 'Next day' }).click()
    await expect(page.getByText(names.clear)).toHaveCount(0)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Today', exact: true }).click()
    await expect(page.getByRole('link', { name: names.clear })).toBeVisible()
    await page.getByRole('link', { name: 'Week', exact: true }).click()
    await expect(page.getByRole('link', { name: 'Week', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    )
    // The week is the nurse's grid: one column per day, today's named so (ADR 043).
    const week = page.getByRole('table', { name: /^Marco Bianchi, week of/ })
    await expect(
      week.getByRole('columnheader', { name: `${formatCalendarDate(today())} (today)` }),
    ).toBeVisible()
    const item = week.getByRole('link', { name: new RegExp(names.review) })
    await expect(item).toContainText('Screening needs review')
    await expect(item).toContainText('Pending review')
    await expect(
      page.getByRole('heading', { level: 2, name: 'Week of Marco Bianchi' }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Previous week' }).click()
    await expect(page.getByText(names.review)).toHaveCount(0)
    await expectAccessible(page)
  })

  test('on a phone the week reads as cards without sideways scrolling', async ({ page, login }) => {
    const { names } = arrangeToday()
    await page.setViewportSize({ width: 360, height: 740 })
    await login('nurse')
    await page.goto('/staff/agenda?view=week')
    await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible()
    await showListOnPhone(page)
    await expectAccessible(page)
    if (test.info().project.use.javaScriptEnabled !== false) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width).toBeLessThanOrEqual(360)
    }
    // A broken date falls back to today; on a phone the day is cards per practitioner, no table.
    await page.goto('/staff/agenda?view=day&date=2026-02-30')
    await expect(page.getByText(`${formatCalendarDate(today())} (today)`)).toBeVisible()
    await showListOnPhone(page)
    await expect(page.getByRole('table')).toHaveCount(0)
    const nurseDay = page.getByRole('region', { name: 'Marco Bianchi' })
    await expect(nurseDay.getByRole('listitem').filter({ hasText: names.clear })).toBeVisible()
    await expectAccessible(page)
    if (test.info().project.use.javaScriptEnabled !== false) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width).toBeLessThanOrEqual(360)
    }
  })

  test('a closure says why the clinic is closed and time off shows on the day and the week', async ({
    page,
    login,
  }) => {
    // Far beyond the booking horizon, so no other test books or searches these days.
    // Never a Monday, so the day before is in the same week.
    const far = DateTime.fromISO(today()).plus({ days: 500 })
    const closed = far.plus({ days: far.weekday === 1 ? 1 : 0 }).toISODate()!
    const dayBefore = DateTime.fromISO(closed).minus({ days: 1 }).toISODate()!
    const reason = `Works on the treatment rooms ${randomBytes(2).toString('hex')}`
    const db = openE2eDb()
    const now = serverNow().getTime()
    const closureId = randomUUID()
    const timeOffIds = [randomUUID(), randomUUID()]
    db.prepare(
      'INSERT INTO clinic_closures (id, date, reason, created_at) VALUES (?, ?, ?, ?)',
    ).run(closureId, closed, reason, now)
    const insertTimeOff = db.prepare(
      `INSERT INTO availability_exceptions (id, practitioner_id, kind, date, start_minute, end_minute, note, created_at)
       VALUES (?, ?, 'time_off', ?, ?, ?, 'dentist', ?)`,
    )
    insertTimeOff.run(timeOffIds[0], practitionerId('Marco Bianchi'), dayBefore, null, null, now)
    insertTimeOff.run(timeOffIds[1], practitionerId('Dr Giulia Romano'), dayBefore, 540, 780, now)
    db.close()
    try {
      await login('admin')
      await page.goto(`/staff/agenda?view=day&date=${closed}`)
      await expect(
        page.getByRole('listitem').filter({ hasText: `Closed: ${reason}` }),
      ).toBeVisible()
      // The grid shades every practitioner's column with the reason.
      await expect(
        page
          .getByRole('table')
          .getByRole('cell', { name: `Closed: ${reason}` })
          .first(),
      ).toBeVisible()
      await expect(page.getByText('No appointments on this day.')).toBeVisible()
      await expectAccessible(page)
      await page.getByRole('link', { name: 'Previous day' }).click()
      await expect(page.getByText('Marco Bianchi: time off all day')).toBeVisible()
      await expect(page.getByText('Dr Giulia Romano: time off 09:00–13:00')).toBeVisible()
      await expect(page.getByText('dentist')).toHaveCount(0)
      await page.getByRole('link', { name: 'Week', exact: true }).click()
      // The week grid shows one practitioner: the first by name until one is chosen, which
      // depends on what other tests added, so this test chooses hers.
      await page.goto(
        `/staff/agenda?view=week&date=${closed}&practitioner=${practitionerId('Dr Giulia Romano')}`,
      )
      const week = page.getByRole('table', { name: /^Dr Giulia Romano, week of/ })
      await expect(week.getByRole('cell', { name: `Closed: ${reason}` })).toBeVisible()
      await expect(week.getByRole('cell', { name: 'Time off' })).toBeVisible()
      await expectAccessible(page)
      // On a phone the week is a list per day, with the same notices.
      await page.setViewportSize({ width: 360, height: 740 })
      await showListOnPhone(page)
      const closedDay = page.getByRole('region', { name: new RegExp(formatCalendarDate(closed)) })
      await expect(closedDay.getByText(`Closed: ${reason}`)).toBeVisible()
      const dayOff = page.getByRole('region', { name: new RegExp(formatCalendarDate(dayBefore)) })
      await expect(dayOff.getByText('Dr Giulia Romano: time off 09:00–13:00')).toBeVisible()
      await expectAccessible(page)
    } finally {
      const cleanup = openE2eDb()
      cleanup.prepare('DELETE FROM clinic_closures WHERE id = ?').run(closureId)
      for (const id of timeOffIds)
        cleanup.prepare('DELETE FROM availability_exceptions WHERE id = ?').run(id)
      cleanup.close()
    }
  })

  test('an admin sees every practitioner and filters by one', async ({ page, login }) => {
    const { names, clearBookingId } = arrangeToday()
    await login('admin')
    await page.goto('/staff')
    await expectAccessible(page)
    await page
      .getByRole('link', { name: 'Every practitioner’s appointments today and this week' })
      .click()
    await expect(page.getByText(/: every practitioner\./)).toBeVisible()
    await expect(page.getByRole('table').getByText(names.doctor)).toBeVisible()
    await expect(page.getByRole('table').getByText(names.clear)).toBeVisible()
    // Every role may open the appointment; an admin without the clinician role gets the front
    // desk's view of it, without health details (ADR 041).
    await expect(page.getByRole('link', { name: new RegExp(names.clear) })).toHaveAttribute(
      'href',
      `/staff/bookings/${clearBookingId}`,
    )
    // One column per practitioner; the doctor's block is in hers.
    await expect(page.getByRole('columnheader', { name: 'Dr Giulia Romano' })).toBeVisible()
    const doctorBlock = page.getByRole('link', { name: new RegExp(names.doctor) })
    await expect(doctorBlock).toContainText('Consultation: no screening or consent needed')
    await expectAccessible(page)

    await page
      .getByRole('combobox', { name: 'Practitioner' })
      .selectOption({ label: 'Marco Bianchi' })
    await page.getByRole('button', { name: 'Show agenda' }).click()
    await expect(page).toHaveURL(/practitioner=/)
    await expect(page.getByText(/: Marco Bianchi\./)).toBeVisible()
    await expect(page.getByRole('table').getByText(names.clear)).toBeVisible()
    await expect(page.getByText(names.doctor)).toHaveCount(0)
    await expectAccessible(page)
    // The filter stays on when moving through the days.
    await page.getByRole('link', { name: 'Week', exact: true }).click()
    await expect(page.getByText(/: Marco Bianchi\./)).toBeVisible()
    await expect(page.getByText(names.doctor)).toHaveCount(0)
    await expectAccessible(page)
  })
})
