import { describe, expect, test } from 'vitest'
import { healingTimelineText } from '#app/components/healing-timeline.tsx'
import { readingGrade } from '#app/domain/shared/readability.rules.ts'
import {
  AFTERCARE_MESSAGES,
  AFTERCARE_PLAN,
  aftercareText,
  CALL_THE_CLINIC_IF,
} from './aftercare.ts'

/** Patient materials read at grade 8 or lower (docs/clinical-reference.md 4.4). */
const MAX_READING_GRADE = 8

describe('the aftercare plan', () => {
  test('reads at grade 8 or lower, as a whole and stage by stage', () => {
    expect(readingGrade(aftercareText())).toBeLessThanOrEqual(MAX_READING_GRADE)
    for (const stage of AFTERCARE_PLAN) {
      const text = [stage.title, stage.expect, ...stage.do, ...stage.avoid].join('\n')
      expect(readingGrade(text), stage.key).toBeLessThanOrEqual(MAX_READING_GRADE)
    }
    expect(readingGrade(CALL_THE_CLINIC_IF.join('\n'))).toBeLessThanOrEqual(MAX_READING_GRADE)
    for (const tier of ['medical', 'cosmetic'] as const)
      expect(readingGrade(healingTimelineText(tier))).toBeLessThanOrEqual(MAX_READING_GRADE)
    for (const message of Object.values(AFTERCARE_MESSAGES))
      expect(readingGrade([message.subject, ...message.lines].join('\n'))).toBeLessThanOrEqual(
        MAX_READING_GRADE,
      )
  })

  test('covers day 0 to day 10 without gaps or overlaps', () => {
    let next = 0
    for (const stage of AFTERCARE_PLAN) {
      expect(stage.fromDay, stage.key).toBe(next)
      expect(stage.toDay).toBeGreaterThanOrEqual(stage.fromDay)
      expect(stage.do.length + stage.avoid.length).toBeGreaterThan(0)
      next = stage.toDay + 1
    }
    expect(next - 1).toBe(10)
  })

  test('the grade check would catch dense text', () => {
    expect(
      readingGrade(
        'Post-procedural erythema and transient oedema typically demonstrate spontaneous resolution within seventy-two hours, contingent upon adherence to recommended photoprotective measures.',
      ),
    ).toBeGreaterThan(MAX_READING_GRADE)
  })
})
