import { createHash } from 'node:crypto'
import { eq, lt, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { rateLimitCounters } from '#db/schema/index.ts'
import {
  countEvent,
  type CounterState,
  judgeLimit,
  type Limit,
  type LimitVerdict,
  strictest,
} from './limits.rules.ts'

/** One limit applied to one subject (an address, a reference, an IP, a session and slot). */
export type LimitCheck = { limit: Limit; subject: string }

/**
 * The counter's key: the limit's name and a hash of what it counts, so that no address or IP
 * is kept in the clear here.
 */
export function counterKey(check: LimitCheck): string {
  const digest = createHash('sha256').update(check.subject).digest('base64url').slice(0, 32)
  return `${check.limit.name}:${digest}`
}

/** A client IP as stored beside a hold: a hash, never the address itself. */
export function clientKey(ipAddress: string): string {
  return createHash('sha256').update(`client:${ipAddress}`).digest('base64url').slice(0, 32)
}

const counterQuery = preparedStatement((db) =>
  db
    .select()
    .from(rateLimitCounters)
    .where(eq(rateLimitCounters.key, sql.placeholder('key')))
    .prepare(),
)

function readCounter(db: Tx | Db, key: string): CounterState | undefined {
  const row = counterQuery(db).get({ key })
  return row ? { count: row.count, windowStartedAt: row.windowStartedAt.getTime() } : undefined
}

/** The first time (window start) of a counter that is still open, or null. */
export function openWindowStart(db: Tx | Db, check: LimitCheck, now: Date): number | null {
  const state = readCounter(db, counterKey(check))
  if (!state || now.getTime() - state.windowStartedAt >= check.limit.windowMs) return null
  return state.windowStartedAt
}

/** Whether one more event fits under every limit given; the longest refusal otherwise. */
export function checkLimits(db: Tx | Db, checks: LimitCheck[], now: Date): LimitVerdict {
  return strictest(
    checks.map((check) =>
      judgeLimit(readCounter(db, counterKey(check)), check.limit, now.getTime()),
    ),
  )
}

/** Counts one event under each limit, inside the caller's transaction. */
export function countTowardLimits(tx: Tx, checks: LimitCheck[], now: Date): void {
  for (const check of checks) {
    const key = counterKey(check)
    const next = countEvent(readCounter(tx, key), check.limit, now.getTime())
    const values = { count: next.count, windowStartedAt: new Date(next.windowStartedAt) }
    tx.insert(rateLimitCounters)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: rateLimitCounters.key, set: values })
      .run()
  }
}

/**
 * The one row a refusal writes: which limit, for how long. Never the address or code; the
 * actor carries the client IP and request id like every other audit row.
 */
export function recordLimitRefusal(
  db: Tx | Db,
  input: {
    verdict: Extract<LimitVerdict, { allowed: false }>
    action: string
    actor: AuditActor
    now: Date
  },
): void {
  recordAuditEvent(db, {
    action: 'limit.refused',
    actor: input.actor,
    details: {
      limit: input.verdict.limit.name,
      on: input.action,
      retryAfterSeconds: input.verdict.retryAfterSeconds,
    },
    at: input.now,
  })
}

/** Housekeeping: counters whose window closed more than a day ago count nothing any more. */
export function purgeLapsedCounters(now = new Date()): number {
  const longestWindowMs = 2 * 24 * 60 * 60_000
  return getDb()
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.windowStartedAt, new Date(now.getTime() - longestWindowMs)))
    .run().changes
}
