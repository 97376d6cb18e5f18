import { type Page } from '@playwright/test'
import { expect, expectAccessible } from './playwright-utils.ts'

/**
 * The comprehension check of the consent forms that come with the app (migrations/…
 * consent_first_versions.sql): each question by its wording, with its right and a wrong answer.
 */
export const CHECK_ANSWERS = [
  {
    question: /How will your skin most likely look on the day/,
    right: 'Red, like a mild sunburn, maybe with tiny spots of blood',
    wrong: 'The same as before',
  },
  {
    question: /small crusts form on the treated skin/,
    right: 'Leave them alone: they fall off by themselves',
    wrong: 'Pick them off so the skin looks smooth',
  },
  {
    question: /What should you put on your skin in the first 7 to 10 days/,
    right: 'The soothing cream we give you, and sunscreen after the first day',
    wrong: 'A retinol or acid cream, to heal faster',
  },
  {
    question: /you see some pus/,
    right: 'Call the clinic the same day',
    wrong: 'Wait a week: this is normal',
  },
] as const

export async function answerCheck(page: Page, choose: (index: number) => 'right' | 'wrong') {
  for (const [index, item] of CHECK_ANSWERS.entries()) {
    await page
      .getByRole('group', { name: item.question })
      .getByLabel(item[choose(index)], { exact: true })
      .check()
  }
  await page.getByRole('button', { name: 'Check my answers' }).click()
}

/** Passes the check with right answers (the sign form then shows). */
export async function passCheck(page: Page) {
  await answerCheck(page, () => 'right')
  await expect(page.getByText('Every answer is right.')).toBeVisible()
  await expectAccessible(page)
}

/** Types the name, ticks the intent box and signs (photo choices left unticked). */
export async function sign(page: Page, name: string, button: string) {
  await page.getByLabel('Type your full name').fill(name)
  await page.getByLabel(/I have read this consent form and I understand it/).check()
  await page.getByRole('button', { name: button }).click()
}
