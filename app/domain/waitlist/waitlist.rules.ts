import { TIMES_OF_DAY, type TimeOfDay } from './waitlist.constants.ts'

/*
 * The waitlist's rules (ADR 044), pure: which free time suits which entry, and in what order
 * entries are offered times. waitlist.server.ts runs them against the wizard's own slot search.
 */

/** Morning starts before 12:00, afternoon before 17:00, evening from 17:00 (clinic time). */
export function timeOfDayOf(minuteOfDay: number): TimeOfDay {
  if (minuteOfDay < 12 * 60) return 'morning'
  if (minuteOfDay < 17 * 60) return 'afternoon'
  return 'evening'
}

/** The clinic-local date and minute of the day of an instant. */
export function localDateAndMinute(
  instant: number,
  timeZone: string,
): { date: string; minuteOfDay: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')),
  }
}

export type WaitlistCriteria = {
  /** Null: anyone qualified. */
  practitionerId: string | null
  fromDate: string
  toDate: string
  timesOfDay: readonly TimeOfDay[]
}

export type OfferableSlot = { practitionerId: string; startAt: number }

/** Does this free time suit the entry: the practitioner, the dates and the part of the day? */
export function slotSuits(criteria: WaitlistCriteria, slot: OfferableSlot, timeZone: string) {
  if (criteria.practitionerId && criteria.practitionerId !== slot.practitionerId) return false
  const { date, minuteOfDay } = localDateAndMinute(slot.startAt, timeZone)
  if (date < criteria.fromDate || date > criteria.toDate) return false
  return criteria.timesOfDay.includes(timeOfDayOf(minuteOfDay))
}

/**
 * The earliest free time that suits the entry and that does not overlap a time it was offered
 * before (`spanMs`: the visit's length): an offer that lapsed goes to the next person, not back to
 * the same one a quarter of an hour later.
 */
export function firstSuitingSlot(
  criteria: WaitlistCriteria,
  slots: readonly OfferableSlot[],
  timeZone: string,
  alreadyOffered: readonly OfferableSlot[],
  spanMs = 0,
): OfferableSlot | null {
  const sorted = [...slots].sort((a, b) => a.startAt - b.startAt)
  const offeredBefore = (slot: OfferableSlot) =>
    alreadyOffered.some(
      (old) =>
        old.practitionerId === slot.practitionerId &&
        Math.abs(old.startAt - slot.startAt) < Math.max(spanMs, 1),
    )
  return sorted.find((slot) => !offeredBefore(slot) && slotSuits(criteria, slot, timeZone)) ?? null
}

/** First joined, first offered (the id only breaks a tie of the same millisecond). */
export function inOfferOrder<T extends { createdAt: Date; id: string }>(
  entries: readonly T[],
): T[] {
  return [...entries].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  )
}

/** Why the dates asked for cannot be waited for: the end before the start, or a range in the past. */
export function datesProblem(
  range: { fromDate: string; toDate: string },
  today: string,
): 'reversed' | 'past' | null {
  if (range.toDate < range.fromDate) return 'reversed'
  if (range.toDate < today) return 'past'
  return null
}

export function parseTimesOfDay(value: string): TimeOfDay[] {
  const wanted = new Set(value.split(','))
  return TIMES_OF_DAY.filter((time) => wanted.has(time))
}

export function serializeTimesOfDay(times: readonly TimeOfDay[]): string {
  return TIMES_OF_DAY.filter((time) => times.includes(time)).join(',')
}

/** Does the entry want this clinic date? */
export function wantsDate(range: { fromDate: string; toDate: string }, date: string): boolean {
  return range.fromDate <= date && date <= range.toDate
}
