/** Display helpers shared by server and browser (Intl only, no time-zone library in the bundle). */
import { translate } from '#app/i18n/catalogue.ts'
import { INTL_LOCALES, type Locale, LOCALES } from '#app/i18n/locales.ts'
import { datesMessages } from '#app/i18n/messages/index.ts'

export function formatMinutesOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** Whole seconds from now until an instant (0 once it has passed). */
export function secondsUntil(at: number, now = Date.now()): number {
  return Math.max(0, Math.round((at - now) / 1000))
}

// Intl formatters are costly to build (a profile of GET / showed formatPrice near the top):
// build each once.
const priceFormats = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    new Intl.NumberFormat(INTL_LOCALES[locale].numbers, { style: 'currency', currency: 'EUR' }),
  ]),
) as Record<Locale, Intl.NumberFormat>
const calendarDateFormats = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    new Intl.DateTimeFormat(INTL_LOCALES[locale].dates, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  ]),
) as Record<Locale, Intl.DateTimeFormat>

export function formatPrice(cents: number | null, locale: Locale = 'en'): string | null {
  if (cents === null) return null
  return priceFormats[locale].format(cents / 100)
}

const depthFormats = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    new Intl.NumberFormat(INTL_LOCALES[locale].numbers, {
      style: 'unit',
      unit: 'millimeter',
      minimumFractionDigits: 1,
      maximumFractionDigits: 2,
    }),
  ]),
) as Record<Locale, Intl.NumberFormat>

/** A needle depth in micrometres: "1.5 mm", "1,5 mm", "0.25 mm"; null (a consultation) in words. */
export function formatDepthMm(depthUm: number | null, locale: Locale = 'en'): string {
  if (depthUm === null) return translate(datesMessages, locale, 'noNeedling')
  return depthFormats[locale].format(depthUm / 1000)
}

/** "Wednesday 25 November 2026" for a YYYY-MM-DD calendar date (no time zone involved). */
export function formatCalendarDate(isoDate: string, locale: Locale = 'en'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return calendarDateFormats[locale].format(new Date(Date.UTC(y, m - 1, d)))
}

/**
 * A friendly name for an IANA zone: "Europe/Rome" → "Rome time (Europe/Rome)", "ora di Roma
 * (Europe/Rome)". The city is the zone's own; Intl names zones only by region ("Central
 * European Time"), which patients in Milan do not say.
 */
export function describeTimeZone(timeZone: string, locale: Locale = 'en'): string {
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone
  const localCity = CITY_NAMES[locale]?.[city] ?? city
  return translate(datesMessages, locale, 'timeZone', { city: localCity, zone: timeZone })
}

/** Zone cities whose name differs in a language (the zones a clinic in Europe is likely in). */
const CITY_NAMES: Partial<Record<Locale, Record<string, string>>> = {
  it: {
    Rome: 'Roma',
    Vatican: 'Città del Vaticano',
    London: 'Londra',
    Paris: 'Parigi',
    Berlin: 'Berlino',
    Zurich: 'Zurigo',
    Brussels: 'Bruxelles',
    Lisbon: 'Lisbona',
    Athens: 'Atene',
    Warsaw: 'Varsavia',
    Prague: 'Praga',
    Copenhagen: 'Copenaghen',
    Stockholm: 'Stoccolma',
    Moscow: 'Mosca',
    Belgrade: 'Belgrado',
    Bucharest: 'Bucarest',
    Ljubljana: 'Lubiana',
  },
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>()
function formatter(
  timeZone: string,
  kind: 'date' | 'time' | 'short-date' | 'time-seconds',
  locale: Locale,
): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}|${locale}`
  let existing = dateFormatters.get(key)
  if (!existing) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : kind === 'short-date'
          ? { weekday: 'short', day: 'numeric', month: 'short' }
          : kind === 'time-seconds'
            ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
            : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    existing = new Intl.DateTimeFormat(INTL_LOCALES[locale].dates, { ...options, timeZone })
    dateFormatters.set(key, existing)
  }
  return existing
}

/** "Monday 30 November 2026", "lunedì 30 novembre 2026" in the given zone. */
export function formatDateInZone(
  instant: number | Date,
  timeZone: string,
  locale: Locale = 'en',
): string {
  return formatter(timeZone, 'date', locale).format(instant)
}

/** "Mon 30 Nov", "lun 30 nov" in the given zone. */
export function formatShortDateInZone(
  instant: number | Date,
  timeZone: string,
  locale: Locale = 'en',
): string {
  return formatter(timeZone, 'short-date', locale).format(instant)
}

/** "09:45" in the given zone (a 24-hour clock in both languages, as in Italy). */
export function formatTimeInZone(
  instant: number | Date,
  timeZone: string,
  locale: Locale = 'en',
): string {
  return formatter(timeZone, 'time', locale).format(instant)
}

/** "09:45:07" in the given zone, for records where seconds matter (the audit log). */
export function formatTimeWithSecondsInZone(instant: number | Date, timeZone: string): string {
  return formatter(timeZone, 'time-seconds', 'en').format(instant)
}

/** "Monday 30 November 2026, 10:00–11:00 Rome time (Europe/Rome)". */
export function formatAppointment(
  startAt: number | Date,
  endAt: number | Date,
  timeZone: string,
  locale: Locale = 'en',
): string {
  return translate(datesMessages, locale, 'appointment', {
    date: formatDateInZone(startAt, timeZone, locale),
    start: formatTimeInZone(startAt, timeZone, locale),
    end: formatTimeInZone(endAt, timeZone, locale),
    zone: describeTimeZone(timeZone, locale),
  })
}

/** "Monday 30 November 2026 at 10:00", "lunedì 30 novembre 2026 alle 10:00". */
export function formatDateAndTime(
  instant: number | Date,
  timeZone: string,
  locale: Locale = 'en',
): string {
  return translate(datesMessages, locale, 'dateAtTime', {
    date: formatDateInZone(instant, timeZone, locale),
    time: formatTimeInZone(instant, timeZone, locale),
  })
}

const monthFormats = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    new Intl.DateTimeFormat(INTL_LOCALES[locale].dates, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  ]),
) as Record<Locale, Intl.DateTimeFormat>

/** "December 2026", "dicembre 2026" for any YYYY-MM-DD date of the month. */
export function formatMonth(isoDate: string, locale: Locale = 'en'): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number]
  return monthFormats[locale].format(new Date(Date.UTC(y, m - 1, 1)))
}

const percentFormats = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    new Intl.NumberFormat(INTL_LOCALES[locale].numbers, {
      style: 'percent',
      maximumFractionDigits: 0,
    }),
  ]),
) as Record<Locale, Intl.NumberFormat>

/** 0.42 → "42%" ("42%" in Italian too, as Intl writes it for it-IT). */
export function formatPercent(share: number, locale: Locale = 'en'): string {
  return percentFormats[locale].format(share)
}
