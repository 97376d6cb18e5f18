import { describe, expect, test } from 'vitest'
import { isDecodablePath } from './malformed-paths.ts'

describe('isDecodablePath', () => {
  test.each(['/', '/bookings/DD-ABC123', '/caf%C3%A9', '/%2F%2Fevil.example', '/a%20b'])(
    '%s can be decoded',
    (path) => expect(isDecodablePath(path)).toBe(true),
  )
  test.each(['/%', '/bookings/%E0%A4%A', '/%ZZ', '/%C3', '/a%2'])('%s cannot', (path) =>
    expect(isDecodablePath(path)).toBe(false),
  )
})
