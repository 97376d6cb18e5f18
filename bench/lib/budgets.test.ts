import { describe, expect, test } from 'vitest'
import { type Budget, BUDGETS, checkBudgets, checkPassed } from './budgets.ts'

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
  // Spot checks against the document, so an edit that loosens a target shows up in review.
  const target = (figure: string) =>
    BUDGETS.filter((b) => b.figure === figure && !b.stretch).map((b) => `${b.op} ${b.limit}`)
  expect(target('page.bookTime.c10.reqPerSec')).toEqual(['>= 1200'])
  expect(target('page.bookTime.c10.ratioToHelloPct')).toEqual(['>= 1.3'])
  expect(target('search.full.serverP99Ms')).toEqual(['<= 40'])
  expect(target('race.worstP99Ms')).toEqual(['<= 250'])
  expect(target('js.bookTime.totalGzipKB')).toEqual(['<= 110'])
  expect(target('lighthouse.accessibilityMin')).toEqual(['>= 100'])
  expect(target('writes.inProcessRatio')).toEqual(['>= 0.8'])
})
