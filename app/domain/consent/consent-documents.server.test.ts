import { eq } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, clinicSettings, consentDocumentVersions, users } from '#db/schema/index.ts'
import { healingTimelineText } from '#app/components/healing-timeline.tsx'
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
  getVersionById,
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
    'the %s form is published, complete and reads at grade 8 or lower',
    (tier) => {
      const versions = listPublishedVersions(getDb(), tier)
      expect(versions).toHaveLength(1)
      const [v1] = versions
      expect(v1!.versionNumber).toBe(1)
      expect(v1!.content.sections.map((s) => s.key)).toEqual([...CONSENT_SECTION_KEYS])
      expect(v1!.content.questions.length).toBeGreaterThanOrEqual(4)
      const text = renderConsentText(v1!, currentTextValues(getDb()))
      // Everything the brief lists is there, in plain words.
      for (const phrase of [
        /tiny spots of blood/,
        /red, like a mild sunburn/,
        /swelling/,
        /flake/,
        /crusts/,
        /Days 7 to 10/,
        /soothing cream/,
        /weeks to months/,
        /2 to 3 sessions a year/,
        /do nothing/,
        /Call us on \+39 02 8295 4410/,
        /photos/,
        /until 48 hours before/,
        /change your mind/,
        /paper copy/,
      ])
        expect(text).toMatch(phrase)
      expect(text).toMatch(tier === 'medical' ? /new collagen/ : /does not go deep enough/)
      expect(text).not.toMatch(/\{\{/)
      const grade = readingGrade(text)
      expect(grade).toBeLessThanOrEqual(MAX_READING_GRADE)
      for (const section of v1!.content.sections)
        expect(readingGrade(`${section.title}\n${section.body}`), section.key).toBeLessThanOrEqual(
          MAX_READING_GRADE,
        )
      const questions = v1!.content.questions.map((q) => [q.prompt, ...q.options].join('\n'))
      expect(readingGrade(questions.join('\n'))).toBeLessThanOrEqual(MAX_READING_GRADE)
      expect(readingGrade(healingTimelineText(tier))).toBeLessThanOrEqual(MAX_READING_GRADE)
    },
  )

  test('the check covers redness, crusting, aftercare and warning signs', () => {
    const [v1] = listPublishedVersions(getDb(), 'medical')
    const prompts = v1!.content.questions.map((q) => `${q.prompt} ${q.options[q.answer]}`)
    expect(prompts.join('\n')).toMatch(/red/i)
    expect(prompts.join('\n')).toMatch(/crusts/i)
    expect(prompts.join('\n')).toMatch(/soothing cream/i)
    expect(prompts.join('\n')).toMatch(/pus.*Call the clinic/is)
  })
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
    expect(version).toMatchObject({ status: 'draft', versionNumber: 2 })
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

    const [v1, v2] = listPublishedVersions(getDb(), 'cosmetic')
    expect(v2).toMatchObject({ versionNumber: 2, status: 'published' })
    expect(v2!.content.sections[7]!.body).toContain('Then call us.')
    // From the start of that day in the clinic's zone.
    expect(v2!.effectiveFrom).toBe(romeMidnight(effectiveDate))
    expect(getRequiredVersion(getDb(), 'cosmetic', v2!.effectiveFrom - 1)?.id).toBe(v1!.id)
    expect(getRequiredVersion(getDb(), 'cosmetic', v2!.effectiveFrom)?.id).toBe(v2!.id)
    // The other tier is untouched.
    expect(listPublishedVersions(getDb(), 'medical')).toHaveLength(1)

    const overview = getConsentAdminOverview(NOW).forms.find((f) => f.tier === 'cosmetic')!
    expect(overview.current?.versionNumber).toBe(1)
    expect(overview.scheduled.map((v) => v.versionNumber)).toEqual([2])
    expect(overview.draft).toBeNull()
    expect(overview.history[0]).toMatchObject({ versionNumber: 2, publishedByName: 'Elena Greco' })

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
    content.sections[0]!.body =
      'Percutaneous collagen induction therapy precipitates transient erythema, oedema and post-inflammatory hyperpigmentation, particularly among individuals with Fitzpatrick phototypes associated with heightened melanocyte reactivity, necessitating comprehensive photoprotective intervention.'.repeat(
        12,
      )
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
    const [v1] = listPublishedVersions(getDb(), 'cosmetic')
    expect(renderConsentText(v1!, currentTextValues(getDb()))).toMatch(/until 24 hours before/)
    expect(
      getDb().select({ n: consentDocumentVersions.id }).from(consentDocumentVersions).all(),
    ).toHaveLength(2)
  })
})
