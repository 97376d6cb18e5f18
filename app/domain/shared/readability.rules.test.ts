import { describe, expect, test } from 'vitest'
import {
  countSyllables,
  gulpeaseIndex,
  MIN_GULPEASE_INDEX,
  readingGrade,
  textStatistics,
} from './readability.rules.ts'

describe('countSyllables', () => {
  test.each([
    ['cat', 1],
    ['the', 1],
    ['skin', 1],
    ['make', 1],
    ['makes', 1],
    ['water', 2],
    ['redness', 2],
    ['gentle', 2],
    ['syllable', 3],
    ['sunburn', 2],
    ['healing', 2],
    ['microneedling', 4],
    ['inflammatory', 5],
    ['hyperpigmentation', 6],
  ])('%s has %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected)
  })

  test('hyphenated words add up their parts, numbers count by digits', () => {
    expect(countSyllables('day-to-day')).toBe(3)
    expect(countSyllables("don't")).toBe(2)
    expect(countSyllables('7')).toBe(1)
    expect(countSyllables('10')).toBe(2)
  })

  test('accented letters count as their plain letters', () => {
    expect(countSyllables('café')).toBe(countSyllables('cafe'))
  })
})

describe('textStatistics', () => {
  test('sentences end at . ! ? and at line breaks, not inside "0.5 mm"', () => {
    expect(textStatistics('Your skin heals. Does it hurt? Yes!')).toMatchObject({
      sentences: 3,
      words: 7,
    })
    expect(textStatistics('What to expect\nThe needles are 0.5 mm long.')).toMatchObject({
      sentences: 2,
    })
  })

  test('empty text has no sentences', () => {
    expect(textStatistics('  \n - \n')).toEqual({ sentences: 0, words: 0, syllables: 0 })
    expect(readingGrade('')).toBe(0)
  })
})

describe('readingGrade (Flesch–Kincaid)', () => {
  test('matches the formula on a counted example', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59.
    expect(readingGrade('The cat sat on the mat.')).toBeCloseTo(0.39 * 6 + 11.8 - 15.59, 5)
  })

  test('plain patient text scores low, dense clinical text scores high', () => {
    const plain =
      'Your skin will be red for a few days. This is normal. Small crusts may form. Leave them alone: they fall off by themselves.'
    const dense =
      'Percutaneous collagen induction therapy precipitates transient erythema, oedema and post-inflammatory hyperpigmentation, particularly among individuals with Fitzpatrick phototypes associated with heightened melanocyte reactivity.'
    expect(readingGrade(plain)).toBeLessThan(6)
    expect(readingGrade(dense)).toBeGreaterThan(16)
  })
})

describe('gulpeaseIndex', () => {
  test('short everyday Italian scores high; long bureaucratic Italian scores low', () => {
    expect(
      gulpeaseIndex('Il rossore passa in due o tre giorni. Non toccare le croste.'),
    ).toBeGreaterThan(80)
    const bureaucratic =
      'Il sottoscritto, consapevole delle responsabilità derivanti dalla sottoscrizione del presente documento, dichiara di aver ricevuto esaurienti informazioni relativamente alle caratteristiche procedurali dell’intervento programmato.'
    expect(gulpeaseIndex(bureaucratic)).toBeLessThan(MIN_GULPEASE_INDEX)
  })

  test('matches the formula worked by hand', () => {
    // "Oggi fa caldo a Roma." has 1 sentence, 5 words and 16 letters: 89 + (300 − 160) ÷ 5 = 117.
    expect(gulpeaseIndex('Oggi fa caldo a Roma.')).toBeCloseTo(117, 5)
  })
})
