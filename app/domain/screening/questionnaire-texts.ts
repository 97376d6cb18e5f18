import { type Locale } from '#app/i18n/locales.ts'
import { questionnaire } from './questionnaire.ts'

/**
 * Every sentence of the questionnaire and its result page as one list per language, for the
 * readability gates (questionnaire.test.ts). Client-safe.
 */

/** Every patient-facing sentence of the questionnaire, for the readability test. */
export function questionnaireTexts(locale: Locale = 'en'): { id: string; text: string }[] {
  const q = questionnaire(locale)
  const texts: { id: string; text: string }[] = [
    { id: 'dateOfBirth', text: `${q.dateOfBirth.label}. ${q.dateOfBirth.hint}` },
  ]
  const add = (id: string, legend: string, hint: string, options: { label: string }[]) =>
    texts.push({ id, text: [legend, hint, ...options.map((o) => sentence(o.label))].join(' ') })
  add('areas', q.areas.legend, q.areas.hint, q.areas.options)
  add('skinType', q.skinType.legend, q.skinType.hint, q.skinType.options)
  for (const question of q.checklists)
    add(question.name, question.legend, question.hint, [
      ...question.options,
      { label: q.noneLabel },
    ])
  add('pregnancy', q.pregnancy.legend, q.pregnancy.hint, q.pregnancy.options)
  for (const [name, followUp] of Object.entries(q.followUps))
    texts.push({ id: name, text: [followUp.label, followUp.hint ?? ''].join(' ').trim() })
  return texts
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** Every result-page sentence, for the readability test. */
export function resultTexts(locale: Locale = 'en'): { id: string; text: string }[] {
  return Object.entries(questionnaire(locale).result).flatMap(
    ([id, value]): { id: string; text: string }[] =>
      typeof value === 'string'
        ? [{ id, text: value }]
        : Object.entries(value).map(([part, text]) => ({ id: `${id}.${part}`, text })),
  )
}
