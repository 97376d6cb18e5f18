import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { privacyAdminMessages, privacyRequestsMessages } from '#app/i18n/messages/index.ts'
import { PRIVACY_REQUEST_KINDS } from './privacy.constants.ts'

/** The longest text a patient or an admin may write in a request or a decision. */
export const PRIVACY_TEXT_MAX = 2000

/**
 * The patient's request form (bookings.$reference.privacy-request.tsx), in the browser and on the
 * server: the kind, and the details — required for a correction (what is wrong, what is right).
 */
export const privacyRequestSchema = (locale: Locale = 'en') => {
  const t = translator(privacyRequestsMessages, locale)
  return z
    .object({
      kind: z.enum(PRIVACY_REQUEST_KINDS, { error: t('kindRequired') }),
      details: z
        .string()
        .trim()
        .max(PRIVACY_TEXT_MAX, t('detailsTooLong', { max: String(PRIVACY_TEXT_MAX) }))
        .default(''),
    })
    .superRefine((value, ctx) => {
      if (value.kind === 'correction' && value.details.length < 3)
        ctx.addIssue({ code: 'custom', path: ['details'], message: t('detailsRequired') })
    })
}
export type PrivacyRequestInput = z.infer<ReturnType<typeof privacyRequestSchema>>

/** An admin's decision on a request: grant or refuse, always with a reason the patient reads. */
export const PRIVACY_DECISIONS = ['grant', 'refuse'] as const
export const privacyDecisionSchema = (locale: Locale = 'en') => {
  const t = translator(privacyAdminMessages, locale)
  return z.object({
    decision: z.enum(PRIVACY_DECISIONS, { error: t('decisionRequired') }),
    reason: z
      .string({ error: t('reasonRequired') })
      .trim()
      .min(3, t('reasonRequired'))
      .max(PRIVACY_TEXT_MAX, t('reasonTooLong', { max: String(PRIVACY_TEXT_MAX) })),
  })
}
export type PrivacyDecisionInput = z.infer<ReturnType<typeof privacyDecisionSchema>>

/** Setting or lifting a legal hold on a patient's chart: a reason is needed to set one. */
export const legalHoldSchema = (locale: Locale = 'en') => {
  const t = translator(privacyAdminMessages, locale)
  return z.discriminatedUnion('intent', [
    z.object({
      intent: z.literal('set-hold'),
      holdReason: z
        .string({ error: t('holdReasonRequired') })
        .trim()
        .min(3, t('holdReasonRequired'))
        .max(500, t('reasonTooLong', { max: '500' })),
    }),
    z.object({ intent: z.literal('clear-hold') }),
  ])
}

/** The clinic's retention period for clinical records, in years (5 to 30). */
export const recordRetentionSchema = (locale: Locale = 'en') => {
  const t = translator(privacyAdminMessages, locale)
  return z.object({
    years: z.coerce
      .number({ error: t('yearsRange') })
      .int(t('yearsRange'))
      .min(5, t('yearsRange'))
      .max(30, t('yearsRange')),
  })
}
