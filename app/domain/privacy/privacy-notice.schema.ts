import * as z from 'zod'
import { LOCALES, type Locale } from '#app/i18n/locales.ts'

/**
 * The privacy notice's shape (ADR 050): in each language a title, the short summary shown above the
 * first health question, and the sections GDPR Art. 13 asks for. Section headings are the app's
 * own words (catalogue `privacyNotice`); the clinic's details are placeholders filled when shown.
 * Client-safe: the admin editor validates with it in the browser too.
 */

export const NOTICE_SECTION_KEYS = [
  'controller',
  'collected',
  'legalBasis',
  'retention',
  'rights',
  'contact',
] as const
export type NoticeSectionKey = (typeof NOTICE_SECTION_KEYS)[number]

/** What `{{name}}` a notice may use: filled from clinic_settings and the retention periods. */
export const NOTICE_PLACEHOLDERS = [
  'clinic_name',
  'clinic_address',
  'clinic_email',
  'clinic_phone',
  'record_years',
  'draft_days',
  'unverified_days',
  'email_body_days',
] as const
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number]
export type NoticeValues = Record<NoticePlaceholder, string>

export const MAX_NOTICE_TITLE = 200
export const MAX_NOTICE_SUMMARY = 1_000
export const MAX_NOTICE_SECTION = 4_000

export type NoticeMessages = {
  required: string
  tooLong: (max: number) => string
}

const ENGLISH_MESSAGES: NoticeMessages = {
  required: 'Write this part.',
  tooLong: (max) => `Use at most ${max} characters.`,
}

const text = (max: number, m: NoticeMessages) =>
  z
    .string({ error: m.required })
    .trim()
    .min(1, { error: m.required })
    .max(max, { error: m.tooLong(max) })

export function noticeLanguageSchema(m: NoticeMessages = ENGLISH_MESSAGES) {
  return z.object({
    title: text(MAX_NOTICE_TITLE, m),
    summary: text(MAX_NOTICE_SUMMARY, m),
    sections: z.object(
      Object.fromEntries(NOTICE_SECTION_KEYS.map((key) => [key, text(MAX_NOTICE_SECTION, m)])) as {
        [K in NoticeSectionKey]: ReturnType<typeof text>
      },
    ),
  })
}

/** The stored content: every language, every section (privacy_notice_versions.content). */
export function privacyNoticeContentSchema(m: NoticeMessages = ENGLISH_MESSAGES) {
  const language = noticeLanguageSchema(m)
  return z.object({ it: language, en: language })
}
export const PrivacyNoticeContentSchema = privacyNoticeContentSchema()
export type PrivacyNoticeContent = z.infer<typeof PrivacyNoticeContentSchema>
export type NoticeLanguage = PrivacyNoticeContent[Locale]

/** The editor's flat field names: `en.title`, `it.sections.rights`… as `en_title`, `it_rights`. */
export function noticeFieldName(locale: Locale, part: 'title' | 'summary' | NoticeSectionKey) {
  return `${locale}_${part}`
}

const PARTS = ['title', 'summary', ...NOTICE_SECTION_KEYS] as const

/** The editor's fields: every part in both languages, side by side (flat names). */
export function noticeDraftFormSchema(m: NoticeMessages = ENGLISH_MESSAGES) {
  const shape: Record<string, ReturnType<typeof text>> = {}
  for (const locale of LOCALES)
    for (const part of PARTS)
      shape[noticeFieldName(locale, part)] = text(
        part === 'title'
          ? MAX_NOTICE_TITLE
          : part === 'summary'
            ? MAX_NOTICE_SUMMARY
            : MAX_NOTICE_SECTION,
        m,
      )
  return z.object(shape)
}

/** Publishing asks the admin to confirm: a published version never changes. */
export function noticePublishFormSchema(confirmMessage: string) {
  return z.object({ confirm: z.literal('yes', { error: confirmMessage }) })
}

export function contentFromNoticeForm(values: Record<string, string>): PrivacyNoticeContent {
  const language = (locale: Locale): NoticeLanguage => ({
    title: values[noticeFieldName(locale, 'title')] ?? '',
    summary: values[noticeFieldName(locale, 'summary')] ?? '',
    sections: Object.fromEntries(
      NOTICE_SECTION_KEYS.map((key) => [key, values[noticeFieldName(locale, key)] ?? '']),
    ) as NoticeLanguage['sections'],
  })
  return PrivacyNoticeContentSchema.parse({ it: language('it'), en: language('en') })
}

export function noticeFormValues(content: PrivacyNoticeContent): Record<string, string> {
  const values: Record<string, string> = {}
  for (const locale of LOCALES) {
    values[noticeFieldName(locale, 'title')] = content[locale].title
    values[noticeFieldName(locale, 'summary')] = content[locale].summary
    for (const key of NOTICE_SECTION_KEYS)
      values[noticeFieldName(locale, key)] = content[locale].sections[key]
  }
  return values
}

/** The screening form's hidden field: the notice version the page showed (ADR 050). */
export const SHOWN_NOTICE_FIELD = 'privacyNoticeVersionId'

/**
 * The hidden field's value as sent, for the domain to check: a string of a plausible length, or
 * null (missing, repeated, or too long: refused like any unknown id).
 */
export function shownNoticeIdOf(values: Record<string, string | string[]>): string | null {
  const parsed = z.string().trim().min(1).max(64).safeParse(values[SHOWN_NOTICE_FIELD])
  return parsed.success ? parsed.data : null
}
