import { describe, expect, test } from 'vitest'
import { safeRedirect } from './misc.ts'

describe('safeRedirect', () => {
  test.each([
    ['/staff', '/staff'],
    ['/admin?tab=1', '/admin?tab=1'],
    ['//evil.example/path', '/staff'],
    ['https://evil.example', '/staff'],
    ['/\\evil.example', '/staff'],
    ['', '/staff'],
    [undefined, '/staff'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
  })
})
