import { randomUUID } from 'node:crypto'
import { type Locale } from '#app/i18n/locales.ts'
import { and, desc, eq } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { getDb, type Tx } from '#db/client.server.ts'
import { consentDocuments, consentDocumentVersions, consentVersionTexts } from '#db/schema/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { missingTierParts } from '#app/domain/clinical-content/consent-content.ts'
import { clinicZone, earliestEffectiveDate, gradeOf } from './consent-admin-views.server.ts'
import {
  currentTextValues,
  getVersionById,
  loadDraftTranslation,
} from './consent-documents.server.ts'
import { type ConsentTranslationDraft } from './consent-admin.schema.ts'
import { findUnknownPlaceholders } from './consent-text.rules.ts'
import { publishedTranslation, translationProblems } from './consent-translation.rules.ts'
import { type ConsentContent, ConsentContentSchema, MAX_READING_GRADE } from './consent.schema.ts'

/**
 * Admins write consent form versions: a draft (copied from the newest version) is edited, then
 * published with the date it applies from. A published version is never changed (the database
 * refuses it), so a correction is always a new version, and sessions from its date on need a new
 * signature.
 */

export type AdminActor = { userId: string; ipAddress: string | null; requestId: string | null }

function auditActor(actor: AdminActor) {
  return {
    type: 'staff' as const,
    id: actor.userId,
    ipAddress: actor.ipAddress,
    requestId: actor.requestId,
  }
}

function writeDraftTranslation(
  tx: Tx,
  versionId: string,
  translation: ConsentTranslationDraft | ConsentContent | null,
  now: Date,
) {
  const where = and(
    eq(consentVersionTexts.documentVersionId, versionId),
    eq(consentVersionTexts.locale, 'it'),
  )
  if (!translation) {
    tx.delete(consentVersionTexts).where(where).run()
    return
  }
  const content = JSON.stringify(translation)
  const existing = tx.select().from(consentVersionTexts).where(where).get()
  if (existing) tx.update(consentVersionTexts).set({ content, updatedAt: now }).where(where).run()
  else
    tx.insert(consentVersionTexts)
      .values({
        documentVersionId: versionId,
        locale: 'it',
        content,
        createdAt: now,
        updatedAt: now,
      })
      .run()
}

export type CreateDraftResult =
  { ok: true; versionId: string } | { ok: false; reason: 'draft-exists'; versionId: string }

/** A new draft of a tier's form, starting from its newest version's text. One draft at a time. */
export function createConsentDraft(input: {
  tier: ServiceTier
  actor: AdminActor
  now?: Date
}): CreateDraftResult {
  const now = input.now ?? new Date()
  return getDb().transaction(
    (tx): CreateDraftResult => {
      const document = tx
        .select()
        .from(consentDocuments)
        .where(eq(consentDocuments.tier, input.tier))
        .get()
      if (!document) throw new Error(`No consent form for the ${input.tier} tier`)
      const latest = tx
        .select()
        .from(consentDocumentVersions)
        .where(eq(consentDocumentVersions.documentId, document.id))
        .orderBy(desc(consentDocumentVersions.versionNumber))
        .limit(1)
        .get()
      if (!latest) throw new Error(`The ${input.tier} consent form has no version`)
      if (latest.status === 'draft')
        return { ok: false, reason: 'draft-exists', versionId: latest.id }
      const id = randomUUID()
      tx.insert(consentDocumentVersions)
        .values({
          id,
          documentId: document.id,
          versionNumber: latest.versionNumber + 1,
          status: 'draft',
          content: latest.content,
          createdAt: now,
          createdByUserId: input.actor.userId,
          updatedAt: now,
        })
        .run()
      // The draft starts from the newest version in both languages.
      const italian = loadDraftTranslation(tx, latest.id)
      if (italian) writeDraftTranslation(tx, id, italian, now)
      recordAuditEvent(tx, {
        action: 'consent_version.draft_created',
        actor: auditActor(input.actor),
        subjectType: 'consent_document_version',
        subjectId: id,
        details: { tier: input.tier, versionNumber: latest.versionNumber + 1, from: latest.id },
        at: now,
      })
      return { ok: true, versionId: id }
    },
    { behavior: 'immediate' },
  )
}

type DraftRowResult =
  | { ok: true; row: typeof consentDocumentVersions.$inferSelect }
  | { ok: false; reason: 'not-found' | 'not-draft' }

function loadDraft(tx: Tx, versionId: string): DraftRowResult {
  const row = tx
    .select()
    .from(consentDocumentVersions)
    .where(eq(consentDocumentVersions.id, versionId))
    .get()
  if (!row) return { ok: false, reason: 'not-found' }
  if (row.status !== 'draft') return { ok: false, reason: 'not-draft' }
  return { ok: true, row }
}

/** Placeholders in the content the app cannot fill. */
function unknownPlaceholders(content: ConsentContent): string[] {
  const texts = [
    content.title,
    ...content.sections.flatMap((s) => [s.title, s.body]),
    ...content.questions.flatMap((q) => [q.prompt, ...q.options]),
  ]
  return [...new Set(texts.flatMap(findUnknownPlaceholders))]
}

export type SaveDraftResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'not-draft' }
  | { ok: false; reason: 'unknown-placeholders'; names: string[] }

export function saveConsentDraft(input: {
  versionId: string
  content: ConsentContent
  /** The draft's Italian (null: none); left as it is when not given. */
  translation?: ConsentTranslationDraft | null
  actor: AdminActor
  now?: Date
}): SaveDraftResult {
  const now = input.now ?? new Date()
  const content = ConsentContentSchema.parse(input.content)
  const unknown = unknownPlaceholders(content)
  if (unknown.length > 0) return { ok: false, reason: 'unknown-placeholders', names: unknown }
  return getDb().transaction(
    (tx): SaveDraftResult => {
      const draft = loadDraft(tx, input.versionId)
      if (!draft.ok) return draft
      tx.update(consentDocumentVersions)
        .set({ content: JSON.stringify(content), updatedAt: now })
        .where(eq(consentDocumentVersions.id, input.versionId))
        .run()
      if (input.translation !== undefined)
        writeDraftTranslation(tx, input.versionId, input.translation, now)
      recordAuditEvent(tx, {
        action: 'consent_version.draft_saved',
        actor: auditActor(input.actor),
        subjectType: 'consent_document_version',
        subjectId: input.versionId,
        details: { versionNumber: draft.row.versionNumber },
        at: now,
      })
      return { ok: true }
    },
    { behavior: 'immediate' },
  )
}

export type PublishResult =
  | { ok: true; effectiveFrom: number }
  | { ok: false; reason: 'not-found' | 'not-draft' }
  | { ok: false; reason: 'too-early'; earliestDate: string }
  | { ok: false; reason: 'too-hard-to-read'; grade: number }
  | { ok: false; reason: 'unknown-placeholders'; names: string[] }
  | { ok: false; reason: 'missing-parts'; tier: ServiceTier; names: string[] }
  /** The Italian is missing, incomplete or too hard to read: each problem named (ADR 039). */
  | { ok: false; reason: 'translation-problems'; problems: string[] }

/**
 * Publishes a draft: from the start of `effectiveDate` (clinic time) sessions of its tier need it,
 * so patients with a consent for an older version are asked to sign again before their next
 * session. Refused when the text reads above grade 8, when it leaves out a part of the tier's
 * clinical content (the healing course, aftercare, sun, when to call, course plan: ADR 033), or the
 * date is before today or before the version in force.
 */
export function publishConsentDraft(input: {
  versionId: string
  effectiveDate: string
  actor: AdminActor
  now?: Date
  /** The admin's language, for the problems named in a refusal. */
  locale?: Locale
}): PublishResult {
  const now = input.now ?? new Date()
  return getDb().transaction(
    (tx): PublishResult => {
      const draft = loadDraft(tx, input.versionId)
      if (!draft.ok) return draft
      const version = getVersionById(tx, input.versionId)!
      const zone = clinicZone(tx)
      const earliest = earliestEffectiveDate(tx, version.tier, now, zone)
      if (input.effectiveDate < earliest)
        return { ok: false, reason: 'too-early', earliestDate: earliest }
      const unknown = unknownPlaceholders(version.content)
      if (unknown.length > 0) return { ok: false, reason: 'unknown-placeholders', names: unknown }
      const missing = missingTierParts(version.tier, version.content)
      if (missing.length > 0)
        return { ok: false, reason: 'missing-parts', tier: version.tier, names: missing }
      const values = currentTextValues(tx)
      const grade = gradeOf(version.content, values)
      if (grade > MAX_READING_GRADE) return { ok: false, reason: 'too-hard-to-read', grade }
      const italian = loadDraftTranslation(tx, input.versionId)
      const problems = translationProblems(
        version.tier,
        version.content,
        italian,
        values,
        input.locale,
      )
      if (problems.length > 0) return { ok: false, reason: 'translation-problems', problems }
      // Stored as the content it now is; publishing below freezes it (0020's triggers).
      writeDraftTranslation(
        tx,
        input.versionId,
        publishedTranslation(version.content, italian!),
        now,
      )
      const effectiveFrom = DateTime.fromISO(input.effectiveDate, { zone })
        .startOf('day')
        .toMillis()
      tx.update(consentDocumentVersions)
        .set({
          status: 'published',
          publishedAt: now,
          publishedByUserId: input.actor.userId,
          effectiveFrom: new Date(effectiveFrom),
          updatedAt: now,
        })
        .where(eq(consentDocumentVersions.id, input.versionId))
        .run()
      recordAuditEvent(tx, {
        action: 'consent_version.published',
        actor: auditActor(input.actor),
        subjectType: 'consent_document_version',
        subjectId: input.versionId,
        details: {
          tier: version.tier,
          versionNumber: version.versionNumber,
          effectiveDate: input.effectiveDate,
          grade,
        },
        at: now,
      })
      return { ok: true, effectiveFrom }
    },
    { behavior: 'immediate' },
  )
}

export function discardConsentDraft(input: {
  versionId: string
  actor: AdminActor
  now?: Date
}): { ok: true; tier: ServiceTier } | { ok: false; reason: 'not-found' | 'not-draft' } {
  const now = input.now ?? new Date()
  return getDb().transaction(
    (tx) => {
      const draft = loadDraft(tx, input.versionId)
      if (!draft.ok) return draft
      const version = getVersionById(tx, input.versionId)!
      writeDraftTranslation(tx, input.versionId, null, now)
      tx.delete(consentDocumentVersions)
        .where(eq(consentDocumentVersions.id, input.versionId))
        .run()
      recordAuditEvent(tx, {
        action: 'consent_version.draft_discarded',
        actor: auditActor(input.actor),
        subjectType: 'consent_document_version',
        subjectId: input.versionId,
        details: { tier: version.tier, versionNumber: version.versionNumber },
        at: now,
      })
      return { ok: true as const, tier: version.tier }
    },
    { behavior: 'immediate' },
  )
}
