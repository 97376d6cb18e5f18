import { and, count, eq, gt, min, ne, sql } from 'drizzle-orm'
import {
  clientKey,
  countTowardLimits,
  type LimitCheck,
  openWindowStart,
} from '#app/domain/limits/limits.server.ts'
import { LIMITS, LIVE_HOLDS_PER_IP, type LimitVerdict } from '#app/domain/limits/limits.rules.ts'
import { type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookingDrafts, bookings } from '#db/schema/index.ts'

/**
 * The limits on holding time (docs/decisions/027-safe-by-default.md). A live hold blocks a slot
 * for everyone else, so an anonymous client must not be able to hold a practitioner's whole day:
 *   - one live hold per patient session (holding another time lets go of the first);
 *   - at most LIVE_HOLDS_PER_IP live holds per client IP, whatever the cookies;
 *   - a slot held again by the same session keeps the minutes of its first hold: re-posting
 *     never renews a hold, and once those minutes are up the slot waits an hour for that session.
 */

export type HoldPermit = {
  /** When the new hold lapses. */
  expiresAt: number
  /** The draft's client key (hash of the IP), stored to count its live holds. */
  holdClientKey: string | null
  slot: LimitCheck
  firstHold: boolean
}

const liveHoldsOfClientQuery = preparedStatement((db) =>
  db
    .select({ n: count(), soonestExpiry: min(bookings.holdExpiresAt) })
    .from(bookingDrafts)
    .innerJoin(bookings, eq(bookings.id, bookingDrafts.heldBookingId))
    .where(
      and(
        eq(bookingDrafts.holdClientKey, sql.placeholder('holdClientKey')),
        ne(bookingDrafts.id, sql.placeholder('draftId')),
        eq(bookings.status, 'held'),
        gt(bookings.holdExpiresAt, sql.placeholder('now')),
      ),
    )
    .prepare(),
)

export function permitHold(
  tx: Tx,
  input: {
    draftId: string
    sessionTokenHash: string
    practitionerId: string
    startAt: number
    ipAddress: string | null | undefined
    holdMinutes: number
    now: Date
  },
): { allowed: true; permit: HoldPermit } | Extract<LimitVerdict, { allowed: false }> {
  const now = input.now.getTime()
  const holdClientKey = input.ipAddress ? clientKey(input.ipAddress) : null
  if (holdClientKey) {
    const live = liveHoldsOfClientQuery(tx).get({
      holdClientKey,
      draftId: input.draftId,
      now,
    })
    if (live && live.n >= LIVE_HOLDS_PER_IP) {
      const soonest = live.soonestExpiry ? new Date(live.soonestExpiry).getTime() : now + 60_000
      return {
        allowed: false,
        limit: { name: 'live-holds-per-ip', max: LIVE_HOLDS_PER_IP, windowMs: 0 },
        retryAfterSeconds: Math.max(1, Math.ceil((soonest - now) / 1000)),
      }
    }
  }
  const slot: LimitCheck = {
    limit: LIMITS.holdsOfOneSlotPerSession,
    subject: `${input.sessionTokenHash}:${input.practitionerId}:${input.startAt}`,
  }
  const firstHeldAt = openWindowStart(tx, slot, input.now)
  const holdMs = input.holdMinutes * 60_000
  if (firstHeldAt === null)
    return {
      allowed: true,
      permit: { expiresAt: now + holdMs, holdClientKey, slot, firstHold: true },
    }
  const expiresAt = firstHeldAt + holdMs
  if (expiresAt <= now)
    return {
      allowed: false,
      limit: slot.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((firstHeldAt + slot.limit.windowMs - now) / 1000)),
    }
  return { allowed: true, permit: { expiresAt, holdClientKey, slot, firstHold: false } }
}

/** Starts the slot's clock the first time this session holds it. */
export function recordHoldPermit(tx: Tx, permit: HoldPermit, now: Date): void {
  if (permit.firstHold) countTowardLimits(tx, [permit.slot], now)
}
