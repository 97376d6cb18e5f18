import { describe, expect, test } from 'vitest'
import { countSentences, countSyllables, fleschKincaidGrade } from './readability.rules.ts'

describe('syllable counter', () => {
  test.each([
    ['the', 1],
    ['cat', 1],
    ['skin', 1],
    ['needle', 2],
    ['table', 2],
    ['treatment', 2],
    ['doctor', 2],
    ['heals', 1],
    ['healed', 1],
    ['wanted', 2],
    ['clinic', 2],
    ['together', 3],
    ['anaesthetic', 4],
    ['medicine', 3],
    ['infection', 3],
    ['immunosuppression', 6],
    ['pregnancy', 3],
    ['yes', 1],
    ['18', 1],
  ])('%s has %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected)
  })
})

describe('Flesch–Kincaid grade', () => {
  test('counts sentences by their end marks', () => {
    expect(countSentences('One. Two! Three?')).toBe(3)
    expect(countSentences('No end mark')).toBe(1)
    expect(countSentences('Version 1.5 is here.')).toBe(1)
  })

  test('short plain sentences score low; long technical ones high', () => {
    expect(fleschKincaidGrade('The cat sat on the mat. It was a good day.')).toBeLessThan(2)
    expect(
      fleschKincaidGrade(
        'Percutaneous collagen induction therapy necessitates meticulous evaluation of contraindications, particularly haemostatic dysfunction and immunosuppressive pharmacotherapy.',
      ),
    ).toBeGreaterThan(16)
  })

  test('matches the published worked example within half a grade', () => {
    // "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
    // 13 words, 1 sentence, 24 syllables by hand: 0.39 × 13 + 11.8 × 24 / 13 − 15.59 = 11.26.
    const grade = fleschKincaidGrade(
      'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.',
    )
    expect(Math.abs(grade - 11.26)).toBeLessThan(0.5)
  })
})
