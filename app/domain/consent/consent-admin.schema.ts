import * as z from 'zod'
import { IsoDateSchema } from '#app/domain/shared/fields.schema.ts'
import {
  CONSENT_SECTION_KEYS,
  type ConsentContent,
  type ConsentSectionKey,
  MAX_CHECK_QUESTIONS,
  MIN_CHECK_QUESTIONS,
} from './consent.schema.ts'

/** The admin's consent form editor: new drafts, the draft's fields, publishing (client-safe). */

export const NewDraftSchema = z.object({
  intent: z.literal('new-draft'),
  tier: z.enum(['medical', 'cosmetic'], { error: 'Choose a consent form.' }),
})

const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, { error: `Enter ${what}.` })
    .max(max, { error: `Use at most ${max} characters.` })

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
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

const draftFieldsShape = {
  title: requiredText('a title', 120),
  ...Object.fromEntries(
    CONSENT_SECTION_KEYS.flatMap((key) => [
      [draftFieldNames.sectionTitle(key), requiredText('a section title', 120)],
      [draftFieldNames.sectionBody(key), requiredText('the text of this section', 6000)],
    ]),
  ),
  ...Object.fromEntries(
    QUESTION_SLOTS.flatMap((slot) => [
      [draftFieldNames.prompt(slot), optionalText(300)],
      [draftFieldNames.options(slot), optionalText(1200)],
      [draftFieldNames.answer(slot), optionalText(2)],
      [draftFieldNames.section(slot), optionalText(40)],
      [italianFieldNames.prompt(slot), optionalText(300)],
      [italianFieldNames.options(slot), optionalText(1200)],
    ]),
  ),
  [italianFieldNames.title]: optionalText(120),
  ...Object.fromEntries(
    CONSENT_SECTION_KEYS.flatMap((key) => [
      [italianFieldNames.sectionTitle(key), optionalText(120)],
      [italianFieldNames.sectionBody(key), optionalText(6000)],
    ]),
  ),
}

/** The questions must make a usable check: at least four, each with a right answer and a part. */
function refineDraft(form: Record<string, unknown>, ctx: z.RefinementCtx) {
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
        message: 'Write 2 to 5 answers, one per line.',
      })
    if (options.some((option) => option.length > 200))
      ctx.addIssue({
        code: 'custom',
        path: [draftFieldNames.options(slot)],
        message: 'Keep each answer under 200 characters.',
      })
    const answer = Number(values[draftFieldNames.answer(slot)])
    if (!Number.isInteger(answer) || answer < 1 || answer > options.length)
      ctx.addIssue({
        code: 'custom',
        path: [draftFieldNames.answer(slot)],
        message: 'Give the number of the right answer (1 for the first line).',
      })
    const section = values[draftFieldNames.section(slot)] ?? ''
    if (!(CONSENT_SECTION_KEYS as readonly string[]).includes(section))
      ctx.addIssue({
        code: 'custom',
        path: [draftFieldNames.section(slot)],
        message: 'Choose the section that answers this question.',
      })
  }
  if (questions < MIN_CHECK_QUESTIONS)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `Write at least ${MIN_CHECK_QUESTIONS} check questions.`,
    })
}

/** The draft editor's fields: title, every section, up to eight questions (browser and server). */
export const SaveDraftFieldsSchema = z.object(draftFieldsShape).superRefine(refineDraft)
export const SaveDraftSchema = z
  .object({ intent: z.literal('save'), ...draftFieldsShape })
  .superRefine(refineDraft)

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

export const PublishDraftFieldsSchema = z.object({
  effectiveDate: z
    .string({ error: 'Choose the date it applies from.' })
    .trim()
    .min(1, { error: 'Choose the date it applies from.' })
    .pipe(IsoDateSchema),
})
export const PublishDraftSchema = PublishDraftFieldsSchema.extend({ intent: z.literal('publish') })

export const DiscardDraftSchema = z.object({ intent: z.literal('discard') })

export const DraftActionSchema = z.discriminatedUnion('intent', [
  SaveDraftSchema,
  PublishDraftSchema,
  DiscardDraftSchema,
])

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
