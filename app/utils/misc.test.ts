import { describe, expect, test } from 'vitest'
import { safeRedirect } from './misc.ts'

describe('safeRedirect', () => {
  test.each([
    ['/staff', '/staff'],
    ['/admin?tab=1', '/admin?tab=1'],
    ['/staff/agenda?date=2026-12-07#today', '/staff/agenda?date=2026-12-07#today'],
    // Dot segments are resolved, and stay on this site.
    ['/staff/../admin', '/admin'],
    // An encoded slash or tab is part of a path here, not a way off the site.
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%09/evil.example', '/%09/evil.example'],
  ])('keeps the same-site path %j as %j', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
  })

  test.each([
    '//evil.example/path',
    '///evil.example',
    'https://evil.example',
    'https:evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,hi',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    // What "/%09/evil.example" and "%0A/…" in a query string decode to: browsers drop tabs and
    // newlines from URLs, so these would become "//evil.example".
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '\n/staff',
    '/staff\r\nSet-Cookie: a=b',
    ' /staff',
    '/\u0000/evil.example',
    'evil.example',
    '',
    undefined,
    null,
    42,
    ['/staff'],
  ])('refuses %j and falls back to /staff', (input) => {
    expect(safeRedirect(input)).toBe('/staff')
  })

  test('refuses a path longer than any the app makes', () => {
    expect(safeRedirect('/'.padEnd(2001, 'a'))).toBe('/staff')
  })

  test('the fallback can be chosen', () => {
    expect(safeRedirect('//evil.example', '/bookings')).toBe('/bookings')
  })
})
