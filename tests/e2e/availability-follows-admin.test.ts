import { type Browser, type Page } from '@playwright/test'
import { answerHealthQuestions } from '../screening-utils.ts'
import { expect, expectAccessible, openE2eDb, test, signInAs } from '../playwright-utils.ts'

/** A second browser, signed in as the clinic's admin. */
async function adminPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL })
  await signInAs(context, 'admin')
  return context.newPage()
}

async function showSofiasTimes(page: Page) {
  await page.goto('/book')
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
  await answerHealthQuestions(page)
  await page.getByRole('link', { name: 'Choose a day and time' }).click()
  await page.getByRole('radio', { name: 'Sofia Conti' }).check()
  await page.getByRole('button', { name: 'Show times' }).click()
  // The heading is there before the click too: wait for Sofia's own times to be on the page.
  await expect(page).toHaveURL(/[?&]practitioner=[0-9a-f-]{36}/)
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a day and time' })).toBeVisible()
}

/** The clinic dates (Rome) on which Sofia has a booking that occupies her time. */
function sofiasBookedDates(practitionerId: string): Set<string> {
  const db = openE2eDb()
  const rows = db
    .prepare(
      "SELECT start_at AS startAt FROM bookings WHERE practitioner_id = ? AND status IN ('held', 'pending_review', 'confirmed')",
    )
    .all(practitionerId) as { startAt: number }[]
  db.close()
  return new Set(
    rows.map((row) =>
      new Date(row.startAt).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' }),
    ),
  )
}

test.describe('the patient’s times follow the admin’s changes @no-js', () => {
  test('time off removes a day; new weekly hours add one', async ({ page, browser, baseURL }) => {
    const sofia = (() => {
      const db = openE2eDb()
      const row = db
        .prepare("SELECT id FROM practitioners WHERE display_name = 'Sofia Conti'")
        .get() as { id: string }
      db.close()
      return row.id
    })()
    await showSofiasTimes(page)
    const days = page.getByRole('region', { name: 'Choose a day' })
    // A day off over a booking would first ask the admin what to do with it: take the first day
    // offered on which Sofia has no booking (other tests book her too).
    const booked = sofiasBookedDates(sofia)
    const links = days.getByRole('link', { name: /\d+ times?$/ })
    let chosen: { href: string; date: string } | null = null
    for (let index = 0; index < (await links.count()) && !chosen; index++) {
      const href = (await links.nth(index).getAttribute('href'))!
      const date = new URL(href, baseURL).searchParams.get('date')!
      if (!booked.has(date)) chosen = { href, date }
    }
    if (!chosen) throw new Error('Sofia has a booking on every day shown')
    const { href, date } = chosen
    const chosenDay = days.locator(`a[href="${href}"]`)
    const dayLabel = (await chosenDay.locator('.day-list__label').textContent())!

    // The admin gives Sofia that whole day off.
    const admin = await adminPage(browser, baseURL!)
    await admin.goto(`/admin/practitioners/${sofia}`)
    await admin.getByLabel('Time off (not available)').check()
    await admin.getByLabel('Date', { exact: true }).fill(date)
    await admin.getByLabel('Whole day').check()
    await admin.getByRole('button', { name: 'Add to the calendar' }).click()
    await expect(admin.getByRole('status')).toHaveText('Added.')

    // The patient's picker no longer offers that day.
    await page.goto(href)
    await expect(days.getByText(dayLabel)).toBeVisible()
    await expect(days.getByRole('link', { name: new RegExp(dayLabel) })).toHaveCount(0)
    await expectAccessible(page)

    // The admin adds hours on a weekday Sofia never worked (a different one per project).
    const weekday = test.info().project.name === 'no-js' ? 'Wednesday' : 'Friday'
    const short = weekday.slice(0, 3)
    await admin.getByLabel(`${weekday} interval 1 Start`).fill('09:00')
    await admin.getByLabel(`${weekday} interval 1 End`).fill('13:00')
    await admin.getByRole('button', { name: 'Save weekly hours' }).click()
    await expect(admin.getByRole('status')).toHaveText('Weekly hours saved.')
    await admin.context().close()

    await showSofiasTimes(page)
    const newDay = page
      .getByRole('region', { name: 'Choose a day' })
      .getByRole('link', { name: new RegExp(`^${short} `) })
    await expect(newDay.first()).toBeVisible()
    await newDay.first().click()
    const times = page.getByRole('region', { name: /Choose a time on/ }).getByRole('button')
    await expect(times.first()).toContainText(/^(09|1[0-2]):\d\d/)
  })
})
