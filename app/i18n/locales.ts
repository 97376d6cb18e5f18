/**
 * The languages the product speaks (docs/decisions/038-two-languages.md). Adding one: add its
 * code here, a catalogue file per area under messages/, and its clinical text; the tests then
 * say what is missing.
 */
export const LOCALES = ['it', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Each language in its own words, for the switch ("Italiano", "English"). */
export const LOCALE_NAMES: Record<Locale, string> = { it: 'Italiano', en: 'English' }

/**
 * The Intl locale behind each language: Italian as in Italy; English with day-month dates and
 * a 24-hour clock (en-GB), prices with the euro sign first (en-IE).
 */
export const INTL_LOCALES: Record<Locale, { dates: string; numbers: string }> = {
  it: { dates: 'it-IT', numbers: 'it-IT' },
  en: { dates: 'en-GB', numbers: 'en-IE' },
}
