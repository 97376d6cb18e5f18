import * as z from 'zod'
import { type Translator, translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { screeningAdminMessages } from '#app/i18n/messages/index.ts'
import { ruleLabelIn, SCREENING_RULES } from './rule-table.rules.ts'
import { SOURCE_REGISTER, sourceTags } from './source-register.ts'

/** Lists posted by a checkbox group: nothing, one value (a string) or several (an array). */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '' || value === false) return []
  return Array.isArray(value) ? value : [value]
}

/** Each rule's source tags as the rule table has them (the defaults of a rule set). */
export const DEFAULT_RULE_SOURCES: Record<string, string[]> = Object.fromEntries(
  SCREENING_RULES.map((rule) => [rule.id, sourceTags(rule.sources)]),
)

/**
 * The clinic's screening settings: waiting windows, stricter and relaxed choices, and the sources
 * each rule is published with. Admins publish a new rule-set version to change them; every
 * submission keeps the version it was judged by. Defaults follow docs/clinical-reference.md
 * table 1.2; rule-set version 1 (migration 0011) reads as them (docs/decisions/032).
 */
export const DEFAULT_SCREENING_SETTINGS = {
  minimumAge: 18,
  reviewUnderAge: 22,
  isotretinoinMonths: 6,
  cancerTreatmentMonths: 3,
  toxinDays: 14,
  fillerDays: 14,
  retinoidDays: 5,
  peelDays: 30,
  laserDays: 14,
  tanDays: 14,
  deepPeelMonths: 3,
  facialSurgeryMonths: 12,
  stricterRuleIds: [] as string[],
  /** "Not eligible" rules the clinic treats as "review" instead (only rules marked relaxable). */
  relaxedRuleIds: [] as string[],
  /** Rule id → the source tags it is published with. Every rule needs at least one. */
  ruleSources: DEFAULT_RULE_SOURCES,
}
export type ScreeningSettings = typeof DEFAULT_SCREENING_SETTINGS
export type ScreeningNumberSetting = Exclude<
  keyof ScreeningSettings,
  'stricterRuleIds' | 'relaxedRuleIds' | 'ruleSources'
>

type ScreeningAdminT = Translator<keyof (typeof screeningAdminMessages)['en'] & string>

/** A whole number typed in a form (blank is "missing", not 0). */
function wholeNumber(min: number, max: number, unit: string, t: ScreeningAdminT) {
  const message = t('wholeNumber', { unit, min, max })
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(max, { error: message }),
  )
}

/** Limits of each number setting: [min, max, unit]. */
export const SETTING_LIMITS: Record<ScreeningNumberSetting, [number, number, string]> = {
  minimumAge: [16, 99, 'years'],
  reviewUnderAge: [16, 99, 'years'],
  isotretinoinMonths: [0, 24, 'months'],
  cancerTreatmentMonths: [0, 24, 'months'],
  toxinDays: [0, 365, 'days'],
  fillerDays: [0, 365, 'days'],
  retinoidDays: [0, 60, 'days'],
  peelDays: [0, 365, 'days'],
  laserDays: [0, 365, 'days'],
  tanDays: [0, 60, 'days'],
  deepPeelMonths: [0, 24, 'months'],
  facialSurgeryMonths: [0, 36, 'months'],
}

/** The form field that carries a rule's sources on the admin page. */
export function sourcesField(ruleId: string): string {
  return `sources-${ruleId}`
}

/**
 * A rule's sources typed by an admin: tags from the source register, separated by commas. Blank
 * passes here, so that publishing names every rule left without a source at once (the domain
 * refuses it: publishScreeningRuleSet); an unknown tag is a message naming the rule.
 */
function typedSources(label: string, t: ScreeningAdminT) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value : ''),
    z
      .string()
      .max(300, { error: t('atMostCharacters', { max: 300 }) })
      .transform((value) => [...new Set(sourceTags(value))])
      .superRefine((tags, ctx) => {
        const unknown = tags.filter((tag) => !SOURCE_REGISTER.has(tag))
        if (unknown.length > 0)
          ctx.addIssue({
            code: 'custom',
            message: t('unknownSourceTags', {
              label,
              tags: unknown.join(', '),
              count: unknown.length,
            }),
          })
      }),
  )
}

const storedSources = z
  .record(z.string().max(64), z.array(z.string().max(16)).max(50))
  .transform((stored) => ({ ...DEFAULT_RULE_SOURCES, ...stored }))

function settingsObject(withDefaults: boolean, t: ScreeningAdminT) {
  const shape = Object.fromEntries(
    (Object.keys(SETTING_LIMITS) as ScreeningNumberSetting[]).map((name) => {
      const [min, max, unit] = SETTING_LIMITS[name]
      const field = wholeNumber(min, max, unit, t)
      return [name, withDefaults ? field.default(DEFAULT_SCREENING_SETTINGS[name]) : field]
    }),
  ) as unknown as Record<ScreeningNumberSetting, z.ZodType<number, unknown>>
  return z
    .object({
      ...shape,
      /** Review rules this clinic treats as "not eligible" instead. */
      stricterRuleIds: z.preprocess(asList, z.array(z.string().max(64)).max(64)),
      /** "Not eligible" rules this clinic treats as "review" instead. */
      relaxedRuleIds: z.preprocess(asList, z.array(z.string().max(64)).max(64)),
    })
    .refine((value) => value.reviewUnderAge >= value.minimumAge, {
      path: ['reviewUnderAge'],
      error: t('reviewAtLeastMinimum'),
    })
}

/**
 * Settings as stored in a rule-set version. Keys added later fall back to their defaults: version
 * 1 (migration 0011) has no windows for dermabrasion or facial surgery, no relaxed choices and no
 * sources, so it reads as the defaults, which is what it meant (docs/decisions/032).
 */
export const StoredSettingsSchema = z.intersection(
  settingsObject(true, translator(screeningAdminMessages, 'en')),
  z.object({ ruleSources: storedSources.default(DEFAULT_RULE_SOURCES) }),
)

/**
 * The admin page's publish form: every number required, each rule's sources, an optional note;
 * its messages in the admin's language (the constant is the English one).
 */
export function publishRuleSetSchema(locale: Locale = 'en') {
  const t = translator(screeningAdminMessages, locale)
  return z
    .intersection(
      settingsObject(false, t),
      z.object({
        ...(Object.fromEntries(
          SCREENING_RULES.map((rule) => [
            sourcesField(rule.id),
            typedSources(ruleLabelIn(rule, locale), t),
          ]),
        ) as Record<string, ReturnType<typeof typedSources>>),
        note: z
          .string()
          .trim()
          .max(500, { error: t('atMostCharacters', { max: 500 }) })
          .optional()
          .transform((value) => value || null),
      }),
    )
    .transform((value) => {
      const record = value as unknown as Record<string, unknown>
      const ruleSources = Object.fromEntries(
        SCREENING_RULES.map((rule) => [rule.id, record[sourcesField(rule.id)] as string[]]),
      )
      const settings = Object.fromEntries(
        Object.entries(record).filter(([key]) => !key.startsWith('sources-') && key !== 'note'),
      ) as Omit<ScreeningSettings, 'ruleSources'>
      return { settings: { ...settings, ruleSources }, note: value.note }
    })
}
export const PublishRuleSetSchema = publishRuleSetSchema()

/** What each number setting is called on the admin page and in the version history. */
export const SETTING_LABELS: Record<ScreeningNumberSetting, string> = {
  minimumAge: 'Minimum age',
  reviewUnderAge: 'Clinician review under the age of',
  isotretinoinMonths: 'Wait after the last isotretinoin dose',
  cancerTreatmentMonths: 'Wait after chemotherapy or radiotherapy ends',
  toxinDays: 'Wait after botulinum toxin',
  fillerDays: 'Wait after dermal filler',
  retinoidDays: 'Wait after a topical retinoid or acid',
  peelDays: 'Wait after a chemical peel',
  laserDays: 'Wait after laser or IPL',
  tanDays: 'Wait after a tan or self-tan',
  deepPeelMonths: 'Wait after dermabrasion or a deep peel',
  facialSurgeryMonths: 'Wait after a facelift or eyelid surgery',
}
