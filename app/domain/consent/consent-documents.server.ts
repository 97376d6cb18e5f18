import { createHash } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { type Db, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import {
  clinicSettings,
  consentDocuments,
  consentDocumentVersions,
  consentVersionTexts,
} from '#db/schema/index.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  type ConsentTranslationDraft,
  ConsentTranslationDraftSchema,
} from './consent-admin.schema.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { optionOrder, type PublishedVersionRef, requiredVersionFor } from './consent.rules.ts'
import {
  fillPlaceholders,
  renderConsentText,
  renderSections,
  type RenderedSection,
} from './consent-text.rules.ts'
import {
  ConsentContentSchema,
  type ConsentContent,
  type ConsentTextValues,
} from './consent.schema.ts'

/** Reading consent form versions: which one a session needs, and the text a patient reads. */

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export type ConsentVersion = {
  id: string
  documentId: string
  tier: ServiceTier
  versionNumber: number
  status: 'draft' | 'published'
  content: ConsentContent
  createdAt: number
  publishedAt: number | null
  effectiveFrom: number | null
  /**
   * The version's text in other languages than English (consent_version_texts, ADR 039), when
   * read with getVersionById or getRequiredVersion; empty otherwise.
   */
  translations: Partial<Record<Locale, ConsentContent>>
}

export type PublishedConsentVersion = ConsentVersion & {
  status: 'published'
  publishedAt: number
  effectiveFrom: number
}

type VersionRow = typeof consentDocumentVersions.$inferSelect

function toVersion(row: VersionRow, tier: ServiceTier): ConsentVersion {
  return {
    id: row.id,
    documentId: row.documentId,
    tier,
    versionNumber: row.versionNumber,
    status: row.status,
    // Stored content was validated when it was written; parse again so a bad row fails loudly.
    content: ConsentContentSchema.parse(JSON.parse(row.content)),
    createdAt: row.createdAt.getTime(),
    publishedAt: row.publishedAt?.getTime() ?? null,
    effectiveFrom: row.effectiveFrom?.getTime() ?? null,
    translations: {},
  }
}

/** A version's translations (language → content), each parsed as strictly as `content`. */
export function loadTranslations(
  db: Tx | Db,
  versionId: string,
  /** A published version's texts must parse (a bad row fails loudly); a draft's may be unfinished. */
  strict = true,
): Partial<Record<Locale, ConsentContent>> {
  return Object.fromEntries(
    db
      .select({ locale: consentVersionTexts.locale, content: consentVersionTexts.content })
      .from(consentVersionTexts)
      .where(eq(consentVersionTexts.documentVersionId, versionId))
      .all()
      // A draft's unfinished Italian is not content yet (publishing requires it complete).
      .flatMap((row) => {
        const json: unknown = JSON.parse(row.content)
        if (strict) return [[row.locale, ConsentContentSchema.parse(json)] as const]
        const parsed = ConsentContentSchema.safeParse(json)
        return parsed.success ? [[row.locale, parsed.data] as const] : []
      }),
  )
}

function withTranslations<V extends ConsentVersion>(db: Tx | Db, version: V): V {
  return {
    ...version,
    translations: loadTranslations(db, version.id, version.status === 'published'),
  }
}

/**
 * The version's text in a language, or in English when it has none in that language (the page
 * then says so). `locale` is the language of the text given.
 */
export function contentIn(
  version: Pick<ConsentVersion, 'content' | 'translations'>,
  locale: Locale,
): { content: ConsentContent; locale: Locale } {
  const translated = locale === 'en' ? undefined : version.translations[locale]
  return translated ? { content: translated, locale } : { content: version.content, locale: 'en' }
}

/** The exact text of a version in a language (English when it has none in it), as signed. */
export function renderVersionText(
  version: Pick<ConsentVersion, 'content' | 'translations' | 'versionNumber'>,
  values: ConsentTextValues,
  locale: Locale = 'en',
): string {
  const chosen = contentIn(version, locale)
  return renderConsentText(
    { versionNumber: version.versionNumber, content: chosen.content },
    values,
    chosen.locale,
  )
}

function isPublished(version: ConsentVersion): version is PublishedConsentVersion {
  return (
    version.status === 'published' && version.publishedAt !== null && version.effectiveFrom !== null
  )
}

/** The published versions of the form of the tier bound as `tier`. */
const publishedOfTier = () =>
  and(
    eq(consentDocuments.tier, sql.placeholder('tier')),
    eq(consentDocumentVersions.status, 'published'),
  )

// Read for every consent status (the booking page, the agenda): prepared once per connection
// (docs/decisions/025-request-cost.md).
const publishedVersionsQuery = preparedStatement((db) =>
  db
    .select({ version: consentDocumentVersions })
    .from(consentDocumentVersions)
    .innerJoin(consentDocuments, eq(consentDocuments.id, consentDocumentVersions.documentId))
    .where(publishedOfTier())
    .orderBy(asc(consentDocumentVersions.versionNumber))
    .prepare(),
)

/** Every published version of a tier's form, oldest first. */
export function listPublishedVersions(db: Tx | Db, tier: ServiceTier): PublishedConsentVersion[] {
  return publishedVersionsQuery(db)
    .all({ tier })
    .map((row) => toVersion(row.version, tier))
    .filter(isPublished)
}

const publishedVersionRefsQuery = preparedStatement((db) =>
  db
    .select({
      id: consentDocumentVersions.id,
      versionNumber: consentDocumentVersions.versionNumber,
      publishedAt: consentDocumentVersions.publishedAt,
      effectiveFrom: consentDocumentVersions.effectiveFrom,
    })
    .from(consentDocumentVersions)
    .innerJoin(consentDocuments, eq(consentDocuments.id, consentDocumentVersions.documentId))
    .where(publishedOfTier())
    .orderBy(asc(consentDocumentVersions.versionNumber))
    .prepare(),
)

/**
 * The versions listPublishedVersions gives, in the same order, as a consent status needs them
 * (id, number, first day in effect): without reading and checking each version's content, which
 * the agenda and the booking page never show.
 */
export function listPublishedVersionRefs(db: Tx | Db, tier: ServiceTier): PublishedVersionRef[] {
  return publishedVersionRefsQuery(db)
    .all({ tier })
    .flatMap((row) =>
      row.publishedAt !== null && row.effectiveFrom !== null
        ? [
            {
              id: row.id,
              versionNumber: row.versionNumber,
              effectiveFrom: row.effectiveFrom.getTime(),
            },
          ]
        : [],
    )
}

/** The id of getRequiredVersion's version, without reading the versions' content. */
export function getRequiredVersionId(
  db: Tx | Db,
  tier: ServiceTier,
  startAt: number,
): string | null {
  return requiredVersionFor(listPublishedVersionRefs(db, tier), startAt)?.id ?? null
}

/** The version a session of this tier starting at `startAt` needs (see requiredVersionFor). */
export function getRequiredVersion(
  db: Tx | Db,
  tier: ServiceTier,
  startAt: number,
): PublishedConsentVersion | null {
  const version = requiredVersionFor(listPublishedVersions(db, tier), startAt)
  return version ? withTranslations(db, version) : null
}

export function getVersionById(db: Tx | Db, versionId: string): ConsentVersion | null {
  const row = db
    .select({ version: consentDocumentVersions, tier: consentDocuments.tier })
    .from(consentDocumentVersions)
    .innerJoin(consentDocuments, eq(consentDocuments.id, consentDocumentVersions.documentId))
    .where(eq(consentDocumentVersions.id, versionId))
    .get()
  return row ? withTranslations(db, toVersion(row.version, row.tier)) : null
}

/** The clinic's values for the text's placeholders, as of now. */
export function currentTextValues(db: Tx | Db): ConsentTextValues {
  const settings = db
    .select({
      name: clinicSettings.name,
      phone: clinicSettings.phone,
      cancellationWindowHours: clinicSettings.cancellationWindowHours,
    })
    .from(clinicSettings)
    .get()
  if (!settings) throw new Error('The clinic has no settings row')
  return {
    clinic_name: settings.name,
    clinic_phone: settings.phone,
    cancellation_hours: String(settings.cancellationWindowHours),
  }
}

/** What a patient reads: the sections and the questions (never which answer is right). */
export type ConsentReading = {
  versionId: string
  versionNumber: number
  tier: ServiceTier
  /** The language of the text shown. */
  locale: Locale
  /** The patient asked for another language, which this version does not have. */
  fallbackFrom: Locale | null
  title: string
  sections: RenderedSection[]
  /** `order`: the options' indices in display order (shuffled per booking when a seed is given). */
  questions: { key: string; prompt: string; options: string[]; order: number[] }[]
  /** SHA-256 of the exact text shown; the signature form sends it back. */
  textSha256: string
}

export function toReading(
  version: ConsentVersion,
  values: ConsentTextValues,
  /** The booking the check is for: its options are shown in an order shuffled for it. */
  shuffleSeed?: string,
  /** The language to read it in (English when the version has none in it). */
  locale: Locale = 'en',
): ConsentReading {
  const chosen = contentIn(version, locale)
  const { content } = chosen
  return {
    versionId: version.id,
    versionNumber: version.versionNumber,
    tier: version.tier,
    locale: chosen.locale,
    fallbackFrom: chosen.locale === locale ? null : locale,
    title: fillPlaceholders(content.title, values),
    sections: renderSections(content, values),
    questions: content.questions.map((q) => ({
      key: q.key,
      prompt: fillPlaceholders(q.prompt, values),
      options: q.options.map((option) => fillPlaceholders(option, values)),
      order: shuffleSeed
        ? optionOrder(shuffleSeed, q.key, q.options.length)
        : q.options.map((_, index) => index),
    })),
    textSha256: sha256Hex(renderVersionText(version, values, locale)),
  }
}

/** A version's Italian as the editor holds it (unfinished while a draft), or null. */
export function loadDraftTranslation(
  tx: Tx | Db,
  versionId: string,
): ConsentTranslationDraft | null {
  const row = tx
    .select({ content: consentVersionTexts.content })
    .from(consentVersionTexts)
    .where(
      and(
        eq(consentVersionTexts.documentVersionId, versionId),
        eq(consentVersionTexts.locale, 'it'),
      ),
    )
    .get()
  return row ? ConsentTranslationDraftSchema.parse(JSON.parse(row.content)) : null
}
