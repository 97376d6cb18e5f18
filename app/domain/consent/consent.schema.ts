import * as z from 'zod'
import { CheckboxSchema } from '#app/domain/shared/fields.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { consentMessages, consentStaffMessages } from '#app/i18n/messages/index.ts'
import { type Locale } from '#app/i18n/locales.ts'

/**
 * Informed consent: versioned consent forms per service tier, a comprehension check, the
 * patient's signature, the clinician's countersignature and withdrawal (docs/product.md section 6;
 * docs/decisions/018-informed-consent.md). Client-safe: schemas and `as const` lists only.
 */

export const CONSENT_VERSION_STATUSES = ['draft', 'published'] as const
export type ConsentVersionStatus = (typeof CONSENT_VERSION_STATUSES)[number]

/**
 * What the consent status of a booking can be. `not_required` is a consultation: nothing is
 * needled, so nothing needs consent.
 */
export const CONSENT_STATUSES = [
  'missing',
  'signed',
  'countersigned',
  'withdrawn',
  'not_required',
] as const
export type ConsentStatus = (typeof CONSENT_STATUSES)[number]

/**
 * Every consent form has these sections, in this order (docs/clinical-reference.md 4.2; docs/product.md 6).
 * Admins edit their titles and text, never which sections exist.
 */
export const CONSENT_SECTION_KEYS = [
  'procedure',
  'what_to_expect',
  'risks',
  'alternatives',
  'aftercare',
  'when_to_call',
  'photos',
  'cancellation',
  'withdrawal',
  'e_signature',
] as const
export type ConsentSectionKey = (typeof CONSENT_SECTION_KEYS)[number]

/** What each section is for, for the admin editor. */
export const CONSENT_SECTION_PURPOSES: Record<ConsentSectionKey, string> = {
  procedure: 'What is done and why (needles, depth, what the skin does).',
  what_to_expect: 'What to expect day by day, results, the course and maintenance.',
  risks: 'Common and rare risks.',
  alternatives: 'Other choices, doing nothing included.',
  aftercare: 'What the patient must do afterwards.',
  when_to_call: 'Signs that mean: call the clinic.',
  photos: 'Clinical photos, and the separate choice about marketing use.',
  cancellation: 'Cancelling and moving the booking.',
  withdrawal: 'The right to change their mind.',
  e_signature: 'Agreeing to sign online, and the right to a paper copy.',
}

/**
 * Values the text may name with `{{name}}`: filled from the clinic's settings when the patient
 * reads it, and stored with the signature, so the signed text can always be rendered again.
 */
export const CONSENT_PLACEHOLDERS = ['clinic_name', 'clinic_phone', 'cancellation_hours'] as const
export type ConsentPlaceholder = (typeof CONSENT_PLACEHOLDERS)[number]
export type ConsentTextValues = Record<ConsentPlaceholder, string>

export const MIN_CHECK_QUESTIONS = 4
export const MAX_CHECK_QUESTIONS = 8
export { MAX_READING_GRADE } from '#app/domain/shared/readability.rules.ts'

export const ConsentSectionSchema = z.object({
  key: z.enum(CONSENT_SECTION_KEYS),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(6000),
})

export const ConsentQuestionSchema = z
  .object({
    key: z.string().regex(/^q[1-9]$/),
    prompt: z.string().trim().min(1).max(300),
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(5),
    /** Index of the right option. */
    answer: z.int().min(0),
    /** The section that answers it: shown when the answer is wrong. */
    sectionKey: z.enum(CONSENT_SECTION_KEYS),
  })
  .refine((question) => question.answer < question.options.length, {
    error: 'The right answer must be one of the options.',
  })

/** A consent form version's text, as stored (JSON) in `consent_document_versions.content`. */
export const ConsentContentSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    sections: z.array(ConsentSectionSchema),
    questions: z.array(ConsentQuestionSchema).min(MIN_CHECK_QUESTIONS).max(MAX_CHECK_QUESTIONS),
  })
  .refine(
    (content) =>
      content.sections.length === CONSENT_SECTION_KEYS.length &&
      content.sections.every((section, index) => section.key === CONSENT_SECTION_KEYS[index]),
    { error: 'A consent form has each section once, in the standard order.' },
  )
export type ConsentContent = z.infer<typeof ConsentContentSchema>
export type ConsentSection = z.infer<typeof ConsentSectionSchema>
export type ConsentQuestion = z.infer<typeof ConsentQuestionSchema>

/** Ids in forms and URLs: UUIDs as the app writes them. */
export const RecordIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)

const versionIdField = (locale: Locale) =>
  RecordIdSchema.or(z.literal('')).refine((value) => value !== '', {
    error: translator(consentMessages, locale)('formIncomplete'),
  })

/** The answer field of a question: `answer_q1` … */
export function answerFieldName(questionKey: string): string {
  return `answer_${questionKey}`
}

const AnswerValueSchema = z.union([z.string().max(2), z.array(z.string().max(2)).max(5)])

/** The comprehension check as posted. Answers are read per question by the domain function. */
export const consentCheckFormSchema = (locale: Locale = 'en') =>
  z
    .object({ intent: z.literal('check'), versionId: versionIdField(locale) })
    .catchall(AnswerValueSchema)
export const ConsentCheckFormSchema = consentCheckFormSchema()

/**
 * The same check for the browser, which knows the questions: every question needs an answer.
 * Whether the answers are right is only known to the server.
 */
export function makeConsentCheckSchema(questionKeys: string[], locale: Locale = 'en') {
  const error = translator(consentMessages, locale)('chooseAnswer')
  return z.object(
    Object.fromEntries(
      questionKeys.map((key) => [answerFieldName(key), z.string({ error }).min(1, { error })]),
    ),
  )
}

/** The answers in a posted check: question key → the chosen option's index (null when not a digit). */
export function answersFromForm(values: Record<string, unknown>): Record<string, number | null> {
  const answers: Record<string, number | null> = {}
  for (const [field, raw] of Object.entries(values)) {
    const key = /^answer_(q[1-9])$/.exec(field)?.[1]
    if (!key) continue
    answers[key] = typeof raw === 'string' && /^\d$/.test(raw) ? Number(raw) : null
  }
  return answers
}

/** A drawn signature: a PNG from the signature pad, as a data URL (about 30 KB for a signature). */
export const MAX_DRAWN_SIGNATURE_CHARS = 400_000
export const drawnSignatureSchema = (locale: Locale = 'en') => {
  const t = translator(consentMessages, locale)
  return z
    .string()
    .max(MAX_DRAWN_SIGNATURE_CHARS, { error: t('drawingTooLarge') })
    .regex(/^(data:image\/png;base64,[A-Za-z0-9+/]+={0,2})?$/, {
      error: t('drawingUnreadable'),
    })
    .optional()
    .transform((value) => value || null)
}
export const DrawnSignatureSchema = drawnSignatureSchema()

/** What the patient fills in to sign (the browser checks these; the server the whole form). */
export const signConsentFieldsSchema = (locale: Locale = 'en') => {
  const t = translator(consentMessages, locale)
  return z.object({
    typedName: z
      .string({ error: t('typedNameRequired') })
      .trim()
      .min(1, { error: t('typedNameRequired') })
      .max(120, { error: t('typedNameTooLong') }),
    agree: CheckboxSchema.refine((value) => value, { error: t('agreeRequired') }),
    photoClinical: CheckboxSchema,
    photoMarketing: CheckboxSchema,
  })
}
export const SignConsentFieldsSchema = signConsentFieldsSchema()

export const signConsentSchema = (locale: Locale = 'en') => {
  const incomplete = translator(consentMessages, locale)('formIncomplete')
  return signConsentFieldsSchema(locale).extend({
    intent: z.literal('sign'),
    versionId: versionIdField(locale),
    /** SHA-256 of the text the patient read: signing refuses it if the text changed meanwhile. */
    textSha256: z.string({ error: incomplete }).regex(/^[0-9a-f]{64}$/, { error: incomplete }),
    drawnSignature: drawnSignatureSchema(locale),
  })
}
export const SignConsentSchema = signConsentSchema()
export type SignConsentForm = z.infer<typeof SignConsentSchema>

/** The patient's consent page: the check and the signature are two forms on one page. */
export const consentPageFormSchema = (locale: Locale = 'en') =>
  z.discriminatedUnion('intent', [consentCheckFormSchema(locale), signConsentSchema(locale)])
export const ConsentPageFormSchema = consentPageFormSchema()

/** Withdrawing consent from the booking page. */
export const WithdrawConsentSchema = z.object({
  intent: z.literal('withdraw-consent'),
  reason: z.string().trim().max(500, { error: 'Use at most 500 characters.' }).optional(),
})

/** The clinician's countersignature, its message in the page's language. */
export const countersignFieldsSchema = (locale: Locale = 'en') =>
  z.object({
    confirm: CheckboxSchema.refine((value) => value, {
      error: translator(consentStaffMessages, locale)('confirmRequired'),
    }),
  })
export const CountersignFieldsSchema = countersignFieldsSchema()
export const countersignSchema = (locale: Locale = 'en') =>
  countersignFieldsSchema(locale).extend({ intent: z.literal('countersign') })
export const CountersignSchema = countersignSchema()
