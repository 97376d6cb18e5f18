/**
 * Reading grade of patient-facing text (Flesch–Kincaid grade level), so that a test can keep
 * every question and explanation at grade 8 or lower (clinical-reference.md 4.4). The syllable
 * count is the usual English heuristic (vowel groups); close enough to rank sentences.
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

export function countSyllables(word: string): number {
  const letters = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')
  if (!letters) return /\d/.test(word) ? 1 : 0
  if (letters.length <= 3) return 1
  // A silent final "e", and "-es"/"-ed" endings that add no syllable ("makes", "healed"; but
  // "wanted", "needed" and "table" keep theirs).
  const trimmed = letters.replace(/(?:[^laeiouy]es|(?<![td])ed|[^laeiouy]e)$/, '').replace(/^y/, '')
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 0)
}

export function words(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Sentences end with . ! or ? (a text without one is one sentence). */
export function countSentences(text: string): number {
  const ends = text.match(/[.!?]+(?=\s|$)/g)?.length ?? 0
  return Math.max(1, ends)
}

/** Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function fleschKincaidGrade(text: string): number {
  const list = words(text)
  if (list.length === 0) return 0
  const syllables = list.reduce((sum, word) => sum + countSyllables(word), 0)
  return 0.39 * (list.length / countSentences(text)) + 11.8 * (syllables / list.length) - 15.59
}

/** The highest grade patient text may have. */
export const MAX_READING_GRADE = 8
