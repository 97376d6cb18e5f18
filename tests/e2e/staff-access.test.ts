import { randomBytes, randomUUID } from 'node:crypto'
import { serverNow } from '../test-clock.ts'
import { expect, expectAccessible, openE2eDb, signInAsUser, test } from '../playwright-utils.ts'

/**
 * An admin turns a colleague's sign-in off (someone left, or a password may be known) and back
 * on: the colleague's open session ends at once (docs/breach-response.md).
 */

/** A receptionist of the test's own: turning a demo account off would touch other tests. */
function arrangeColleague() {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const tag = randomBytes(3).toString('hex')
  const id = randomUUID()
  const name = `Paola Access ${tag}`
  db.prepare(
    `INSERT INTO users (id, email, name, password_hash, password_changed_at, is_active, created_at, updated_at)
     VALUES (?, ?, ?, 'not-a-usable-hash', ?, 1, ?, ?)`,
  ).run(id, `paola.${tag}@dermadesk.example`, name, now, now, now)
  db.prepare("INSERT INTO user_roles (user_id, role, created_at) VALUES (?, 'reception', ?)").run(
    id,
    now,
  )
  db.close()
  return { id, name }
}

test.describe('turning a colleague’s sign-in off @no-js', () => {
  test('an admin turns it off, the colleague’s session ends, and turns it back on', async ({
    page,
    login,
    browser,
  }) => {
    const colleague = arrangeColleague()
    const theirs = await browser.newContext()
    await signInAsUser(theirs, colleague.id)
    const theirPage = await theirs.newPage()
    await theirPage.goto('/staff')
    await expect(theirPage).toHaveURL(/\/staff$/)

    await login('admin')
    await page.goto('/admin/staff')
    await page.getByRole('link', { name: `Sign-in for ${colleague.name}` }).click()
    await expect(page.getByRole('heading', { level: 1, name: colleague.name })).toBeVisible()
    await expect(page.getByText(`On: ${colleague.name} can sign in.`)).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: `Turn off sign-in for ${colleague.name}` }).click()
    await expect(page.getByRole('status')).toHaveText(
      `Sign-in is off for ${colleague.name}. Their open sessions have ended.`,
    )
    await expect(page.getByText(`Off: ${colleague.name} cannot sign in.`)).toBeVisible()
    await expectAccessible(page)

    await theirPage.goto('/staff')
    await expect(theirPage).toHaveURL(/\/login/)
    await theirs.close()

    await page.getByRole('button', { name: `Turn sign-in back on for ${colleague.name}` }).click()
    await expect(page.getByRole('status')).toHaveText(`Sign-in is back on for ${colleague.name}.`)
    await page.getByRole('link', { name: 'Back to staff' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible()
  })

  test('an admin cannot turn off their own sign-in', async ({ page, login }) => {
    await login('admin')
    await page.goto('/admin/staff')
    await page.getByRole('link', { name: 'Sign-in for Elena Greco' }).click()
    await page.getByRole('button', { name: 'Turn off sign-in for Elena Greco' }).click()
    await expect(
      page.getByText('You cannot turn off your own sign-in. Ask another admin to do it.'),
    ).toBeVisible()
    await expect(page.getByText('On: Elena Greco can sign in.')).toBeVisible()
    await expectAccessible(page)
  })
})
