import { describe, expect, test } from 'vitest'
import { type DraftView } from './draft-view.server.ts'
import { type WizardProgress } from './steps.ts'
import { pathAfterHold, timeStepNotices, waitRefusalMessage } from './time-step.ts'

const ZONE = 'Europe/Rome'
const NOW = Date.parse('2026-12-01T09:00:00Z')

function draft(overrides: Partial<DraftView>): DraftView {
  return { hold: null, screening: null, timeZone: ZONE, ...overrides } as DraftView
}

describe('timeStepNotices', () => {
  test('a live hold is named by its day, time in the clinic zone and practitioner', () => {
    const view = draft({
      hold: {
        bookingId: 'b1',
        reference: 'R1',
        practitionerId: 'p1',
        practitionerName: 'Marco Bianchi',
        startAt: Date.parse('2026-12-03T09:30:00Z'),
        endAt: Date.parse('2026-12-03T10:00:00Z'),
        expiresAt: NOW + 600_000,
        live: true,
      },
    })
    expect(timeStepNotices(view, NOW)).toEqual({
      hold: { label: 'Thursday, 3 December 2026 at 10:30', practitionerName: 'Marco Bianchi' },
      screeningWait: null,
    })
  })

  test('a lapsed hold says nothing; a screening wait still running gives its first day', () => {
    const view = draft({
      hold: { live: false } as DraftView['hold'],
      screening: { waitUntilAt: Date.parse('2026-12-14T23:30:00Z') } as DraftView['screening'],
    })
    // 23:30 UTC is already the 15th in Rome.
    expect(timeStepNotices(view, NOW)).toEqual({
      hold: null,
      screeningWait: 'Tuesday, 15 December 2026',
    })
    const waitOver = draft({ screening: { waitUntilAt: NOW - 1 } as DraftView['screening'] })
    expect(timeStepNotices(waitOver, NOW).screeningWait).toBeNull()
  })
})

test('after a hold: the confirmation when it booked, otherwise the next step of the wizard', () => {
  const progress = { hasService: true, hasHold: true } as WizardProgress
  expect(pathAfterHold(true, progress)).toBe('/book/confirmation')
  expect(pathAfterHold(false, progress)).toBe('/book/details')
})

test('refusals for healing and screening waits name the first day allowed', () => {
  const earliestStartAt = Date.parse('2026-12-20T08:00:00Z')
  expect(waitRefusalMessage({ reason: 'too-close', earliestStartAt }, ZONE)).toBe(
    'Your skin needs time to heal between sessions. Please choose a time from Sunday, 20 December 2026 onwards.',
  )
  expect(waitRefusalMessage({ reason: 'screening-wait', earliestStartAt }, ZONE)).toBe(
    'Because of your answers to the health questions, please choose a time from Sunday, 20 December 2026 onwards.',
  )
})
