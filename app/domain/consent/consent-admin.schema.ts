import * as z from 'zod'
import { isoDateSchema } from '#app/domain/shared/fields.schema.ts'
import { type Translator, translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { adminConsentMessages } from '#app/i18n/messages/index.ts'
import {
  CONSENT_SECTION_KEYS,
  type ConsentContent,
  type ConsentSectionKey,
  MAX_CHECK_QUESTIONS,
  MIN_CHECK_QUESTIONS,
} from './consent.schema.ts'

/**
 * The admin's consent form editor: new drafts, the draft's fields, publishing (client-safe). Each
 * schema speaks the admin's language (`…Schema(locale)`); the constants are the English ones.
 */

type EditorT = Translator<keyof (typeof adminConsentMessages)['en'] & string>

export function newDraftSchema(locale: Locale = 'en') {
  return z.object({
    intent: z.literal('new-draft'),
    tier: z.enum(['medical', 'cosmetic'], {
      error: translator(adminConsentMessages, locale)('chooseConsentForm'),
    }),
  })
}
export const NewDraftSchema = newDraftSchema()

const requiredText = (required: string, max: number, t: EditorT) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: t('atMostCharacters', { max }) })

const optionalText = (max: number, t: EditorT) =>
  z
    .string()
    .trim()
    .max(max, { error: t('atMostCharacters', { max }) })
    .optional()
    .transform((value) => value ?? '')

/** Field names of the draft editor. Questions are numbered slots; an empty slot is no question. */
export const draftFieldNames = {
  sectionTitle: (key: ConsentSectionKey) => `section_${key}_title`,
  sectionBody: (key: ConsentSectionKey) => `section_${key}_body`,
  prompt: (slot: number) => `question_${slot}_prompt`,
  options: (slot: number) => `question_${slot}_options`,
  answer: (slot: number) => `question_${slot}_answer`,
  section: (slot: number) => `question_${slot}_section`,
}

/**
 * The Italian of the same draft (ADR 039): every text field again; a question's right answer and
 * the part that explains it are the English one's (the check is graded by option). Saving never
 * needs them; publishing does (translationProblems).
 */
export const italianFieldNames = {
  title: 'it_title',
  sectionTitle: (key: ConsentSectionKey) => `it_section_${key}_title`,
  sectionBody: (key: ConsentSectionKey) => `it_section_${key}_body`,
  prompt: (slot: number) => `it_question_${slot}_prompt`,
  options: (slot: number) => `it_question_${slot}_options`,
}

/** A draft's Italian as stored while it is a draft: the shape of the content, possibly unfinished. */
export const ConsentTranslationDraftSchema = z.object({
  title: z.string(),
  sections: z.array(
    z.object({ key: z.enum(CONSENT_SECTION_KEYS), title: z.string(), body: z.string() }),
  ),
  questions: z.array(
    z.object({
      key: z.string(),
      prompt: z.string(),
      options: z.array(z.string()),
      answer: z.int(),
      sectionKey: z.enum(CONSENT_SECTION_KEYS),
    }),
  ),
})
export type ConsentTranslationDraft = z.infer<typeof ConsentTranslationDraftSchema>

const QUESTION_SLOTS = Array.from({ length: MAX_CHECK_QUESTIONS }, (_, index) => index + 1)

function draftFieldsShape(t: EditorT) {
  return {
    title: requiredText(t('enterTitle'), 120, t),
    ...Object.fromEntries(
      CONSENT_SECTION_KEYS.flatMap((key) => [
        [draftFieldNames.sectionTitle(key), requiredText(t('enterSectionTitle'), 120, t)],
        [draftFieldNames.sectionBody(key), requiredText(t('enterSectionText'), 6000, t)],
      ]),
    ),
    ...Object.fromEntries(
      QUESTION_SLOTS.flatMap((slot) => [
        [draftFieldNames.prompt(slot), optionalText(300, t)],
        [draftFieldNames.options(slot), optionalText(1200, t)],
        [draftFieldNames.answer(slot), optionalText(2, t)],
        [draftFieldNames.section(slot), optionalText(40, t)],
        [italianFieldNames.prompt(slot), optionalText(300, t)],
        [italianFieldNames.options(slot), optionalText(1200, t)],
      ]),
    ),
    [italianFieldNames.title]: optionalText(120, t),
    ...Object.fromEntries(
      CONSENT_SECTION_KEYS.flatMap((key) => [
        [italianFieldNames.sectionTitle(key), optionalText(120, t)],
        [italianFieldNames.sectionBody(key), optionalText(6000, t)],
      ]),
    ),
  }
}

/** The questions must make a usable check: at least four, each with a right answer and a part. */
const refineDraft =
  (t: EditorT) =>
  (form: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const values = form as Record<string, string>
    let questions = 0
    for (const slot of QUESTION_SLOTS) {
      const prompt = values[draftFieldNames.prompt(slot)] ?? ''
      if (!prompt) continue
      questions += 1
      const options = splitOptions(values[draftFieldNames.options(slot)] ?? '')
      if (options.length < 2 || options.length > 5)
        ctx.addIssue({
          code: 'custom',
          path: [draftFieldNames.options(slot)],
          message: t('answersOnePerLine'),
        })
      if (options.some((option) => option.length > 200))
        ctx.addIssue({
          code: 'custom',
          path: [draftFieldNames.options(slot)],
          message: t('answerTooLong'),
        })
      const answer = Number(values[draftFieldNames.answer(slot)])
      if (!Number.isInteger(answer) || answer < 1 || answer > options.length)
        ctx.addIssue({
          code: 'custom',
          path: [draftFieldNames.answer(slot)],
          message: t('rightAnswerRequired'),
        })
      const section = values[draftFieldNames.section(slot)] ?? ''
      if (!(CONSENT_SECTION_KEYS as readonly string[]).includes(section))
        ctx.addIssue({
          code: 'custom',
          path: [draftFieldNames.section(slot)],
          message: t('explainingPartRequired'),
        })
    }
    if (questions < MIN_CHECK_QUESTIONS)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: t('atLeastQuestions', { min: MIN_CHECK_QUESTIONS }),
      })
  }

/** The draft editor's fields: title, every section, up to eight questions (browser and server). */
export function saveDraftFieldsSchema(locale: Locale = 'en') {
  const t = translator(adminConsentMessages, locale)
  return z.object(draftFieldsShape(t)).superRefine(refineDraft(t))
}
export function saveDraftSchema(locale: Locale = 'en') {
  const t = translator(adminConsentMessages, locale)
  return z.object({ intent: z.literal('save'), ...draftFieldsShape(t) }).superRefine(refineDraft(t))
}
export const SaveDraftFieldsSchema = saveDraftFieldsSchema()
export const SaveDraftSchema = saveDraftSchema()

/** One answer per line; blank lines do not count. */
export function splitOptions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/** The editor's fields as the stored content (after SaveDraftSchema accepted them). */
export function contentFromDraftForm(form: Record<string, string>): ConsentContent {
  const questions = QUESTION_SLOTS.filter((slot) => form[draftFieldNames.prompt(slot)]).map(
    (slot, index) => ({
      key: `q${index + 1}`,
      prompt: form[draftFieldNames.prompt(slot)]!,
      options: splitOptions(form[draftFieldNames.options(slot)] ?? ''),
      answer: Number(form[draftFieldNames.answer(slot)]) - 1,
      sectionKey: form[draftFieldNames.section(slot)] as ConsentSectionKey,
    }),
  )
  return {
    title: form.title ?? '',
    sections: CONSENT_SECTION_KEYS.map((key) => ({
      key,
      title: form[draftFieldNames.sectionTitle(key)] ?? '',
      body: (form[draftFieldNames.sectionBody(key)] ?? '').replace(/\r\n/g, '\n'),
    })),
    questions,
  }
}

/**
 * The editor's Italian fields as the draft's Italian, its questions matched to the English ones
 * slot by slot; null when every Italian field is empty.
 */
export function translationFromDraftForm(
  form: Record<string, string>,
): ConsentTranslationDraft | null {
  const slots = QUESTION_SLOTS.filter((slot) => form[draftFieldNames.prompt(slot)])
  const translation: ConsentTranslationDraft = {
    title: (form[italianFieldNames.title] ?? '').trim(),
    sections: CONSENT_SECTION_KEYS.map((key) => ({
      key,
      title: (form[italianFieldNames.sectionTitle(key)] ?? '').trim(),
      body: (form[italianFieldNames.sectionBody(key)] ?? '').replace(/\r\n/g, '\n').trim(),
    })),
    questions: slots.map((slot, index) => ({
      key: `q${index + 1}`,
      prompt: (form[italianFieldNames.prompt(slot)] ?? '').trim(),
      options: splitOptions(form[italianFieldNames.options(slot)] ?? ''),
      answer: Number(form[draftFieldNames.answer(slot)]) - 1,
      sectionKey: (form[draftFieldNames.section(slot)] ?? 'procedure') as ConsentSectionKey,
    })),
  }
  const empty =
    !translation.title &&
    translation.sections.every((s) => !s.title && !s.body) &&
    translation.questions.every((q) => !q.prompt && q.options.length === 0)
  return empty ? null : translation
}

export function publishDraftFieldsSchema(locale: Locale = 'en') {
  const required = translator(adminConsentMessages, locale)('chooseEffectiveDate')
  return z.object({
    effectiveDate: z
      .string({ error: required })
      .trim()
      .min(1, { error: required })
      .pipe(isoDateSchema(locale)),
  })
}
export const PublishDraftFieldsSchema = publishDraftFieldsSchema()
export const PublishDraftSchema = PublishDraftFieldsSchema.extend({ intent: z.literal('publish') })

export const DiscardDraftSchema = z.object({ intent: z.literal('discard') })

/** Save, publish or discard: the draft page's one form schema, in the admin's language. */
export function draftActionSchema(locale: Locale = 'en') {
  return z.discriminatedUnion('intent', [
    saveDraftSchema(locale),
    publishDraftFieldsSchema(locale).extend({ intent: z.literal('publish') }),
    DiscardDraftSchema,
  ])
}
export const DraftActionSchema = draftActionSchema()

/** The editor's field values for a version's content (the inverse of contentFromDraftForm). */
export function draftFormValues(
  content: ConsentContent,
  italian?: ConsentTranslationDraft | null,
): Record<string, string> {
  const values: Record<string, string> = { title: content.title }
  if (italian) {
    values[italianFieldNames.title] = italian.title
    for (const section of italian.sections) {
      values[italianFieldNames.sectionTitle(section.key)] = section.title
      values[italianFieldNames.sectionBody(section.key)] = section.body
    }
    italian.questions.forEach((question, index) => {
      values[italianFieldNames.prompt(index + 1)] = question.prompt
      values[italianFieldNames.options(index + 1)] = question.options.join('\n')
    })
  }
  for (const section of content.sections) {
    values[draftFieldNames.sectionTitle(section.key)] = section.title
    values[draftFieldNames.sectionBody(section.key)] = section.body
  }
  content.questions.forEach((question, index) => {
    const slot = index + 1
    values[draftFieldNames.prompt(slot)] = question.prompt
    values[draftFieldNames.options(slot)] = question.options.join('\n')
    values[draftFieldNames.answer(slot)] = String(question.answer + 1)
    values[draftFieldNames.section(slot)] = question.sectionKey
  })
  return values
}

export const CONSENT_QUESTION_SLOTS = QUESTION_SLOTS
