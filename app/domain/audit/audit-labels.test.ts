import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { auditMessages } from '#app/i18n/messages/index.ts'

/**
 * The audit log names every action the app records (admin.audit.tsx): each audit action code
 * written in the source, and each booking event (recorded as `booking.<event>`), has a readable
 * name in the catalogue, in every language (the catalogue test checks the languages agree).
 */
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sources = fs
  .readdirSync(appDir, { recursive: true, withFileTypes: true })
  .filter((file) => file.isFile() && /\.tsx?$/.test(file.name) && !/\.test\.tsx?$/.test(file.name))
  .map((file) => ({
    name: path.join(file.parentPath, file.name),
    text: fs.readFileSync(path.join(file.parentPath, file.name), 'utf8'),
  }))

// Names of rate limits (limits.server.ts), not audit actions.
const NOT_AUDIT_ACTIONS = new Set(['booking.book', 'booking.hold'])

function recordedCodes(): string[] {
  const codes = new Set<string>()
  for (const { name, text } of sources) {
    if (name.includes(`${path.sep}messages${path.sep}`)) continue
    for (const match of text.matchAll(
      /action: (?:[\w.]+ \? )?'([a-z_]+\.[a-z_.]+)'(?: : '([a-z_]+\.[a-z_.]+)')?/g,
    ))
      for (const code of [match[1], match[2]]) if (code) codes.add(code)
    // Booking events: recorded in booking_events and audited as booking.<event>.
    for (const match of text.matchAll(/action: (?:[\w.]+ \? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g))
      if (/(transitionBooking|recordBookingEvent|cancelBooking)/.test(text))
        for (const code of [match[1], match[2]]) if (code) codes.add(`booking.${code}`)
  }
  for (const code of NOT_AUDIT_ACTIONS) codes.delete(code)
  return [...codes].sort()
}

describe('audit log labels', () => {
  test('every recorded action code has a readable name', () => {
    const codes = recordedCodes()
    expect(codes.length).toBeGreaterThan(50)
    expect(codes.filter((code) => !Object.hasOwn(auditMessages.en, `action.${code}`))).toEqual([])
  })
})
