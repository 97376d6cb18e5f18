import { type MinuteInterval } from '#app/domain/availability/availability.rules.ts'

/**
 * Pure helpers for the admin console: the units people type (times of day, millimetres, euros)
 * and what we store (minutes, micrometres, cents), and the sanity checks on weekly hours.
 * Client-safe: the same functions run in the browser's form validation and on the server.
 */

export const MINUTES_PER_DAY = 1440

/**
 * "09:30" → 570. Accepts what `<input type="time">` posts ("HH:MM", or "HH:MM:SS" when a step
 * below a minute is set) and "24:00" for the end of the day. Null when it is not a time.
 */
export function parseTimeOfDay(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  const seconds = Number(match[3] ?? '0')
  if (minutes > 59 || seconds > 59) return null
  if (hours === 24 && minutes === 0 && seconds === 0) return MINUTES_PER_DAY
  if (hours > 23) return null
  return hours * 60 + minutes
}

/** 570 → "09:30", the value an `<input type="time">` shows. */
export function timeInputValue(minutes: number): string {
  const clamped = Math.min(minutes, MINUTES_PER_DAY - 1)
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`
}

/**
 * "1.5" (or "1,5", as typed in Italy) millimetres → 1500 micrometres. At most two decimals, so a
 * depth is always a whole number of 10 µm. Null when it is not such a number.
 */
export function parseMillimetresToUm(value: string): number | null {
  const normalised = value.trim().replace(',', '.')
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(normalised) && !/^\.\d{1,2}$/.test(normalised)) return null
  return Math.round(Number(normalised) * 1000)
}

/** 1500 → "1.5", 500 → "0.5", 2000 → "2": what the depth field shows. */
export function millimetresInputValue(depthUm: number): string {
  return String(depthUm / 1000)
}

/** "250", "89.50" or "89,5" euros → cents. Null when it is not an amount. */
export function parseEurosToCents(value: string): number | null {
  const normalised = value.trim().replace(/^€\s*/, '').replace(',', '.')
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(normalised)) return null
  const [whole, fraction = ''] = normalised.split('.') as [string, string?]
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

/** 8950 → "89.50": what the price field shows. */
export function eurosInputValue(cents: number): string {
  return (cents / 100).toFixed(2)
}

/** "Acne scar microneedling" → "acne-scar-microneedling" (the service's stable URL name). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'service'
}

/** The slug itself when free, else the first of slug-2, slug-3… that is. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * The positions (in the given order) of intervals that overlap an interval listed before them.
 * Touching intervals (13:00–14:00 after 09:00–13:00) do not overlap.
 */
export function findOverlappingIntervals(intervals: readonly MinuteInterval[]): number[] {
  const overlapping: number[] = []
  intervals.forEach((interval, index) => {
    const clash = intervals
      .slice(0, index)
      .some(
        (earlier) =>
          earlier.startMinute < interval.endMinute && interval.startMinute < earlier.endMinute,
      )
    if (clash) overlapping.push(index)
  })
  return overlapping
}

/** An IANA zone this runtime knows (Europe/Rome yes, "CET+1" or "Mars/Olympus" no). */
export function isValidTimeZone(zone: string): boolean {
  return Intl.supportedValuesOf('timeZone').includes(zone)
}
