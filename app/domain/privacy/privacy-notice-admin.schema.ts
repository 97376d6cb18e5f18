import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { adminPrivacyNoticeMessages } from '#app/i18n/messages/index.ts'
import {
  type NoticeMessages,
  noticeDraftFormSchema,
  noticePublishFormSchema,
} from './privacy-notice.schema.ts'

/**
 * The admin's privacy notice forms (client-safe), in the admin's language: the draft editor (both
 * languages side by side), publishing (confirmed by a tick), starting a new draft. The browser
 * checks the fields; the server also reads the hidden intent.
 */

function messages(locale: Locale): NoticeMessages {
  const t = translator(adminPrivacyNoticeMessages, locale)
  return { required: t('required'), tooLong: (max) => t('tooLong', { max }) }
}

export function noticeSaveSchema(locale: Locale = 'en') {
  return noticeDraftFormSchema(messages(locale))
}

export function noticePublishSchema(locale: Locale = 'en') {
  return noticePublishFormSchema(translator(adminPrivacyNoticeMessages, locale)('confirmRequired'))
}

/** The version page's forms on the server: save the draft, or publish it (by their intent). */
export function noticeVersionActionSchema(locale: Locale = 'en') {
  return z.discriminatedUnion('intent', [
    noticeSaveSchema(locale).extend({ intent: z.literal('save') }),
    noticePublishSchema(locale).extend({ intent: z.literal('publish') }),
  ])
}

export const NoticeNewDraftSchema = z.object({ intent: z.literal('new-draft') })
