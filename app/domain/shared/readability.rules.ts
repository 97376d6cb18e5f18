/**
 * Reading grade of patient-facing text (Flesch–Kincaid grade level). Patient materials must read
 * at grade 8 or lower (docs/clinical-reference.md 4.4). The syllable count is the usual heuristic
 * (vowel groups, minus a silent final "e"); it is within a syllable for almost every English word,
 * which is all a grade needs.
 */

/** Letters (any alphabet) or digits, optionally joined by apostrophes or hyphens ("don't", "day-to-day"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

export type TextStatistics = { sentences: number; words: number; syllables: number }

/** Syllables in one word. Numbers count one syllable per digit ("10" → 2: near enough to "ten"). */
export function countSyllables(word: string): number {
  return word
    .split(/['’-]/)
    .filter(Boolean)
    .reduce((sum, part) => sum + syllablesOfPart(part), 0)
}

function syllablesOfPart(part: string): number {
  if (/^\p{N}+$/u.test(part)) return Math.max(1, Math.min(part.length, 4))
  const letters = part
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  if (!letters) return 1
  if (letters.length <= 3) return 1
  const trimmed = letters
    // A final silent "e", "es" or "ed" ("make", "makes", "baked"), but not "-le" ("gentle").
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (match) => match[0]!)
    .replace(/^y/, '')
  const groups = trimmed.match(/[aeiouy]{1,2}/g)
  return Math.max(1, groups?.length ?? 0)
}

/**
 * Sentences end at ".", "!" or "?", and at every line break: a heading or a list item is read as
 * a sentence of its own, as a reader takes it.
 */
export function textStatistics(text: string): TextStatistics {
  let sentences = 0
  let words = 0
  let syllables = 0
  for (const line of text.split(/\n+/)) {
    // "0.5 mm" and "e.g." must not end a sentence: only punctuation followed by a space or the end.
    for (const sentence of line.split(/[.!?]+(?=\s|$)/)) {
      const found = sentence.match(WORD) ?? []
      if (found.length === 0) continue
      sentences += 1
      words += found.length
      syllables += found.reduce((sum, word) => sum + countSyllables(word), 0)
    }
  }
  return { sentences, words, syllables }
}

/** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function readingGrade(text: string): number {
  const { sentences, words, syllables } = textStatistics(text)
  if (words === 0 || sentences === 0) return 0
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
}

/** The highest grade patient text may have (docs/clinical-reference.md 4.4). */
export const MAX_READING_GRADE = 8

/**
 * Gulpease index, the standard readability formula for Italian (GULP, Università di Roma, 1988):
 * 89 + (300 × sentences − 10 × letters) ÷ words. 100 is the easiest; below 80 is hard for
 * readers with primary schooling, below 60 for readers with middle school, below 40 for
 * those with a diploma. Unlike Flesch, it counts letters, not syllables, so it needs no
 * Italian syllable rules.
 */
export function gulpeaseIndex(text: string): number {
  const { sentences, words } = textStatistics(text)
  if (words === 0 || sentences === 0) return 100
  const letters = (text.match(/[\p{L}\p{N}]/gu) ?? []).length
  return 89 + (300 * sentences - 10 * letters) / words
}

/** The lowest Gulpease index Italian patient text may have: middle-school readers understand it. */
export const MIN_GULPEASE_INDEX = 60
