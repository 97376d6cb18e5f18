import { describe, expect, test } from 'vitest'
import { describeAnswers } from './answer-summary.ts'
import { AREAS_QUESTION, questionnaire } from './questionnaire.ts'
import { questionnaireTexts, resultTexts } from './questionnaire-texts.ts'
import {
  gulpeaseIndex,
  MAX_READING_GRADE,
  MIN_GULPEASE_INDEX,
  readingGrade,
} from '#app/domain/shared/readability.rules.ts'
import { SCREENING_RULES, type ScreeningRule } from './rule-table.rules.ts'
import { RULE_TEXTS_IT } from './rules/rule-texts.it.ts'
import { type ScreeningAnswers } from './screening.schema.ts'
import { DEFAULT_SCREENING_SETTINGS } from './screening-settings.schema.ts'

const ANSWERS: ScreeningAnswers = {
  dateOfBirth: '1988-03-14',
  areas: ['face'],
  skinType: 'II',
  skinNow: [],
  history: ['diabetes'],
  medicines: [],
  allergies: [],
  pregnancy: 'pregnant',
  procedures: [],
  diabetesControlled: 'unsure',
}

/** Every sentence a patient reads in the screening: questions, hints, options, explanations. */
function patientTexts(): { id: string; text: string }[] {
  const explanations = SCREENING_RULES.flatMap((rule) =>
    rule.patient
      ? [1, 12].flatMap((n) =>
          // A relaxable rule speaks differently when the clinic relaxed it to review.
          (rule.relaxable ? [rule.kind, 'review' as const] : [rule.kind]).map((kind) => ({
            id: `rule ${rule.id} (${n}, ${kind})`,
            // Render with single and plural windows, and a younger minimum age.
            text: rule.patient!({
              answers: ANSWERS,
              settings: {
                ...DEFAULT_SCREENING_SETTINGS,
                isotretinoinMonths: n,
                cancerTreatmentMonths: n,
                toxinDays: n,
                deepPeelMonths: n,
                facialSurgeryMonths: n,
              },
              today: '2026-11-25',
              age: 30,
              kind,
            }),
          })),
        )
      : [],
  )
  return [...questionnaireTexts(), ...resultTexts(), ...explanations]
}

describe('plain words: reading grade 8 or lower', () => {
  test('the list covers every question and every rule with a patient explanation', () => {
    const ids = patientTexts().map((t) => t.id)
    for (const id of [
      'dateOfBirth',
      'areas',
      'skinType',
      'skinNow',
      'history',
      'medicines',
      'allergies',
      'pregnancy',
      'procedures',
      'isotretinoinLastDose',
    ])
      expect(ids).toContain(id)
    for (const rule of SCREENING_RULES.filter((r) => r.patient))
      expect(ids).toContain(`rule ${rule.id} (1, ${rule.kind})`)
  })

  test.each(patientTexts())('$id', ({ text }) => {
    expect(text.length).toBeGreaterThan(0)
    expect(readingGrade(text)).toBeLessThanOrEqual(MAX_READING_GRADE)
  })
})

/** The settings a rule's words are rendered with: single and plural windows, a younger age. */
function contextFor(n: number, kind: ScreeningRule['kind']) {
  return {
    answers: ANSWERS,
    settings: {
      ...DEFAULT_SCREENING_SETTINGS,
      isotretinoinMonths: n,
      cancerTreatmentMonths: n,
      toxinDays: n,
      deepPeelMonths: n,
      facialSurgeryMonths: n,
    },
    today: '2026-11-25',
    age: 30,
    kind,
  }
}

/** Every sentence a patient reads in the screening, in Italian. */
function italianPatientTexts(): { id: string; text: string }[] {
  const explanations = SCREENING_RULES.flatMap((rule) =>
    RULE_TEXTS_IT[rule.id]?.patient
      ? [1, 12].flatMap((n) =>
          (rule.relaxable ? [rule.kind, 'review' as const] : [rule.kind]).map((kind) => ({
            id: `rule ${rule.id} (${n}, ${kind})`,
            text: RULE_TEXTS_IT[rule.id]!.patient!(contextFor(n, kind)),
          })),
        )
      : [],
  )
  return [...questionnaireTexts('it'), ...resultTexts('it'), ...explanations]
}

describe('in Italian', () => {
  /** What makes a questionnaire: every question, choice value, follow-up and section. */
  function structure(locale: 'en' | 'it') {
    const q = questionnaire(locale)
    const values = (options: { value: string; followUp?: string }[]) =>
      options.map((o) => `${o.value}${o.followUp ? `→${o.followUp}` : ''}`)
    return {
      areas: values(q.areas.options),
      skinType: values(q.skinType.options),
      checklists: q.checklists.map((c) => [c.name, ...values(c.options)]),
      pregnancy: values(q.pregnancy.options),
      followUps: Object.keys(q.followUps),
      diabetes: values(q.diabetesControl),
      sections: Object.keys(q.sections),
      result: resultTexts(locale).map((t) => t.id),
    }
  }

  test('the questionnaire has the same questions, choices, values and follow-ups as the English', () => {
    expect(structure('it')).toEqual(structure('en'))
    // The English is the questionnaire the app had before the Italian (byte for byte).
    expect(questionnaire('en').areas).toBe(AREAS_QUESTION)
    expect(questionnaire('it').areas.legend).toBe('Dove vuoi fare il trattamento?')
  })

  test('every rule has Italian words, and every patient sentence in English has one in Italian', () => {
    for (const rule of SCREENING_RULES) {
      const italian = RULE_TEXTS_IT[rule.id]
      expect(italian, rule.id).toBeDefined()
      expect(Boolean(italian!.patient), rule.id).toBe(rule.patient !== null)
    }
    expect(Object.keys(RULE_TEXTS_IT).sort()).toEqual(SCREENING_RULES.map((r) => r.id).sort())
  })

  test('answers read back in Italian, for the patient and the clinician', () => {
    const patient = describeAnswers(ANSWERS, 'patient', 'it')
    expect(patient.map((row) => row.question)).toContain('Sei incinta o allatti?')
    expect(patient.find((row) => row.question === 'Sei incinta o allatti?')!.answer).toBe(
      'Sì, sono incinta o potrei esserlo',
    )
    const clinician = describeAnswers(ANSWERS, 'clinician', 'it')
    expect(clinician).toHaveLength(describeAnswers(ANSWERS, 'clinician', 'en').length)
    expect(clinician).toContainEqual({ question: 'Fototipo', answer: 'Fototipo II' })
    expect(clinician).toContainEqual({ question: 'Diabete controllato', answer: 'Non sa' })
  })

  test('the list covers every question and every rule with a patient explanation', () => {
    const ids = italianPatientTexts().map((t) => t.id)
    for (const rule of SCREENING_RULES.filter((r) => r.patient))
      expect(ids).toContain(`rule ${rule.id} (1, ${rule.kind})`)
    expect(ids).toContain('isotretinoinLastDose')
  })

  test.each(italianPatientTexts())('$id reads at Gulpease 60 or more', ({ text }) => {
    expect(text.length).toBeGreaterThan(0)
    expect(gulpeaseIndex(text)).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
  })
})
