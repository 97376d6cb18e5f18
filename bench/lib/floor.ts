/**
 * Figures relative to a floor measured in the same run (docs/decisions/031-floor-relative-budgets.md):
 * the floor page of this stack (bench/floor-app) for the pages, the bare node:http server for the
 * one-slot storm. Pure and unit-tested (floor.test.ts).
 */

/** What a baseline or a page run must carry to be compared. */
export type RateRun = {
  reqPerSec: number
  latencyMs: { p99: number }
  valid: boolean
  problem: string | null
}

/** A baseline measured before and after the app must agree this well for a ratio to mean anything. */
export const MIN_BASELINE_AGREEMENT = 0.75

/** autocannon's latencies are whole milliseconds: a p99 below that resolution counts as 1 ms. */
export const LATENCY_RESOLUTION_MS = 1

/**
 * The baseline to compare with: the faster of its valid runs (so a ratio to it can only
 * understate the app), or why there is none. Runs that disagree by more than `minAgreement`
 * mean the machine's load changed during the run, and a ratio would mislead.
 */
export function pickBaseline<T extends RateRun>(
  name: string,
  runs: readonly T[],
  minAgreement = MIN_BASELINE_AGREEMENT,
): { run: T } | { problem: string } {
  if (runs.length === 0) return { problem: `${name}: not measured` }
  const invalid = runs.find((run) => !run.valid)
  if (invalid) return { problem: `${name}: ${invalid.problem ?? 'invalid run'}` }
  const rates = runs.map((run) => run.reqPerSec)
  if (Math.min(...rates) / Math.max(...rates) < minAgreement)
    return {
      problem: `${name} moved from ${rates.map((rate) => Math.round(rate)).join(' to ')} req/s during the run: the machine's load changed`,
    }
  return { run: runs.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a)) }
}

/** p99 as a multiple of a floor's p99 (at least the latency resolution). */
export function p99Multiple(p99Ms: number, floorP99Ms: number): number {
  return p99Ms / Math.max(floorP99Ms, LATENCY_RESOLUTION_MS)
}

/** A page's throughput as a share of the floor page's (%), and its p99 as a multiple of the floor's. */
export function relativeToFloor(
  page: Pick<RateRun, 'reqPerSec' | 'latencyMs'>,
  floor: Pick<RateRun, 'reqPerSec' | 'latencyMs'>,
): { ratioToFloorPct: number; p99ToFloor: number } {
  if (!(floor.reqPerSec > 0)) throw new RangeError(`the floor served ${floor.reqPerSec} req/s`)
  return {
    ratioToFloorPct: (page.reqPerSec / floor.reqPerSec) * 100,
    p99ToFloor: p99Multiple(page.latencyMs.p99, floor.latencyMs.p99),
  }
}

/**
 * Server CPU time per request (ms): the CPU a server process used over a load, divided by every
 * request it answered (warm-up included). Null when either is unknown or zero.
 */
export function cpuMsPerRequest(
  cpuMs: number | null,
  requests: number | null | undefined,
): number | null {
  if (cpuMs === null || !requests || requests <= 0 || !(cpuMs > 0)) return null
  return cpuMs / requests
}

/**
 * A page's share of the floor by CPU time: the floor's CPU per request over the page's (%), the
 * throughput share a CPU-bound server would reach on a core of its own. Read beside the req/s
 * share when the machine is shared; it leaves out time spent waiting (a commit's fsync).
 */
export function cpuShareOfFloorPct(pageCpuMs: number, floorCpuMs: readonly number[]): number {
  if (!(pageCpuMs > 0) || floorCpuMs.length === 0)
    throw new RangeError('CPU per request must be positive')
  const floor = floorCpuMs.reduce((sum, value) => sum + value, 0) / floorCpuMs.length
  return (floor / pageCpuMs) * 100
}
