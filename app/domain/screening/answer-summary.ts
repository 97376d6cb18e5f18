import { type Locale } from '#app/i18n/locales.ts'
import { questionnaire } from './questionnaire.ts'
import { type ScreeningAnswers } from './screening.schema.ts'

/**
 * Every answer as a clinician (or the patient, in plain words) reads it back, in the reader's
 * language (the answers are values; only the words around them change).
 */
export function describeAnswers(
  answers: ScreeningAnswers,
  audience: 'patient' | 'clinician',
  locale: Locale = 'en',
): { question: string; answer: string }[] {
  const q = questionnaire(locale)
  const patient = audience === 'patient'
  const pick = (option: { label: string; clinician: string }) =>
    patient ? option.label : option.clinician
  const list = (
    options: { value: string; label: string; clinician: string }[],
    values: string[],
  ) =>
    values.length === 0
      ? patient
        ? q.noneLabel
        : q.clinician.none
      : options
          .filter((option) => values.includes(option.value))
          .map(pick)
          .join('; ')
  const rows: { question: string; answer: string }[] = [
    {
      question: patient ? q.dateOfBirth.label : q.clinician.dateOfBirth,
      answer: answers.dateOfBirth,
    },
    {
      question: patient ? q.areas.legend : q.clinician.areas,
      answer: list(q.areas.options, answers.areas),
    },
    {
      question: patient ? q.skinType.legend : q.clinician.skinType,
      answer: list(q.skinType.options, [answers.skinType]),
    },
  ]
  for (const question of q.checklists) {
    rows.push({
      question: patient ? question.legend : q.clinician[question.name],
      answer: list(question.options, answers[question.name]),
    })
    if (question.name === 'allergies') {
      rows.push({
        question: patient ? q.pregnancy.legend : q.clinician.pregnancy,
        answer: list(q.pregnancy.options, [answers.pregnancy]),
      })
    }
    for (const option of question.options) {
      const followUp = option.followUp
      const value = followUp ? answers[followUp] : undefined
      if (!followUp || value === undefined) continue
      const text = q.followUps[followUp]
      rows.push({
        question: patient ? text.label : text.clinician,
        answer: followUp === 'diabetesControlled' ? list(q.diabetesControl, [value]) : value,
      })
    }
  }
  return rows
}
