import { randomUUID } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { getDb, type Tx } from '#db/client.server.ts'
import {
  clinicSettings,
  consentDocuments,
  consentDocumentVersions,
  users,
} from '#db/schema/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { localDateOf } from '#app/domain/availability/availability.rules.ts'
import { type ServiceTier, SERVICE_TIERS } from '#app/domain/clinic/clinic.schema.ts'
import { readingGrade } from '#app/domain/shared/readability.rules.ts'
import {
  type ConsentReading,
  currentTextValues,
  getVersionById,
  listPublishedVersions,
  toReading,
} from './consent-documents.server.ts'
import { findUnknownPlaceholders, renderConsentText } from './consent.rules.ts'
import {
  type ConsentContent,
  ConsentContentSchema,
  type ConsentTextValues,
  MAX_READING_GRADE,
} from './consent.schema.ts'

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

function clinicZone(tx: Tx | ReturnType<typeof getDb>): string {
  return (
    tx.select({ timeZone: clinicSettings.timeZone }).from(clinicSettings).get()?.timeZone ?? 'UTC'
  )
}

/** The whole patient-facing text a version makes, for its reading grade. */
function patientText(content: ConsentContent, values: ConsentTextValues): string {
  const questions = content.questions.flatMap((q) => [q.prompt, ...q.options])
  return [renderConsentText({ versionNumber: 1, content }, values), ...questions].join('\n')
}

export function gradeOf(content: ConsentContent, values: ConsentTextValues): number {
  return Math.round(readingGrade(patientText(content, values)) * 10) / 10
}

export type AdminVersionSummary = {
  id: string
  versionNumber: number
  publishedAt: number
  effectiveFrom: number
  publishedByName: string | null
}

export type ConsentAdminOverview = {
  timeZone: string
  forms: {
    tier: ServiceTier
    title: string
    current: AdminVersionSummary | null
    scheduled: AdminVersionSummary[]
    draft: { id: string; versionNumber: number; updatedAt: number } | null
    history: AdminVersionSummary[]
  }[]
}

/** Both consent forms: the version in force now, any scheduled ones, the draft, the history. */
export function getConsentAdminOverview(now = new Date()): ConsentAdminOverview {
  const db = getDb()
  const publishers = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  )
  const forms = SERVICE_TIERS.map((tier) => {
    const published = listPublishedVersions(db, tier)
    const rows = db
      .select({
        id: consentDocumentVersions.id,
        publishedBy: consentDocumentVersions.publishedByUserId,
      })
      .from(consentDocumentVersions)
      .innerJoin(consentDocuments, eq(consentDocuments.id, consentDocumentVersions.documentId))
      .where(eq(consentDocuments.tier, tier))
      .all()
    const publisherOf = new Map(rows.map((r) => [r.id, r.publishedBy]))
    const summaries: AdminVersionSummary[] = published.map((v) => ({
      id: v.id,
      versionNumber: v.versionNumber,
      publishedAt: v.publishedAt,
      effectiveFrom: v.effectiveFrom,
      publishedByName: publishers.get(publisherOf.get(v.id) ?? '') ?? null,
    }))
    const inForce = summaries.filter((v) => v.effectiveFrom <= now.getTime())
    const current = inForce[inForce.length - 1] ?? summaries[0] ?? null
    const draftRow = db
      .select({
        id: consentDocumentVersions.id,
        versionNumber: consentDocumentVersions.versionNumber,
        updatedAt: consentDocumentVersions.updatedAt,
      })
      .from(consentDocumentVersions)
      .innerJoin(consentDocuments, eq(consentDocuments.id, consentDocumentVersions.documentId))
      .where(and(eq(consentDocuments.tier, tier), eq(consentDocumentVersions.status, 'draft')))
      .get()
    return {
      tier,
      title: published[published.length - 1]?.content.title ?? `${tier} consent`,
      current,
      scheduled: summaries.filter((v) => v !== current && v.effectiveFrom > now.getTime()),
      draft: draftRow
        ? {
            id: draftRow.id,
            versionNumber: draftRow.versionNumber,
            updatedAt: draftRow.updatedAt.getTime(),
          }
        : null,
      history: [...summaries].reverse(),
    }
  })
  return { timeZone: clinicZone(db), forms }
}

export type AdminVersionPage = {
  id: string
  tier: ServiceTier
  versionNumber: number
  status: 'draft' | 'published'
  content: ConsentContent
  reading: ConsentReading
  /** Reading grade of everything the patient reads, with the clinic's values filled in. */
  grade: number
  publishedAt: number | null
  effectiveFrom: number | null
  publishedByName: string | null
  /** For publishing: the earliest date it may apply from (YYYY-MM-DD, clinic time). */
  earliestEffectiveDate: string
  timeZone: string
}

export function getConsentVersionForAdmin(
  versionId: string,
  now = new Date(),
): AdminVersionPage | null {
  const db = getDb()
  const version = getVersionById(db, versionId)
  if (!version) return null
  const values = currentTextValues(db)
  const publisher = db
    .select({ name: users.name })
    .from(consentDocumentVersions)
    .innerJoin(users, eq(users.id, consentDocumentVersions.publishedByUserId))
    .where(eq(consentDocumentVersions.id, versionId))
    .get()
  const zone = clinicZone(db)
  return {
    id: version.id,
    tier: version.tier,
    versionNumber: version.versionNumber,
    status: version.status,
    content: version.content,
    reading: toReading(version, values),
    grade: gradeOf(version.content, values),
    publishedAt: version.publishedAt,
    effectiveFrom: version.effectiveFrom,
    publishedByName: publisher?.name ?? null,
    earliestEffectiveDate: earliestEffectiveDate(db, version.tier, now, zone),
    timeZone: zone,
  }
}

/** Today, or the day the newest published version applies from, whichever is later. */
function earliestEffectiveDate(
  db: Tx | ReturnType<typeof getDb>,
  tier: ServiceTier,
  now: Date,
  zone: string,
): string {
  const today = localDateOf(now.getTime(), zone)
  const latest = listPublishedVersions(db, tier).at(-1)
  const latestDate = latest ? localDateOf(latest.effectiveFrom, zone) : today
  return latestDate > today ? latestDate : today
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

/**
 * Publishes a draft: from the start of `effectiveDate` (clinic time) sessions of its tier need it,
 * so patients with a consent for an older version are asked to sign again before their next
 * session. Refused when the text reads above grade 8 or the date is before today or before the
 * version in force.
 */
export function publishConsentDraft(input: {
  versionId: string
  effectiveDate: string
  actor: AdminActor
  now?: Date
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
      const grade = gradeOf(version.content, currentTextValues(tx))
      if (grade > MAX_READING_GRADE) return { ok: false, reason: 'too-hard-to-read', grade }
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
