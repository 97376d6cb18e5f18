import { randomBytes } from 'node:crypto'
import { type Page } from '@playwright/test'
import { moveBookingToNow, uniqueEmail } from '../booking-utils.ts'
import { passCheck, sign } from '../consent-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, expectAccessible, openE2eDb, signInAs, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'

/**
 * Staff book for a caller (ADR 042): the booking awaits the patient's forms, the patient gives
 * them from the emailed link, staff check them in. A clinician books (the reception role arrives
 * with its own part of issue 17). Patient pages run without JavaScript too (@no-js).
 */

const BORN = '1988-03-14'

function uniqueName(first: string) {
  const letters = randomBytes(4)
    .toString('hex')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)
  return `${first} ${letters[0]!.toUpperCase()}${letters.slice(1)}`
}

/** Adds a caller on the first step of /staff/bookings/new. */
async function addCaller(page: Page, who: { name: string; email: string }) {
  const form = page.getByRole('region', { name: 'Or add a new patient' })
  await form.getByLabel('Full name').fill(who.name)
  await form.getByLabel('Email').fill(who.email)
  await form.getByLabel('Phone').fill('+39 333 765 4321')
  await form.getByLabel('Date of birth').fill(BORN)
  await form.getByRole('button', { name: 'Add the patient' }).click()
}

/** The treatment and practitioner, then the nth day with free times. */
async function showTimes(page: Page, dayIndex: number, override = false) {
  await page.getByLabel('Treatment', { exact: true }).selectOption({ label: 'Cosmetic skin boost' })
  if (override) await page.getByLabel('Book outside the notice and advance-booking limits').check()
  await page.getByRole('button', { name: 'Show times' }).click()
  await page.getByLabel('Practitioner', { exact: true }).selectOption({ label: 'Marco Bianchi' })
  await page.getByRole('button', { name: 'Show times' }).click()
  // Other tests book this practitioner too: fewer days may have free times than asked for.
  const days = page.getByRole('link', { name: /\d+ free times?$/ })
  await expect(days.first()).toBeVisible()
  await days.nth(Math.min(dayIndex, (await days.count()) - 1)).click()
  await page
    .getByRole('group', { name: /^Free times on/ })
    .getByRole('radio')
    .first()
    .check()
}

test.describe('staff book for a caller @no-js', () => {
  test.describe.configure({ timeout: 120_000 })

  test('reception books for a new caller, the patient completes the forms from the email, reception checks them in', async ({
    page,
    browser,
    baseURL,
  }) => {
    const staffContext = await browser.newContext({ baseURL })
    const staff = await staffContext.newPage()
    await signInAs(staffContext, 'receptionist')
    const caller = { name: uniqueName('Carla'), email: uniqueEmail('caller') }

    await staff.goto('/staff')
    await staff.getByRole('link', { name: 'Book for a caller' }).click()
    await expect(staff.getByRole('heading', { level: 1, name: 'Book for a caller' })).toBeVisible()
    await expect(staff.getByRole('navigation', { name: 'Booking steps' })).toContainText('Patient')
    await expectAccessible(staff)

    // Search first: nobody by that name yet.
    await staff
      .getByRole('searchbox', { name: 'Name, email, phone, date of birth or booking reference' })
      .fill(caller.name)
    await staff.getByRole('button', { name: 'Search' }).click()
    await expect(staff.getByRole('heading', { name: 'No patients found' })).toBeVisible()
    await expectAccessible(staff)

    await addCaller(staff, caller)
    await expect(staff.getByRole('heading', { name: 'Treatment and time' })).toBeVisible()
    await expect(staff.getByText(caller.name, { exact: true })).toBeVisible()
    await expectAccessible(staff)
    await showTimes(staff, 2)
    await expectAccessible(staff)
    await staff
      .getByRole('group', { name: 'Language of the patient’s emails' })
      .getByLabel('English')
      .check()
    await staff.getByRole('button', { name: 'Book this time' }).click()

    const done = staff.getByRole('heading', { level: 2, name: /^Booked: DD-/ })
    await expect(done).toBeVisible()
    const reference = /DD-[0-9A-Z]{6}/.exec((await done.textContent()) ?? '')![0]
    await expect(staff.getByText('Awaiting patient forms')).toBeVisible()
    await expect(staff.getByText(`We emailed ${caller.email}`)).toBeVisible()
    await expectAccessible(staff)

    // The email: no treatment, a link that proves the booking.
    const mail = await waitForEmail({ to: caller.email, subject: /Booking confirmed: DD-/ })
    expect(mail.subject).toContain(reference)
    expect(mail.text).toContain('Answer the health questions.')
    expect(mail.text).not.toMatch(/skin boost/i)
    const link = /https?:\/\/\S+\/bookings\/manage\?token=[A-Za-z0-9_-]{43}/.exec(mail.text)![0]
    const url = new URL(link)
    await page.goto(`${url.pathname}${url.search}`)
    await page.getByRole('button', { name: 'Open my booking' }).click()
    const todo = page.getByRole('region', { name: 'Before your visit: things to do' })
    await expect(todo).toBeVisible()
    await expectAccessible(page)

    // The health questions: the first answers for this booking.
    await todo.getByRole('link', { name: 'Answer the health questions' }).click()
    await answerHealthQuestions(page, {}, 'Save my answers')
    await expect(page.getByText('Thank you. We have saved your new answers.')).toBeVisible()
    await expectAccessible(page)

    // The consent, signed later from the booking page.
    await page.goto(`/bookings/${reference}`)
    await expect(todo.getByText('Done', { exact: true })).toBeVisible()
    await todo.getByRole('link', { name: 'Sign the consent form' }).click()
    await expectAccessible(page)
    await passCheck(page)
    await sign(page, caller.name, 'Sign the consent')
    await page.goto(`/bookings/${reference}`)
    await expect(page.getByRole('heading', { name: `Your booking ${reference}` })).toBeVisible()
    await expect(todo).toHaveCount(0)
    await expectAccessible(page)

    // At the clinic: the forms are done, staff check the patient in.
    const bookingId = moveBookingToNow(reference)
    await staff.goto(`/staff/bookings/${bookingId}`)
    await expect(staff.getByText('Screening: Clear')).toBeVisible()
    await expect(staff.getByText('Awaiting patient forms')).toHaveCount(0)
    await expectAccessible(staff)
    await staff.getByRole('link', { name: 'Check in', exact: true }).click()
    await staff.getByLabel('Checked a photo ID').check()
    await staff.getByLabel(new RegExp(`This is ${caller.name}`)).check()
    await staff.getByLabel('Nothing has changed').check()
    await staff.getByRole('button', { name: 'Check in' }).click()
    await expect(staff.getByRole('status')).toHaveText('Checked in.')
    await expectAccessible(staff)
    await staffContext.close()
  })

  test('bad input: a second patient with the same email and birth date, an override without a reason', async ({
    page,
    login,
  }) => {
    await login('nurse')
    const caller = { name: uniqueName('Dario'), email: uniqueEmail('twice') }
    await page.goto('/staff/bookings/new')
    // Nothing filled in: every field says what it needs, nobody is added.
    await page.getByRole('button', { name: 'Add the patient' }).click()
    await expect(page.getByText('Enter your full name.')).toBeVisible()
    await expect(page.getByText('Enter your date of birth.')).toBeVisible()
    await expectAccessible(page)

    await addCaller(page, caller)
    await expect(page.getByRole('heading', { name: 'Treatment and time' })).toBeVisible()
    await page.goto('/staff/bookings/new')
    await addCaller(page, { name: `${caller.name} Jr`, email: caller.email.toUpperCase() })
    await expect(
      page.getByText(
        `A patient with this email and date of birth is already on file: ${caller.name}.`,
      ),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: `Book for ${caller.name} instead` }).click()
    await expect(page.getByText(caller.name, { exact: true })).toBeVisible()
    const db = openE2eDb()
    const copies = db
      .prepare('SELECT count(*) FROM patients WHERE email = ?')
      .pluck()
      .get(caller.email.toLowerCase())
    db.close()
    expect(copies).toBe(1)

    // Outside the limits: the reason is required, and nothing is booked without one.
    await showTimes(page, 0, true)
    await expect(page.getByLabel('Reason for booking outside the limits')).toBeVisible()
    await page.getByRole('button', { name: 'Book this time' }).click()
    await expect(page.getByText('Give a reason for booking outside the limits.')).toBeVisible()
    await expectAccessible(page)
    const after = openE2eDb()
    const booked = after
      .prepare(
        'SELECT count(*) FROM bookings b JOIN patients p ON p.id = b.patient_id WHERE p.email = ?',
      )
      .pluck()
      .get(caller.email.toLowerCase())
    after.close()
    expect(booked).toBe(0)
  })
})
