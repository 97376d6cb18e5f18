import { describe, expect, test } from 'vitest'
import { logLogSlope, median, percentile, ratio, seededRandom, summarize } from './stats.ts'

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1) // 1..100

  test('picks observed values by rank, whatever the input order', () => {
    const shuffled = [...hundred].reverse()
    expect(percentile(shuffled, 50)).toBe(50)
    expect(percentile(shuffled, 97.5)).toBe(98)
    expect(percentile(shuffled, 99)).toBe(99)
    expect(percentile(shuffled, 100)).toBe(100)
    expect(percentile(shuffled, 1)).toBe(1)
  })

  test('p99 of fewer than 100 samples is the maximum, so a tail is never hidden', () => {
    expect(percentile([5, 1, 3, 200, 2], 99)).toBe(200)
    expect(percentile([5, 1, 3, 200, 2], 50)).toBe(3)
  })

  test('a single sample is every percentile', () => {
    expect(percentile([7], 0.1)).toBe(7)
    expect(percentile([7], 100)).toBe(7)
  })

  test('refuses empty input, impossible percentiles and non-finite samples', () => {
    expect(() => percentile([], 50)).toThrow(RangeError)
    expect(() => percentile([1], 0)).toThrow(RangeError)
    expect(() => percentile([1], 101)).toThrow(RangeError)
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError)
    expect(() => percentile([1, Infinity], 50)).toThrow(RangeError)
  })

  test('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2]
    median(samples)
    expect(samples).toEqual([3, 1, 2])
  })
})

test('summarize reports min, percentiles, max and mean', () => {
  const summary = summarize([4, 1, 3, 2])
  expect(summary).toEqual({ n: 4, min: 1, p50: 2, p97_5: 4, p99: 4, max: 4, mean: 2.5 })
})

describe('logLogSlope', () => {
  test('recovers the exponent of an exact power law', () => {
    for (const k of [0.5, 1, 2]) {
      const points = [1, 2, 4, 10].map((x) => ({ x, y: 3 * x ** k }))
      const fit = logLogSlope(points)
      expect(fit.slope).toBeCloseTo(k, 10)
      expect(Math.exp(fit.intercept)).toBeCloseTo(3, 10)
      expect(fit.r2).toBeCloseTo(1, 10)
    }
  })

  test('a constant cost has slope 0', () => {
    expect(logLogSlope([1, 2, 4, 10].map((x) => ({ x, y: 5 }))).slope).toBe(0)
  })

  test('fixed overhead pulls the slope of a linear cost below 1, never above', () => {
    const fit = logLogSlope([1, 2, 4, 10].map((x) => ({ x, y: 10 + x })))
    expect(fit.slope).toBeGreaterThan(0)
    expect(fit.slope).toBeLessThan(1)
  })

  test('a quadratic regression shows as a slope near 2', () => {
    const fit = logLogSlope([5, 10, 20, 50].map((x) => ({ x, y: x * x + x })))
    expect(fit.slope).toBeGreaterThan(1.8)
  })

  test('refuses fits that mean nothing', () => {
    expect(() => logLogSlope([{ x: 1, y: 1 }])).toThrow(RangeError)
    expect(() =>
      logLogSlope([
        { x: 0, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toThrow(RangeError)
    expect(() =>
      logLogSlope([
        { x: 1, y: -1 },
        { x: 2, y: 2 },
      ]),
    ).toThrow(RangeError)
    expect(() =>
      logLogSlope([
        { x: 2, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toThrow(RangeError)
  })
})

test('ratio is null when it cannot be stated', () => {
  expect(ratio(1, 4)).toBe(0.25)
  expect(ratio(1, 0)).toBeNull()
  expect(ratio(null, 4)).toBeNull()
  expect(ratio(1, undefined)).toBeNull()
})

test('seededRandom repeats for a seed, differs between seeds, stays in [0, 1)', () => {
  const a = seededRandom(42)
  const b = seededRandom(42)
  const c = seededRandom(43)
  const first = Array.from({ length: 1000 }, () => a())
  expect(Array.from({ length: 1000 }, () => b())).toEqual(first)
  expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first)
  expect(first.every((value) => value >= 0 && value < 1)).toBe(true)
  // Roughly uniform: each tenth of [0, 1) gets a share near 100 of the 1,000 draws.
  const buckets = Array.from({ length: 10 }, () => 0)
  for (const value of first) buckets[Math.floor(value * 10)]!++
  expect(Math.min(...buckets)).toBeGreaterThan(60)
  expect(Math.max(...buckets)).toBeLessThan(140)
})
