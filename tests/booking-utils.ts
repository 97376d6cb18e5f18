import { serverNow } from './test-clock.ts'
import { type Page } from '@playwright/test'
import { passCheck, sign } from './consent-utils.ts'
import { waitForEmail } from './mail-utils.ts'
import { expect, openE2eDb } from './playwright-utils.ts'
import { answerHealthQuestions } from './screening-utils.ts'

export function uniqueEmail(label: string) {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
}

/**
 * Opens the nth day (from 0) that has free times, going to later weeks while the week shown has
 * fewer: a practitioner's week can be full or closed (a holiday, days off, earlier tests' bookings),
 * and the picker shows the week asked for even when it is empty.
 */
export async function chooseDayWithTimes(page: Page, nth = 0) {
  const days = page.getByRole('region', { name: 'Choose a day' })
  for (let week = 0; week < 8; week++) {
    const withTimes = days.getByRole('link', { name: /\d+ times?$/ })
    if ((await withTimes.count()) > nth) {
      await withTimes.nth(nth).click()
      await expect(page.getByRole('region', { name: /Choose a time on/ })).toBeVisible()
      return
    }
    const shown = page.url()
    await days.getByRole('link', { name: 'Later days →' }).click()
    await page.waitForURL((url) => url.href !== shown)
  }
  throw new Error(`no week in the next eight with ${nth + 1} days of free times`)
}

/** Holds the first free time the picker shows for the chosen day; the details step follows. */
export async function holdFirstOfferedTime(page: Page) {
  await page
    .getByRole('region', { name: /Choose a time on/ })
    .getByRole('button')
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your details' })).toBeVisible()
}

/**
 * A patient books the cosmetic skin boost through the whole wizard (clear health answers, the
 * consent signed) with the given practitioner; returns the booking reference.
 */
export async function bookSkinBoostAsPatient(
  page: Page,
  who: { name: string; email: string; practitioner: string },
  /** Which day with free times to take (0: the first), to keep apart from other tests' days. */
  dayIndex = 0,
): Promise<string> {
  await page.goto('/book')
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
  await answerHealthQuestions(page)
  await page.getByRole('link', { name: 'Choose a day and time' }).click()
  await page.getByRole('radio', { name: who.practitioner }).check()
  await page.getByRole('button', { name: 'Show times' }).click()
  await chooseDayWithTimes(page, dayIndex)
  await holdFirstOfferedTime(page)
  await page.getByLabel('Full name').fill(who.name)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Mobile phone').fill('+39 333 123 4567')
  const before = new Date()
  await page.getByRole('button', { name: 'Continue' }).click()
  const mail = await waitForEmail({ to: who.email, subject: /Your email code for/, after: before })
  await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(mail.text)![1]!)
  await page.getByRole('button', { name: 'Check the code and continue' }).click()
  await passCheck(page)
  await sign(page, who.name, 'Sign and book')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
  ).toBeVisible()
  const reference = (await page.getByText(/Your reference is DD-/).textContent())?.match(
    /DD-[0-9A-Z]{6}/,
  )?.[0]
  expect(reference).toBeTruthy()
  return reference!
}

/**
 * Test fixture: moves a booking to start now (a visit is checked in on its day, and patients
 * cannot book today online because of the minimum notice). Returns the booking id.
 */
export function moveBookingToNow(reference: string): string {
  const db = openE2eDb()
  const row = db
    .prepare('SELECT id, start_at, end_at, blocked_until FROM bookings WHERE reference = ?')
    .get(reference) as { id: string; start_at: number; end_at: number; blocked_until: number }
  // About to start, or the first later time today that the practitioner has free (the no-overlap
  // trigger refuses the others; earlier tests put bookings around now). Never earlier: the consent
  // was signed just now, and one signed after a session started does not cover it (an earlier
  // time failed the visit test at 00:46 in Rome). Only the last minutes of a day can find none.
  const base = serverNow().getTime() + 2 * 60_000
  const candidates = Array.from({ length: 48 }, (_, step) => base + step * 15 * 60_000)
  const today = new Date(base).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' })
  const moved = candidates.some((start) => {
    if (new Date(start).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' }) !== today)
      return false
    const shift = start - row.start_at
    try {
      db.prepare(
        'UPDATE bookings SET start_at = ?, end_at = ?, blocked_until = ? WHERE id = ?',
      ).run(start, row.end_at + shift, row.blocked_until + shift, row.id)
      return true
    } catch {
      return false
    }
  })
  if (!moved) throw new Error(`no free time today to move ${reference} to`)
  db.close()
  return row.id
}

/**
 * The Italian time step's first day with free times ("3 orari"), pressing "Giorni dopo →" until
 * a week has one.
 */
export async function italianDayWithTimes(page: Page) {
  const days = page.getByRole('region', { name: 'Scegli un giorno' })
  const withTimes = () => days.getByRole('link', { name: /\d+ orar(io|i)$/ })
  for (let week = 0; week < 8; week++) {
    if ((await withTimes().count()) > 0) return withTimes().first()
    const shown = page.url()
    await days.getByRole('link', { name: 'Giorni dopo →' }).click()
    await page.waitForURL((url) => url.href !== shown)
  }
  throw new Error('no week in the next eight with free times')
}

/** On the Italian time step: holds the first free time of the first day that has one. */
export async function holdFirstItalianTime(page: Page) {
  await (await italianDayWithTimes(page)).click()
  await page
    .getByRole('region', { name: /^Scegli un orario per/ })
    .getByRole('button')
    .first()
    .click()
}
