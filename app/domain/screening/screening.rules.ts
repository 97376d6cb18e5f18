import { addCalendarMonths, addDays, ageOn, DAY_MS } from '#app/domain/shared/calendar.rules.ts'
import { type RuleContext, SCREENING_RULES, type ScreeningRule } from './rule-table.rules.ts'
import { type RuleKind, type ScreeningAnswers, type ScreeningOutcome } from './screening.schema.ts'
import { type ScreeningSettings } from './screening-settings.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { RULE_TEXTS_IT, windowNoteIt } from './rules/rule-texts.it.ts'

/**
 * Judging answers with the rule table: pure, so the same answers, settings and day always give
 * the same result. The stored result of a submission is never recomputed (a later rule-set
 * version judges only later submissions).
 */

/** A finding's words in one language. */
export type FindingText = { label: string; patientText: string | null; clinicianText: string }

/** The languages other than English a finding stores its words in. */
type OtherLocale = Exclude<Locale, 'en'>

/** One rule that fired, as it is stored with the submission (texts included, as judged). */
export type Finding = {
  ruleId: string
  kind: RuleKind
  label: string
  /** For a waiting window: the first calendar day (clinic zone) the treatment may be done. */
  until: string | null
  patientText: string | null
  clinicianText: string
  sources: string
  /**
   * The same words in the other languages, as judged then (submissions from before ADR 038 have
   * none: they are read in English). Stored rather than rendered again from the rule id, because
   * the words depend on the settings and the day they were judged with (a window's length, the
   * day it ended), and the record must say what the patient was told, in both languages.
   */
  texts?: Partial<Record<OtherLocale, FindingText>>
}

export type ScreeningResult = {
  outcome: ScreeningOutcome
  /** The latest waiting window, or null: no session before this clinic calendar day. */
  waitUntil: string | null
  findings: Finding[]
}

/** What a rule says under these settings: its default, or the clinic's stricter or relaxed choice. */
export function kindOf(rule: ScreeningRule, settings: ScreeningSettings): RuleKind {
  if (rule.stricter && settings.stricterRuleIds.includes(rule.id)) return 'not_eligible'
  if (rule.relaxable && settings.relaxedRuleIds.includes(rule.id)) return 'review'
  return rule.kind
}

/** The sources a rule is published with in these settings ("C-SP1, C-DP"). */
export function sourcesOf(rule: ScreeningRule, settings: ScreeningSettings): string {
  const tags = settings.ruleSources[rule.id]
  return tags && tags.length > 0 ? tags.join(', ') : rule.sources
}

/** Rules these settings would leave without a source (publishing refuses them). */
export function rulesWithoutSources(settings: ScreeningSettings): ScreeningRule[] {
  return SCREENING_RULES.filter((rule) => (settings.ruleSources[rule.id] ?? []).length === 0)
}

/** Runs every rule over the answers, as judged on `today` (the clinic's calendar date). */
export function evaluateScreening(
  answers: ScreeningAnswers,
  settings: ScreeningSettings,
  today: string,
): ScreeningResult {
  const base = {
    answers,
    settings,
    today,
    age: ageOn(answers.dateOfBirth, today),
  }
  const findings: Finding[] = []
  for (const rule of SCREENING_RULES) {
    let kind = kindOf(rule, settings)
    const context: RuleContext = { ...base, kind }
    if (!rule.applies(context)) continue
    let until: string | null = null
    let clinicianText = rule.clinician(context)
    const italian = RULE_TEXTS_IT[rule.id]
    let clinicianTextIt = italian?.clinician(context) ?? null
    if (rule.window) {
      const from = rule.window.from(answers)
      const length = settings[rule.window.setting]
      // A window needs its date; the form asks for it whenever the trigger is ticked.
      if (!from) continue
      until =
        rule.window.unit === 'months' ? addCalendarMonths(from, length) : addDays(from, length)
      if (until <= today) {
        kind = 'info'
        clinicianText = `${clinicianText} The waiting window (${length} ${rule.window.unit}) ended on ${until}.`
        clinicianTextIt &&= `${clinicianTextIt} ${windowNoteIt(rule.window, length, until, true)}`
        until = null
      } else {
        clinicianText = `${clinicianText} Waiting window: ${length} ${rule.window.unit}, until ${until}.`
        clinicianTextIt &&= `${clinicianTextIt} ${windowNoteIt(rule.window, length, until, false)}`
      }
    }
    const tellPatient = kind !== 'info' && rule.patient !== null
    const finding: Finding = {
      ruleId: rule.id,
      kind,
      label: rule.label,
      until,
      patientText: tellPatient ? rule.patient!(context) : null,
      clinicianText,
      sources: sourcesOf(rule, settings),
    }
    if (italian && clinicianTextIt !== null) {
      finding.texts = {
        it: {
          label: italian.label,
          patientText: tellPatient && italian.patient ? italian.patient(context) : null,
          clinicianText: clinicianTextIt,
        },
      }
    }
    findings.push(finding)
  }
  return combineFindings(findings)
}

/** Any "not eligible" blocks; else any "review" needs a clinician; waiting windows add a date. */
export function combineFindings(findings: Finding[]): ScreeningResult {
  const outcome: ScreeningOutcome = findings.some((f) => f.kind === 'not_eligible')
    ? 'not_eligible'
    : findings.some((f) => f.kind === 'review')
      ? 'review'
      : 'eligible'
  const dates = findings.flatMap((f) => (f.kind === 'wait_until' && f.until ? [f.until] : []))
  return {
    outcome,
    waitUntil: dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null,
    findings,
  }
}

const SEVERITY: Record<ScreeningOutcome, number> = { eligible: 0, review: 1, not_eligible: 2 }

/** How restrictive an outcome is: eligible < review < not eligible. */
export function outcomeSeverity(outcome: ScreeningOutcome): number {
  return SEVERITY[outcome]
}

/** Screening answers count for an appointment this many days before it (docs/product.md 4). */
export const SCREENING_VALID_DAYS = 30

/** Valid when answered at most 30 days before the appointment; otherwise the patient renews. */
export function screeningValidity(
  submission: { submittedAt: number | Date },
  appointmentStart: number | Date,
): 'valid' | 'renewal_due' {
  const answered = Number(submission.submittedAt)
  return Number(appointmentStart) - answered <= SCREENING_VALID_DAYS * DAY_MS
    ? 'valid'
    : 'renewal_due'
}

/** Answering again now would make the answers valid for the appointment (it is close enough). */
export function canRenewNow(appointmentStart: number | Date, now: number | Date): boolean {
  return screeningValidity({ submittedAt: now }, appointmentStart) === 'valid'
}

/**
 * Would a booking at `startDate` (clinic calendar day) go ahead on its own with this result?
 * Not when anything is "not eligible", needs review, or waits past that day.
 */
export function clearsBookingOn(
  result: Pick<ScreeningResult, 'outcome' | 'waitUntil'>,
  startDate: string,
): boolean {
  return (
    result.outcome === 'eligible' && (result.waitUntil === null || result.waitUntil <= startDate)
  )
}

/** What the patient reads about one finding (findings meant for the clinician only have none). */
export type PatientExplanationItem = { kind: Finding['kind']; text: string; until: string | null }

const PATIENT_GROUP_ORDER = ['not_eligible', 'review', 'wait_until'] as const

/**
 * Every finding the patient should read, grouped: why it cannot be booked now, what a clinician
 * will check, the dates to wait for. All of them, whatever the outcome: a "not eligible" answer
 * does not hide a waiting window that will still apply when the patient comes back.
 */
export function patientExplanationGroups(
  explanations: readonly PatientExplanationItem[],
): { kind: (typeof PATIENT_GROUP_ORDER)[number]; explanations: PatientExplanationItem[] }[] {
  return PATIENT_GROUP_ORDER.flatMap((kind) => {
    const group = explanations.filter((e) => e.kind === kind)
    return group.length > 0 ? [{ kind, explanations: group }] : []
  })
}

/**
 * A finding's words in the reader's language: those stored for it, or the English it was judged
 * in when it has none (answers from before ADR 038). The stored record itself never changes.
 */
export function findingIn(finding: Finding, locale: Locale): Finding {
  const own = locale === 'en' ? undefined : finding.texts?.[locale]
  return own ? { ...finding, ...own } : finding
}

/** The patient's explanations of a result, in the rule table's order, in the reader's language. */
export function patientExplanationsOf(
  findings: readonly Finding[],
  locale: Locale = 'en',
): PatientExplanationItem[] {
  return findings
    .map((f) => findingIn(f, locale))
    .flatMap((f) => (f.patientText ? [{ kind: f.kind, text: f.patientText, until: f.until }] : []))
}
