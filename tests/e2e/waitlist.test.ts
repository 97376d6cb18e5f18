import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { type Page } from '@playwright/test'
import { chooseDayWithTimes, uniqueEmail } from '../booking-utils.ts'
import { passCheck, sign } from '../consent-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, expectAccessible, insertE2ePatient, openE2eDb, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'
import { serverNow } from '../test-clock.ts'

/**
 * The waitlist (ADR 044) end to end: a patient joins from the time step and confirms the email,
 * a booking that fills the day is cancelled, the offer email comes, the patient takes the offered
 * time through screening, details, email code and consent. A lapsed offer is refused; staff see
 * a day's waitlist.
 */

const PRACTITIONER = 'Marco Bianchi'

/** A confirmed booking that fills the practitioner's whole day, with a manage link to cancel it. */
function fillDay(date: string) {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const suffix = randomBytes(3).toString('hex')
  const patientId = randomUUID()
  insertE2ePatient(
    db,
    {
      id: patientId,
      email: `filler-${suffix}@example.com`,
      name: `Filler ${suffix}`,
      phone: '+393471234567',
      dateOfBirth: '1980-01-01',
    },
    now,
  )
  const service = db.prepare("SELECT id FROM services WHERE slug = 'skin-boost'").get() as {
    id: string
  }
  const practitioner = db
    .prepare('SELECT id FROM practitioners WHERE display_name = ?')
    .get(PRACTITIONER) as { id: string }
  // 04:00 to 23:00 in Rome, whatever the season: the whole working day.
  const startAt = Date.parse(`${date}T03:00:00Z`)
  const endAt = Date.parse(`${date}T22:00:00Z`)
  const bookingId = randomUUID()
  const reference = `DD-W${suffix.toUpperCase().slice(0, 5)}`
  db.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
       end_at, blocked_until, time_zone, course_session_number, confirmed_at, locale, created_at,
       updated_at)
     VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, 'Europe/Rome', 1, ?, 'en', ?, ?)`,
  ).run(
    bookingId,
    reference,
    service.id,
    practitioner.id,
    patientId,
    startAt,
    endAt,
    endAt,
    now,
    now,
    now,
  )
  const token = randomBytes(32).toString('base64url')
  db.prepare(
    'INSERT INTO booking_manage_links (token_hash, booking_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  ).run(createHash('sha256').update(token).digest('hex'), bookingId, now, endAt + 86_400_000)
  db.close()
  return { reference, manageUrl: `/bookings/manage?token=${token}` }
}

/** From /book, through the health questions, to the time step showing the practitioner's times. */
async function toTimeStep(page: Page) {
  await page.goto('/book')
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
  await answerHealthQuestions(page)
  await page.getByRole('link', { name: 'Choose a day and time' }).click()
  await page.getByRole('radio', { name: PRACTITIONER }).check()
  if (test.info().project.use.javaScriptEnabled === false)
    await page.getByRole('button', { name: 'Show times' }).click()
  await expect(page).toHaveURL(/practitioner=/)
}

/** A day some weeks ahead on which the practitioner works, away from other tests' bookings. */
async function dayWeeksAhead(page: Page, weeks: number): Promise<string> {
  for (let week = 0; week < weeks; week++) {
    const shown = page.url()
    await page
      .getByRole('region', { name: 'Choose a day' })
      .getByRole('link', { name: 'Later days →' })
      .click()
    await page.waitForURL((url) => url.href !== shown)
  }
  await chooseDayWithTimes(page, 1)
  await page.waitForURL(/[?&]date=\d{4}-\d{2}-\d{2}/)
  return new URL(page.url()).searchParams.get('date')!
}

async function fillJoinForm(page: Page, input: { date: string; name: string; email: string }) {
  await page.getByRole('radio', { name: PRACTITIONER }).check()
  await page.getByLabel('First day').fill(input.date)
  await page.getByLabel('Last day').fill(input.date)
  await page.getByLabel('Morning (before 12:00)').check()
  await page.getByLabel('Full name').fill(input.name)
  await page.getByLabel('Email').fill(input.email)
}

test.describe('the waitlist @no-js', () => {
  test.describe.configure({ timeout: 180_000 })

  test('a patient joins online, a cancellation frees a time, the offer comes and the patient books it', async ({
    page,
  }) => {
    const email = uniqueEmail('waitlist')
    const name = 'Giorgia Fontana'
    await toTimeStep(page)
    // A different week per project, so the two runs do not meet.
    const weeks = test.info().project.use.javaScriptEnabled === false ? 5 : 4
    const date = await dayWeeksAhead(page, weeks)
    const filler = fillDay(date)

    // The day is full now: the patient asks to wait for it.
    await page.reload()
    await page.getByRole('link', { name: 'No time suits you? Join the waitlist.' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Join the waitlist' })).toBeVisible()
    await expectAccessible(page)

    // Bad input first: no time of day, and the last day before the first.
    await page.getByRole('radio', { name: PRACTITIONER }).check()
    await page.getByLabel('First day').fill(date)
    await page.getByLabel('Last day').fill('2027-01-01')
    await page.getByLabel('Full name').fill(name)
    await page.getByLabel('Email').fill(email)
    await page.getByRole('button', { name: 'Join the waitlist' }).click()
    await expect(page.getByText('Choose at least one time of day.').first()).toBeVisible()
    await expect(
      page.getByText('The last day must be on or after the first day.').first(),
    ).toBeVisible()
    await expectAccessible(page)

    await fillJoinForm(page, { date, name, email })
    const joinedAt = new Date()
    await page.getByRole('button', { name: 'Join the waitlist' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
    await expectAccessible(page)

    const confirmMail = await waitForEmail({
      to: email,
      subject: /Confirm your place/,
      after: joinedAt,
    })
    const confirmUrl = /https?:\/\/\S+\/waitlist\/confirm\?token=[\w-]+/.exec(confirmMail.text)![0]
    await page.goto(new URL(confirmUrl).pathname + new URL(confirmUrl).search)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Confirm my place' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'You are on the waitlist' }),
    ).toBeVisible()

    // The day's booking is cancelled by its patient: the time goes to the waitlist at once.
    await page.goto(filler.manageUrl)
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await page.getByRole('link', { name: 'Cancel this booking' }).click()
    const confirm =
      test.info().project.use.javaScriptEnabled === false
        ? page.getByRole('main')
        : page.getByRole('dialog', { name: 'Cancel your booking?' })
    const cancelledAt = new Date()
    await confirm.getByRole('button', { name: 'Yes, cancel my booking' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Your booking is cancelled' }),
    ).toBeVisible()

    const offerMail = await waitForEmail({
      to: email,
      subject: /A time is free/,
      after: cancelledAt,
    })
    expect(offerMail.text).toContain(PRACTITIONER)
    expect(`${offerMail.subject} ${offerMail.text}`).not.toMatch(/skin boost|microneedl|needl/i)
    const offerUrl = new URL(
      /https?:\/\/\S+\/waitlist\/offer\?token=[\w-]+/.exec(offerMail.text)![0],
    )
    await page.goto(offerUrl.pathname + offerUrl.search)
    await expect(
      page.getByRole('heading', { level: 1, name: 'A time is free for you' }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Book this time' }).click()

    // The normal wizard, with the offered time held: health questions, details, code, consent.
    await answerHealthQuestions(page)
    await page.getByRole('link', { name: 'Choose a day and time' }).click()
    await expect(
      page.getByText(new RegExp(`You are holding .* with ${PRACTITIONER}`)),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Keep this time and go on' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Your details' })).toBeVisible()
    await page.getByLabel('Full name').fill(name)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Mobile phone').fill('+39 333 123 4567')
    await page.getByLabel('Date of birth').fill('1988-03-14')
    const before = new Date()
    await page.getByRole('button', { name: 'Continue' }).click()
    const code = await waitForEmail({ to: email, subject: /Your email code for/, after: before })
    await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(code.text)![1]!)
    await page.getByRole('button', { name: 'Check the code and continue' }).click()
    await passCheck(page)
    await sign(page, name, 'Sign and book')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
    ).toBeVisible()
    await expect(page.getByText(PRACTITIONER).first()).toBeVisible()
    await expectAccessible(page)

    // The link again: taken up, nothing more to do.
    await page.goto(offerUrl.pathname + offerUrl.search)
    await expect(page.getByRole('alert')).toHaveText('This offer was already taken up.')
  })
})

test.describe('the waitlist for staff', () => {
  test.describe.configure({ timeout: 60_000 })

  test('staff add a caller and see the day’s waitlist; a lapsed offer is refused, nothing changed', async ({
    page,
    login,
  }) => {
    const email = uniqueEmail('caller')
    // Letters only (names refuse digits), unique per run.
    const name = `Caller ${randomBytes(4)
      .toString('hex')
      .replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`
    await toTimeStep(page)
    const date = await dayWeeksAhead(page, 3)

    await login('nurse')
    await page.goto(`/staff/waitlist?date=${date}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Waitlist' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Treatment').selectOption({ label: 'Cosmetic skin boost' })
    await page.getByRole('button', { name: 'Show' }).click()
    await expect(page.getByText('For Cosmetic skin boost.')).toBeVisible()
    await fillJoinForm(page, { date, name, email })
    const addedAt = new Date()
    await page.getByRole('button', { name: 'Add to the waitlist' }).click()
    await expect(page.getByRole('status')).toHaveText('Added to the waitlist.')

    // The day has free times: the offer goes out at once, and the day's list shows it.
    const offerMail = await waitForEmail({ to: email, subject: /A time is free/, after: addedAt })
    await page.goto(`/staff/waitlist?date=${date}`)
    await expect(page.getByRole('heading', { name: /^Waiting for/ })).toBeVisible()
    const row = page.getByRole('row', { name: new RegExp(name) })
    await expect(row).toContainText('Waiting')
    await expect(row).toContainText('offered, waiting for an answer')
    await expectAccessible(page)

    // The patient opens the offer, but answers after it lapsed: refused, nothing changed.
    const offerUrl = new URL(
      /https?:\/\/\S+\/waitlist\/offer\?token=[\w-]+/.exec(offerMail.text)![0],
    )
    const patient = await page.context().newPage()
    await patient.goto(offerUrl.pathname + offerUrl.search)
    await expect(patient.getByRole('button', { name: 'Book this time' })).toBeVisible()
    const db = openE2eDb()
    const past = serverNow().getTime() - 60_000
    db.prepare(
      `UPDATE waitlist_offers SET expires_at = ? WHERE entry_id IN
         (SELECT id FROM waitlist_entries WHERE email = ?)`,
    ).run(past, email)
    db.close()
    await patient.getByRole('button', { name: 'Book this time' }).click()
    await expect(patient.getByRole('alert')).toContainText('Sorry, this offer has ended.')
    await expect(patient.getByText('Nothing has changed.')).toBeVisible()
    await expectAccessible(patient)
    await patient.close()

    // Staff take the caller off the list.
    await page.goto(`/staff/waitlist?date=${date}`)
    await page.getByRole('button', { name: `Remove ${name}` }).click()
    await expect(page.getByRole('status')).toHaveText('Removed from the waitlist.')
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0)
  })
})
