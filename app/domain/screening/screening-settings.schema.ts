import * as z from 'zod'

/** Lists posted by a checkbox group: nothing, one value (a string) or several (an array). */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '' || value === false) return []
  return Array.isArray(value) ? value : [value]
}

/**
 * The clinic's screening settings: waiting windows and stricter choices. Admins publish a new
 * rule-set version to change them; every submission keeps the version it was judged by.
 * Defaults follow docs/clinical-reference.md table 1.2 (sources in the rule table).
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
  stricterRuleIds: [] as string[],
}
export type ScreeningSettings = typeof DEFAULT_SCREENING_SETTINGS
export type ScreeningNumberSetting = Exclude<keyof ScreeningSettings, 'stricterRuleIds'>

/** A whole number typed in a form (blank is "missing", not 0). */
function wholeNumber(min: number, max: number, unit: string) {
  const message = `Enter a whole number${unit ? ` of ${unit}` : ''}, ${min} to ${max}.`
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
}

function settingsObject(withDefaults: boolean) {
  const shape = Object.fromEntries(
    (Object.keys(SETTING_LIMITS) as ScreeningNumberSetting[]).map((name) => {
      const [min, max, unit] = SETTING_LIMITS[name]
      const field = wholeNumber(min, max, unit)
      return [name, withDefaults ? field.default(DEFAULT_SCREENING_SETTINGS[name]) : field]
    }),
  ) as unknown as Record<ScreeningNumberSetting, z.ZodType<number, unknown>>
  return z
    .object({
      ...shape,
      /** Review rules this clinic treats as "not eligible" instead. */
      stricterRuleIds: z.preprocess(asList, z.array(z.string().max(64)).max(64)),
    })
    .refine((value) => value.reviewUnderAge >= value.minimumAge, {
      path: ['reviewUnderAge'],
      error: 'This must be at least the minimum age.',
    })
}

/** Settings as stored in a rule-set version (keys added later fall back to their defaults). */
export const StoredSettingsSchema = settingsObject(true)

/** The admin page's publish form: every number required, plus an optional note. */
export const PublishRuleSetSchema = z.intersection(
  settingsObject(false),
  z.object({
    note: z
      .string()
      .trim()
      .max(500, { error: 'Use at most 500 characters.' })
      .optional()
      .transform((value) => value || null),
  }),
)

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
}
