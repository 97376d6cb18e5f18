import { describe, expect, test } from 'vitest'
import { limitRows, RECORD_ACCESS_LIMIT, recordAccessSince } from './record-access.rules.ts'

describe('record access limits', () => {
  test('the list starts 12 months back', () => {
    expect(recordAccessSince(new Date('2026-12-07T10:00:00Z')).toISOString()).toBe(
      '2025-12-07T10:00:00.000Z',
    )
  })

  test('29 February goes back to the last day of February', () => {
    expect(recordAccessSince(new Date('2028-02-29T08:00:00Z')).toISOString()).toBe(
      '2027-02-28T08:00:00.000Z',
    )
  })

  test('at most the limit, with a flag when rows were left out', () => {
    const many = Array.from({ length: RECORD_ACCESS_LIMIT + 1 }, (_, i) => i)
    expect(limitRows(many)).toEqual({ rows: many.slice(0, RECORD_ACCESS_LIMIT), truncated: true })
    expect(limitRows([1, 2])).toEqual({ rows: [1, 2], truncated: false })
  })
})
