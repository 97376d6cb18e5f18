import { DAY_MS } from '#app/domain/shared/calendar.rules.ts'

/**
 * Skin needs time to heal between needling sessions: two sessions of one patient must be at least
 * `minDays` apart (clinic setting, 28 by default; docs/product.md section 4).
 */
export function findNeedlingConflict(
  otherStarts: number[],
  startAt: number,
  minDays: number,
): { earliestStartAt: number } | null {
  const gap = minDays * DAY_MS
  const tooClose = otherStarts.filter((other) => Math.abs(other - startAt) < gap)
  if (tooClose.length === 0) return null
  return { earliestStartAt: Math.max(...tooClose) + gap }
}

/**
 * For slot search: no session before `minDays` after the patient's latest session. Stricter than
 * the two-sided rule above (it never offers a time before a later booked session); the booking
 * itself is checked with `findNeedlingConflict`.
 */
export function earliestAllowedAfter(otherStarts: number[], minDays: number): number | null {
  if (otherStarts.length === 0) return null
  return Math.max(...otherStarts) + minDays * DAY_MS
}
