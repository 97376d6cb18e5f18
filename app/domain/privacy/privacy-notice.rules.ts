import { type Locale } from '#app/i18n/locales.ts'
import {
  NOTICE_PLACEHOLDERS,
  NOTICE_SECTION_KEYS,
  type NoticeSectionKey,
  type NoticeValues,
  type PrivacyNoticeContent,
} from './privacy-notice.schema.ts'

/**
 * The privacy notice as a patient reads it (ADR 050): placeholders filled with the clinic's
 * details, sections split into paragraphs. Pure: the server module loads, these shape.
 */

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

/** Placeholders the app cannot fill (an admin's typo), in any language of the notice. */
export function unknownNoticePlaceholders(content: PrivacyNoticeContent): string[] {
  const known: readonly string[] = NOTICE_PLACEHOLDERS
  const texts = (['it', 'en'] as const).flatMap((locale) => [
    content[locale].title,
    content[locale].summary,
    ...NOTICE_SECTION_KEYS.map((key) => content[locale].sections[key]),
  ])
  const names = texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))
  return [...new Set(names.filter((name) => !known.includes(name)))]
}

export function fillNoticeText(text: string, values: NoticeValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as keyof NoticeValues] : whole,
  )
}

/** Paragraphs: blank lines separate them; single line breaks are kept within a paragraph. */
export function noticeParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}

export type NoticeReading = {
  title: string
  summary: string[]
  sections: { key: NoticeSectionKey; paragraphs: string[] }[]
}

/** A version as shown to a patient: what the screening form's hidden field names. */
export type ShownNotice = { id: string; versionNumber: number; reading: NoticeReading }

/** One language of a notice, filled and split, ready to show. */
export function readNotice(
  content: PrivacyNoticeContent,
  locale: Locale,
  values: NoticeValues,
): NoticeReading {
  const language = content[locale]
  return {
    title: fillNoticeText(language.title, values),
    summary: noticeParagraphs(fillNoticeText(language.summary, values)),
    sections: NOTICE_SECTION_KEYS.map((key) => ({
      key,
      paragraphs: noticeParagraphs(fillNoticeText(language.sections[key], values)),
    })),
  }
}

export type PublishedRef = { id: string; status: 'draft' | 'published' } | undefined

/**
 * What a screening submission records as the notice its patient was shown (ADR 050): the id the
 * form carried, if it names a published version. A draft, an unknown or a missing id is refused:
 * the record must say what the patient was really shown, so the app never guesses a version.
 */
export function verifiedShownNotice(
  shownId: string | null | undefined,
  version: PublishedRef,
): { ok: true; id: string } | { ok: false } {
  if (!shownId || !version || version.id !== shownId || version.status !== 'published')
    return { ok: false }
  return { ok: true, id: version.id }
}
