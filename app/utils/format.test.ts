import { describe, expect, test } from 'vitest'
import { formatMinutesOfDay, secondsUntil } from './format.ts'

describe('format helpers', () => {
  test('seconds until a hold ends, never negative', () => {
    expect(secondsUntil(10_600, 1_000)).toBe(10)
    expect(secondsUntil(1_000, 5_000)).toBe(0)
  })

  test('minutes of the day as a 24-hour clock', () => {
    expect(formatMinutesOfDay(540)).toBe('09:00')
    expect(formatMinutesOfDay(1439)).toBe('23:59')
  })
})
