import { type Page } from '@playwright/test'
import { consentContentFor } from '#app/domain/clinical-content/consent-content.ts'
import { type ContentTier } from '#app/domain/clinical-content/tier-content.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { consentMessages } from '#app/i18n/messages/index.ts'
import { expect, expectAccessible } from './playwright-utils.ts'

/**
 * The comprehension check of the consent forms that come with the app (version 2 of each tier,
 * written by app/domain/clinical-content/consent-content.ts): each question by its wording, with
 * its right answer and a wrong one. Options are shuffled per booking, so they are found by label.
 * The page's language (`<html lang>`) picks the form's and the buttons' words.
 */
export function checkAnswers(tier: ContentTier, locale: Locale = 'en') {
  return consentContentFor(tier, locale).questions.map((q) => ({
    question: q.prompt,
    right: q.options[q.answer]!,
    wrong: q.options[q.answer === 0 ? 1 : 0]!,
  }))
}

async function pageLocale(page: Page): Promise<Locale> {
  return (await page.locator('html').getAttribute('lang')) === 'it' ? 'it' : 'en'
}

/** The consent page's words in its language, by their English (the catalogue's key). */
function words(locale: Locale) {
  const en = consentMessages.en
  return (english: string) => {
    const key = (Object.keys(en) as (keyof typeof en)[]).find((k) => en[k] === english)
    if (!key) throw new Error(`No consent message reads “${english}”`)
    return consentMessages[locale][key]
  }
}

/** The tier of the consent form on the page, from its title (waiting for the form to show). */
async function tierOnPage(page: Page, locale: Locale): Promise<ContentTier> {
  const titles = {
    medical: consentContentFor('medical', locale).title,
    cosmetic: consentContentFor('cosmetic', locale).title,
  }
  const heading = page.getByRole('heading', {
    name: new RegExp(`^(${titles.medical}|${titles.cosmetic})$`),
  })
  await expect(heading).toBeVisible()
  return (await heading.textContent())?.trim() === titles.cosmetic ? 'cosmetic' : 'medical'
}

export async function answerCheck(page: Page, choose: (index: number) => 'right' | 'wrong') {
  const locale = await pageLocale(page)
  for (const [index, item] of checkAnswers(await tierOnPage(page, locale), locale).entries()) {
    await page
      .getByRole('group', { name: item.question })
      .getByLabel(item[choose(index)], { exact: true })
      .check()
  }
  await page.getByRole('button', { name: words(locale)('Check my answers') }).click()
}

/** Passes the check with right answers (the sign form then shows). */
export async function passCheck(page: Page) {
  await answerCheck(page, () => 'right')
  const passed = words(await pageLocale(page))(
    'Every answer is right. Thank you for reading carefully.',
  )
  await expect(page.getByText(passed.split('. ')[0]!)).toBeVisible()
  await expectAccessible(page)
}

/**
 * Types the name, ticks the intent box and signs (photo choices left unticked). `button` is the
 * English label ("Sign and book"); on an Italian page its Italian is pressed.
 */
export async function sign(page: Page, name: string, button: string) {
  const t = words(await pageLocale(page))
  await page.getByLabel(t('Type your full name')).fill(name)
  await page
    .getByLabel(
      t(
        'I have read this consent form and I understand it. I agree to have this treatment, and I sign this form electronically.',
      ),
    )
    .check()
  await page.getByRole('button', { name: t(button) }).click()
}
