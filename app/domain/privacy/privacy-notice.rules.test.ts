import fs from 'node:fs'
import { describe, expect, test } from 'vitest'
import { gulpeaseIndex, readingGrade } from '#app/domain/shared/readability.rules.ts'
import {
  fillNoticeText,
  noticeParagraphs,
  readNotice,
  unknownNoticePlaceholders,
  verifiedShownNotice,
} from './privacy-notice.rules.ts'
import {
  contentFromNoticeForm,
  NOTICE_SECTION_KEYS,
  noticeDraftFormSchema,
  noticeFormValues,
  type NoticeValues,
  type PrivacyNoticeContent,
  PrivacyNoticeContentSchema,
} from './privacy-notice.schema.ts'

const VALUES: NoticeValues = {
  clinic_name: 'Clinica Test',
  clinic_address: 'Via Roma 1, Milano',
  clinic_email: 'ciao@example.com',
  clinic_phone: '+39 02 1234567',
  record_years: '10',
  draft_days: '7',
  unverified_days: '30',
  email_body_days: '90',
}

/** The version that ships with the app, read from its migration. */
function shippedContent(): PrivacyNoticeContent {
  const sql = fs.readFileSync('migrations/0029_first_privacy_notice.sql', 'utf8')
  const json = /'(\{"it".*\})',\n/s.exec(sql)![1]!.replace(/''/g, "'")
  return PrivacyNoticeContentSchema.parse(JSON.parse(json))
}

function allText(content: PrivacyNoticeContent, locale: 'it' | 'en') {
  const language = content[locale]
  return [language.title, language.summary, ...NOTICE_SECTION_KEYS.map((k) => language.sections[k])]
    .map((text) => fillNoticeText(text, VALUES))
    .join('\n\n')
}

describe('the privacy notice content', () => {
  test('every language needs a title, a summary and every section', () => {
    const content = shippedContent()
    expect(PrivacyNoticeContentSchema.safeParse(content).success).toBe(true)
    const missing = { ...content, en: { ...content.en, sections: { ...content.en.sections } } }
    missing.en.sections.rights = '  '
    const result = PrivacyNoticeContentSchema.safeParse(missing)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual(['en', 'sections', 'rights'])
    expect(PrivacyNoticeContentSchema.safeParse({ en: content.en }).success).toBe(false)
  })

  test('the editor form and the content convert both ways', () => {
    const content = shippedContent()
    const values = noticeFormValues(content)
    expect(values.it_rights).toBe(content.it.sections.rights)
    expect(contentFromNoticeForm(values)).toEqual(content)
    const form = noticeDraftFormSchema().safeParse({ ...values, en_title: '' })
    expect(form.success).toBe(false)
    expect(form.error!.issues[0]).toMatchObject({ path: ['en_title'], message: 'Write this part.' })
  })

  test('the shipped version is plain: English at grade 8 or lower, Italian Gulpease 60 or more', () => {
    const content = shippedContent()
    expect(readingGrade(allText(content, 'en'))).toBeLessThanOrEqual(8)
    expect(gulpeaseIndex(allText(content, 'it'))).toBeGreaterThanOrEqual(60)
    expect(allText(content, 'it')).not.toMatch(/'/)
    expect(allText(content, 'it')).not.toMatch(/\bLei\b|\bSuo\b/)
  })

  test('the shipped version names the legal basis, the Garante and the retention period', () => {
    const content = shippedContent()
    expect(content.en.sections.legalBasis).toMatch(/9\(2\)\(h\)/)
    expect(content.en.sections.legalBasis).toMatch(/9\(3\)/)
    expect(content.en.sections.retention).toContain('{{record_years}}')
    expect(content.it.sections.retention).toContain('{{record_years}}')
    expect(content.it.sections.rights).toContain('Garante per la protezione dei dati personali')
    expect(unknownNoticePlaceholders(content)).toEqual([])
  })
})

describe('reading the notice', () => {
  test('placeholders are filled and paragraphs split', () => {
    const reading = readNotice(shippedContent(), 'en', VALUES)
    expect(reading.sections.map((s) => s.key)).toEqual([...NOTICE_SECTION_KEYS])
    expect(reading.sections[0]!.paragraphs[0]).toContain('Clinica Test, Via Roma 1, Milano')
    expect(JSON.stringify(reading)).not.toContain('{{')
    expect(noticeParagraphs('one\r\n\r\n two \n\n\nthree')).toEqual(['one', 'two', 'three'])
  })

  test('unknown placeholders are named once, in any language', () => {
    const content = shippedContent()
    content.it.summary = '{{clinic_mail}} e {{clinic_mail}}'
    content.en.title = '{{ nope }}'
    expect(unknownNoticePlaceholders(content).sort()).toEqual(['clinic_mail', 'nope'])
  })
})

describe('the version a screening form says was shown', () => {
  const published = { id: 'v1', status: 'published' as const }
  test('a published version is accepted', () => {
    expect(verifiedShownNotice('v1', published)).toEqual({ ok: true, id: 'v1' })
  })
  test('a draft, an unknown or a missing id is refused', () => {
    expect(verifiedShownNotice('v2', { id: 'v2', status: 'draft' })).toEqual({ ok: false })
    expect(verifiedShownNotice('v9', undefined)).toEqual({ ok: false })
    expect(verifiedShownNotice('', undefined)).toEqual({ ok: false })
    expect(verifiedShownNotice(null, published)).toEqual({ ok: false })
  })
})
