import { FLOOR_PAGES, type FloorPageKey, pageFigure } from '../lib/budgets.ts'
import {
  byMode,
  type Context,
  type LoadResult,
  runLoad,
  runWorker,
  serviceIdBySlug,
  startApp,
  startHello,
} from '../lib/context.ts'
import { cpuMsPerRequest, cpuShareOfFloorPct, pickBaseline, relativeToFloor } from '../lib/floor.ts'
import { buildFloorApp, startFloor } from '../lib/floor-app.ts'
import { offeredSlots, request, startDraft } from '../lib/http.ts'
import { cpuTimeMs } from '../lib/processes.ts'
import { median, ratio } from '../lib/stats.ts'
import { renderTable } from '../lib/table.ts'

/**
 * Goal (a): pages over HTTP against the floor page of this stack (bench/floor-app), measured in
 * the same run (docs/decisions/031-floor-relative-budgets.md). The server runs on one core and
 * autocannon on the other; every run is a warm-up, then the measured run, at 10 connections.
 *
 * Pages: GET / and GET /book and GET /login without a cookie (a first visit), GET
 * /bookings/<ref> with a patient session that proved the booking's address by code, GET
 * /book/time with a booking draft (the real loader: session, draft, slot searches, render) and
 * GET /staff/agenda with a clinician's session (the app runs with REQUIRE_STAFF_MFA=false here:
 * the demo staff have no authenticator, and a second factor changes nothing on the agenda's
 * path once the session is full). Reported beside them: GET /healthz (no React) and GET
 * /book/time at 50 connections.
 *
 * The floor app and the app both listen (an idle server costs nothing), and the floor page is
 * measured before the first page, between every two pages and after the last, so each page is
 * read against the floor runs on either side of it: the faster of the two, and no ratio at all
 * when they differ by more than a quarter (the machine's load changed). The bare node:http hello
 * world runs before and after everything, for the ratios earlier ADRs used.
 */

const PORT_APP = 3710
const PORT_HELLO = 3711
const PORT_FLOOR = 3712
/** Requests sent to each server before anything is measured (see below). */
const FLOOR_PREWARM = 3000
const PAGE_PREWARM = 300

type Sessions = {
  draftCookie: string
  patientCookie: string
  reference: string
  staffCookie: string
  adminCookie: string
  agendaDate: string
}
type Target = {
  key: FloorPageKey | 'healthz'
  label: string
  path: (sessions: Sessions) => string
  cookie: (sessions: Sessions) => string | null
  /** Checked once before the load: the page measured is the one we mean (not a redirect). */
  shows: (html: string, sessions: Sessions) => boolean
}
const TARGETS: Target[] = [
  {
    key: 'home',
    label: 'GET /',
    path: () => '/',
    cookie: () => null,
    shows: (html) => html.includes('<main'),
  },
  {
    key: 'book',
    label: 'GET /book',
    path: () => '/book',
    cookie: () => null,
    shows: (html) => html.includes('name="serviceId"'),
  },
  {
    key: 'login',
    label: 'GET /login',
    path: () => '/login',
    cookie: () => null,
    shows: (html) => html.includes('type="password"'),
  },
  {
    key: 'booking',
    label: 'GET /bookings/<ref> (proven patient)',
    path: (s) => `/bookings/${s.reference}`,
    cookie: (s) => s.patientCookie,
    shows: (html, s) => html.includes(s.reference),
  },
  {
    key: 'bookTime',
    label: 'GET /book/time (draft)',
    path: () => '/book/time',
    cookie: (s) => s.draftCookie,
    shows: (html) => /name="slot" value="/.test(html),
  },
  {
    key: 'agenda',
    label: 'GET /staff/agenda (clinician)',
    path: () => '/staff/agenda',
    cookie: (s) => s.staffCookie,
    shows: (html) => !html.includes('type="password"') && html.includes('<main'),
  },
  {
    // The calendar grid's day (ADR 043): 4 practitioners × 30 bookings, seen by an admin.
    key: 'agendaDay',
    label: 'GET /staff/agenda day grid, 4 × 30 (admin)',
    path: (s) => `/staff/agenda?view=day&date=${s.agendaDate}`,
    cookie: (s) => s.adminCookie,
    shows: (html) => html.includes('120 appointments') && html.includes('agenda-block'),
  },
  {
    key: 'healthz',
    label: 'GET /healthz (no React, reported)',
    path: () => '/healthz',
    cookie: () => null,
    shows: (body) => body.includes('"ok"'),
  },
]

export type PageRun = LoadResult & {
  target: string
  valid: boolean
  problem: string | null
  /** The server's CPU time per request over the warm-up and the run (null without /proc). */
  cpuMsPerRequest: number | null
}

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
  const load = async (
    target: string,
    server: { url: string; pid: number },
    path: string,
    connections: number,
    headers: Record<string, string> = {},
  ) => {
    context.log(`  ${target} c=${connections}: ${warmupSec} s warm-up, ${durationSec} s measured`)
    const cpuBefore = cpuTimeMs(server.pid)
    const result = await runLoad(context, {
      url: server.url + path,
      connections,
      warmupSec,
      durationSec,
      headers,
    })
    const cpuAfter = cpuTimeMs(server.pid)
    const problem = check(result)
    const run = {
      ...result,
      target,
      valid: problem === null,
      problem,
      cpuMsPerRequest: cpuMsPerRequest(
        cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        result.requestsTotal + (result.warmupRequests ?? 0),
      ),
    }
    runs.push(run)
    return run
  }
  const measureHello = async () => {
    const hello = await startHello(context, PORT_HELLO)
    try {
      return await load('hello', hello, '', 10)
    } finally {
      await hello.stop()
    }
  }

  context.log('  building the floor app (bench/floor-app)')
  const floorApp = await buildFloorApp(context)
  const hellos = [await measureHello()]
  const floors: PageRun[] = []
  const pages = new Map<string, PageRun>()
  let bookTimeC50: PageRun | null = null
  let sessions: Sessions | null = null
  const floor = await startFloor(context, floorApp, PORT_FLOOR)
  try {
    const floorPage = await request(`${floor.url}/`)
    if (floorPage.status !== 200 || !floorPage.body.includes('Dermadesk floor'))
      throw new Error(
        `the floor page answered ${floorPage.status}: ${floorPage.body.slice(0, 200)}`,
      )
    const app = await startApp(context, 'page', PORT_APP, {
      prepare: async (dbFile) => {
        const made = await runWorker<Omit<Sessions, 'draftCookie'>>(
          context,
          'page-sessions',
          { db: dbFile, secureCookies: true },
          120_000,
        )
        sessions = { ...made, draftCookie: '' }
      },
      env: { REQUIRE_STAFF_MFA: 'false' },
    })
    try {
      const draftCookie = await startDraft(app.url, serviceIdBySlug(app.dbFile, 'consultation'))
      if ((await offeredSlots(app.url, draftCookie)).length === 0)
        throw new Error('/book/time offered no slot: the page is not the real one')
      const ready: Sessions = { ...sessions!, draftCookie }
      sessions = ready
      for (const target of TARGETS) {
        const cookie = target.cookie(ready)
        const headers: Record<string, string> = cookie ? { cookie } : {}
        const probe = await request(app.url + target.path(ready), { headers })
        if (probe.status !== 200 || !target.shows(probe.body, ready))
          throw new Error(
            `${target.label} answered ${probe.status} ${probe.headers.location ?? ''}: not the page to measure`,
          )
      }
      // Unmeasured first loads, counted in requests rather than seconds (a loaded machine answers
      // fewer in a second): every server's code paths optimised before its first measured run,
      // so that the first floor run and the first page are not colder than the later ones.
      await runLoad(context, { url: `${floor.url}/`, connections: 10, amount: FLOOR_PREWARM })
      for (const target of TARGETS) {
        const cookie = target.cookie(ready)
        await runLoad(context, {
          url: app.url + target.path(ready),
          connections: 10,
          amount: PAGE_PREWARM,
          headers: cookie ? { cookie } : {},
        })
      }
      floors.push(await load('floor', floor, '/', 10))
      for (const target of TARGETS) {
        const cookie = target.cookie(ready)
        const headers: Record<string, string> = cookie ? { cookie } : {}
        pages.set(target.key, await load(target.key, app, target.path(ready), 10, headers))
        floors.push(await load('floor', floor, '/', 10))
      }
      bookTimeC50 = await load('bookTime', app, '/book/time', 50, { cookie: draftCookie })
    } finally {
      await app.stop()
    }
  } finally {
    await floor.stop()
  }
  hellos.push(await measureHello())

  const hello = pickBaseline('hello world', hellos)
  const floorFigures = floors.filter((run) => run.valid)
  if (floorFigures.length > 0)
    Object.assign(context.figures, {
      'page.floor.c10.reqPerSec': median(floorFigures.map((run) => run.reqPerSec)),
      'page.floor.c10.p50Ms': median(floorFigures.map((run) => run.latencyMs.p50)),
      'page.floor.c10.p99Ms': median(floorFigures.map((run) => run.latencyMs.p99)),
    })
  const floorCpu = floorFigures.flatMap((run) =>
    run.cpuMsPerRequest === null ? [] : [run.cpuMsPerRequest],
  )
  if (floorCpu.length > 0) context.figures['page.floor.c10.cpuMsPerReq'] = median(floorCpu)
  if ('run' in hello) context.figures['page.hello.c10.reqPerSec'] = hello.run.reqPerSec
  if (floorFigures.length > 0 && 'run' in hello)
    context.figures['page.floor.c10.ratioToHelloPct'] =
      (ratio(context.figures['page.floor.c10.reqPerSec']!, hello.run.reqPerSec) ?? Number.NaN) * 100

  type Row = {
    label: string
    run: PageRun
    floor: string
    share: number | null
    p99x: number | null
    cpuShare: number | null
  }
  const rows: Row[] = []
  TARGETS.forEach((target, index) => {
    const run = pages.get(target.key)
    const prefix = `page.${target.key}.c10`
    const relative = [
      pageFigure(target.key, 'ratioToFloorPct'),
      pageFigure(target.key, 'p99ToFloor'),
    ]
    if (!run?.valid) {
      for (const name of [
        ...['p50Ms', 'p99Ms', 'reqPerSec'].map((n) => `${prefix}.${n}`),
        ...relative,
      ])
        context.unmeasured[name] = `invalid run: ${run?.problem ?? 'not run'}`
      return
    }
    Object.assign(context.figures, {
      [`${prefix}.p50Ms`]: run.latencyMs.p50,
      [`${prefix}.p97_5Ms`]: run.latencyMs.p97_5,
      [`${prefix}.p99Ms`]: run.latencyMs.p99,
      [`${prefix}.reqPerSec`]: run.reqPerSec,
    })
    // Beside the budgets (never one): the server's CPU per request, and the share of the floor it
    // gives, which other work on the machine hardly moves (docs/benchmarks.md).
    const neighbourCpu = floors
      .slice(index, index + 2)
      .flatMap((floorRun) =>
        floorRun.valid && floorRun.cpuMsPerRequest !== null ? [floorRun.cpuMsPerRequest] : [],
      )
    const cpuShare =
      run.cpuMsPerRequest !== null && neighbourCpu.length > 0
        ? cpuShareOfFloorPct(run.cpuMsPerRequest, neighbourCpu)
        : null
    if (run.cpuMsPerRequest !== null) context.figures[`${prefix}.cpuMsPerReq`] = run.cpuMsPerRequest
    if (cpuShare !== null) context.figures[`${prefix}.cpuShareOfFloorPct`] = cpuShare
    if ('run' in hello)
      context.figures[`${prefix}.ratioToHelloPct`] =
        (ratio(run.reqPerSec, hello.run.reqPerSec) ?? Number.NaN) * 100
    const neighbours = floors.slice(index, index + 2)
    const base = pickBaseline('the floor page', neighbours)
    if ('problem' in base) {
      for (const name of relative) context.unmeasured[name] = base.problem
      rows.push({
        label: target.label,
        run,
        floor: base.problem,
        share: null,
        p99x: null,
        cpuShare,
      })
      return
    }
    const { ratioToFloorPct, p99ToFloor } = relativeToFloor(run, base.run)
    context.figures[relative[0]!] = ratioToFloorPct
    context.figures[relative[1]!] = p99ToFloor
    rows.push({
      label: target.label,
      run,
      floor: `${Math.round(base.run.reqPerSec)} req/s, p99 ${base.run.latencyMs.p99} ms`,
      share: ratioToFloorPct,
      p99x: p99ToFloor,
      cpuShare,
    })
  })
  if (bookTimeC50?.valid)
    Object.assign(context.figures, {
      'page.bookTime.c50.reqPerSec': bookTimeC50.reqPerSec,
      'page.bookTime.c50.p50Ms': bookTimeC50.latencyMs.p50,
      'page.bookTime.c50.p99Ms': bookTimeC50.latencyMs.p99,
    })

  const budgetOf = (key: string) => FLOOR_PAGES.find((page) => page.key === key)
  const line = (
    label: string,
    run: PageRun,
    relative: { share: number | null; p99x: number | null; cpuShare: number | null } | null,
    floor: string,
    note: string,
  ) => [
    label,
    run.connections,
    run.reqPerSec,
    run.latencyMs.p50,
    run.latencyMs.p99,
    run.latencyMs.max,
    run.cpuMsPerRequest === null ? null : run.cpuMsPerRequest.toFixed(2),
    relative?.share == null ? null : `${relative.share.toFixed(1)} %`,
    relative?.p99x == null ? null : `${relative.p99x.toFixed(2)} ×`,
    relative?.cpuShare == null ? null : `${relative.cpuShare.toFixed(1)} %`,
    floor,
    note,
  ]
  const table = renderTable(
    [
      'target',
      'conns',
      'req/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'CPU ms/req',
      '% of floor',
      'p99 × floor',
      '% of floor (CPU)',
      'floor beside it',
      'note',
    ],
    [
      ...hellos.map((run) => line('hello world (node:http)', run, null, '', run.problem ?? '')),
      ...floors.map((run) =>
        line('floor page (bench/floor-app)', run, null, '', run.problem ?? ''),
      ),
      ...rows.map((row) => {
        const budget = budgetOf(row.run.target)
        return line(
          row.label,
          row.run,
          row,
          row.floor,
          budget ? `budget ≥ ${budget.minPct} %` : 'reported',
        )
      }),
      ...(bookTimeC50
        ? [
            line(
              'GET /book/time (draft), reported',
              bookTimeC50,
              null,
              '',
              bookTimeC50.problem ?? '',
            ),
          ]
        : []),
    ],
  )
  return {
    warmupSec,
    durationSec,
    sessions: sessions ? { reference: (sessions as Sessions).reference } : null,
    runs: runs.map(({ statuses: _s, ...run }) => run),
    table: [
      table,
      'the floor page runs before the first page, between every two and after the last; each page is read against the faster floor run beside it',
      "% of floor (CPU) = the floor page's server CPU per request (mean of the two beside it) over the page's: reported, little moved by other work, blind to waits such as a commit's fsync",
      `hello world before and after: ${'run' in hello ? `${Math.round(hello.run.reqPerSec)} req/s (the faster)` : hello.problem}`,
    ].join('\n'),
  }
}
