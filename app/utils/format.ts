/** Display helpers shared by server and browser (Intl only, no time-zone library in the bundle). */

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
const priceFormat = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' })
const calendarDateFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

export function formatPrice(cents: number | null): string | null {
  if (cents === null) return null
  return priceFormat.format(cents / 100)
}

export function formatDepthMm(depthUm: number | null): string {
  if (depthUm === null) return 'no needling'
  return `${(depthUm / 1000).toFixed(2).replace(/0$/, '')} mm`
}

/** "Wednesday 25 November 2026" for a YYYY-MM-DD calendar date (no time zone involved). */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return calendarDateFormat.format(new Date(Date.UTC(y, m - 1, d)))
}

/** A friendly name for an IANA zone, e.g. "Europe/Rome" → "Rome time (Europe/Rome)". */
export function describeTimeZone(timeZone: string): string {
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone
  return `${city} time (${timeZone})`
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>()
function formatter(
  timeZone: string,
  kind: 'date' | 'time' | 'short-date' | 'time-seconds',
): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}`
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
    existing = new Intl.DateTimeFormat('en-GB', { ...options, timeZone })
    dateFormatters.set(key, existing)
  }
  return existing
}

/** "Monday 30 November 2026" in the given zone. */
export function formatDateInZone(instant: number | Date, timeZone: string): string {
  return formatter(timeZone, 'date').format(instant)
}

/** "Mon 30 Nov" in the given zone. */
export function formatShortDateInZone(instant: number | Date, timeZone: string): string {
  return formatter(timeZone, 'short-date').format(instant)
}

/** "09:45" in the given zone (24-hour clock, as in Italy). */
export function formatTimeInZone(instant: number | Date, timeZone: string): string {
  return formatter(timeZone, 'time').format(instant)
}

/** "09:45:07" in the given zone, for records where seconds matter (the audit log). */
export function formatTimeWithSecondsInZone(instant: number | Date, timeZone: string): string {
  return formatter(timeZone, 'time-seconds').format(instant)
}

/** "Monday 30 November 2026, 10:00–11:00 Rome time (Europe/Rome)". */
export function formatAppointment(
  startAt: number | Date,
  endAt: number | Date,
  timeZone: string,
): string {
  return `${formatDateInZone(startAt, timeZone)}, ${formatTimeInZone(startAt, timeZone)}–${formatTimeInZone(endAt, timeZone)} ${describeTimeZone(timeZone)}`
}
