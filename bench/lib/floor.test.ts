import { describe, expect, test } from 'vitest'
import {
  cpuMsPerRequest,
  cpuShareOfFloorPct,
  p99Multiple,
  pickBaseline,
  type RateRun,
  relativeToFloor,
} from './floor.ts'

const run = (reqPerSec: number, p99 = 10, problem: string | null = null): RateRun => ({
  reqPerSec,
  latencyMs: { p99 },
  valid: problem === null,
  problem,
})

describe('pickBaseline', () => {
  test('takes the faster of the runs before and after, so a ratio to it understates the app', () => {
    const faster = run(2000, 9)
    expect(pickBaseline('floor', [run(1800), faster])).toEqual({ run: faster })
  })

  test('refuses runs that disagree by more than a quarter: the load changed', () => {
    const picked = pickBaseline('floor', [run(2000), run(1400)])
    expect(picked).toEqual({
      problem: "floor moved from 2000 to 1400 req/s during the run: the machine's load changed",
    })
    expect('run' in pickBaseline('floor', [run(2000), run(1500)])).toBe(true)
  })

  test('an invalid run or no run at all is a problem, never a baseline', () => {
    expect(pickBaseline('floor', [run(2000), run(1900, 10, '3 timeouts')])).toEqual({
      problem: 'floor: 3 timeouts',
    })
    expect(pickBaseline('floor', [])).toEqual({ problem: 'floor: not measured' })
  })
})

describe('relativeToFloor', () => {
  test('throughput as a share of the floor, p99 as a multiple of the floor', () => {
    expect(relativeToFloor(run(600, 40), run(2000, 8))).toEqual({
      ratioToFloorPct: 30,
      p99ToFloor: 5,
    })
  })

  test('a floor p99 below the 1 ms resolution counts as 1 ms', () => {
    expect(p99Multiple(3, 0)).toBe(3)
    expect(p99Multiple(3, 2)).toBe(1.5)
  })

  test('a floor that served nothing is an error, not an infinite ratio', () => {
    expect(() => relativeToFloor(run(600), run(0))).toThrow(RangeError)
  })
})

describe('CPU time per request (reported beside the budgets)', () => {
  test('CPU over every request answered; unknown or empty loads give no figure', () => {
    expect(cpuMsPerRequest(1300, 2600)).toBe(0.5)
    expect(cpuMsPerRequest(null, 2600)).toBeNull()
    expect(cpuMsPerRequest(1300, 0)).toBeNull()
    expect(cpuMsPerRequest(0, 2600)).toBeNull()
  })

  test("a page's share of the floor is the floor's CPU per request (mean of both sides) over the page's", () => {
    expect(cpuShareOfFloorPct(2, [0.5, 0.7])).toBeCloseTo(30)
    expect(() => cpuShareOfFloorPct(0, [0.5])).toThrow(RangeError)
    expect(() => cpuShareOfFloorPct(2, [])).toThrow(RangeError)
  })
})
