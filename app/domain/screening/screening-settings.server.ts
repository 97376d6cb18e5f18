import { asc, inArray } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { getDb } from '#db/client.server.ts'
import { screeningRuleSets, users } from '#db/schema/index.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { screeningAdminMessages } from '#app/i18n/messages/index.ts'
import {
  RELAXABLE_CHOICES,
  ruleLabelIn,
  SCREENING_RULES,
  STRICTER_CHOICES,
} from './rule-table.rules.ts'
import { SOURCE_REGISTER } from './source-register.ts'
import {
  SETTING_LIMITS,
  type ScreeningNumberSetting,
  type ScreeningSettings,
} from './screening-settings.schema.ts'
import { getCurrentRuleSet, parseSettings } from './screening.server.ts'

/**
 * Admins publish the clinic's screening settings as rule-set versions (append-only). A new
 * version judges answers given from then on; stored submissions keep the version that judged
 * them and their outcome.
 */

export type RuleSetVersionView = {
  version: number
  publishedAt: number
  publishedBy: string
  note: string | null
  changes: string[]
}

const NUMBER_SETTINGS = Object.keys(SETTING_LIMITS) as ScreeningNumberSetting[]

function ruleLabel(id: string, locale: Locale): string {
  const rule = SCREENING_RULES.find((candidate) => candidate.id === id)
  return rule ? ruleLabelIn(rule, locale) : id
}

/**
 * A rule a rule set would leave without a usable source, and what is wrong: in English words
 * (`problem`, for logs and tests) and as the tags outside the register (none: no source at all).
 */
export type SourceProblem = { ruleId: string; label: string; problem: string; unknown: string[] }

/**
 * Every rule must cite at least one source, and only tags of the source register
 * (docs/clinical-reference.md section 1.3): a rule nobody can trace is not published.
 */
export function sourceProblemsOf(settings: ScreeningSettings): SourceProblem[] {
  return SCREENING_RULES.flatMap((rule): SourceProblem[] => {
    const tags = settings.ruleSources[rule.id] ?? []
    if (tags.length === 0)
      return [{ ruleId: rule.id, label: rule.label, problem: 'no source', unknown: [] }]
    const unknown = tags.filter((tag) => !SOURCE_REGISTER.has(tag))
    return unknown.length > 0
      ? [
          {
            ruleId: rule.id,
            label: rule.label,
            problem: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the source register`,
            unknown,
          },
        ]
      : []
  })
}

/** The refusal an admin reads, in their language: each rule named, with what is missing. */
export function describeSourceProblems(problems: SourceProblem[], locale: Locale = 'en'): string {
  const t = translator(screeningAdminMessages, locale)
  const rules = problems.map((p) => {
    const label = ruleLabel(p.ruleId, locale)
    return p.unknown.length === 0
      ? t('sourceProblemNone', { label })
      : t('sourceProblemUnknown', { label, tags: p.unknown.join(', '), count: p.unknown.length })
  })
  return t('sourcesRefused', { rules: rules.join('; ') })
}

/**
 * What changed from one version's settings to the next, in words for the history table, in the
 * reader's language (the audit log keeps the English).
 */
export function describeChanges(
  before: ScreeningSettings | null,
  after: ScreeningSettings,
  locale: Locale = 'en',
): string[] {
  const t = translator(screeningAdminMessages, locale)
  if (!before) return [t('changeFirstVersion')]
  const changes: string[] = []
  for (const name of NUMBER_SETTINGS) {
    if (before[name] !== after[name])
      changes.push(
        t('changeNumber', {
          label: t(name),
          before: before[name],
          after: after[name],
          unit: SETTING_LIMITS[name][2],
        }),
      )
  }
  for (const id of after.stricterRuleIds)
    if (!before.stricterRuleIds.includes(id))
      changes.push(t('changeNowNotEligible', { rule: ruleLabel(id, locale) }))
  for (const id of before.stricterRuleIds)
    if (!after.stricterRuleIds.includes(id))
      changes.push(t('changeBackToReview', { rule: ruleLabel(id, locale) }))
  for (const id of after.relaxedRuleIds)
    if (!before.relaxedRuleIds.includes(id))
      changes.push(t('changeNowReview', { rule: ruleLabel(id, locale) }))
  for (const id of before.relaxedRuleIds)
    if (!after.relaxedRuleIds.includes(id))
      changes.push(t('changeBackToNotEligible', { rule: ruleLabel(id, locale) }))
  for (const rule of SCREENING_RULES) {
    const was = (before.ruleSources[rule.id] ?? []).join(', ')
    const now = (after.ruleSources[rule.id] ?? []).join(', ')
    if (was !== now)
      changes.push(
        t('changeSources', {
          rule: ruleLabelIn(rule, locale),
          before: was || t('noSources'),
          after: now || t('noSources'),
        }),
      )
  }
  return changes
}

/** The admin page, in the admin's language: the current settings and every version, newest first. */
export function getScreeningSettingsPage(locale: Locale = 'en') {
  const t = translator(screeningAdminMessages, locale)
  const db = getDb()
  const current = getCurrentRuleSet(db)
  const rows = db.select().from(screeningRuleSets).orderBy(asc(screeningRuleSets.version)).all()
  const publisherIds = rows.flatMap((row) => (row.publishedByUserId ? [row.publishedByUserId] : []))
  const names = new Map(
    (publisherIds.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, publisherIds))
          .all()
      : []
    ).map((user) => [user.id, user.name]),
  )
  let previous: ScreeningSettings | null = null
  const history: RuleSetVersionView[] = []
  for (const row of rows) {
    const settings = parseSettings(row.settings)
    history.push({
      version: row.version,
      publishedAt: row.publishedAt.getTime(),
      publishedBy: row.publishedByUserId
        ? (names.get(row.publishedByUserId) ?? t('publishedByUnknown'))
        : t('builtIn'),
      note: row.note,
      changes: describeChanges(previous, settings, locale),
    })
    previous = settings
  }
  return {
    current: { version: current.version, settings: current.settings },
    history: history.reverse(),
    timeZone: getClinicSettings().timeZone,
  }
}

export type PublishResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'unchanged'; version: number }
  | { ok: false; reason: 'unknown-rule' }
  | { ok: false; reason: 'sources'; problems: SourceProblem[]; message: string }

/** Publishes the settings as the next rule-set version, unless nothing changed. Audited. */
export function publishScreeningRuleSet(
  input: { settings: ScreeningSettings; note: string | null },
  actor: StaffActor,
  now = new Date(),
): PublishResult {
  const allowed = new Set(STRICTER_CHOICES.map((choice) => choice.id))
  const relaxable = new Set(RELAXABLE_CHOICES.map((choice) => choice.id))
  if (
    input.settings.stricterRuleIds.some((id) => !allowed.has(id)) ||
    input.settings.relaxedRuleIds.some((id) => !relaxable.has(id))
  )
    return { ok: false, reason: 'unknown-rule' }
  const problems = sourceProblemsOf(input.settings)
  if (problems.length > 0)
    return { ok: false, reason: 'sources', problems, message: describeSourceProblems(problems) }
  const settings: ScreeningSettings = {
    ...input.settings,
    // Stored in the rule table's order, so that equal settings compare equal.
    stricterRuleIds: STRICTER_CHOICES.map((c) => c.id).filter((id) =>
      input.settings.stricterRuleIds.includes(id),
    ),
    relaxedRuleIds: RELAXABLE_CHOICES.map((c) => c.id).filter((id) =>
      input.settings.relaxedRuleIds.includes(id),
    ),
    ruleSources: Object.fromEntries(
      SCREENING_RULES.map((rule) => [rule.id, input.settings.ruleSources[rule.id] ?? []]),
    ),
  }
  return getDb().transaction(
    (tx): PublishResult => {
      const current = getCurrentRuleSet(tx)
      if (describeChanges(current.settings, settings).length === 0)
        return { ok: false, reason: 'unchanged', version: current.version }
      const version = current.version + 1
      const { id } = tx
        .insert(screeningRuleSets)
        .values({
          version,
          settings: JSON.stringify(settings),
          note: input.note,
          publishedByUserId: actor.userId,
          publishedAt: now,
        })
        .returning({ id: screeningRuleSets.id })
        .get()
      recordAuditEvent(tx, {
        action: 'screening.rules_published',
        actor: auditActorOf(actor),
        subjectType: 'screening_rule_set',
        subjectId: id,
        details: { version, changes: describeChanges(current.settings, settings) },
        at: now,
      })
      return { ok: true, version }
    },
    { behavior: 'immediate' },
  )
}
