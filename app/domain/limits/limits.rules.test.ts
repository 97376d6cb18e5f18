import { describe, expect, test } from 'vitest'
import { countEvent, describeWait, judgeLimit, type Limit, strictest } from './limits.rules.ts'

const LIMIT: Limit = { name: 'test', max: 3, windowMs: 60_000 }

describe('fixed-window limits', () => {
  test('allows up to max events in a window, then refuses until the window ends', () => {
    let state = undefined as ReturnType<typeof countEvent> | undefined
    for (let i = 0; i < 3; i++) {
      expect(judgeLimit(state, LIMIT, 1000 + i)).toEqual({ allowed: true })
      state = countEvent(state, LIMIT, 1000 + i)
    }
    expect(state).toEqual({ count: 3, windowStartedAt: 1000 })
    expect(judgeLimit(state, LIMIT, 31_000)).toEqual({
      allowed: false,
      limit: LIMIT,
      retryAfterSeconds: 30,
    })
    // The window is over: a new one starts with the next event.
    expect(judgeLimit(state, LIMIT, 61_000)).toEqual({ allowed: true })
    expect(countEvent(state, LIMIT, 61_000)).toEqual({ count: 1, windowStartedAt: 61_000 })
  })

  test('never says to wait less than a second', () => {
    const state = { count: 3, windowStartedAt: 0 }
    expect(judgeLimit(state, LIMIT, 59_999)).toMatchObject({ retryAfterSeconds: 1 })
  })

  test('of several refusals the longest wins', () => {
    const short = { allowed: false as const, limit: LIMIT, retryAfterSeconds: 10 }
    const long = {
      allowed: false as const,
      limit: { ...LIMIT, name: 'long' },
      retryAfterSeconds: 99,
    }
    expect(strictest([{ allowed: true }, short, long, short])).toBe(long)
    expect(strictest([{ allowed: true }])).toEqual({ allowed: true })
    expect(strictest([])).toEqual({ allowed: true })
  })

  test.each([
    [30, 'in a minute'],
    [60, 'in a minute'],
    [61, 'in about 2 minutes'],
    [30 * 60, 'in about 30 minutes'],
    [89 * 60, 'in about 89 minutes'],
    [3 * 3600, 'in about 3 hours'],
  ])('%i seconds reads "%s"', (seconds, words) => {
    expect(describeWait(seconds)).toBe(words)
  })
})
