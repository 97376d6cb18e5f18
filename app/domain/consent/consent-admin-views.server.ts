import { and, eq } from 'drizzle-orm'
import { getDb, type Tx } from '#db/client.server.ts'
import {
  clinicSettings,
  consentDocuments,
  consentDocumentVersions,
  users,
} from '#db/schema/index.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type ServiceTier, SERVICE_TIERS } from '#app/domain/clinic/clinic.schema.ts'
import { readingGrade } from '#app/domain/shared/readability.rules.ts'
import {
  type ConsentReading,
  currentTextValues,
  getVersionById,
  listPublishedVersions,
  loadDraftTranslation,
  toReading,
} from './consent-documents.server.ts'
import { type ConsentTranslationDraft } from './consent-admin.schema.ts'
import { renderConsentText } from './consent-text.rules.ts'
import { type ConsentContent, type ConsentTextValues } from './consent.schema.ts'

/** What admins see of the consent forms: versions in force, scheduled, drafts, reading grade. */

export function clinicZone(tx: Tx | ReturnType<typeof getDb>): string {
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
  /** The version's Italian, as the editor holds it (ADR 039). */
  italian: ConsentTranslationDraft | null
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
    italian: loadDraftTranslation(db, version.id),
  }
}

/** Today, or the day the newest published version applies from, whichever is later. */
export function earliestEffectiveDate(
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
