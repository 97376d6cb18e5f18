import { type RuleKind, type ScreeningAnswers } from '../screening.schema.ts'
import {
  type ScreeningNumberSetting,
  type ScreeningSettings,
} from '../screening-settings.schema.ts'

/** What every screening rule is made of, and the small helper the rule lists share. */

export type RuleContext = {
  answers: ScreeningAnswers
  settings: ScreeningSettings
  /** The clinic's calendar date when the answers were judged. */
  today: string
  /** Whole years on `today`. */
  age: number
  /** What this rule says under the rule set in use (a stricter or relaxed choice changes it). */
  kind: RuleKind
}

export type WaitingWindow = {
  /** The date the wait counts from (a last dose, a treatment). */
  from: (answers: ScreeningAnswers) => string | undefined
  setting: ScreeningNumberSetting
  unit: 'days' | 'months'
}

export type ScreeningRule = {
  id: string
  /** A few words for the clinician and the admin page. */
  label: string
  kind: RuleKind
  /** A review rule the clinic may treat as "not eligible" instead (a stricter choice). */
  stricter?: true
  /** A "not eligible" rule the clinic may treat as "review" instead, where sources split. */
  relaxable?: true
  window?: WaitingWindow
  /** The default source tags (docs/clinical-reference.md section 1.3); a rule set may change them. */
  sources: string
  applies: (context: RuleContext) => boolean
  /** What the patient reads; null for information meant for the clinician only. */
  patient: ((context: RuleContext) => string) | null
  clinician: (context: RuleContext) => string
}

export const has = <T extends string>(list: readonly T[], value: T) => list.includes(value)
