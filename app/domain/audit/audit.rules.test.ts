import { describe, expect, test } from 'vitest'
import { formatDetails, prefixUpperBound } from './audit.rules.ts'

describe('audit log helpers', () => {
  test('a prefix range holds exactly the strings that start with the prefix', () => {
    const upper = prefixUpperBound('auth.')!
    const inRange = (s: string) => s >= 'auth.' && s < upper
    expect(inRange('auth.')).toBe(true)
    expect(inRange('auth.sign_in.failed')).toBe(true)
    expect(inRange('auth.zzzz')).toBe(true)
    expect(inRange('authz')).toBe(false)
    expect(inRange('auth')).toBe(false)
    expect(inRange('booking.viewed')).toBe(false)
    expect(prefixUpperBound('')).toBeNull()
  })

  test('details are indented JSON; empty details show nothing; other text is shown as it is', () => {
    expect(formatDetails('{"a":1,"b":{"c":"<script>"}}')).toBe(
      '{\n  "a": 1,\n  "b": {\n    "c": "<script>"\n  }\n}',
    )
    expect(formatDetails('{}')).toBeNull()
    expect(formatDetails('not json')).toBe('not json')
  })
})
