import { describe, expect, test } from 'vitest'
import {
  ACCOUNT_THROTTLE,
  addFailure,
  checkThrottle,
  type ThrottleState,
} from './throttle.rules.ts'

const MINUTE = 60_000

function failTimes(count: number, start = 0, spacing = 1000): ThrottleState | undefined {
  let state: ThrottleState | undefined
  for (let i = 0; i < count; i++) state = addFailure(state, start + i * spacing, ACCOUNT_THROTTLE)
  return state
}

describe('sign-in throttle', () => {
  test('allows attempts below the limit', () => {
    const state = failTimes(ACCOUNT_THROTTLE.maxFailures - 1)
    expect(checkThrottle(state, 20_000)).toEqual({ blocked: false })
  })

  test('blocks at the limit and says for how long', () => {
    const state = failTimes(ACCOUNT_THROTTLE.maxFailures)
    const lastAttempt = (ACCOUNT_THROTTLE.maxFailures - 1) * 1000
    expect(checkThrottle(state, lastAttempt + MINUTE)).toEqual({
      blocked: true,
      retryAfterSeconds: (ACCOUNT_THROTTLE.blockMs - MINUTE) / 1000,
    })
  })

  test('a block always ends', () => {
    const state = failTimes(ACCOUNT_THROTTLE.maxFailures)
    const lastAttempt = (ACCOUNT_THROTTLE.maxFailures - 1) * 1000
    expect(checkThrottle(state, lastAttempt + ACCOUNT_THROTTLE.blockMs)).toEqual({ blocked: false })
  })

  test('failures spread beyond the window start a new count', () => {
    let state: ThrottleState | undefined
    for (let i = 0; i < 30; i++)
      state = addFailure(state, i * ACCOUNT_THROTTLE.windowMs, ACCOUNT_THROTTLE)
    expect(state?.failures).toBe(1)
    expect(checkThrottle(state, 30 * ACCOUNT_THROTTLE.windowMs)).toEqual({ blocked: false })
  })

  test('no more than 100 failures an hour get through for one account (ASVS v4 2.2.1)', () => {
    let state: ThrottleState | undefined
    let accepted = 0
    for (let t = 0; t < 60 * MINUTE; t += 5_000) {
      if (checkThrottle(state, t).blocked) continue
      accepted += 1
      state = addFailure(state, t, ACCOUNT_THROTTLE)
    }
    expect(accepted).toBeLessThanOrEqual(100)
    expect(accepted).toBeGreaterThanOrEqual(ACCOUNT_THROTTLE.maxFailures)
  })
})
