import { describe, expect, test } from 'vitest'
import {
  type Budget,
  BUDGETS,
  checkBudgets,
  checkPassed,
  FLOOR_PAGES,
  pageFigure,
} from './budgets.ts'

const latency: Budget = {
  id: 't1',
  goal: 'a',
  text: 'p99',
  figure: 'x.p99',
  op: '<=',
  limit: 30,
  unit: 'ms',
}
const throughput: Budget = {
  id: 't2',
  goal: 'a',
  text: 'req/s',
  figure: 'x.rps',
  op: '>=',
  limit: 1200,
  unit: 'req/s',
}
const race: Budget = {
  id: 't3',
  goal: 'c',
  text: 'failed runs',
  figure: 'race.failed',
  op: '==',
  limit: 0,
  unit: 'runs',
  requires: { figure: 'race.runs', op: '>=', limit: 20, why: '20 runs' },
}
const stretch: Budget = { ...latency, id: 't4', limit: 20, stretch: true }

/** The targets (not stretch goals) set on a figure, as `op limit`. */
const target = (figure: string) =>
  BUDGETS.filter((b) => b.figure === figure && !b.stretch).map((b) => `${b.op} ${b.limit}`)
const stretchTarget = (figure: string) =>
  BUDGETS.filter((b) => b.figure === figure && b.stretch).map((b) => `${b.op} ${b.limit}`)

describe('checkBudgets', () => {
  test('limits are inclusive in the direction of the operator', () => {
    const verdicts = checkBudgets({ 'x.p99': 30, 'x.rps': 1200 }, {}, [latency, throughput])
    expect(verdicts.map((v) => v.status)).toEqual(['PASS', 'PASS'])
    const misses = checkBudgets({ 'x.p99': 30.01, 'x.rps': 1199.9 }, {}, [latency, throughput])
    expect(misses.map((v) => v.status)).toEqual(['FAIL', 'FAIL'])
  })

  test('a missing or non-finite figure is NOT MEASURED with its reason, never a pass', () => {
    const verdicts = checkBudgets({ 'x.rps': Number.NaN }, { 'x.p99': 'taskset is missing' }, [
      latency,
      throughput,
    ])
    expect(verdicts[0]).toMatchObject({ status: 'NOT MEASURED', note: 'taskset is missing' })
    expect(verdicts[1]).toMatchObject({ status: 'NOT MEASURED', figure: null })
  })

  test('a pass without the required repetitions is INCOMPLETE; a miss is a FAIL at once', () => {
    expect(checkBudgets({ 'race.failed': 0, 'race.runs': 5 }, {}, [race])[0]).toMatchObject({
      status: 'INCOMPLETE',
    })
    expect(checkBudgets({ 'race.failed': 0, 'race.runs': 20 }, {}, [race])[0]!.status).toBe('PASS')
    expect(checkBudgets({ 'race.failed': 1, 'race.runs': 5 }, {}, [race])[0]!.status).toBe('FAIL')
    expect(checkBudgets({ 'race.failed': 0 }, {}, [race])[0]!.status).toBe('INCOMPLETE')
  })

  test('the limit is shown with its operator and unit', () => {
    const [verdict] = checkBudgets({ 'x.p99': 1 }, {}, [latency])
    expect(verdict!.limit).toBe('≤ 30 ms')
  })
})

describe('checkPassed', () => {
  test('fails on a failed target, ignores failed stretch goals and unmeasured budgets', () => {
    expect(checkPassed(checkBudgets({ 'x.p99': 25 }, {}, [latency, stretch]))).toBe(true)
    expect(checkPassed(checkBudgets({ 'x.p99': 31 }, {}, [latency, stretch]))).toBe(false)
    expect(checkPassed(checkBudgets({}, {}, [latency]))).toBe(true)
  })
})

test('every budget of performance-goals.md section 6 is listed once per id with a sane limit', () => {
  const ids = BUDGETS.map((budget) => budget.id)
  expect(new Set(ids).size).toBe(ids.length)
  for (const goal of ['a', 'b', 'c', 'd', 'e', 'f'] as const)
    expect(BUDGETS.some((budget) => budget.goal === goal && !budget.stretch)).toBe(true)
  // Spot checks against the document and ADR 031, so an edit that loosens a target shows up in
  // review.
  expect(target('search.full.serverP99Ms')).toEqual(['<= 40'])
  expect(target('js.bookTime.totalGzipKB')).toEqual(['<= 110'])
  expect(target('lighthouse.performanceMin')).toEqual(['>= 95'])
  expect(target('lighthouse.accessibilityMin')).toEqual(['>= 100'])
  expect(target('lighthouse.lcpMaxMs')).toEqual(['<= 2500'])
})

describe('budgets relative to floors measured in the same run (ADR 031)', () => {
  test('pages at c=10: 30 % of the floor page (stretch 50 %), the slot and agenda pages 20 %', () => {
    const expected = {
      home: '>= 30',
      book: '>= 30',
      login: '>= 30',
      booking: '>= 30',
      bookTime: '>= 20',
      agenda: '>= 20',
      agendaDay: '>= 20',
    }
    for (const [key, limit] of Object.entries(expected)) {
      expect(target(pageFigure(key, 'ratioToFloorPct'))).toEqual([limit])
      expect(target(pageFigure(key, 'p99ToFloor'))).toEqual(['<= 5'])
    }
    expect(FLOOR_PAGES.map((page) => page.key).sort()).toEqual(Object.keys(expected).sort())
    expect(stretchTarget(pageFigure('home', 'ratioToFloorPct'))).toEqual(['>= 50'])
    expect(stretchTarget(pageFigure('booking', 'ratioToFloorPct'))).toEqual(['>= 50'])
    expect(stretchTarget(pageFigure('bookTime', 'ratioToFloorPct'))).toEqual([])
  })

  test("the storm: browser and form p99 within 3× the bare server's; one winner, none unanswered", () => {
    expect(target('race.p99ToFloor')).toEqual(['<= 3'])
    expect(target('race.form.p99ToFloor')).toEqual(['<= 3'])
    expect(target('race.unsafeRuns')).toEqual(['== 0'])
    expect(target('race.failedRuns')).toEqual(['== 0'])
    expect(stretchTarget('race.worstP99Ms')).toEqual(['<= 250'])
  })

  test("holdSlot against a hold's own rows; the goal's single-row ratios are reported only", () => {
    expect(target('writes.inProcess.holdToRawHoldRowsRatio')).toEqual(['>= 0.6'])
    expect(target('writes.inProcessRatio')).toEqual([])
    expect(stretchTarget('writes.inProcessRatio')).toEqual(['>= 0.8'])
    expect(target('writes.httpRatio')).toEqual([])
  })

  test('a page at exactly its share passes; a real regression fails --check', () => {
    const figures = {
      [pageFigure('bookTime', 'ratioToFloorPct')]: 20,
      [pageFigure('bookTime', 'p99ToFloor')]: 5,
    }
    const pass = checkBudgets(figures).filter((v) => v.figure !== null)
    expect(pass.map((v) => v.status)).toEqual(['PASS', 'PASS'])
    const slower = checkBudgets({ ...figures, [pageFigure('bookTime', 'ratioToFloorPct')]: 14 })
    expect(slower.find((v) => v.status === 'FAIL')).toMatchObject({
      text: '/book/time (draft) c=10 throughput ÷ floor page',
      limit: '≥ 20 %',
    })
    expect(checkPassed(slower)).toBe(false)
  })
})
