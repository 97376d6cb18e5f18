import { serverToday } from './test-clock.ts'
import { type Page } from '@playwright/test'
import { expect, expectAccessible } from './playwright-utils.ts'

/** What a patient ticks in the health questions, by the words on the page. */
export type HealthAnswers = {
  dateOfBirth?: string
  skinNow?: string[]
  history?: string[]
  medicines?: string[]
  allergies?: string[]
  procedures?: string[]
  /** The label of the pregnancy answer ("No" when left out). */
  pregnancy?: string
  /** Follow-up questions: label → date (YYYY-MM-DD). */
  dates?: Record<string, string>
}

const GROUPS = {
  skinNow: 'Do you have any of these now, where you want the treatment?',
  history: 'Have you ever had any of these?',
  medicines: 'Do you take or use any of these?',
  allergies: 'Are you allergic to any of these?',
  procedures: 'Have you had any of these in the last 12 months?',
} as const

/**
 * Answers the questionnaire on /book/screening/questions (or the update page) as a patient would,
 * by label, and submits it. Lists left out are answered "None of these".
 */
export async function answerHealthQuestions(
  page: Page,
  answers: HealthAnswers = {},
  submit = 'Check my answers',
) {
  await expect(
    page.getByRole('heading', { level: 1, name: /health (questions|answers)/i }),
  ).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Your date of birth').fill(answers.dateOfBirth ?? '1988-03-14')
  const areas = page.getByRole('group', { name: 'Where would you like the treatment?' })
  await areas.getByLabel('Face, but not around the eyes').check()
  await page
    .getByRole('group', { name: 'Which of these is most like your skin?' })
    .getByLabel('Light to medium. It sometimes burns and slowly tans.')
    .check()
  for (const [key, legend] of Object.entries(GROUPS)) {
    const group = page.getByRole('group', { name: legend, exact: true })
    const ticks = answers[key as keyof typeof GROUPS] ?? []
    if (ticks.length === 0) await group.getByLabel('None of these').check()
    for (const label of ticks) await group.getByLabel(label, { exact: true }).check()
  }
  await page
    .getByRole('group', { name: 'Are you pregnant or breastfeeding?' })
    .getByLabel(answers.pregnancy ?? 'No', { exact: true })
    .check()
  for (const [label, date] of Object.entries(answers.dates ?? {}))
    await page.getByLabel(label).fill(date)
  await page.getByRole('button', { name: submit }).click()
}

/** Whole calendar months after a YYYY-MM-DD date; the 31st of a shorter month is its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, last))
  return target.toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** A calendar date `months` before today (in the clinic's zone, Europe/Rome). */
export function monthsAgo(months: number): string {
  const today = serverToday()
  return addMonths(today, -months)
}
