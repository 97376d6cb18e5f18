import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { startBookingDraft } from '#app/domain/booking/wizard/draft.server.ts'
import {
  getDraftScreening,
  submitDraftScreening,
} from '#app/domain/booking/wizard/draft-screening.server.ts'
import { getDb } from '#db/client.server.ts'
import { screeningSubmissions } from '#db/schema/index.ts'
import {
  newPatientSession,
  patientActor,
  serviceIdBySlug,
} from '#tests/support/booking-fixtures.ts'
import { PAST_COLD_SORE } from '#tests/support/screening-fixtures.ts'
import { findingIn, type Finding } from './screening.rules.ts'

const NOW = new Date('2026-11-25T08:00:00Z')

/** Issue 16: the language the questions were asked in, and the rules' words in both languages. */
describe('screening in two languages', () => {
  test('answers given in Italian record "it"; the findings read in Italian and in English', () => {
    const session = newPatientSession(NOW)
    startBookingDraft({ session, serviceId: serviceIdBySlug('skin-boost'), now: NOW })
    const result = submitDraftScreening({
      session,
      answers: PAST_COLD_SORE,
      now: NOW,
      actor: patientActor,
      locale: 'it',
    })
    expect(result).toMatchObject({ ok: true, outcome: 'review' })
    const row = getDb().select().from(screeningSubmissions).get()!
    expect(row.locale).toBe('it')

    // The record keeps the English it always had, and the Italian beside it.
    const [finding] = JSON.parse(row.findings) as Finding[]
    expect(finding).toMatchObject({
      ruleId: 'cold-sores-history',
      patientText: expect.stringContaining('cold sores'),
      clinicianText: expect.stringContaining('antiviral'),
    })
    expect(findingIn(finding!, 'it')).toMatchObject({
      label: 'Anamnesi di herpes labiale',
      patientText: expect.stringContaining('herpes sul labbro'),
      clinicianText: expect.stringContaining('antivirale'),
    })
    expect(findingIn(finding!, 'en')).toBe(finding)

    // The patient reads the explanation in the page's language.
    const italian = getDraftScreening({ session, now: NOW, actor: patientActor, locale: 'it' })
    expect(italian!.submission!.explanations[0]!.text).toMatch(/herpes sul labbro/)
    const english = getDraftScreening({ session, now: NOW, actor: patientActor })
    expect(english!.submission!.explanations[0]!.text).toMatch(/You have had cold sores/)
  })

  test('answers given without a language (staff, tests, older code) record English', () => {
    const session = newPatientSession(NOW)
    startBookingDraft({ session, serviceId: serviceIdBySlug('skin-boost'), now: NOW })
    submitDraftScreening({ session, answers: PAST_COLD_SORE, now: NOW, actor: patientActor })
    const row = getDb()
      .select()
      .from(screeningSubmissions)
      .where(eq(screeningSubmissions.source, 'booking'))
      .get()!
    expect(row.locale).toBe('en')
  })

  test('a finding stored before the Italian existed reads in English', () => {
    const old: Finding = {
      ruleId: 'sunburn',
      kind: 'not_eligible',
      label: 'Sunburn',
      until: null,
      patientText: 'You have sunburn.',
      clinicianText: 'Sunburnt skin.',
      sources: 'D-4',
    }
    expect(findingIn(old, 'it')).toBe(old)
  })
})
