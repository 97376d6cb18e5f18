import { describe, expect, test } from 'vitest'
import { namesAFile } from './public-files.ts'

describe('namesAFile', () => {
  test('file names reach the static files; pages and dot-files do not', () => {
    expect(namesAFile('/favicon.ico')).toBe(true)
    expect(namesAFile('/robots.txt')).toBe(true)
    expect(namesAFile('/bookings/DD-ABC123/calendar.ics')).toBe(true)
    expect(namesAFile('/')).toBe(false)
    expect(namesAFile('/book/time')).toBe(false)
    expect(namesAFile('/bookings/DD-ABC123')).toBe(false)
    expect(namesAFile('/.env')).toBe(false)
    expect(namesAFile('/book.d/time')).toBe(false)
  })
})
