import fs from 'node:fs'
import path from 'node:path'
import { type Page } from '@playwright/test'
import {
  bookSkinBoostAsPatient,
  chooseDayWithTimes,
  holdFirstOfferedTime,
  moveBookingToNow,
  uniqueEmail,
} from '../booking-utils.ts'
import { passCheck, sign } from '../consent-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, signInAs, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'

/** Writes one full-page screenshot: screenshots/<viewport>/<nn>-<name>.png. */
function shooter(page: Page, viewport: string) {
  const folder = path.join('screenshots', viewport)
  fs.mkdirSync(folder, { recursive: true })
  let count = 0
  return async (name: string) => {
    count += 1
    await page.screenshot({
      path: path.join(folder, `${String(count).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    })
  }
}

test('every patient step, then the booking page and aftercare', async ({ page }) => {
  const shot = shooter(page, `${test.info().project.name}-patient`)
  const name = 'Giorgia Fontana'
  const email = uniqueEmail('screens')
  await page.goto('/')
  await shot('home')
  await page.goto('/book')
  await shot('treatments')
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
  await shot('health-questions')
  await page.getByRole('button', { name: 'Check my answers' }).click()
  await shot('health-questions-errors')
  await answerHealthQuestions(page)
  await shot('health-result')
  await page.getByRole('link', { name: 'Choose a day and time' }).click()
  await chooseDayWithTimes(page)
  await shot('day-and-time')
  await holdFirstOfferedTime(page)
  await shot('details')
  await page.getByLabel('Full name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mobile phone').fill('333 123 4567')
  const before = new Date()
  await page.getByRole('button', { name: 'Continue' }).click()
  const mail = await waitForEmail({ to: email, subject: /Your email code for/, after: before })
  await shot('check-your-email')
  await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(mail.text)![1]!)
  await page.getByRole('button', { name: 'Check the code and continue' }).click()
  await shot('consent')
  await passCheck(page)
  await shot('consent-sign')
  await sign(page, name, 'Sign and book')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
  ).toBeVisible()
  await shot('confirmation')
  const reference = /DD-[0-9A-Z]{6}/.exec(
    (await page.getByText(/Your reference is DD-/).textContent()) ?? '',
  )![0]
  await page.goto(`/bookings/${reference}`)
  await shot('booking-page')
  await page.goto(`/bookings/${reference}/aftercare`)
  await shot('aftercare')
})

test('the main staff pages', async ({ page, browser, baseURL }) => {
  const shot = shooter(page, `${test.info().project.name}-staff`)
  const patient = await browser.newPage({ baseURL, viewport: page.viewportSize() ?? undefined })
  const reference = await bookSkinBoostAsPatient(patient, {
    name: 'Paolo Ricci',
    email: uniqueEmail('screens-staff'),
    practitioner: 'Marco Bianchi',
  })
  await patient.close()
  const bookingId = moveBookingToNow(reference)
  await signInAs(page.context(), 'doctorAdmin')
  for (const [name, url] of [
    ['staff-home', '/staff'],
    ['agenda-day', '/staff/agenda'],
    ['agenda-week', '/staff/agenda?view=week'],
    ['reviews', '/staff/reviews'],
    ['appointment', `/staff/bookings/${bookingId}`],
    ['check-in', `/staff/bookings/${bookingId}/check-in`],
    ['consent', `/staff/bookings/${bookingId}/consent`],
    ['admin', '/admin'],
  ] as const) {
    await page.goto(url)
    await shot(name)
  }
})
