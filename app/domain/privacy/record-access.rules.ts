/**
 * "Who looked at my record" (issue 19, item 3): how far back the list goes and how long it may be.
 * The list reads the audit chain (docs/decisions/020-audit-log.md); these are its limits.
 */

/** The list covers the last 12 months. */
export const RECORD_ACCESS_MONTHS = 12

/** At most this many rows, newest first; older ones are left out with a note. */
export const RECORD_ACCESS_LIMIT = 200

/** The first instant the list covers: the same moment 12 months before `now` (UTC calendar). */
export function recordAccessSince(now: Date): Date {
  const since = new Date(now.getTime())
  since.setUTCMonth(since.getUTCMonth() - RECORD_ACCESS_MONTHS)
  // 29 February minus a year lands on 1 March: step back to the last day of February.
  if (since.getUTCDate() !== now.getUTCDate()) since.setUTCDate(0)
  return since
}

/** Rows read (one more than shown) → the rows to show and whether older ones were left out. */
export function limitRows<T>(rows: readonly T[]): { rows: T[]; truncated: boolean } {
  return { rows: rows.slice(0, RECORD_ACCESS_LIMIT), truncated: rows.length > RECORD_ACCESS_LIMIT }
}
