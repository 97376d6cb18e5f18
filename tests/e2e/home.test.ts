import { expect, expectAccessible, test } from '../playwright-utils.ts'

test.describe('public home page @no-js', () => {
  test('lists the treatments of both tiers', async ({ page }) => {
    await page.goto('/')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Microneedling at our Milan clinic' }),
    ).toBeVisible()
    const treatments = page.getByRole('list', { name: 'Treatments' })
    await expect(
      treatments.getByRole('heading', { name: 'Medical microneedling, face' }),
    ).toBeVisible()
    await expect(treatments.getByRole('heading', { name: 'Cosmetic skin boost' })).toBeVisible()
    await expect(page.getByRole('contentinfo')).toContainText('+39 02 8295 4410')
    await expectAccessible(page)
  })

  test('a keyboard user can skip straight to the content', async ({ page }) => {
    await page.goto('/')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to main content' })
    await expect(skip).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('main')).toBeFocused()
  })

  test('fits a 360 px phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto('/')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await expectAccessible(page)
  })

  test('an unknown address shows the 404 page with a 404 status', async ({ page }) => {
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible()
    await expectAccessible(page)
  })
})
