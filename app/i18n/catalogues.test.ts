import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, test } from 'vitest'
import {
  gulpeaseIndex,
  MAX_READING_GRADE,
  MIN_GULPEASE_INDEX,
  readingGrade,
} from '#app/domain/shared/readability.rules.ts'
import { DEMO_SERVICE_TEXTS_IT } from '#db/seed.ts'
import { translateRich } from './catalogue.ts'
import { LOCALES } from './locales.ts'
import { ALL_CATALOGUES } from './messages/index.ts'

/**
 * The message catalogues are complete, well-formed and readable in every language (ADR 038).
 * Types already refuse a missing or extra key in a file; these tests catch what types cannot.
 */

const entries = Object.entries(ALL_CATALOGUES).flatMap(([area, catalogue]) =>
  Object.keys(catalogue.en).map((key) => ({
    area,
    key,
    messages: catalogue as unknown as Record<string, Record<string, string>>,
  })),
)

type Ast = ReturnType<IntlMessageFormat['getAst']>

/** The names of a message's arguments ({clinic}, {count, plural, …}) and tags (<b>…</b>). */
function argumentNames(ast: Ast, into = new Set<string>()): Set<string> {
  for (const element of ast) {
    if ('value' in element && element.type !== 0 && typeof element.value === 'string')
      into.add(element.value)
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentNames(option.value, into)
    if ('children' in element) argumentNames(element.children, into)
  }
  return into
}

/** A message's tags only: each is given a function when the message is formatted. */
function tagNames(ast: Ast, into = new Set<string>()): Set<string> {
  for (const element of ast) {
    if ('children' in element) {
      into.add(element.value)
      tagNames(element.children, into)
    }
    if ('options' in element)
      for (const option of Object.values(element.options)) tagNames(option.value, into)
  }
  return into
}

/** Placeholder values, so a message can be formatted to plain text for the readability gates. */
function sampleValues(ast: Ast) {
  const tags = tagNames(ast)
  return Object.fromEntries(
    [...argumentNames(ast)].map((name) => [
      name,
      tags.has(name) ? (chunks: string[]) => chunks.join('') : 2,
    ]),
  )
}

describe('message catalogues', () => {
  test.each(Object.entries(ALL_CATALOGUES))(
    '%s has the same keys in every language',
    (_area, catalogue) => {
      const english = Object.keys(catalogue.en).sort()
      for (const locale of LOCALES) expect(Object.keys(catalogue[locale]).sort()).toEqual(english)
    },
  )

  test.each(entries)('$area / $key parses, with the same arguments in every language', (entry) => {
    const names = LOCALES.map((locale) => {
      const message = entry.messages[locale]![entry.key]!
      // ICU treats an ASCII apostrophe as a quote only before {, }, #, | or another apostrophe,
      // where it silently eats text: there, write ’ (an apostrophe before a letter stays as it is).
      expect(message, `${locale}: a quoting apostrophe, write ’`).not.toMatch(/'[{}#|']/)
      expect(message.trim(), `${locale} is empty`).not.toBe('')
      return [...argumentNames(new IntlMessageFormat(message, locale).getAst())].sort()
    })
    for (const other of names.slice(1)) expect(other).toEqual(names[0])
  })

  test('every key is used by the app (no dead entries)', () => {
    const appDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
    const source = fs
      .readdirSync(appDir, { recursive: true, withFileTypes: true })
      .filter(
        (file) => file.isFile() && /\.tsx?$/.test(file.name) && !/\.test\.tsx?$/.test(file.name),
      )
      .filter((file) => !file.parentPath.includes(path.join('i18n', 'messages')))
      .map((file) => fs.readFileSync(path.join(file.parentPath, file.name), 'utf8'))
      .join('\n')
    // Keys built from an id (`step.${id}`) count as used when their prefix is.
    const dynamicPrefixes = [...source.matchAll(/`([\w.]+\.)\$\{/g)].map((match) => match[1]!)
    const unused = entries
      .filter(({ key }) => !source.includes(`'${key}'`))
      .filter(({ key }) => !dynamicPrefixes.some((prefix) => key.startsWith(prefix)))
      .map(({ area, key }) => `${area}.${key}`)
    expect(unused).toEqual([])
  })
})

describe('readability of patient text', () => {
  const patientAreas = [
    'privacyNotice',
    'home',
    'services',
    'bookStart',
    'wizard',
    'errors',
    'layout',
    'dates',
    'time',
    'limits',
    'confirmation',
    'manage',
    'forms',
    'details',
    'verify',
    'emails',
    'calendar',
    'screening',
    'bookingPage',
    'aftercare',
    'consent',
    'tablet',
    'waitlist',
    'privacy',
    'myData',
    'privacyRequests',
  ] as const
  // Both formulas measure running text: a two-word label ("Clinic settings") scores as a hard
  // sentence. Each sentence-length entry is gated on its own; every entry, labels included, is
  // gated as part of its area's whole text, read the way a page reads.
  const SENTENCE_WORDS = 8

  function formatted(area: (typeof patientAreas)[number], key: string, locale: 'it' | 'en') {
    const catalogue = ALL_CATALOGUES[area] as unknown as Record<string, Record<string, string>>
    const ast = new IntlMessageFormat(catalogue.en![key]!).getAst()
    const formattedText = translateRich(
      ALL_CATALOGUES[area] as never,
      locale,
      key as never,
      sampleValues(ast) as never,
    )
    return Array.isArray(formattedText) ? formattedText.join('') : String(formattedText)
  }

  const sentences = entries.filter(
    (entry) =>
      (patientAreas as readonly string[]).includes(entry.area) &&
      formatted(entry.area as (typeof patientAreas)[number], entry.key, 'en').split(/\s+/).length >=
        SENTENCE_WORDS,
  )

  // English sentences sent before the gate existed, kept byte-identical while Italian is added
  // (existing emails must not change): above grade 8, so only their Italian is gated until the
  // English may be rewritten. Do not add to this list: new English is gated.
  const ENGLISH_BEFORE_THE_GATE = new Set([
    'emails/calendarAdds',
    'emails/calendarUpdates',
    'emails/calendarRemoves',
    // A choice on the consent form that patients have signed (ADR 039): rewording it would
    // change what was agreed to, so it changes only with a new consent version.
    'consent/photoMarketingLabel',
  ])

  test.each(sentences)('$area / $key: Italian Gulpease ≥ 60, English grade ≤ 8', (entry) => {
    const area = entry.area as (typeof patientAreas)[number]
    expect(gulpeaseIndex(formatted(area, entry.key, 'it'))).toBeGreaterThanOrEqual(
      MIN_GULPEASE_INDEX,
    )
    if (ENGLISH_BEFORE_THE_GATE.has(`${entry.area}/${entry.key}`)) return
    expect(readingGrade(formatted(area, entry.key, 'en'))).toBeLessThanOrEqual(MAX_READING_GRADE)
  })

  // An area of labels only ("Medical", "Cosmetic") has no running text to measure.
  const areasWithSentences = patientAreas.filter((area) =>
    sentences.some((entry) => entry.area === area),
  )

  test.each(areasWithSentences)('the whole %s catalogue reads at both gates', (area) => {
    const keys = Object.keys(ALL_CATALOGUES[area].en)
    const page = (locale: 'it' | 'en') => keys.map((key) => formatted(area, key, locale)).join('\n')
    expect(gulpeaseIndex(page('it'))).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
    expect(readingGrade(page('en'))).toBeLessThanOrEqual(MAX_READING_GRADE)
  })

  test.each(Object.entries(DEMO_SERVICE_TEXTS_IT))(
    'the demo service %s reads at Gulpease ≥ 60 in Italian',
    (_slug, texts) => {
      for (const text of [texts.name, texts.description, texts.downtime])
        expect(gulpeaseIndex(text), text).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
    },
  )
})
