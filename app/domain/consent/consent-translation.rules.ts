import { missingTierParts } from '#app/domain/clinical-content/consent-content.ts'
import { type ContentTier } from '#app/domain/clinical-content/tier-content.ts'
import { gulpeaseIndex, MIN_GULPEASE_INDEX } from '#app/domain/shared/readability.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { adminConsentMessages } from '#app/i18n/messages/index.ts'
import { type ConsentTranslationDraft } from './consent-admin.schema.ts'
import { fillPlaceholders, findUnknownPlaceholders } from './consent-text.rules.ts'
import {
  type ConsentContent,
  ConsentContentSchema,
  type ConsentTextValues,
} from './consent.schema.ts'

/**
 * Is a draft's Italian ready to publish with its English (ADR 039)? Every part present, the same
 * questions with as many answers, every part of the Italian tier content word for word, and each
 * section (and the questions) at Gulpease 60 or more. Each problem is named, for the admin, in
 * the admin's language. Client-safe: pure.
 */
export function translationProblems(
  tier: ContentTier,
  english: ConsentContent,
  italian: ConsentTranslationDraft | null,
  values: ConsentTextValues,
  locale: Locale = 'en',
): string[] {
  const t = translator(adminConsentMessages, locale)
  if (!italian) return [t('problemNoItalian')]
  const problems: string[] = []
  const sectionName = (key: string) => english.sections.find((s) => s.key === key)?.title ?? key
  if (!italian.title.trim()) problems.push(t('problemTitleEmpty'))
  for (const section of english.sections) {
    const it = italian.sections.find((s) => s.key === section.key)
    if (!it?.title.trim()) problems.push(t('problemHeadingEmpty', { section: section.title }))
    if (!it?.body.trim()) problems.push(t('problemSectionEmpty', { section: section.title }))
  }
  english.questions.forEach((question, index) => {
    const it = italian.questions[index]
    const n = index + 1
    if (!it?.prompt.trim()) problems.push(t('problemNoPrompt', { n }))
    if (!it || it.options.length === 0) problems.push(t('problemNoOptions', { n }))
    else if (it.options.length !== question.options.length)
      problems.push(
        t('problemAnswerCount', {
          n,
          count: it.options.length,
          english: question.options.length,
        }),
      )
  })
  if (problems.length > 0) return problems
  const content: ConsentContent = {
    title: italian.title,
    sections: italian.sections,
    questions: english.questions.map((question, index) => ({
      ...question,
      prompt: italian.questions[index]!.prompt,
      options: italian.questions[index]!.options,
    })),
  }
  const parsed = ConsentContentSchema.safeParse(content)
  if (!parsed.success)
    return parsed.error.issues.map((issue) =>
      t('problemInvalid', { path: issue.path.join(' '), message: issue.message }),
    )
  const unknown = [
    ...new Set(
      [
        content.title,
        ...content.sections.flatMap((s) => [s.title, s.body]),
        ...content.questions.flatMap((q) => [q.prompt, ...q.options]),
      ].flatMap(findUnknownPlaceholders),
    ),
  ]
  if (unknown.length > 0)
    problems.push(
      t('problemUnknownPlaceholders', { names: unknown.map((n) => `{{${n}}}`).join(', ') }),
    )
  for (const name of missingTierParts(tier, content, 'it'))
    problems.push(t('problemLeavesOut', { name }))
  for (const section of content.sections) {
    const index = Math.round(gulpeaseIndex(fillPlaceholders(section.body, values)))
    if (index < MIN_GULPEASE_INDEX)
      problems.push(
        t('problemSectionGulpease', {
          section: sectionName(section.key),
          index,
          min: MIN_GULPEASE_INDEX,
        }),
      )
  }
  const questions = content.questions.flatMap((q) => [q.prompt, ...q.options]).join('\n')
  const questionsIndex = Math.round(gulpeaseIndex(fillPlaceholders(questions, values)))
  if (questionsIndex < MIN_GULPEASE_INDEX)
    problems.push(t('problemQuestionsGulpease', { index: questionsIndex, min: MIN_GULPEASE_INDEX }))
  return problems
}

/** The Italian as published content (after translationProblems found none). */
export function publishedTranslation(
  english: ConsentContent,
  italian: ConsentTranslationDraft,
): ConsentContent {
  return ConsentContentSchema.parse({
    title: italian.title,
    sections: italian.sections,
    questions: english.questions.map((question, index) => ({
      ...question,
      prompt: italian.questions[index]!.prompt,
      options: italian.questions[index]!.options,
    })),
  })
}
