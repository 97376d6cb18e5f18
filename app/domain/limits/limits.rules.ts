/**
 * Limits on what anonymous visitors may do (docs/decisions/027-safe-by-default.md): how many
 * email codes, wrong guesses and live holds one address, booking reference or client IP may
 * have. Each limit is a fixed window counted in SQLite (like the staff sign-in throttle), so a
 * new cookie jar or a restart does not reset it.
 */
import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { limitsMessages } from '#app/i18n/messages/index.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export type Limit = {
  /** Names the limit in the audit row that records a refusal. */
  name: string
  max: number
  windowMs: number
}

export const LIMITS = {
  /** Email codes one browser session may ask for (it was the only limit before). */
  codesPerSessionHour: { name: 'codes-per-session-hour', max: 5, windowMs: HOUR },
  /** Email codes sent to one address (booking and "find my booking" alike). */
  codesPerAddressHour: { name: 'codes-per-address-hour', max: 5, windowMs: HOUR },
  codesPerAddressDay: { name: 'codes-per-address-day', max: 10, windowMs: DAY },
  /** "Find my booking" codes asked for one reference, whatever the address typed. */
  codesPerReferenceDay: { name: 'codes-per-reference-day', max: 10, windowMs: DAY },
  /** Codes asked for from one client IP (a clinic's front desk may share one address). */
  codesPerIpHour: { name: 'codes-per-ip-hour', max: 20, windowMs: HOUR },
  /** Wrong codes typed: each code allows 5 tries, these bound the total. */
  wrongCodesPerAddressDay: { name: 'wrong-codes-per-address-day', max: 20, windowMs: DAY },
  wrongCodesPerBookingDay: { name: 'wrong-codes-per-booking-day', max: 20, windowMs: DAY },
  wrongCodesPerIpDay: { name: 'wrong-codes-per-ip-day', max: 60, windowMs: DAY },
  /**
   * One slot held again by the same session: the hold keeps the minutes of its first hold, so
   * re-posting never renews it. The window is how long until that slot may be held afresh.
   */
  holdsOfOneSlotPerSession: { name: 'hold-renewal', max: 1, windowMs: HOUR },
  /** Online waitlist entries: each sends a "confirm your place" email to the address typed. */
  waitlistJoinsPerAddressDay: { name: 'waitlist-joins-per-address-day', max: 5, windowMs: DAY },
  waitlistJoinsPerIpHour: { name: 'waitlist-joins-per-ip-hour', max: 10, windowMs: HOUR },
  /** "My data" downloads of one patient record (each reads the whole record and its photos). */
  myDataDownloadsPerPatientHour: {
    name: 'my-data-downloads-per-patient-hour',
    max: 10,
    windowMs: HOUR,
  },
} as const satisfies Record<string, Limit>

/** Live holds one client IP may have at once (one patient session holds one at a time). */
export const LIVE_HOLDS_PER_IP = 4

export type CounterState = { count: number; windowStartedAt: number }

export type LimitVerdict =
  { allowed: true } | { allowed: false; limit: Limit; retryAfterSeconds: number }

function windowIsOpen(state: CounterState | undefined, limit: Limit, now: number) {
  return state !== undefined && now - state.windowStartedAt < limit.windowMs
}

/** Whether one more event fits under the limit now. */
export function judgeLimit(
  state: CounterState | undefined,
  limit: Limit,
  now: number,
): LimitVerdict {
  if (!windowIsOpen(state, limit, now) || state!.count < limit.max) return { allowed: true }
  return {
    allowed: false,
    limit,
    retryAfterSeconds: Math.max(
      1,
      Math.ceil((state!.windowStartedAt + limit.windowMs - now) / 1000),
    ),
  }
}

/** The counter after one more event: a new window when the old one has run out. */
export function countEvent(
  state: CounterState | undefined,
  limit: Limit,
  now: number,
): CounterState {
  return windowIsOpen(state, limit, now)
    ? { count: state!.count + 1, windowStartedAt: state!.windowStartedAt }
    : { count: 1, windowStartedAt: now }
}

/** Of several refusals, the one that lasts longest is the one to report. */
export function strictest(verdicts: LimitVerdict[]): LimitVerdict {
  let worst: LimitVerdict = { allowed: true }
  for (const verdict of verdicts) {
    if (verdict.allowed) continue
    if (worst.allowed || verdict.retryAfterSeconds > worst.retryAfterSeconds) worst = verdict
  }
  return worst
}

/** "in about 5 minutes", "in about 3 hours": when to try again, for the message beside a form. */
export function describeWait(retryAfterSeconds: number, locale: Locale = 'en'): string {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  if (minutes <= 1) return translate(limitsMessages, locale, 'waitSoon')
  if (minutes < 90) return translate(limitsMessages, locale, 'waitMinutes', { minutes })
  const hours = Math.round(minutes / 60)
  return translate(limitsMessages, locale, 'waitHours', { hours })
}

/** Why an address may not book more online: it has as many upcoming visits as the clinic allows. */
export function tooManyBookingsMessage(
  max: number,
  clinicPhone: string,
  locale: Locale = 'en',
): string {
  return translate(limitsMessages, locale, 'tooManyBookings', { max, phone: clinicPhone })
}
