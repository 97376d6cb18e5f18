import { OCCUPYING_STATUSES } from '#app/domain/booking/booking.schema.ts'
import {
  byMode,
  type Context,
  runLoad,
  serviceIdBySlug,
  startApp,
  startHello,
  withDatabase,
} from '../lib/context.ts'
import { p99Multiple } from '../lib/floor.ts'
import { clientAddress, holdOver, offeredSlots, startDraft, startDrafts } from '../lib/http.ts'
import { renderTable } from '../lib/table.ts'

/**
 * Goal (c): N patients (N distinct sessions, each with its own draft) try to hold the same slot
 * at once, N requests at C connections, every request a different cookie. Two kinds of client,
 * in alternating runs:
 * - browser: what a page with JavaScript sends, POST /book/time.data (Remix single fetch). The
 *   winner's answer is 202 with the redirect in its body; a loser's 409 carries the action's data
 *   only, and the browser does not reload the page's data after a 4xx.
 * - form: a browser without JavaScript, POST /book/time. The winner gets a 302; each loser's 409
 *   is the whole page rendered again (loaders, slot search, render), the costliest answer.
 * A clean run has exactly one winner and N−1 × 409 ("just taken"), no 5xx, no other status, no
 * timeout, no lost request; afterwards exactly one occupying booking at that time, no two
 * occupying bookings of a practitioner overlapping anywhere in the database, and the winner's
 * retry of the same choice keeps the hold (302 again, not a 409). Safety is asked of both
 * kinds; so is the latency budget: each kind's worst p99 within a multiple of the bare node:http
 * server's p99 under the same storm in the same run (docs/decisions/031-floor-relative-budgets.md).
 */

const PORT = 3720
const PORT_HELLO = 3721
const N = 2000
const CONNECTIONS = 200
const OCCUPYING = OCCUPYING_STATUSES.map((status) => `'${status}'`).join(', ')

export type RaceClient = 'browser' | 'form'
const CLIENTS: Record<RaceClient, { path: string; winnerStatus: number }> = {
  browser: { path: '/book/time.data', winnerStatus: 202 },
  form: { path: '/book/time', winnerStatus: 302 },
}

export type RaceRun = {
  run: number
  client: RaceClient
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

/**
 * The same storm against the bare node:http hello world, in the same run: N POSTs at C
 * connections, each answered at once. Its p99 is the floor this machine's network stack and
 * event loop put under any server's p99 in the storm, so the app's figure can be read against it.
 */
async function measureBaseline(context: Context) {
  const hello = await startHello(context, PORT_HELLO)
  try {
    return await runLoad(context, {
      url: hello.url,
      method: 'POST',
      connections: CONNECTIONS,
      timeoutSec: 10,
      amount: N,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'slot=baseline',
    })
  } finally {
    await hello.stop()
  }
}

export async function measureRace(context: Context) {
  // Runs of each kind of client.
  const runs = byMode(context, { quick: 1, default: 3, full: 20 })
  const baselines = [await measureBaseline(context)]
  const app = await startApp(context, 'race', PORT)
  const results: RaceRun[] = []
  try {
    const serviceId = serviceIdBySlug(app.dbFile, 'consultation')
    context.log(`  preparing ${N} patient sessions with drafts`)
    let cookies = await startDrafts(app.url, serviceId, N)
    // Each patient keeps one client address for the whole section. The winner of a run keeps a
    // live hold, and the live holds per address are limited (ADR 027): an address that moved with
    // an index to the next patients would collect the winners' holds and be refused (429).
    let clients = cookies.map((_, n) => clientAddress(n))
    let patientsMade = N
    for (let index = 0; index < runs * 2; index++) {
      const run = Math.floor(index / 2) + 1
      const client: RaceClient = index % 2 === 0 ? 'browser' : 'form'
      const { path: racePath, winnerStatus } = CLIENTS[client]
      const slot = (await offeredSlots(app.url, cookies[0]!))[0]
      if (!slot) throw new Error('no free slot left to race for')
      const load = await runLoad(context, {
        url: `${app.url}${racePath}`,
        method: 'POST',
        connections: CONNECTIONS,
        timeoutSec: 10,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ slot }).toString(),
        perRequest: { cookies, clients },
      })
      const statuses = load.statuses ?? []
      const count = (predicate: (status: number | null) => boolean) =>
        statuses.filter(predicate).length
      const winners = statuses.flatMap((status, i) => (status === winnerStatus ? [i] : []))
      const otherStatuses: Record<string, number> = {}
      for (const status of statuses) {
        if (status === null || status === winnerStatus || status === 409 || status >= 500) continue
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
        client,
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
        `  run ${run}/${runs} (${client}, ${racePath}): ${result.holds} × ${winnerStatus}, ${result.conflicts} × 409, ${result.noAnswer} unanswered, p99 ${result.latencyMs.p99} ms${result.safe ? '' : '  UNSAFE'}`,
      )
      // The winner's draft now holds a slot: the next run replaces it with a new patient.
      cookies = cookies.filter((_, index) => !winners.includes(index))
      clients = clients.filter((_, index) => !winners.includes(index))
      while (cookies.length < N) {
        cookies.unshift(await startDraft(app.url, serviceId))
        clients.unshift(clientAddress(patientsMade++))
      }
    }
  } finally {
    await app.stop()
  }
  baselines.push(await measureBaseline(context))

  const baselineP99 = Math.min(...baselines.map((run) => run.latencyMs.p99))
  const worst = (client: RaceClient, key: 'p99' | 'max') =>
    Math.max(...results.filter((run) => run.client === client).map((run) => run.latencyMs[key]))
  Object.assign(context.figures, {
    // Runs of each kind; safety and cleanliness count the runs of both kinds.
    'race.runs': Math.min(
      ...(Object.keys(CLIENTS) as RaceClient[]).map(
        (client) => results.filter((run) => run.client === client).length,
      ),
    ),
    'race.unsafeRuns': results.filter((run) => !run.safe).length,
    'race.failedRuns': results.filter((run) => !run.clean).length,
    'race.worstP99Ms': worst('browser', 'p99'),
    'race.worstMaxMs': worst('browser', 'max'),
    'race.form.worstP99Ms': worst('form', 'p99'),
    'race.form.worstMaxMs': worst('form', 'max'),
    // Before and after the app's runs; the better of the two, so it can only flatter the floor.
    'race.baseline.p99Ms': baselineP99,
  })
  // The budgets (docs/decisions/031-floor-relative-budgets.md): each client's worst p99 as a
  // multiple of the bare server's p99 under the same storm. A storm the bare server did not
  // answer cleanly is no floor.
  const baselineProblem = baselines
    .map((run) =>
      run.errors || run.timeouts || run.non2xx
        ? `the bare server's storm had ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx`
        : null,
    )
    .find((problem) => problem !== null)
  for (const [client, figure] of [
    ['browser', 'race.p99ToFloor'],
    ['form', 'race.form.p99ToFloor'],
  ] as const) {
    if (baselineProblem) context.unmeasured[figure] = baselineProblem
    else context.figures[figure] = p99Multiple(worst(client, 'p99'), baselineP99)
  }
  const table = renderTable(
    [
      'run',
      'client',
      'winner',
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
      'safe',
      'clean',
    ],
    results.map((run) => [
      run.run,
      `${run.client} ${CLIENTS[run.client].path}`,
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
  const baselineLine = `bare node:http hello world under the same storm (before, after): p50 ${baselines.map((run) => run.latencyMs.p50).join(', ')} ms, p99 ${baselines.map((run) => run.latencyMs.p99).join(', ')} ms, max ${baselines.map((run) => run.latencyMs.max).join(', ')} ms; worst p99 ÷ the better p99: browser ${(context.figures['race.p99ToFloor'] ?? Number.NaN).toFixed(2)} ×, form ${(context.figures['race.form.p99ToFloor'] ?? Number.NaN).toFixed(2)} ×`
  return {
    attempts: N,
    connections: CONNECTIONS,
    baselines: baselines.map(({ statuses: _s, ...run }) => run),
    runs: results,
    table: `${table}\n${N} POSTs for one slot per run, ${CONNECTIONS} connections, a different patient session per request; latencies in ms\nwinner = 202 with the redirect (browser, single fetch) or 302 (form, no JavaScript)\nsafe = one winner, no 5xx, one occupying booking, no overlaps anywhere, the winner's retry keeps the hold; clean = safe and every other request answered 409 within 10 s\n${baselineLine}`,
  }
}
