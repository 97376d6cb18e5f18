import { OCCUPYING_STATUSES } from '#app/domain/booking/booking.schema.ts'
import {
  byMode,
  type Context,
  runLoad,
  serviceIdBySlug,
  startApp,
  withDatabase,
} from '../lib/context.ts'
import { holdOver, offeredSlots, startDraft, startDrafts } from '../lib/http.ts'
import { renderTable } from '../lib/table.ts'

/**
 * Goal (c): N patients (N distinct sessions, each with its own draft) try to hold the same slot
 * at once: POST /book/time, N requests at C connections, every request a different cookie.
 * A clean run has exactly one 302 (the hold) and N−1 × 409 ("just taken"), no 5xx, no other
 * status, no timeout, no lost request; afterwards exactly one occupying booking at that time,
 * no two occupying bookings of a practitioner overlapping anywhere in the database, and the
 * winner's retry of the same choice answers 302 again (the same hold, not a 409).
 */

const PORT = 3720
const N = 2000
const CONNECTIONS = 200
const OCCUPYING = OCCUPYING_STATUSES.map((status) => `'${status}'`).join(', ')

export type RaceRun = {
  run: number
  slot: string
  holds: number
  conflicts: number
  serverErrors: number
  otherStatuses: Record<string, number>
  noAnswer: number
  timeouts: number
  errors: number
  occupyingAtSlot: number
  overlappingPairs: number
  retryStatus: number | null
  latencyMs: { p50: number; p97_5: number; p99: number; max: number }
  durationSec: number
  /** No double booking, no 5xx, exactly one winner who keeps the hold on retry. */
  safe: boolean
  /** Safe, and every other request got its 409 (none lost, none timed out). */
  clean: boolean
}

export async function measureRace(context: Context) {
  const runs = byMode(context, { quick: 2, default: 5, full: 20 })
  const app = await startApp(context, 'race', PORT)
  const results: RaceRun[] = []
  try {
    const serviceId = serviceIdBySlug(app.dbFile, 'consultation')
    context.log(`  preparing ${N} patient sessions with drafts`)
    let cookies = await startDrafts(app.url, serviceId, N)
    for (let run = 1; run <= runs; run++) {
      const slot = (await offeredSlots(app.url, cookies[0]!))[0]
      if (!slot) throw new Error('no free slot left to race for')
      const load = await runLoad(context, {
        url: `${app.url}/book/time`,
        method: 'POST',
        connections: CONNECTIONS,
        timeoutSec: 10,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ slot }).toString(),
        perRequest: { cookies },
      })
      const statuses = load.statuses ?? []
      const count = (predicate: (status: number | null) => boolean) =>
        statuses.filter(predicate).length
      const winners = statuses.flatMap((status, index) => (status === 302 ? [index] : []))
      const otherStatuses: Record<string, number> = {}
      for (const status of statuses) {
        if (status === null || status === 302 || status === 409 || status >= 500) continue
        otherStatuses[status] = (otherStatuses[status] ?? 0) + 1
      }
      const [practitionerId, startAt] = slot.split('@') as [string, string]
      const { occupyingAtSlot, overlappingPairs } = withDatabase(app.dbFile, (db) => ({
        occupyingAtSlot: (
          db
            .prepare(
              `SELECT count(*) AS n FROM bookings
               WHERE practitioner_id = ? AND start_at = ? AND status IN (${OCCUPYING})`,
            )
            .get(practitionerId, Number(startAt)) as { n: number }
        ).n,
        overlappingPairs: (
          db
            .prepare(
              `SELECT count(*) AS n FROM bookings AS a JOIN bookings AS b
                 ON a.practitioner_id = b.practitioner_id AND a.rowid < b.rowid
               WHERE a.status IN (${OCCUPYING}) AND b.status IN (${OCCUPYING})
                 AND a.start_at < b.blocked_until AND b.start_at < a.blocked_until`,
            )
            .get() as { n: number }
        ).n,
      }))
      const retryStatus =
        winners.length === 1 ? await holdOver(app.url, cookies[winners[0]!]!, slot) : null
      const result: RaceRun = {
        run,
        slot,
        holds: winners.length,
        conflicts: count((status) => status === 409),
        serverErrors: count((status) => status !== null && status >= 500),
        otherStatuses,
        noAnswer: count((status) => status === null),
        timeouts: load.timeouts,
        errors: load.errors,
        occupyingAtSlot,
        overlappingPairs,
        retryStatus,
        latencyMs: load.latencyMs,
        durationSec: load.durationSec,
        safe: false,
        clean: false,
      }
      result.safe =
        result.holds === 1 &&
        result.serverErrors === 0 &&
        result.occupyingAtSlot === 1 &&
        result.overlappingPairs === 0 &&
        result.retryStatus === 302
      result.clean =
        result.safe &&
        result.conflicts === N - 1 &&
        Object.keys(otherStatuses).length === 0 &&
        result.noAnswer === 0 &&
        result.timeouts === 0 &&
        result.errors === 0
      results.push(result)
      context.log(
        `  run ${run}/${runs}: ${result.holds} × 302, ${result.conflicts} × 409, ${result.noAnswer} unanswered, p99 ${result.latencyMs.p99} ms${result.safe ? '' : '  UNSAFE'}`,
      )
      // The winner's draft now holds a slot: the next run replaces it with a new patient.
      cookies = cookies.filter((_, index) => !winners.includes(index))
      while (cookies.length < N) cookies.unshift(await startDraft(app.url, serviceId))
    }
  } finally {
    await app.stop()
  }

  Object.assign(context.figures, {
    'race.runs': results.length,
    'race.unsafeRuns': results.filter((run) => !run.safe).length,
    'race.failedRuns': results.filter((run) => !run.clean).length,
    'race.worstP99Ms': Math.max(...results.map((run) => run.latencyMs.p99)),
    'race.worstMaxMs': Math.max(...results.map((run) => run.latencyMs.max)),
  })
  const table = renderTable(
    [
      'run',
      '302',
      '409',
      '5xx',
      'other',
      'no answer',
      'occupying',
      'overlaps',
      'retry',
      'p50',
      'p99',
      'max',
      'clean',
    ],
    results.map((run) => [
      run.run,
      run.holds,
      run.conflicts,
      run.serverErrors,
      Object.keys(run.otherStatuses).length ? JSON.stringify(run.otherStatuses) : '0',
      run.noAnswer,
      run.occupyingAtSlot,
      run.overlappingPairs,
      run.retryStatus ?? '–',
      run.latencyMs.p50,
      run.latencyMs.p99,
      run.latencyMs.max,
      run.safe ? 'yes' : 'NO',
      run.clean ? 'yes' : 'NO',
    ]),
  )
  return {
    attempts: N,
    connections: CONNECTIONS,
    runs: results,
    table: `${table}\n${N} POST /book/time for one slot per run, ${CONNECTIONS} connections, a different patient session per request; latencies in ms\nsafe = one winner, no 5xx, one occupying booking, no overlaps anywhere, the winner's retry keeps the hold; clean = safe and every other request answered 409 within 10 s`,
  }
}
