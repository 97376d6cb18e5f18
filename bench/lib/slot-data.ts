import { seededRandom } from './stats.ts'

/**
 * The synthetic clinic of the slot-search benchmark (performance-goals.md 3.1 and 6(b)):
 * P practitioners who all work 08:00–16:00 every day, a 30-minute service on a 15-minute step
 * (31 candidate starts per practitioner and day, 139,500 for 50 × 90 days), and B bookings of
 * 30 or 60 minutes placed at random on the grid without overlapping, from a fixed seed.
 *
 * This module only plans; bench/workers/slot-search.ts writes the plan into a migrated file.
 */

export const DAY_START_MINUTE = 8 * 60
export const DAY_END_MINUTE = 16 * 60
export const STEP_MINUTES = 15
export const SEARCHED_SERVICE_MINUTES = 30

export type DataSpec = { practitioners: number; days: number; bookings: number }

export type PlannedBooking = {
  practitioner: number
  day: number
  startMinute: number
  durationMinutes: 30 | 60
  status: 'confirmed' | 'pending_review'
}

/**
 * B non-overlapping bookings over P practitioners × D days, the same for the same seed. Refuses
 * a spec that cannot hold them comfortably (more than a third of the day booked on average),
 * since rejection sampling would then crawl and the data would stop looking like a clinic.
 */
export function planBookings(spec: DataSpec, seed: number): PlannedBooking[] {
  const { practitioners, days, bookings } = spec
  if (![practitioners, days, bookings].every((n) => Number.isInteger(n) && n >= 0))
    throw new RangeError(`not a data spec: ${JSON.stringify(spec)}`)
  const quartersPerDay = (DAY_END_MINUTE - DAY_START_MINUTE) / STEP_MINUTES
  // Each booking takes 3 quarters on average (30 or 60 minutes).
  if (bookings > 0 && (bookings * 3) / (practitioners * days * quartersPerDay) > 1 / 3)
    throw new RangeError(`${bookings} bookings do not fit ${practitioners} × ${days} days`)
  const random = seededRandom(seed)
  const pick = (n: number) => Math.floor(random() * n)
  // Per practitioner and day, which quarters are taken.
  const taken = new Map<number, Uint8Array>()
  const planned: PlannedBooking[] = []
  while (planned.length < bookings) {
    const practitioner = pick(practitioners)
    const day = pick(days)
    const durationMinutes = random() < 0.5 ? 30 : 60
    const quarters = durationMinutes / STEP_MINUTES
    const first = pick(quartersPerDay - quarters + 1)
    const key = practitioner * days + day
    let row = taken.get(key)
    if (!row) taken.set(key, (row = new Uint8Array(quartersPerDay)))
    let free = true
    for (let q = first; q < first + quarters; q++) if (row[q]) free = false
    // Status is drawn for every attempt, so the sequence does not depend on collisions' order.
    const status = random() < 0.95 ? 'confirmed' : 'pending_review'
    if (!free) continue
    for (let q = first; q < first + quarters; q++) row[q] = 1
    planned.push({
      practitioner,
      day,
      startMinute: DAY_START_MINUTE + first * STEP_MINUTES,
      durationMinutes,
      status,
    })
  }
  return planned
}
