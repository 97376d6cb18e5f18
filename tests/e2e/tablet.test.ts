import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { passCheck, sign } from '../consent-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'
import { serverNow } from '../test-clock.ts'
import {
  DEMO_STAFF,
  demoPassword,
  expect,
  expectAccessible,
  insertE2ePatient,
  insertE2eScreening,
  openE2eDb,
  test,
} from '../playwright-utils.ts'

const DAY_MS = 24 * 3600_000
const DATE_OF_BIRTH = '1991-06-12'
/** Health answers with nothing to flag, as the questionnaire stores them. */
const CLEAR_ANSWERS = {
  dateOfBirth: DATE_OF_BIRTH,
  areas: ['face'],
  skinType: 'III',
  skinNow: [],
  history: [],
  medicines: [],
  allergies: [],
  pregnancy: 'no',
  procedures: [],
}

/**
 * A patient with a booked medical treatment whose health answers are clear (or, with
 * `answersDue`, too old for the visit) and whose consent is not signed yet, written straight into the e2e database, months ahead at a random time so that
 * no other test's booking is near it.
 */
function arrangeBookingWithoutConsent(options: { answersDue?: boolean } = {}) {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const suffix = randomBytes(3).toString('hex')
  const patient = {
    id: randomUUID(),
    name: `Sara Colombo ${suffix}`,
    email: `tablet-${suffix}@example.com`,
  }
  insertE2ePatient(
    db,
    {
      id: patient.id,
      email: patient.email,
      name: patient.name,
      phone: `+39348${randomInt(1_000_000, 9_999_999)}`,
      dateOfBirth: DATE_OF_BIRTH,
    },
    now,
  )
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
     VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, 'Europe/Rome', 1, ?, ?, ?)`,
  )
  // Answers due again: the visit is close enough for new answers to count, the old ones are not.
  // A random time can meet another test's booking for the same practitioner: then try another.
  let startAt = 0
  for (let attempt = 0; ; attempt += 1) {
    const daysAhead = options.answersDue ? randomInt(3, 25) : randomInt(120, 300)
    startAt = Math.floor((now + daysAhead * DAY_MS) / DAY_MS) * DAY_MS + randomInt(0, 60) * 300_000
    const endAt = startAt + service.duration * 60_000
    try {
      insertBooking.run(
        bookingId,
        reference,
        service.id,
        practitioner.id,
        patient.id,
        startAt,
        endAt,
        endAt,
        now,
        now,
        now,
      )
      break
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('booking_overlap')) throw error
    }
  }
  insertE2eScreening(db, {
    patientId: patient.id,
    bookingId,
    submittedAt: startAt - (options.answersDue ? 45 : 5) * DAY_MS,
    answers: CLEAR_ANSWERS,
  })
  db.close()
  return { ...patient, reference, bookingId }
}

test.describe('the clinic tablet at check-in @no-js', () => {
  test.describe.configure({ timeout: 90_000 })

  test('a clinician hands the tablet over, the patient signs, and only the password gives it back', async ({
    page,
    login,
  }) => {
    const patient = arrangeBookingWithoutConsent()
    const other = arrangeBookingWithoutConsent()
    await login('nurse')
    await page.goto(`/staff/bookings/${patient.bookingId}/check-in`)
    await expect(page.getByText('Not signed yet')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Hand the tablet to the patient' }).click()

    // The patient's screen: their visit, their steps, no staff navigation.
    await expect(page).toHaveURL(/\/tablet$/)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Welcome to the clinic' }),
    ).toBeVisible()
    await expect(page.getByText('Read and sign the consent: Now')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Staff' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: /Sign out/ })).toHaveCount(0)
    await expectAccessible(page)

    // Every other address shows the tablet's page, never data.
    for (const address of [
      '/staff',
      `/staff/bookings/${patient.bookingId}/check-in`,
      '/admin',
      '/book',
      '/',
      `/bookings/${patient.reference}`,
      `/bookings/${other.reference}/consent`,
    ]) {
      await page.goto(address)
      await expect(page, address).toHaveURL(/\/tablet$/)
      await expect(
        page.getByRole('heading', { level: 1, name: 'Welcome to the clinic' }),
      ).toBeVisible()
    }
    await expect(page.getByText(other.name)).toHaveCount(0)

    // The consent, signed by the patient on the tablet. Its link back to the booking page leads
    // to the tablet's page, not to the booking (a client-side navigation with JavaScript on).
    await page.getByRole('link', { name: 'Go to the consent' }).click()
    await expect(page).toHaveURL(new RegExp(`/bookings/${patient.reference}/consent`))
    await expectAccessible(page)
    await page.getByRole('link', { name: `Back to your booking ${patient.reference}` }).click()
    await expect(page).toHaveURL(/\/tablet$/)
    await page.getByRole('link', { name: 'Go to the consent' }).click()
    await expect(page).toHaveURL(new RegExp(`/bookings/${patient.reference}/consent`))
    await passCheck(page)
    await sign(page, patient.name, 'Sign the consent')
    await expect(page.getByText('Signed', { exact: true })).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Your steps' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — please hand the tablet back' }),
    ).toBeVisible()
    await expectAccessible(page)

    // The patient's session has ended: their booking's pages lock too; staff pages stay locked.
    await page.goto(`/bookings/${patient.reference}/consent`)
    await expect(page.getByRole('heading', { level: 1, name: /Thank you/ })).toBeVisible()
    await page.goto('/staff')
    await expect(page).toHaveURL(/\/tablet$/)

    // A wrong password keeps the lock, with a clear message.
    await page.getByLabel('Your password').fill('not the password')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(
      page.getByText('That password is not right. The tablet stays locked.'),
    ).toBeVisible()
    await expectAccessible(page)
    await page.goto('/staff')
    await expect(page).toHaveURL(/\/tablet$/)

    // The right one: back at check-in, with the consent signed.
    await page.getByLabel('Your password').fill(demoPassword(DEMO_STAFF.nurse))
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(page).toHaveURL(new RegExp(`/staff/bookings/${patient.bookingId}/check-in`))
    await expect(page.getByRole('status')).toHaveText(
      'The tablet is unlocked. The status below is up to date.',
    )
    await expect(page.getByText('Signed', { exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Hand the tablet to the patient' })).toHaveCount(
      0,
    )
    await expectAccessible(page)
  })

  test('answers due again come first, then the consent', async ({ page, login }) => {
    const patient = arrangeBookingWithoutConsent({ answersDue: true })
    await login('nurse')
    await page.goto(`/staff/bookings/${patient.bookingId}`)
    await page.getByRole('button', { name: 'Hand the tablet to the patient' }).click()
    await expect(page.getByText('Answer the health questions: Now')).toBeVisible()
    await expect(page.getByText('Read and sign the consent: Next')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Start the health questions' }).click()
    await answerHealthQuestions(page, { dateOfBirth: DATE_OF_BIRTH }, 'Save my answers')
    await expect(page).toHaveURL(new RegExp(`/bookings/${patient.reference}/screening`))
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Your steps' }).click()
    await expect(page.getByText('Answer the health questions: Done')).toBeVisible()
    await page.getByRole('link', { name: 'Go to the consent' }).click()
    await passCheck(page)
    await sign(page, patient.name, 'Sign the consent')
    await page.getByRole('link', { name: 'Your steps' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you — please hand the tablet back' }),
    ).toBeVisible()
    await page.getByLabel('Your password').fill(demoPassword(DEMO_STAFF.nurse))
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(page).toHaveURL(new RegExp(`/staff/bookings/${patient.bookingId}/check-in`))
    await expect(page.getByText('Signed', { exact: true })).toBeVisible()
    await expect(page.getByText('Not signed yet')).toHaveCount(0)
  })
})
