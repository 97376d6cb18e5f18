import {
  byMode,
  type Context,
  type LoadResult,
  runLoad,
  serviceIdBySlug,
  startApp,
  startHello,
} from '../lib/context.ts'
import { offeredSlots, startDraft } from '../lib/http.ts'
import { ratio } from '../lib/stats.ts'
import { renderTable } from '../lib/table.ts'

/**
 * Goal (a): pages over HTTP. The bare node:http hello world, GET / (a first visit: no cookie) and
 * GET /book/time with a draft cookie (the real loader: session, draft, a 31-day "any" search for
 * the first free week, the week's search, render), each at 10 and 50 connections: a warm-up run,
 * then the measured run, with the server on one core and autocannon on the other. Then two floors
 * of this app at 10 connections: GET /login (the layout and a static form, no data work) and GET
 * /healthz (one query, no React), which no page of the app can beat.
 *
 * Hello world runs before and after the app. The ratio uses the faster of the two (so it can
 * only understate the app), and is not stated at all when the two differ by more than a quarter:
 * then the machine's load changed during the run and a ratio would mislead.
 */

const CONNECTIONS = [10, 50] as const
/** Hello world before and after must agree this well for a ratio to mean something. */
const MIN_BASELINE_AGREEMENT = 0.75
const PORT_APP = 3710
const PORT_HELLO = 3711

type Target = {
  key: string
  label: string
  path: string
  needsDraft: boolean
  connections: readonly number[]
}
const TARGETS: Target[] = [
  { key: 'home', label: 'GET /', path: '/', needsDraft: false, connections: CONNECTIONS },
  {
    key: 'bookTime',
    label: 'GET /book/time (draft)',
    path: '/book/time',
    needsDraft: true,
    connections: CONNECTIONS,
  },
  // The app's floors, for reading the booking page's figures (docs/decisions/026-speed-pass-2.md):
  // a page with no data work (a static form in the layout), and a resource route without React.
  {
    key: 'login',
    label: 'GET /login (floor: no data)',
    path: '/login',
    needsDraft: false,
    connections: [10],
  },
  {
    key: 'healthz',
    label: 'GET /healthz (floor: no React)',
    path: '/healthz',
    needsDraft: false,
    connections: [10],
  },
]

export type PageRun = LoadResult & { target: string; valid: boolean; problem: string | null }

function check(run: LoadResult): string | null {
  if (run.errors > 0 || run.timeouts > 0) return `${run.errors} errors, ${run.timeouts} timeouts`
  if (run.non2xx > 0)
    return `${run.non2xx} answers were not 2xx: ${JSON.stringify(run.statusCounts)}`
  return null
}

export async function measurePages(context: Context) {
  const warmupSec = byMode(context, { quick: 1, default: 3, full: 3 })
  const durationSec = byMode(context, { quick: 3, default: 10, full: 10 })
  const runs: PageRun[] = []
  const load = async (target: string, url: string, connections: number, headers = {}) => {
    context.log(`  ${target} c=${connections}: ${warmupSec} s warm-up, ${durationSec} s measured`)
    const result = await runLoad(context, { url, connections, warmupSec, durationSec, headers })
    const problem = check(result)
    runs.push({ ...result, target, valid: problem === null, problem })
    return result
  }

  const measureHello = async () => {
    const hello = await startHello(context, PORT_HELLO)
    try {
      for (const connections of CONNECTIONS) await load('hello', hello.url, connections)
    } finally {
      await hello.stop()
    }
  }
  await measureHello()

  const app = await startApp(context, 'page', PORT_APP)
  try {
    const cookie = await startDraft(app.url, serviceIdBySlug(app.dbFile, 'consultation'))
    const slots = await offeredSlots(app.url, cookie)
    if (slots.length === 0)
      throw new Error('/book/time offered no slot: the page is not the real one')
    for (const target of TARGETS) {
      for (const connections of target.connections) {
        await load(
          target.key,
          app.url + target.path,
          connections,
          target.needsDraft ? { cookie } : {},
        )
      }
    }
  } finally {
    await app.stop()
  }
  await measureHello()

  const find = (target: string, connections: number) =>
    runs.find((run) => run.target === target && run.connections === connections)
  /** The faster valid hello-world run at this concurrency, or why there is no usable one. */
  const baseline = (connections: number): { run: PageRun } | { problem: string } => {
    const hellos = runs.filter((run) => run.target === 'hello' && run.connections === connections)
    const invalid = hellos.find((run) => !run.valid)
    if (invalid) return { problem: `hello world: ${invalid.problem}` }
    const rates = hellos.map((run) => run.reqPerSec)
    const best = hellos.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a))
    if (Math.min(...rates) / Math.max(...rates) < MIN_BASELINE_AGREEMENT)
      return {
        problem: `hello world moved from ${Math.round(rates[0]!)} to ${Math.round(rates[1]!)} req/s during the run: the machine's load changed`,
      }
    return { run: best }
  }
  for (const target of TARGETS) {
    for (const connections of target.connections) {
      const run = find(target.key, connections)
      const prefix = `page.${target.key}.c${connections}`
      if (!run?.valid) {
        for (const name of ['p50Ms', 'p99Ms', 'reqPerSec', 'ratioToHelloPct'])
          context.unmeasured[`${prefix}.${name}`] = `invalid run: ${run?.problem ?? 'not run'}`
        continue
      }
      Object.assign(context.figures, {
        [`${prefix}.p50Ms`]: run.latencyMs.p50,
        [`${prefix}.p97_5Ms`]: run.latencyMs.p97_5,
        [`${prefix}.p99Ms`]: run.latencyMs.p99,
        [`${prefix}.reqPerSec`]: run.reqPerSec,
      })
      const base = baseline(connections)
      if ('problem' in base) context.unmeasured[`${prefix}.ratioToHelloPct`] = base.problem
      else
        context.figures[`${prefix}.ratioToHelloPct`] =
          (ratio(run.reqPerSec, base.run.reqPerSec) ?? Number.NaN) * 100
    }
  }
  for (const connections of CONNECTIONS) {
    const base = baseline(connections)
    if ('run' in base) context.figures[`page.hello.c${connections}.reqPerSec`] = base.run.reqPerSec
  }

  const table = renderTable(
    ['target', 'conns', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', '% of hello', 'note'],
    runs.map((run) => {
      const base = baseline(run.connections)
      const share =
        run.target === 'hello' || !('run' in base) ? null : ratio(run.reqPerSec, base.run.reqPerSec)
      return [
        TARGETS.find((t) => t.key === run.target)?.label ?? 'hello world (node:http)',
        run.connections,
        run.reqPerSec,
        run.latencyMs.p50,
        run.latencyMs.p97_5,
        run.latencyMs.p99,
        run.latencyMs.max,
        share === null ? null : `${(share * 100).toFixed(2)} %`,
        run.problem ?? '',
      ]
    }),
  )
  const notes = CONNECTIONS.flatMap((connections) => {
    const base = baseline(connections)
    return 'problem' in base ? [`c=${connections}: no ratio, ${base.problem}`] : []
  })
  return {
    warmupSec,
    durationSec,
    runs: runs.map(({ statuses: _s, ...run }) => run),
    table: [
      table,
      'hello world runs before and after the app; the ratio uses the faster',
      ...notes,
    ].join('\n'),
  }
}
