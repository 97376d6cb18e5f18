import { eq } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, clinicSettings, consentDocumentVersions, users } from '#db/schema/index.ts'
import {
  consentContentFor,
  missingTierParts,
} from '#app/domain/clinical-content/consent-content.ts'
import { readingGrade } from '#app/domain/shared/readability.rules.ts'
import {
  createConsentDraft,
  discardConsentDraft,
  publishConsentDraft,
  saveConsentDraft,
} from './consent-admin.server.ts'
import { getConsentAdminOverview } from './consent-admin-views.server.ts'
import {
  currentTextValues,
  getRequiredVersion,
  getRequiredVersionId,
  getVersionById,
  listPublishedVersionRefs,
  listPublishedVersions,
} from './consent-documents.server.ts'
import { renderConsentText } from './consent-text.rules.ts'
import { CONSENT_SECTION_KEYS, MAX_READING_GRADE } from './consent.schema.ts'

// The first versions take effect when the migrations run (the real clock), so these tests
// work from the real clock too.
const NOW = new Date()
const DAY = 24 * 3600_000
const romeDate = (at: number) => DateTime.fromMillis(at, { zone: 'Europe/Rome' }).toISODate()!
const romeMidnight = (date: string) =>
  DateTime.fromISO(date, { zone: 'Europe/Rome' }).startOf('day').toMillis()

function adminActor() {
  const admin = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'elena.greco@dermadesk.example'))
    .get()!
  return { userId: admin.id, ipAddress: '127.0.0.1', requestId: 'test' }
}

function sql(statement: string, ...params: unknown[]) {
  return () =>
    getDb()
      .$client.prepare(statement)
      .run(...params)
}

describe('the consent forms that come with the app', () => {
  test.each(['medical', 'cosmetic'] as const)(
    'the %s form: version 1 kept as signed, version 2 written from the tier content',
    (tier) => {
      const versions = listPublishedVersions(getDb(), tier)
      expect(versions.map((v) => v.versionNumber)).toEqual([1, 2])
      const [v1, v2] = versions
      expect(v1!.content.sections.map((s) => s.key)).toEqual([...CONSENT_SECTION_KEYS])
      // Version 2 is exactly what the tier content writes (one source: ADR 033).
      expect(v2!.content).toEqual(consentContentFor(tier))
      expect(missingTierParts(tier, v2!.content)).toEqual([])
      // Sessions from the migration on need version 2.
      expect(getRequiredVersion(getDb(), tier, Date.now() + DAY)?.id).toBe(v2!.id)
      // The consent status reads the same versions without their content (the agenda, the
      // booking page), and finds the same one.
      expect(listPublishedVersionRefs(getDb(), tier)).toEqual(
        versions.map(({ id, versionNumber, effectiveFrom }) => ({
          id,
          versionNumber,
          effectiveFrom,
        })),
      )
      expect(getRequiredVersionId(getDb(), tier, Date.now() + DAY)).toBe(v2!.id)
      const text = renderConsentText(v2!, currentTextValues(getDb()))
      // Everything the brief lists is there, in plain words.
      for (const phrase of [
        /whole and healthy/,
        /never needle over a wound, an infection, active acne or irritated skin/,
        /Day 0/,
        /2 to 3 sessions a year/,
        /do nothing/,
        /Call us on \+39 02 8295 4410/,
        /We do not take photos/,
        /until 48 hours before/,
        /change your mind/,
        /paper copy/,
      ])
        expect(text).toMatch(phrase)
      if (tier === 'medical') {
        expect(text).toMatch(/tiny spots of blood/i)
        expect(text).toMatch(/Days 7 to 10/)
        expect(text).toMatch(/Home rollers/)
        expect(text).toMatch(/0\.5 mm long or less/)
        expect(text).toMatch(/doctor, or a nurse who works with a doctor/)
      } else {
        expect(text).toMatch(/Bleeding is not expected/)
        expect(text).toMatch(/Crusts are not expected/)
        expect(text).toMatch(/course of 4 sessions, 2 weeks apart/)
        expect(text).not.toMatch(/7 to 10 days/)
      }
      expect(text).not.toMatch(/\{\{/)
      expect(text).not.toMatch(/We take photos/)
      expect(readingGrade(text)).toBeLessThanOrEqual(MAX_READING_GRADE)
      expect(v2!.content.questions.length).toBeGreaterThanOrEqual(5)
    },
  )
})

describe('published versions never change', () => {
  test('UPDATE and DELETE of a published version are refused; a draft may change and go', () => {
    const [v1] = listPublishedVersions(getDb(), 'medical')
    expect(sql("UPDATE consent_document_versions SET content = '{}' WHERE id = ?", v1!.id)).toThrow(
      /immutable/,
    )
    expect(
      sql("UPDATE consent_document_versions SET status = 'draft' WHERE id = ?", v1!.id),
    ).toThrow(/immutable/)
    expect(sql('DELETE FROM consent_document_versions WHERE id = ?', v1!.id)).toThrow(/immutable/)
    expect(sql('DELETE FROM consent_documents')).toThrow(/never deleted/)

    const draft = createConsentDraft({ tier: 'medical', actor: adminActor(), now: NOW })
    expect(draft.ok).toBe(true)
    expect(
      sql('UPDATE consent_document_versions SET updated_at = 1 WHERE id = ?', draft.versionId),
    ).not.toThrow()
    expect(sql('DELETE FROM consent_document_versions WHERE id = ?', draft.versionId)).not.toThrow()
    expect(getVersionById(getDb(), v1!.id)!.content).toEqual(v1!.content)
  })
})

describe('admins write new versions', () => {
  test('draft, save, publish: sessions from its date need the new version', () => {
    const actor = adminActor()
    const draft = createConsentDraft({ tier: 'cosmetic', actor, now: NOW })
    expect(draft.ok).toBe(true)
    // One draft at a time: asking again opens the same one.
    expect(createConsentDraft({ tier: 'cosmetic', actor, now: NOW })).toEqual({
      ok: false,
      reason: 'draft-exists',
      versionId: draft.versionId,
    })
    const version = getVersionById(getDb(), draft.versionId)!
    expect(version).toMatchObject({ status: 'draft', versionNumber: 3 })
    const content = structuredClone(version.content)
    content.sections[7]!.body =
      'You can cancel online until {{cancellation_hours}} hours before. Then call us.'
    expect(saveConsentDraft({ versionId: draft.versionId, content, actor, now: NOW })).toEqual({
      ok: true,
    })
    const effectiveDate = romeDate(NOW.getTime() + 15 * DAY)
    expect(
      publishConsentDraft({ versionId: draft.versionId, effectiveDate, actor, now: NOW }),
    ).toMatchObject({ ok: true })

    const [, v2, v3] = listPublishedVersions(getDb(), 'cosmetic')
    expect(v3).toMatchObject({ versionNumber: 3, status: 'published' })
    expect(v3!.content.sections[7]!.body).toContain('Then call us.')
    // From the start of that day in the clinic's zone.
    expect(v3!.effectiveFrom).toBe(romeMidnight(effectiveDate))
    expect(getRequiredVersion(getDb(), 'cosmetic', v3!.effectiveFrom - 1)?.id).toBe(v2!.id)
    expect(getRequiredVersion(getDb(), 'cosmetic', v3!.effectiveFrom)?.id).toBe(v3!.id)
    for (const at of [v2!.effectiveFrom - DAY, v3!.effectiveFrom - 1, v3!.effectiveFrom])
      expect(getRequiredVersionId(getDb(), 'cosmetic', at)).toBe(
        getRequiredVersion(getDb(), 'cosmetic', at)!.id,
      )
    // The other tier is untouched.
    expect(listPublishedVersions(getDb(), 'medical')).toHaveLength(2)

    const overview = getConsentAdminOverview(NOW).forms.find((f) => f.tier === 'cosmetic')!
    expect(overview.current?.versionNumber).toBe(2)
    expect(overview.scheduled.map((v) => v.versionNumber)).toEqual([3])
    expect(overview.draft).toBeNull()
    expect(overview.history[0]).toMatchObject({ versionNumber: 3, publishedByName: 'Elena Greco' })

    const actions = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .all()
      .map((row) => row.action)
      .filter((action) => action.startsWith('consent_version.'))
    expect(actions).toEqual([
      'consent_version.draft_created',
      'consent_version.draft_saved',
      'consent_version.published',
    ])
    // Published: the editor refuses it, and so does the database.
    expect(saveConsentDraft({ versionId: draft.versionId, content, actor })).toEqual({
      ok: false,
      reason: 'not-draft',
    })
    expect(discardConsentDraft({ versionId: draft.versionId, actor })).toEqual({
      ok: false,
      reason: 'not-draft',
    })
  })

  test('publishing refuses hard text, a date in the past and unknown placeholders', () => {
    const actor = adminActor()
    const { versionId } = createConsentDraft({ tier: 'medical', actor, now: NOW })
    const content = structuredClone(getVersionById(getDb(), versionId)!.content)
    // Dense text in the parts that are not the tier's own content (that must stay word for word).
    const dense =
      'Percutaneous collagen induction therapy precipitates transient erythema, oedema and post-inflammatory hyperpigmentation, particularly among individuals with Fitzpatrick phototypes associated with heightened melanocyte reactivity, necessitating comprehensive photoprotective intervention. '.repeat(
        12,
      )
    for (const section of content.sections)
      if (['risks', 'alternatives', 'photos', 'cancellation', 'withdrawal'].includes(section.key))
        section.body = dense
    saveConsentDraft({ versionId, content, actor, now: NOW })
    const today = romeDate(NOW.getTime())
    expect(
      publishConsentDraft({
        versionId,
        effectiveDate: romeDate(NOW.getTime() - DAY),
        actor,
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: 'too-early', earliestDate: today })
    const hard = publishConsentDraft({ versionId, effectiveDate: today, actor, now: NOW })
    expect(hard).toMatchObject({ ok: false, reason: 'too-hard-to-read' })
    if (!hard.ok && hard.reason === 'too-hard-to-read')
      expect(hard.grade).toBeGreaterThan(MAX_READING_GRADE)

    content.sections[0]!.body = 'Call {{clinic_fax}} to ask.'
    expect(saveConsentDraft({ versionId, content, actor, now: NOW })).toEqual({
      ok: false,
      reason: 'unknown-placeholders',
      names: ['clinic_fax'],
    })
    expect(getVersionById(getDb(), versionId)!.status).toBe('draft')
    expect(discardConsentDraft({ versionId, actor, now: NOW })).toEqual({
      ok: true,
      tier: 'medical',
    })
    expect(getVersionById(getDb(), versionId)).toBeNull()
  })

  test('the text a patient reads follows the clinic settings (cancellation window)', () => {
    getDb().update(clinicSettings).set({ cancellationWindowHours: 24 }).run()
    const [, v2] = listPublishedVersions(getDb(), 'cosmetic')
    expect(renderConsentText(v2!, currentTextValues(getDb()))).toMatch(/until 24 hours before/)
    expect(
      getDb().select({ n: consentDocumentVersions.id }).from(consentDocumentVersions).all(),
    ).toHaveLength(4)
  })

  test('publishing refuses a form that leaves out a part of its tier, naming each part', () => {
    const actor = adminActor()
    const { versionId } = createConsentDraft({ tier: 'medical', actor, now: NOW })
    const content = structuredClone(getVersionById(getDb(), versionId)!.content)
    const at = (key: string) => content.sections.find((s) => s.key === key)!
    at('when_to_call').body = at('when_to_call').body.replace(
      ', or you have a fever or feel unwell',
      '',
    )
    at('what_to_expect').body = at('what_to_expect').body.replace('Days 4 to 6', 'Days 2 to 5')
    at('procedure').body = at('procedure').body.replace(/We only treat skin[^\n]*/, '')
    expect(saveConsentDraft({ versionId, content, actor, now: NOW })).toEqual({ ok: true })
    const result = publishConsentDraft({
      versionId,
      effectiveDate: romeDate(NOW.getTime() + DAY),
      actor,
      now: NOW,
    })
    expect(result).toEqual({
      ok: false,
      reason: 'missing-parts',
      tier: 'medical',
      names: [
        'the intact, healthy skin rule',
        'healing course: Days 4 to 6',
        expect.stringMatching(/^when to call: .*fever/),
      ],
    })
    expect(getVersionById(getDb(), versionId)!.status).toBe('draft')
  })
})
