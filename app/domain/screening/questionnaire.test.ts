import { describe, expect, test } from 'vitest'
import { questionnaireTexts, resultTexts } from './questionnaire.ts'
import { MAX_READING_GRADE, readingGrade } from '#app/domain/shared/readability.rules.ts'
import { SCREENING_RULES } from './rule-table.rules.ts'
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
