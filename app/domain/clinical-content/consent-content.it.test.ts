import { describe, expect, test } from 'vitest'
import { ConsentContentSchema } from '#app/domain/consent/consent.schema.ts'
import { renderConsentText } from '#app/domain/consent/consent-text.rules.ts'
import { gulpeaseIndex, MIN_GULPEASE_INDEX } from '#app/domain/shared/readability.rules.ts'
import { consentContentFor, missingTierParts, tierParts } from './consent-content.ts'
import { CONTENT_TIERS, tierContent } from './tier-content.ts'

/** The Italian consent form against the English one (ADR 039): same form, another language. */
describe.each(CONTENT_TIERS)('the %s consent form in Italian', (tier) => {
  const en = consentContentFor(tier, 'en')
  const it = consentContentFor(tier, 'it')

  test('is a valid form with the same sections in the same order', () => {
    expect(ConsentContentSchema.parse(it)).toEqual(it)
    expect(it.sections.map((s) => s.key)).toEqual(en.sections.map((s) => s.key))
  })

  test('asks the same questions: same keys, as many options, the same right option and section', () => {
    const shape = (form: typeof en) =>
      form.questions.map((q) => ({
        key: q.key,
        options: q.options.length,
        answer: q.answer,
        sectionKey: q.sectionKey,
      }))
    expect(shape(it)).toEqual(shape(en))
  })

  test('names as many risks, common and rare, and as many list items in every section', () => {
    const items = (form: typeof en) =>
      form.sections.map((s) => (s.body.match(/^- /gm) ?? []).length)
    expect(items(it)).toEqual(items(en))
  })

  test('states every part of the Italian tier content, word for word', () => {
    expect(missingTierParts(tier, it, 'it')).toEqual([])
    expect(tierParts(tier, 'it')).toHaveLength(tierParts(tier, 'en').length)
    // …and the English parts are not what it states.
    expect(missingTierParts(tier, it, 'en').length).toBeGreaterThan(0)
    for (const stage of tierContent(tier, 'it').stages)
      expect(it.sections.find((s) => s.key === 'what_to_expect')!.body).toContain(stage.when)
  })

  test.each(consentContentFor(tier, 'it').sections.map((s) => [s.key, s.body] as const))(
    'section %s reads at Gulpease 60 or more',
    (_key, body) => {
      expect(gulpeaseIndex(body)).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
    },
  )

  test('its questions and options read at Gulpease 60 or more', () => {
    const text = it.questions.flatMap((q) => [q.prompt, ...q.options]).join('\n')
    expect(gulpeaseIndex(text)).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
  })

  test('uses typographic apostrophes and keeps the clinic placeholders', () => {
    const text = JSON.stringify(it)
    expect(text).not.toMatch(/'/)
    for (const name of ['clinic_name', 'clinic_phone', 'cancellation_hours'])
      expect(text.includes(`{{${name}}}`)).toBe(JSON.stringify(en).includes(`{{${name}}}`))
  })

  test('renders with an Italian version line', () => {
    const values = { clinic_name: 'Clinica', clinic_phone: '+39 02 1', cancellation_hours: '48' }
    expect(renderConsentText({ versionNumber: 2, content: it }, values, 'it')).toMatch(
      /^Consenso per .+\nVersione 2\n/,
    )
  })
})
