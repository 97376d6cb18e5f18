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

/** The same questions' words on an Italian page (app/domain/screening/questionnaire.it.ts). */
const ITALIAN = {
  heading: /domande sulla salute|risposte sulla salute/i,
  dateOfBirth: 'La tua data di nascita',
  areas: 'Dove vuoi fare il trattamento?',
  face: 'Viso, ma non intorno agli occhi',
  skinType: 'Quale di queste descrive meglio la tua pelle?',
  skin: 'Da chiara a media. A volte si scotta e si abbronza piano.',
  groups: {
    skinNow: 'Adesso hai una di queste cose, dove vuoi il trattamento?',
    history: 'Hai mai avuto una di queste cose?',
    medicines: 'Prendi o usi una di queste cose?',
    allergies: 'Sei allergico a una di queste cose?',
    procedures: 'Negli ultimi 12 mesi hai fatto una di queste cose?',
  } satisfies Record<keyof typeof GROUPS, string>,
  none: 'Nessuna di queste',
  pregnancy: 'Sei incinta o allatti?',
  no: 'No',
  submit: 'Controlla le mie risposte',
} as const

const ENGLISH = {
  heading: /health (questions|answers)/i,
  dateOfBirth: 'Your date of birth',
  areas: 'Where would you like the treatment?',
  face: 'Face, but not around the eyes',
  skinType: 'Which of these is most like your skin?',
  skin: 'Light to medium. It sometimes burns and slowly tans.',
  groups: GROUPS,
  none: 'None of these',
  pregnancy: 'Are you pregnant or breastfeeding?',
  no: 'No',
  submit: 'Check my answers',
} as const

/**
 * Answers the questionnaire on /book/screening/questions (or the update page) as a patient would,
 * by label, and submits it. Lists left out are answered "None of these". On an Italian page
 * (`<html lang="it">`) the questions are found by their Italian words; the ticks given are
 * labels in the page's language.
 */
export async function answerHealthQuestions(
  page: Page,
  answers: HealthAnswers = {},
  submit?: string,
) {
  const italian = (await page.locator('html').getAttribute('lang')) === 'it'
  const words = italian ? ITALIAN : ENGLISH
  await expect(page.getByRole('heading', { level: 1, name: words.heading })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel(words.dateOfBirth).fill(answers.dateOfBirth ?? '1988-03-14')
  const areas = page.getByRole('group', { name: words.areas })
  await areas.getByLabel(words.face).check()
  await page.getByRole('group', { name: words.skinType }).getByLabel(words.skin).check()
  for (const [key, legend] of Object.entries(words.groups)) {
    const group = page.getByRole('group', { name: legend, exact: true })
    const ticks = answers[key as keyof typeof GROUPS] ?? []
    if (ticks.length === 0) await group.getByLabel(words.none).check()
    for (const label of ticks) await group.getByLabel(label, { exact: true }).check()
  }
  await page
    .getByRole('group', { name: words.pregnancy })
    .getByLabel(answers.pregnancy ?? words.no, { exact: true })
    .check()
  for (const [label, date] of Object.entries(answers.dates ?? {}))
    await page.getByLabel(label).fill(date)
  await page.getByRole('button', { name: submit ?? words.submit }).click()
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
