import { type PhoneCountry, toE164 } from '#app/domain/shared/phone.rules.ts'

/**
 * What staff type in the one search box of /staff/patients, read as what it most likely is: a
 * booking reference, an email address, a date of birth, a phone number, or else a name. One box,
 * as in the clinic systems front desks already know, so nobody has to pick a field first.
 * Client-safe: pure functions.
 */

export type PatientQuery =
  | { kind: 'reference'; reference: string }
  | { kind: 'email'; email: string }
  | { kind: 'date_of_birth'; date: string }
  | { kind: 'phone'; e164: string | null; digits: string }
  | { kind: 'name'; words: string[] }

/**
 * Lower case without accents or extra spaces, so that "Nicolò", "NICOLO" and "nicolo" are one
 * name, as are "D’Amico" and "D'Amico".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

const REFERENCE = /^dd-?([a-z0-9]{6})$/i
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
// Day first, as written in Italy and the UK: 7/3/1990, 07.03.1990, 07-03-1990.
const DAY_FIRST_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/
const PHONE_LIKE = /^\+?[\d\s().-]+$/

/** A real calendar date as YYYY-MM-DD, or null ("31/02/1990" is not one). */
function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null
  if (date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

function dateOfBirth(text: string): string | null {
  const iso = ISO_DATE.exec(text)
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dayFirst = DAY_FIRST_DATE.exec(text)
  if (dayFirst) return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]))
  return null
}

/** More than a screenful means the search was too loose: staff are asked for more of the name. */
export const MAX_RESULTS = 25

/** The shortest run of digits worth searching phone numbers for. */
export const MIN_PHONE_DIGITS = 6

export function parsePatientQuery(
  raw: string,
  clinicCountry: PhoneCountry | undefined,
): PatientQuery {
  const text = raw.trim()
  const reference = REFERENCE.exec(text)
  if (reference) return { kind: 'reference', reference: `DD-${reference[1]!.toUpperCase()}` }
  if (text.includes('@')) return { kind: 'email', email: text.toLowerCase() }
  const date = dateOfBirth(text)
  if (date) return { kind: 'date_of_birth', date }
  const digits = text.replace(/\D/g, '')
  if (PHONE_LIKE.test(text) && digits.length >= MIN_PHONE_DIGITS)
    return { kind: 'phone', e164: toE164(text, clinicCountry), digits }
  return { kind: 'name', words: nameWords(text) }
}

/** A name's words, folded; apostrophes and hyphens split them ("D’Amico-Rossi": d, amico, rossi). */
export function nameWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[\s'-]+/)
    .filter(Boolean)
}

/**
 * Does a patient's name match every word typed, each as the start of a word of the name? A name
 * with an apostrophe matches typed either way: "D’Amico" is found by "amico" and by "damico".
 */
export function nameMatches(fullName: string, words: readonly string[]): boolean {
  const folded = foldForSearch(fullName)
  const nameTokens = [...nameWords(folded), ...folded.replace(/'/g, '').split(/[\s-]+/)]
  return words.every((word) => nameTokens.some((token) => token.startsWith(word)))
}

/** The name as the database compares it first: folded, apostrophes and hyphens gone. */
export function compactForSearch(text: string): string {
  return foldForSearch(text).replace(/['-]/g, '')
}
