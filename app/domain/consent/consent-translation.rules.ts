import { missingTierParts } from '#app/domain/clinical-content/consent-content.ts'
import { type ContentTier } from '#app/domain/clinical-content/tier-content.ts'
import { gulpeaseIndex, MIN_GULPEASE_INDEX } from '#app/domain/shared/readability.rules.ts'
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
 * section (and the questions) at Gulpease 60 or more. Each problem is named, for the admin.
 * Client-safe: pure.
 */
export function translationProblems(
  tier: ContentTier,
  english: ConsentContent,
  italian: ConsentTranslationDraft | null,
  values: ConsentTextValues,
): string[] {
  if (!italian) return ['Italian: the form has no Italian text. Write it before publishing.']
  const problems: string[] = []
  const sectionName = (key: string) => english.sections.find((s) => s.key === key)?.title ?? key
  if (!italian.title.trim()) problems.push('Italian: the title is empty')
  for (const section of english.sections) {
    const it = italian.sections.find((s) => s.key === section.key)
    if (!it?.title.trim()) problems.push(`Italian: the heading of ‘${section.title}’ is empty`)
    if (!it?.body.trim()) problems.push(`Italian: the section ‘${section.title}’ is empty`)
  }
  english.questions.forEach((question, index) => {
    const it = italian.questions[index]
    const number = index + 1
    if (!it?.prompt.trim()) problems.push(`Italian: question ${number} has no question`)
    if (!it || it.options.length === 0) problems.push(`Italian: question ${number} has no options`)
    else if (it.options.length !== question.options.length)
      problems.push(
        `Italian: question ${number} has ${it.options.length} answers, the English ${question.options.length}`,
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
    return parsed.error.issues.map((issue) => `Italian: ${issue.path.join(' ')}: ${issue.message}`)
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
    problems.push(`Italian: unknown placeholders ${unknown.map((n) => `{{${n}}}`).join(', ')}`)
  for (const name of missingTierParts(tier, content, 'it'))
    problems.push(`Italian: leaves out ‘${name}’`)
  for (const section of content.sections) {
    const index = Math.round(gulpeaseIndex(fillPlaceholders(section.body, values)))
    if (index < MIN_GULPEASE_INDEX)
      problems.push(
        `Italian: the section ‘${sectionName(section.key)}’ reads at Gulpease ${index}; it must be ${MIN_GULPEASE_INDEX} or more`,
      )
  }
  const questions = content.questions.flatMap((q) => [q.prompt, ...q.options]).join('\n')
  const questionsIndex = Math.round(gulpeaseIndex(fillPlaceholders(questions, values)))
  if (questionsIndex < MIN_GULPEASE_INDEX)
    problems.push(
      `Italian: the questions read at Gulpease ${questionsIndex}; they must be ${MIN_GULPEASE_INDEX} or more`,
    )
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
