/**
 * The arithmetic behind every figure the benchmarks print (docs/decisions/022-benchmarks.md).
 * Pure and unit-tested (stats.test.ts), so a surprising number is the system's, not the harness's.
 */

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest sample with at least
 * p % of the samples at or below it. Always an observed value, never an interpolation: the p99 of
 * 100 samples is the second largest, and of fewer than 100 samples it is the largest.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples')
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`)
  for (const value of samples)
    if (!Number.isFinite(value)) throw new RangeError(`not a finite sample: ${value}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.max(0, rank - 1)]!
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50)
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('mean of no samples')
  return samples.reduce((sum, value) => sum + value, 0) / samples.length
}

export type Summary = {
  n: number
  min: number
  p50: number
  p97_5: number
  p99: number
  max: number
  mean: number
}

/** The figures we report for a set of timings (milliseconds in, milliseconds out). */
export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 50),
    p97_5: percentile(samples, 97.5),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
    mean: mean(samples),
  }
}

export type SlopeFit = { slope: number; intercept: number; r2: number }

/**
 * Least-squares fit of log(y) = slope · log(x) + intercept: the growth exponent. A slope near 1
 * means cost grows linearly with x, near 2 quadratically. r² says how well a power law fits.
 */
export function logLogSlope(points: readonly { x: number; y: number }[]): SlopeFit {
  if (points.length < 2) throw new RangeError('a slope needs at least two points')
  for (const { x, y } of points) {
    if (!(x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y)))
      throw new RangeError(`log-log fit needs positive finite values, got (${x}, ${y})`)
  }
  const xs = points.map((point) => Math.log(point.x))
  const ys = points.map((point) => Math.log(point.y))
  const mx = mean(xs)
  const my = mean(ys)
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i]! - mx) ** 2
    sxy += (xs[i]! - mx) * (ys[i]! - my)
    syy += (ys[i]! - my) ** 2
  }
  if (sxx === 0) throw new RangeError('a slope needs at least two different x values')
  const slope = sxy / sxx
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) }
}

/** a / b, or null when either is missing or b is zero (a ratio we cannot state). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null
  return a / b
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same generated data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
