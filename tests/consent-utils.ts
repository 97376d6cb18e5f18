import { type Page } from '@playwright/test'
import { consentContentFor } from '#app/domain/clinical-content/consent-content.ts'
import { type ContentTier } from '#app/domain/clinical-content/tier-content.ts'
import { expect, expectAccessible } from './playwright-utils.ts'

/**
 * The comprehension check of the consent forms that come with the app (version 2 of each tier,
 * written by app/domain/clinical-content/consent-content.ts): each question by its wording, with
 * its right answer and a wrong one. Options are shuffled per booking, so they are found by label.
 */
export function checkAnswers(tier: ContentTier) {
  return consentContentFor(tier).questions.map((q) => ({
    question: q.prompt,
    right: q.options[q.answer]!,
    wrong: q.options[q.answer === 0 ? 1 : 0]!,
  }))
}

/** The tier of the consent form on the page, from its title (waiting for the form to show). */
async function tierOnPage(page: Page): Promise<ContentTier> {
  const titles = {
    medical: consentContentFor('medical').title,
    cosmetic: consentContentFor('cosmetic').title,
  }
  const heading = page.getByRole('heading', {
    name: new RegExp(`^(${titles.medical}|${titles.cosmetic})$`),
  })
  await expect(heading).toBeVisible()
  return (await heading.textContent())?.trim() === titles.cosmetic ? 'cosmetic' : 'medical'
}

export async function answerCheck(page: Page, choose: (index: number) => 'right' | 'wrong') {
  for (const [index, item] of checkAnswers(await tierOnPage(page)).entries()) {
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
