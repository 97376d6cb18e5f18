import { describe, expect, test } from 'vitest'
import { ConsentContentSchema } from '#app/domain/consent/consent.schema.ts'
import { renderConsentText } from '#app/domain/consent/consent-text.rules.ts'
import {
  gulpeaseIndex,
  MAX_READING_GRADE,
  MIN_GULPEASE_INDEX,
  readingGrade,
} from '#app/domain/shared/readability.rules.ts'
import { consentContentFor, missingTierParts, tierParts } from './consent-content.ts'
import {
  aftercareMessage,
  COLD_SORE_REMINDER,
  CONTENT_TIERS,
  coursePlanText,
  preVisitAdvice,
  sharedClinicalText,
  stageLine,
  type TierContent,
  tierContent,
  tierText,
  visitLengthLine,
} from './tier-content.ts'

const VALUES = {
  clinic_name: 'Test Clinic',
  clinic_phone: '+39 02 0000 0000',
  cancellation_hours: '48',
}

describe.each(CONTENT_TIERS)('the %s tier', (tier) => {
  const content = tierContent(tier)

  test('its healing stages follow each other from day 0, without gaps or overlaps', () => {
    let next = 0
    for (const stage of content.stages) {
      expect(stage.fromDay, stage.key).toBe(next)
      if (stage.toDay === null) break
      expect(stage.toDay).toBeGreaterThanOrEqual(stage.fromDay)
      next = stage.toDay + 1
    }
    expect(content.stages.at(-1)!.toDay).toBeNull()
    expect(new Set(content.stages.map((s) => s.key)).size).toBe(content.stages.length)
  })

  test('has every part: healing, aftercare, sun, when to call (fever included), course, pre-visit', () => {
    expect(content.stages.length).toBeGreaterThanOrEqual(3)
    expect(content.aftercare.length).toBeGreaterThan(0)
    expect(content.sun.join(' ')).toMatch(/SPF 50/)
    expect(content.whenToCall.join(' ')).toMatch(/fever/)
    expect(content.whenToCall.join(' ')).toMatch(/darker/)
    expect(coursePlanText(tier)).toMatch(/2 to 3 sessions a year/)
    expect(content.preVisit.length).toBeGreaterThan(0)
  })

  test('reads at grade 8 or lower, all together and part by part', () => {
    expect(readingGrade(tierText(tier))).toBeLessThanOrEqual(MAX_READING_GRADE)
    for (const stage of content.stages)
      expect(
        readingGrade([stageLine(stage), ...stage.do, ...stage.avoid].join('\n')),
        stage.key,
      ).toBeLessThanOrEqual(MAX_READING_GRADE)
    expect(readingGrade(content.whenToCall.join('\n'))).toBeLessThanOrEqual(MAX_READING_GRADE)
  })

  test('its consent form is valid, complete, names no fixed visit length and reads at grade 8', () => {
    const form = ConsentContentSchema.parse(consentContentFor(tier))
    expect(missingTierParts(tier, form)).toEqual([])
    const text = renderConsentText({ versionNumber: 2, content: form }, VALUES)
    expect(text).toMatch(/whole and healthy/)
    expect(text).toMatch(/wound, an infection, active acne or irritated skin/)
    expect(text).not.toMatch(/about an hour|30 to 60 minutes|about 30 minutes/)
    expect(text).toMatch(/We do not take photos/)
    expect(text).not.toMatch(/We take photos/)
    expect(readingGrade(text)).toBeLessThanOrEqual(MAX_READING_GRADE)
    for (const section of form.sections)
      expect(readingGrade(`${section.title}\n${section.body}`), section.key).toBeLessThanOrEqual(
        MAX_READING_GRADE,
      )
    expect(
      readingGrade(form.questions.map((q) => [q.prompt, ...q.options].join('\n')).join('\n')),
    ).toBeLessThanOrEqual(MAX_READING_GRADE)
  })

  test('its check asks about every key risk, with plausible wrong answers', () => {
    const questions = consentContentFor(tier).questions
    const asked = questions.map((q) => `${q.prompt} ${q.options[q.answer]}`).join('\n')
    for (const risk of [/blood|bleeding/, /crusts/, /sun/, /pus/, /darker/])
      expect(asked).toMatch(risk)
    for (const q of questions) {
      const wrong = q.options.filter((_, i) => i !== q.answer).join('\n')
      // The giveaways of the first forms: nothing absurd or plainly harmful.
      expect(wrong).not.toMatch(/blister|scrub|pick them off|makeup|make-up/i)
      expect(q.options.length).toBeGreaterThanOrEqual(3)
    }
  })

  test('a form missing a part is named part by part', () => {
    const form = consentContentFor(tier)
    const broken = {
      ...form,
      sections: form.sections.map((s) =>
        s.key === 'when_to_call'
          ? { ...s, body: s.body.replace(/, or you have a fever or feel unwell/, '') }
          : s,
      ),
    }
    const missing = missingTierParts(tier, broken)
    expect(missing).toHaveLength(1)
    expect(missing[0]).toMatch(/when to call: .*fever/)
    expect(tierParts(tier).length).toBeGreaterThan(10)
  })
})

describe('the tiers differ where the clinical reference says so', () => {
  test('cosmetic: no bleeding or crusting expected, pinkness for hours to 2–3 days, 4 sessions 2 weeks apart', () => {
    const cosmetic = tierText('cosmetic')
    expect(cosmetic).toMatch(/Bleeding is not expected/)
    expect(cosmetic).toMatch(/Crusts are not expected/)
    expect(cosmetic).toMatch(/within hours\. At most it lasts 2 to 3 days/)
    expect(coursePlanText('cosmetic')).toMatch(/course of 4 sessions, 2 weeks apart/)
    expect(cosmetic).not.toMatch(/collagen|7 to 10 days/)
  })

  test('medical: pinpoint bleeding, crusts, 3 to 6 sessions 4 weeks apart', () => {
    expect(tierText('medical')).toMatch(/Tiny spots of blood/)
    expect(tierText('medical')).toMatch(/small crusts may form/)
    expect(coursePlanText('medical')).toMatch(/3 to 6 sessions, 4 weeks apart/)
  })
})

describe('pre-visit advice', () => {
  test('names the booked service length, never "about an hour"', () => {
    const advice = preVisitAdvice({ tier: 'medical', isConsultation: false, visitMinutes: 75 })
    expect(advice).toContain(visitLengthLine(75))
    expect(advice.join(' ')).toMatch(/Allow 75 minutes/)
    expect(advice.join(' ')).not.toMatch(/about an hour/)
    expect(
      preVisitAdvice({ tier: 'medical', isConsultation: true, visitMinutes: 30 }).join(' '),
    ).toMatch(/Allow 30 minutes/)
  })

  test('the cold-sore reminder reads at grade 8 and names no other health detail', () => {
    expect(readingGrade(COLD_SORE_REMINDER)).toBeLessThanOrEqual(MAX_READING_GRADE)
  })
})

describe.each(CONTENT_TIERS)('the %s tier in Italian', (tier) => {
  const english = tierContent(tier, 'en')
  const italian = tierContent(tier, 'it')

  test('has the same structure as the English: stages, days, pictures and as many rules', () => {
    const shape = (content: TierContent) => ({
      depth: content.depth.replace(/[^\d]/g, ''),
      stages: content.stages.map((stage) => ({
        key: stage.key,
        fromDay: stage.fromDay,
        toDay: stage.toDay,
        picture: stage.picture,
        digits: stage.text.replace(/[^\d]/g, ''),
        do: stage.do.length,
        avoid: stage.avoid.length,
      })),
      aftercare: content.aftercare.map((rule) => rule.replace(/[^\d]/g, '')),
      sun: content.sun.map((rule) => rule.replace(/[^\d]/g, '')),
      whenToCall: content.whenToCall.map((rule) => rule.replace(/[^\d]/g, '')),
      course: content.course,
      preVisit: content.preVisit.map((rule) => rule.replace(/[^\d]/g, '')),
    })
    expect(shape(italian)).toEqual(shape(english))
    expect(coursePlanText(tier, 'it').replace(/[^\d]/g, '')).toBe(
      coursePlanText(tier, 'en').replace(/[^\d]/g, ''),
    )
  })

  test('reads at a Gulpease index of 60 or more, all together and sentence by sentence', () => {
    expect(gulpeaseIndex(tierText(tier, 'it'))).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
    for (const line of tierText(tier, 'it').split('\n'))
      expect(gulpeaseIndex(line), line).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
  })

  test('keeps the words a patient must not miss', () => {
    expect(italian.sun.join(' ')).toMatch(/SPF 50/)
    expect(italian.whenToCall.join(' ')).toMatch(/febbre/)
    expect(italian.whenToCall.join(' ')).toMatch(/più scura/)
    expect(coursePlanText(tier, 'it')).toMatch(/da 2 a 3 sedute all’anno/)
    expect(visitLengthLine(75, 'it')).toBe('Calcola 75 minuti per la visita.')
    expect(aftercareMessage(tier, 3, 'it').subject).toBe(
      'La tua pelle dopo il trattamento: giorno 3',
    )
  })
})

test('the shared sentences have the same parts in both languages, and the Italian reads at Gulpease 60', () => {
  const en = sharedClinicalText('en')
  const it = sharedClinicalText('it')
  expect(it.needlingKinds.length).toBe(en.needlingKinds.length)
  expect(it.consultationPreVisit.length).toBe(en.consultationPreVisit.length)
  expect(it.needlingKinds.join(' ').replace(/[^\d]/g, '')).toBe(
    en.needlingKinds.join(' ').replace(/[^\d]/g, ''),
  )
  for (const line of [
    it.intactSkinRule,
    ...it.needlingKinds,
    it.coldSoreReminder,
    ...it.consultationPreVisit,
  ])
    expect(gulpeaseIndex(line), line).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
})
