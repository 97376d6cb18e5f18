import { CLINICIAN_INFORMATION_RULES } from './rules/clinician-information.rules.ts'
import { NOT_ELIGIBLE_RULES } from './rules/not-eligible.rules.ts'
import { REVIEW_RULES } from './rules/review.rules.ts'
import { type ScreeningRule } from './rules/rule-types.ts'
import { WAITING_WINDOW_RULES } from './rules/waiting-windows.rules.ts'

import { type Locale } from '#app/i18n/locales.ts'
import { RULE_TEXTS_IT } from './rules/rule-texts.it.ts'

export { type RuleContext, type ScreeningRule, type WaitingWindow } from './rules/rule-types.ts'

/**
 * The screening rules as data (docs/clinical-reference.md table 1.2 and section 6; docs/product.md
 * section 5). Each rule has an id, a condition over the answers, a default outcome, a sentence
 * for the patient and one for the clinician, and the source tags behind it. Waiting windows and
 * "make this review rule not eligible" are clinic settings (screening.schema.ts), published as
 * rule-set versions. Add a rule to the list of its outcome in rules/ and to the table-driven
 * test; never reuse an id. The order here is the order findings are listed in.
 */
export const SCREENING_RULES: readonly ScreeningRule[] = [
  ...NOT_ELIGIBLE_RULES,
  ...REVIEW_RULES,
  ...WAITING_WINDOW_RULES,
  ...CLINICIAN_INFORMATION_RULES,
]

/** "Not eligible" rules the clinic may relax to a clinician's review (the admin page lists them). */
export const RELAXABLE_CHOICES = SCREENING_RULES.filter((rule) => rule.relaxable).map((rule) => ({
  id: rule.id,
  label: rule.label,
  sources: rule.sources,
}))

/** Review rules the clinic may make stricter (the admin page lists them). */
export const STRICTER_CHOICES = SCREENING_RULES.filter((rule) => rule.stricter).map((rule) => ({
  id: rule.id,
  label: rule.label,
  sources: rule.sources,
}))

/** The waiting windows, with the rule that uses each setting (the admin page lists them). */
export const WINDOW_SETTINGS = SCREENING_RULES.filter((rule) => rule.window).map((rule) => ({
  ruleId: rule.id,
  label: rule.label,
  setting: rule.window!.setting,
  unit: rule.window!.unit,
  sources: rule.sources,
}))

/** A rule's name in a language (the admin page, a clinician's page). */
export function ruleLabelIn(rule: { id: string; label: string }, locale: Locale): string {
  return locale === 'it' ? (RULE_TEXTS_IT[rule.id]?.label ?? rule.label) : rule.label
}
