import { type Page } from '@playwright/test'
import { expect, expectAccessible, test } from '../playwright-utils.ts'
import { answerHealthQuestions, monthsAgo } from '../screening-utils.ts'

async function startSkinBoost(page: Page) {
  await page.goto('/book')
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
  await expect(page).toHaveURL(/\/book\/screening\/questions$/)
}

// Issue 14, items 4 and 5 (docs/decisions/032): pregnancy is "not eligible" by default, the
// patient reads every finding from the same answers, and is offered a consultation.
test.describe('screening safe defaults @no-js', () => {
  test.describe.configure({ timeout: 60_000 })

  test('a pregnant patient is not eligible, reads every reason, and is offered a consultation', async ({
    page,
  }) => {
    await startSkinBoost(page)
    await answerHealthQuestions(page, {
      pregnancy: 'Yes, I am pregnant or I might be',
      medicines: ['Acne tablets called isotretinoin. I took them, but I have stopped.'],
      dates: { 'When did you take your last tablet?': monthsAgo(3) },
    })
    await expect(
      page.getByRole('heading', { level: 1, name: 'We cannot book this treatment for you now' }),
    ).toBeVisible()
    const why = page.getByRole('region', { name: 'Why we cannot book it now' })
    await expect(why.getByText(/while you are pregnant or breastfeeding/)).toBeVisible()
    // The isotretinoin window is listed too, not only the first finding.
    const wait = page.getByRole('region', { name: 'Dates to wait for' })
    await expect(wait.getByText(/We wait 6 months after your last tablet/)).toBeVisible()
    await expect(
      page.getByRole('region', { name: 'Talk to a clinician' }).getByText(/book a consultation/),
    ).toBeVisible()
    await expectAccessible(page)
    // No way round it: the times are not offered.
    await page.goto('/book/time')
    await expect(page).toHaveURL(/\/book\/screening\/result$/)
    await page.getByRole('button', { name: 'Book a consultation instead' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose a day and time' }),
    ).toBeVisible()
    // The step names it, and so does the summary beside it on a wide screen.
    await expect(page.getByText('Skin consultation').first()).toBeVisible()
    await expectAccessible(page)
  })

  test('a review result offers a consultation too', async ({ page }) => {
    await startSkinBoost(page)
    await answerHealthQuestions(page, {
      history: ['Liver disease'],
    })
    await expect(
      page.getByRole('heading', { level: 1, name: 'A clinician will check your answers' }),
    ).toBeVisible()
    await expect(
      page
        .getByRole('region', { name: 'What a clinician will check' })
        .getByText(/We may not be able to use numbing cream/),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Book a consultation instead' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Choose a day and time' })).toBeVisible()
    await expectAccessible(page)
  })
})
