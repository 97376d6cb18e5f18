import { describe, expect, test } from 'vitest'
import { dueMessages, type MessageCandidate } from './messages.rules.ts'

const HOUR = 3600_000
const DAY = 24 * HOUR
const START = Date.UTC(2027, 2, 10, 9, 0)

function candidate(overrides: Partial<MessageCandidate> = {}): MessageCandidate {
  return {
    status: 'confirmed',
    serviceKind: 'treatment',
    startAt: START,
    confirmedAt: START - 10 * DAY,
    completedAt: null,
    courseSessionNumber: 1,
    courseSessions: 3,
    courseIntervalWeeks: 4,
    hasLaterBooking: false,
    ...overrides,
  }
}

describe('the 48-hour reminder', () => {
  test('is due from 48 hours before until 2 hours before', () => {
    expect(dueMessages(candidate(), START - 48 * HOUR - 1)).toEqual([])
    expect(dueMessages(candidate(), START - 48 * HOUR)).toEqual(['reminder_48h'])
    expect(dueMessages(candidate(), START - 3 * HOUR)).toEqual(['reminder_48h'])
    expect(dueMessages(candidate(), START - 2 * HOUR)).toEqual([])
  })

  test('is not sent for a booking made inside the last 48 hours, nor a cancelled one', () => {
    expect(dueMessages(candidate({ confirmedAt: START - 30 * HOUR }), START - 24 * HOUR)).toEqual(
      [],
    )
    expect(dueMessages(candidate({ status: 'cancelled' }), START - 24 * HOUR)).toEqual([])
  })
})

describe('aftercare, next session and maintenance', () => {
  const done = START + HOUR
  const completed = (overrides: Partial<MessageCandidate> = {}) =>
    candidate({ status: 'completed', completedAt: done, ...overrides })

  test.each([
    [1, 'aftercare_day1'],
    [3, 'aftercare_day3'],
    [7, 'aftercare_day7'],
  ] as const)('day %i after the treatment', (day, kind) => {
    expect(dueMessages(completed(), done + day * DAY)).toContain(kind)
    expect(dueMessages(completed(), done + day * DAY - 1)).not.toContain(kind)
    // The server was down for days: a stale message is skipped, not sent late.
    expect(dueMessages(completed(), done + (day + 1) * DAY)).not.toContain(kind)
  })

  test('consultations get no aftercare', () => {
    expect(dueMessages(completed({ serviceKind: 'consultation' }), done + DAY)).toEqual([])
  })

  test('a course prompts the next session a week before it is due, unless it is booked', () => {
    const promptAt = done + 3 * 7 * DAY
    expect(dueMessages(completed(), promptAt)).toEqual(['next_session'])
    expect(dueMessages(completed(), promptAt - 1)).toEqual([])
    expect(dueMessages(completed({ hasLaterBooking: true }), promptAt)).toEqual([])
  })

  test('the last session of a course prompts maintenance about four months later', () => {
    const last = completed({ courseSessionNumber: 3 })
    expect(dueMessages(last, done + 3 * 7 * DAY)).toEqual([])
    expect(dueMessages(last, done + 120 * DAY)).toEqual(['maintenance'])
    expect(dueMessages(completed({ courseSessions: 1 }), done + 120 * DAY)).toEqual([])
  })

  test('never more than once per kind at any moment, and nothing before the visit ends', () => {
    for (let t = START - 60 * DAY; t < START + 200 * DAY; t += 6 * HOUR) {
      const kinds = dueMessages(completed(), t)
      expect(new Set(kinds).size).toBe(kinds.length)
      if (t < done) expect(kinds.filter((k) => k !== 'reminder_48h')).toEqual([])
    }
  })
})
