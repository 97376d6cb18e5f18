import { byMode, type Context, runWorker } from '../lib/context.ts'
import { type DataSpec } from '../lib/slot-data.ts'
import { logLogSlope, type Summary } from '../lib/stats.ts'
import { renderTable } from '../lib/table.ts'

/**
 * Goal (b): slot search on generated databases (bench/workers/slot-search.ts does the timing on
 * the server core). Here: the growth exponents, fitted over each sweep, and the table.
 */

type Point = {
  spec: DataSpec
  candidates: number
  busyIntervals: number
  comparisons: number
  slotsOffered: number
  consistent: boolean
  server: Summary
  compute: Summary
}

type WorkerResult = {
  fromDate: string
  timeZone: string
  seed: number
  generateMs: number
  full: Point
  sweeps: Record<'practitioners' | 'days' | 'bookings', Point[]>
  common: Summary
}

export const SEED = 20261125

const DIMENSION_OF = { practitioners: 'practitioners', days: 'days', bookings: 'bookings' } as const

export async function measureSearch(context: Context) {
  const iterations = byMode(context, {
    quick: { full: 30, sweep: 10, common: 100 },
    default: { full: 200, sweep: 30, common: 500 },
    full: { full: 500, sweep: 60, common: 1000 },
  })
  context.log(
    `  generating 10 databases (seed ${SEED}), then ${iterations.full} searches of 50 × 90 days × 10k`,
  )
  const result = await runWorker<WorkerResult>(
    context,
    'slot-search',
    { dir: context.tmpDir, seed: SEED, iterations },
    20 * 60_000,
    ['--expose-gc'],
  )
  const inconsistent = [result.full, ...Object.values(result.sweeps).flat()].filter(
    (point) => !point.consistent,
  )
  if (inconsistent.length > 0) {
    throw new Error(
      `the use case and the pure search disagree for ${inconsistent.map((p) => JSON.stringify(p.spec)).join(', ')}`,
    )
  }

  const slopes = Object.fromEntries(
    (Object.keys(result.sweeps) as (keyof WorkerResult['sweeps'])[]).map((dimension) => {
      const points = result.sweeps[dimension]
      const x = (point: Point) => point.spec[DIMENSION_OF[dimension]]
      const fit = (y: (point: Point) => number) =>
        logLogSlope(points.map((point) => ({ x: x(point), y: y(point) })))
      return [
        dimension,
        {
          server: fit((point) => point.server.p50),
          compute: fit((point) => point.compute.p50),
          comparisons: fit((point) => point.comparisons),
          /** comparisons ≤ k·(candidates + busy intervals): the bound ADR 015 tests with k = 2. */
          maxComparisonsPerItem: Math.max(
            ...points.map((point) => point.comparisons / (point.candidates + point.busyIntervals)),
          ),
        },
      ]
    }),
  ) as Record<
    keyof WorkerResult['sweeps'],
    {
      server: ReturnType<typeof logLogSlope>
      compute: ReturnType<typeof logLogSlope>
      comparisons: ReturnType<typeof logLogSlope>
      maxComparisonsPerItem: number
    }
  >

  Object.assign(context.figures, {
    'search.full.serverP50Ms': result.full.server.p50,
    'search.full.serverP99Ms': result.full.server.p99,
    'search.full.computeP50Ms': result.full.compute.p50,
    'search.full.computeP99Ms': result.full.compute.p99,
    'search.full.comparisons': result.full.comparisons,
    'search.full.candidates': result.full.candidates,
    'search.slope.practitioners.time': slopes.practitioners.server.slope,
    'search.slope.days.time': slopes.days.server.slope,
    'search.slope.bookings.time': slopes.bookings.server.slope,
    'search.slope.practitioners.computeTime': slopes.practitioners.compute.slope,
    'search.slope.days.computeTime': slopes.days.compute.slope,
    'search.slope.bookings.computeTime': slopes.bookings.compute.slope,
    'search.slope.maxComparisons': Math.max(
      slopes.practitioners.comparisons.slope,
      slopes.days.comparisons.slope,
      slopes.bookings.comparisons.slope,
    ),
    'search.common.serverP50Ms': result.common.p50,
    'search.common.serverP99Ms': result.common.p99,
  })

  const row = (label: string, point: Point) => [
    label,
    `${point.spec.practitioners} × ${point.spec.days} d × ${point.spec.bookings}`,
    point.candidates,
    point.comparisons,
    point.server.p50,
    point.server.p99,
    point.compute.p50,
    point.compute.p99,
    point.server.n,
  ]
  const rows = [
    row('target', result.full),
    ...(Object.entries(result.sweeps) as [string, Point[]][]).flatMap(([dimension, points]) =>
      points.map((point) => row(`sweep ${dimension}`, point)),
    ),
  ]
  const table = [
    renderTable(
      [
        'case',
        'P × D × B',
        'candidates',
        'comparisons',
        'server p50',
        'server p99',
        'compute p50',
        'compute p99',
        'n',
      ],
      rows,
    ),
    '',
    renderTable(
      [
        'growth 1×→10×',
        'server time slope',
        'compute time slope',
        'comparisons slope',
        'max cmp/(C+B)',
      ],
      Object.entries(slopes).map(([dimension, s]) => [
        dimension,
        s.server.slope.toFixed(2),
        s.compute.slope.toFixed(2),
        s.comparisons.slope.toFixed(2),
        s.maxComparisonsPerItem.toFixed(2),
      ]),
    ),
    '',
    `common query, 1 practitioner × 7 days on the 50 × 90 × 10k database: p50 ${result.common.p50.toFixed(2)} ms, p99 ${result.common.p99.toFixed(2)} ms (n = ${result.common.n})`,
    `times in ms; server = findAvailableSlots ("any"), 90 days as three 30-day windows; compute = pure searchSlots over all days in one call`,
  ].join('\n')
  return { ...result, slopes, iterations, table }
}
