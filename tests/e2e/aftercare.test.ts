import { serverNow } from '../test-clock.ts'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { listEmails, type ReceivedEmail, waitForEmail } from '../mail-utils.ts'
import { E2E_DB, expect, expectAccessible, ROOT, test } from '../playwright-utils.ts'

const E2E_PORT = Number(process.env.E2E_PORT ?? 3101)
const HOUR = 3600_000
const DAY = 24 * HOUR
// Treatment names and kinds, tiers, depths, the patient's date of birth: never in an email.
const HEALTH_WORDS =
  /needl|microneedl|medical|cosmetic|acne|scar|stretch|collagen|\d\s?mm\b|depth|1988-03-14/i

/**
 * The scheduler's clinical work at a chosen "now", run beside the e2e server on its database and
 * its SMTP sink (tests/support/clinical-clock.ts).
 */
function clinicalClock(...args: string[]): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'tests/support/clinical-clock.ts'), ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_PATH: E2E_DB,
        SMTP_URL: `smtp://127.0.0.1:${E2E_PORT + 1000}`,
        APP_ORIGIN: `http://localhost:${E2E_PORT}`,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
      },
      encoding: 'utf8',
    },
  )
  return JSON.parse(out) as Record<string, unknown>
}

function expectNoHealthDetails(email: ReceivedEmail) {
  // A link's random token is not words (one once ended "…0MM", read as a depth).
  const words = (text: string) => text.replace(/token=[\w-]+/g, 'token=…')
  for (const text of [email.subject, email.text, email.html ?? ''])
    expect(words(text)).not.toMatch(HEALTH_WORDS)
  for (const attachment of email.attachments) expect(attachment.content).not.toMatch(HEALTH_WORDS)
}

test.describe('aftercare and reminders with a controlled clock @no-js', () => {
  test.describe.configure({ timeout: 90_000 })

  test('the reminder and the day 1, 3 and 7 messages arrive; the emailed link opens the aftercare plan', async ({
    page,
  }) => {
    const email = `aftercare.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
    const { reference, startAt } = clinicalClock('book', email, String(serverNow().getTime())) as {
      reference: string
      startAt: number
    }

    // 48 hours before the visit: the reminder with the pre-visit advice. (The e2e database is
    // shared, so other tests' visits may have messages due at the same moment: count this
    // patient's mail, not the run's totals.)
    clinicalClock('run', String(startAt - 48 * HOUR))
    const reminder = await waitForEmail({ to: email, subject: /^Reminder: your appointment on / })
    expect(reminder.text).toContain('Before your visit:')
    expect(reminder.text).toContain('stop retinol')
    // The visit's own length (medical-face: 60 minutes), never a fixed "about an hour".
    expect(reminder.text).toContain('Allow 60 minutes for the visit.')
    expect(reminder.text).not.toMatch(/about an hour/)
    expectNoHealthDetails(reminder)

    // The clinician records the treatment an hour after it starts (done here by the test fixture).
    const done = startAt + HOUR
    clinicalClock('complete', reference, String(done))

    for (const day of [1, 3, 7]) {
      clinicalClock('run', String(done + day * DAY))
      const message = await waitForEmail({
        to: email,
        subject: new RegExp(`^Your skin after the treatment: day ${day}$`),
      })
      expect(message.text).toContain('+39 02 8295 4410')
      expect(message.attachments).toEqual([])
      expectNoHealthDetails(message)
    }
    // Each went once, and the same moments again (a second run, a restart) send nothing new.
    const mine = async () => (await listEmails()).filter((m) => m.to.includes(email))
    const before = await mine()
    expect(before.filter((m) => /^Reminder|after the treatment/.test(m.subject))).toHaveLength(4)
    for (const day of [1, 3, 7]) clinicalClock('run', String(done + day * DAY))
    expect(await mine()).toHaveLength(before.length)

    const day1 = await waitForEmail({ to: email, subject: /day 1$/ })
    const link = /https?:\/\/\S+\/bookings\/manage\?token=[A-Za-z0-9_-]+/.exec(day1.text)?.[0]
    expect(link).toBeTruthy()

    // The patient opens the link from the day-1 email in a fresh browser.
    await page.context().clearCookies()
    await page.goto(new URL(link!).pathname + new URL(link!).search)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Your booking ${reference}` }),
    ).toBeVisible()
    await expect(page.getByText('Done', { exact: true })).toBeVisible()
    const plan = page.getByRole('region', { name: 'Your aftercare plan' })
    await expect(plan).toContainText('Your treatment was on')
    await expect(plan.getByRole('link', { name: '+39 02 8295 4410' })).toBeVisible()
    // Before-the-visit advice and changes are gone once the visit is done.
    await expect(page.getByRole('heading', { name: 'Before your visit' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Cancel this booking' })).toHaveCount(0)
    await expectAccessible(page)

    await plan.getByRole('link', { name: 'Open your aftercare plan' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Your aftercare plan' })).toBeVisible()
    await expect(page.getByText(/Your treatment was on .+\. Follow this plan/)).toBeVisible()
    const call = page.getByRole('region', { name: 'When to call us' })
    await expect(call.getByRole('link', { name: '+39 02 8295 4410' })).toBeVisible()
    await expect(call).toContainText('You see pus or yellow crusts, or you have a fever')
    // The picture, named stage by stage, and its text equivalent.
    await expect(
      page.getByRole('img', {
        name: /Picture of how skin heals.*Days 4 to 6, flakes and small crusts/,
      }),
    ).toBeVisible()
    await expect(page.getByText('Days 4 to 6: Flakes and small crusts.').first()).toBeVisible()
    const days = page.getByRole('region', { name: 'Day by day: what to do and what to avoid' })
    for (const stage of ['Day 0', 'Days 1 to 3', 'Days 4 to 6', 'Days 7 to 10', 'From day 11'])
      await expect(days.getByRole('heading', { level: 3, name: new RegExp(stage) })).toBeVisible()
    await expect(days).toContainText('Do not pick, scratch or rub off flakes or crusts.')
    await expectAccessible(page)

    // Printed, the page is the plan alone.
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('link', { name: 'Back to your booking' })).toBeHidden()
    await expect(days).toBeVisible()
    await page.emulateMedia({ media: 'screen' })

    await page.getByRole('link', { name: 'Back to your booking' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Your booking ${reference}` }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('another browser without the emailed proof cannot open the plan', async ({ page }) => {
    const email = `aftercare.other.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
    const { reference, startAt } = clinicalClock('book', email, String(serverNow().getTime())) as {
      reference: string
      startAt: number
    }
    clinicalClock('complete', reference, String(startAt + HOUR))
    await page.goto(`/bookings/${reference}/aftercare`)
    // Sent to "find my booking" to prove the email first.
    await expect(page.getByRole('heading', { level: 1, name: 'Find your booking' })).toBeVisible()
    await expect(page.getByLabel('Booking reference')).toHaveValue(reference)
    await expectAccessible(page)
  })
})
