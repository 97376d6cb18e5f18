import { eq } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { consentDocumentVersions, consentVersionTexts, users } from '#db/schema/index.ts'
import { consentContentFor } from '#app/domain/clinical-content/consent-content.ts'
import {
  createConsentDraft,
  discardConsentDraft,
  publishConsentDraft,
  saveConsentDraft,
} from './consent-admin.server.ts'
import { getVersionById, loadDraftTranslation } from './consent-documents.server.ts'

// The first versions take effect when the migrations run (the real clock).
const NOW = new Date()
const later = DateTime.fromMillis(NOW.getTime() + 20 * 24 * 3600_000, {
  zone: 'Europe/Rome',
}).toISODate()!

function adminActor() {
  const admin = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'elena.greco@dermadesk.example'))
    .get()!
  return { userId: admin.id, ipAddress: '127.0.0.1', requestId: 'test' }
}

function statusOf(versionId: string) {
  return getDb()
    .select({ status: consentDocumentVersions.status })
    .from(consentDocumentVersions)
    .where(eq(consentDocumentVersions.id, versionId))
    .get()?.status
}

describe('admins publish a consent version only with both languages (ADR 039)', () => {
  test('a new draft starts from the newest version in English and in Italian', () => {
    const draft = createConsentDraft({ tier: 'medical', actor: adminActor(), now: NOW })
    if (!draft.ok) throw new Error(draft.reason)
    expect(loadDraftTranslation(getDb(), draft.versionId)).toEqual(
      consentContentFor('medical', 'it'),
    )
  })

  test('publishing is refused, and nothing changes, naming each missing or unreadable Italian part', () => {
    const actor = adminActor()
    const draft = createConsentDraft({ tier: 'cosmetic', actor, now: NOW })
    if (!draft.ok) throw new Error(draft.reason)
    const version = getVersionById(getDb(), draft.versionId)!
    const italian = structuredClone(consentContentFor('cosmetic', 'it'))
    italian.sections[2]!.body = ''
    italian.questions[2]!.options = []
    expect(
      saveConsentDraft({
        versionId: draft.versionId,
        content: version.content,
        translation: italian,
        actor,
        now: NOW,
      }),
    ).toEqual({ ok: true })
    const refused = publishConsentDraft({
      versionId: draft.versionId,
      effectiveDate: later,
      actor,
      now: NOW,
    })
    expect(refused).toEqual({
      ok: false,
      reason: 'translation-problems',
      problems: ['Italian: the section ‘Risks’ is empty', 'Italian: question 3 has no options'],
    })
    // An admin who works in Italian reads each problem in Italian.
    expect(
      publishConsentDraft({
        versionId: draft.versionId,
        effectiveDate: later,
        actor,
        now: NOW,
        locale: 'it',
      }),
    ).toEqual({
      ok: false,
      reason: 'translation-problems',
      problems: ['Italiano: la sezione ‘Risks’ è vuota', 'Italiano: la domanda 3 non ha risposte'],
    })
    expect(statusOf(draft.versionId)).toBe('draft')

    // Complete, but the healing course left out and a section too hard to read.
    const second = structuredClone(consentContentFor('cosmetic', 'it'))
    second.sections[1]!.body = second.sections[1]!.body.replace(/- Giorno 0:[^\n]*\n/, '')
    second.sections[6]!.body =
      'Relativamente all’eventuale acquisizione di documentazione fotografica, l’amministrazione dichiara l’insussistenza di qualsivoglia obbligazione contrattualmente vincolante nei confronti dell’interessato, fatta salva l’espressa manifestazione di consenso preventivamente formalizzata.'
    saveConsentDraft({
      versionId: draft.versionId,
      content: version.content,
      translation: second,
      actor,
      now: NOW,
    })
    const again = publishConsentDraft({
      versionId: draft.versionId,
      effectiveDate: later,
      actor,
      now: NOW,
    })
    expect(again.ok).toBe(false)
    if (!again.ok && again.reason === 'translation-problems') {
      expect(again.problems).toContain('Italian: leaves out ‘healing course: Giorno 0’')
      expect(
        again.problems.some((p) =>
          /^Italian: the section ‘Photos’ reads at Gulpease \d+; it must be 60 or more$/.test(p),
        ),
      ).toBe(true)
    }
    expect(statusOf(draft.versionId)).toBe('draft')

    // Without any Italian at all.
    saveConsentDraft({
      versionId: draft.versionId,
      content: version.content,
      translation: null,
      actor,
      now: NOW,
    })
    expect(
      publishConsentDraft({ versionId: draft.versionId, effectiveDate: later, actor, now: NOW }),
    ).toMatchObject({
      ok: false,
      reason: 'translation-problems',
      problems: [expect.stringMatching(/no Italian text/)],
    })

    // Complete in both languages: published, and its Italian then never changes.
    saveConsentDraft({
      versionId: draft.versionId,
      content: version.content,
      translation: consentContentFor('cosmetic', 'it'),
      actor,
      now: NOW,
    })
    expect(
      publishConsentDraft({ versionId: draft.versionId, effectiveDate: later, actor, now: NOW }),
    ).toMatchObject({ ok: true })
    expect(getVersionById(getDb(), draft.versionId)!.translations.it).toEqual(
      consentContentFor('cosmetic', 'it'),
    )
    expect(() =>
      getDb()
        .delete(consentVersionTexts)
        .where(eq(consentVersionTexts.documentVersionId, draft.versionId))
        .run(),
    ).toThrow(/immutable/)
  })

  test('discarding a draft removes its Italian with it', () => {
    const actor = adminActor()
    const draft = createConsentDraft({ tier: 'medical', actor, now: NOW })
    const versionId = draft.ok ? draft.versionId : draft.versionId
    expect(discardConsentDraft({ versionId, actor, now: NOW })).toMatchObject({ ok: true })
    expect(
      getDb()
        .select()
        .from(consentVersionTexts)
        .where(eq(consentVersionTexts.documentVersionId, versionId))
        .all(),
    ).toEqual([])
  })
})
