import path from 'node:path'
import fs from 'node:fs'
import {
  byMode,
  type Context,
  runLoad,
  runWorker,
  serviceIdBySlug,
  startApp,
} from '../lib/context.ts'
import { startDrafts } from '../lib/http.ts'
import { median, ratio, type Summary } from '../lib/stats.ts'
import { renderTable } from '../lib/table.ts'

/**
 * Goal (f): booking writes per second, in process (the real holdSlot) and over HTTP (POST
 * /book/time, a distinct slot and patient per request, c=50), each against raw prepared
 * single-row inserts into the same bookings table of the same file with the same pragmas,
 * measured in the same run. Consultations (30 minutes, no buffer) give the most distinct slots.
 * In process a second baseline is reported too: the rows a hold writes, as raw SQL.
 */

const PORT = 3730
const SERVICE = 'consultation'
const CONNECTIONS = 50

type Round = { ops: number; ms: number; perSec: number }
type InProcess = {
  service: string
  slotsAvailable: number
  holdsMade: number
  failures: Record<string, number>
  raw: Round[]
  rawHolds: Round[]
  holds: Round[]
  holdLatencyMs: Summary | null
}

export async function measureWrites(context: Context) {
  const rounds = byMode(context, { quick: 2, default: 3, full: 5 })
  const roundMs = byMode(context, { quick: 500, default: 1000, full: 1500 })
  const httpRequests = byMode(context, { quick: 500, default: 1500, full: 2000 })

  // In process: a fresh copy of the demo database, raw and holdSlot rounds alternating.
  const inProcessDb = path.join(context.tmpDir, 'writes-in-process.db')
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(inProcessDb + suffix, { force: true })
  fs.copyFileSync(context.demoDb, inProcessDb)
  context.log(`  in process: ${rounds} rounds of ${roundMs} ms each for raw inserts and holdSlot`)
  const inProcess = await runWorker<InProcess>(
    context,
    'writes',
    { mode: 'in-process', db: inProcessDb, serviceSlug: SERVICE, rounds, roundMs, maxHolds: 5000 },
    5 * 60_000,
  )
  const inProcessRaw = median(inProcess.raw.map((r) => r.perSec))
  const inProcessHolds = median(inProcess.holds.map((r) => r.perSec))
  const inProcessRawHolds = median(inProcess.rawHolds.map((r) => r.perSec))
  const holdFailures = Object.values(inProcess.failures).reduce((sum, n) => sum + n, 0)

  // Over HTTP: the app on a fresh copy; its idle database file gets the raw rounds first.
  const app = await startApp(context, 'writes-http', PORT)
  let http
  try {
    const { slots } = await runWorker<{ slots: { practitionerId: string; startAt: number }[] }>(
      context,
      'writes',
      { mode: 'slots', db: app.dbFile, serviceSlug: SERVICE, max: httpRequests },
      5 * 60_000,
    )
    context.log(
      `  over HTTP: ${slots.length} patients each hold a different slot, c=${CONNECTIONS}`,
    )
    const cookies = await startDrafts(app.url, serviceIdBySlug(app.dbFile, SERVICE), slots.length)
    const { raw } = await runWorker<{ raw: Round[] }>(
      context,
      'writes',
      { mode: 'raw', db: app.dbFile, rounds, roundMs, offset: 100_000 },
      5 * 60_000,
    )
    const load = await runLoad(context, {
      url: `${app.url}/book/time`,
      method: 'POST',
      connections: CONNECTIONS,
      timeoutSec: 10,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      perRequest: {
        cookies,
        bodies: slots.map((slot) =>
          new URLSearchParams({ slot: `${slot.practitionerId}@${slot.startAt}` }).toString(),
        ),
      },
    })
    const held = (load.statuses ?? []).filter((status) => status === 302).length
    http = {
      requests: slots.length,
      held,
      otherStatuses: Object.fromEntries(
        Object.entries(load.statusCounts).filter(([status]) => status !== '302'),
      ),
      timeouts: load.timeouts,
      errors: load.errors,
      durationSec: load.durationSec,
      holdsPerSec: held / load.durationSec,
      latencyMs: load.latencyMs,
      raw,
      rawPerSec: median(raw.map((r) => r.perSec)),
    }
  } finally {
    await app.stop()
  }

  if (holdFailures > 0)
    context.unmeasured['writes.inProcessRatio'] =
      `holdSlot refused ${holdFailures} distinct free slots: ${JSON.stringify(inProcess.failures)}`
  else context.figures['writes.inProcessRatio'] = ratio(inProcessHolds, inProcessRaw)
  if (http.held !== http.requests)
    context.unmeasured['writes.httpRatio'] =
      `${http.requests - http.held} of ${http.requests} holds failed: ${JSON.stringify(http.otherStatuses)}`
  else context.figures['writes.httpRatio'] = ratio(http.holdsPerSec, http.rawPerSec)
  Object.assign(context.figures, {
    'writes.inProcess.rawPerSec': inProcessRaw,
    'writes.inProcess.holdsPerSec': inProcessHolds,
    // The floor of a hold's own rows (docs/decisions/026-speed-pass-2.md): what the goal's
    // single-row baseline leaves out, and how close holdSlot comes to writing only that.
    'writes.inProcess.rawHoldRowsPerSec': inProcessRawHolds,
    'writes.inProcess.rawHoldRowsRatio': ratio(inProcessRawHolds, inProcessRaw),
    'writes.inProcess.holdToRawHoldRowsRatio': ratio(inProcessHolds, inProcessRawHolds),
    'writes.inProcess.holdP50Ms': inProcess.holdLatencyMs?.p50 ?? null,
    'writes.inProcess.holdP99Ms': inProcess.holdLatencyMs?.p99 ?? null,
    'writes.http.rawPerSec': http.rawPerSec,
    'writes.http.holdsPerSec': http.holdsPerSec,
    'writes.httpP99Ms': http.latencyMs.p99,
  })

  const table = renderTable(
    ['path', 'writes/s', 'raw inserts/s', 'ratio', 'p50 ms', 'p99 ms', 'n', 'note'],
    [
      [
        'in process: holdSlot (BEGIN IMMEDIATE)',
        inProcessHolds,
        inProcessRaw,
        `${(ratio(inProcessHolds, inProcessRaw) ?? 0).toFixed(3)} ×`,
        inProcess.holdLatencyMs?.p50,
        inProcess.holdLatencyMs?.p99,
        inProcess.holdsMade,
        holdFailures
          ? `failures ${JSON.stringify(inProcess.failures)}`
          : `median of ${rounds} rounds`,
      ],
      [
        "in process: a hold's rows, raw SQL (floor)",
        inProcessRawHolds,
        inProcessRaw,
        `${(ratio(inProcessRawHolds, inProcessRaw) ?? 0).toFixed(3)} ×`,
        null,
        null,
        inProcess.rawHolds.reduce((sum, r) => sum + r.ops, 0),
        `holdSlot reaches ${(ratio(inProcessHolds, inProcessRawHolds) ?? 0).toFixed(2)} × of it`,
      ],
      [
        `HTTP: POST /book/time c=${CONNECTIONS}`,
        http.holdsPerSec,
        http.rawPerSec,
        `${(ratio(http.holdsPerSec, http.rawPerSec) ?? 0).toFixed(3)} ×`,
        http.latencyMs.p50,
        http.latencyMs.p99,
        http.requests,
        http.held === http.requests ? '' : `not held: ${JSON.stringify(http.otherStatuses)}`,
      ],
    ],
  )
  return {
    service: SERVICE,
    pragmas: 'WAL, synchronous=FULL, foreign_keys=ON, busy_timeout=5000 (db/client.server.ts)',
    inProcess,
    http,
    table: `${table}\nraw = one prepared INSERT of a held booking per autocommit transaction, same connection/file\na hold's rows = the same rows holdSlot writes (booking, draft update, booking event, chained audit row) with its reads, as raw prepared statements in one BEGIN IMMEDIATE transaction`,
  }
}
