import { randomUUID } from 'node:crypto'
import { serverNow } from '../test-clock.ts'
import { expect, expectAccessible, openE2eDb, test } from '../playwright-utils.ts'

/**
 * A run of the drafts job, as the retention job records it (ADR 049), a little after the
 * server's now so that it is the latest run whatever the scheduler did since it started.
 */
function recordDraftsRun(): Date {
  const ranAt = new Date(serverNow().getTime() + 10 * 60_000)
  const db = openE2eDb()
  db.prepare('INSERT INTO retention_runs (id, job, ran_at, counts) VALUES (?, ?, ?, ?)').run(
    randomUUID(),
    'drafts',
    ranAt.getTime(),
    JSON.stringify({ drafts: 3, lapsedHolds: 1 }),
  )
  db.close()
  return ranAt
}

test.describe('data retention @no-js', () => {
  test('an admin reads the retention rules and when each job last ran', async ({ page, login }) => {
    const ranAt = recordDraftsRun()
    await login('admin')
    await page.goto('/admin')
    await page
      .getByRole('navigation', { name: 'Clinic settings sections' })
      .getByRole('link', { name: 'Data retention' })
      .click()
    await expect(page).toHaveURL(/\/admin\/retention$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Data retention' })).toBeVisible()
    await expect(page.getByText('They cannot be changed here.')).toBeVisible()

    const rules = page.getByRole('table', { name: 'What the app keeps, and for how long' })
    await expect(rules.getByRole('row')).toHaveCount(6)
    const drafts = rules.getByRole('row', { name: /Unfinished booking drafts/ })
    await expect(drafts).toContainText('7 days after the draft was last used')
    const codes = rules.getByRole('row', { name: /Email codes/ })
    await expect(codes).toContainText('1 day after the code expired')
    const emails = rules.getByRole('row', { name: /calendar file of each email/ })
    await expect(emails).toContainText('90 days after sending')
    const clinical = rules.getByRole('row', { name: /Signed consents/ })
    await expect(clinical).toContainText('Never deleted by the app; 10 years')

    const jobs = page.getByRole('table', { name: 'Clean-up jobs' })
    await expect(jobs.getByRole('row')).toHaveCount(5)
    const draftsJob = jobs.getByRole('row', { name: /Booking drafts/ })
    await expect(draftsJob.locator('time')).toHaveAttribute('datetime', ranAt.toISOString())
    await expect(draftsJob).toContainText('3 drafts, 1 of them with a lapsed hold')
    await expectAccessible(page)
  })

  for (const who of ['receptionist', 'nurse'] as const)
    test(`the ${who} is refused the retention page`, async ({ page, login }) => {
      await login(who)
      const response = await page.goto('/admin/retention')
      expect(response?.status()).toBe(403)
      await expect(page.getByRole('heading', { level: 1, name: 'Data retention' })).toHaveCount(0)
      await expectAccessible(page)
    })
})
