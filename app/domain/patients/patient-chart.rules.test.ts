import { describe, expect, test } from 'vitest'
import { chartTimeline, courseProgress, sessionBlockers } from './patient-chart.rules.ts'

const DAY = 24 * 3600_000

describe('the chart’s rules', () => {
  test('the timeline is newest first, and keeps the given order for the same moment', () => {
    const timeline = chartTimeline([
      { kind: 'message', at: 1, subject: 'a', sent: true },
      { kind: 'message', at: 3, subject: 'b', sent: true },
      { kind: 'message', at: 3, subject: 'c', sent: false },
    ])
    expect(timeline.map((e) => (e.kind === 'message' ? e.subject : ''))).toEqual(['b', 'c', 'a'])
  })

  test('a session is blocked by screening, consent and the healing gap, each on its own', () => {
    const ready = {
      screening: 'clear',
      consent: 'signed',
      earliestAllowed: null,
      startAt: 10,
    } as const
    expect(sessionBlockers(ready)).toEqual([])
    expect(sessionBlockers({ ...ready, screening: 'approved', consent: 'countersigned' })).toEqual(
      [],
    )
    expect(sessionBlockers({ ...ready, screening: 'needs_review' })).toEqual(['screening'])
    expect(sessionBlockers({ ...ready, screening: 'renewal_due' })).toEqual(['screening'])
    expect(sessionBlockers({ ...ready, consent: 'withdrawn' })).toEqual(['consent'])
    expect(sessionBlockers({ ...ready, earliestAllowed: 11 })).toEqual(['too_soon'])
    expect(sessionBlockers({ ...ready, earliestAllowed: 10 })).toEqual([])
  })

  test('a course counts sessions done and booked, and the next may follow the latest by the gap', () => {
    const progress = courseProgress({
      tier: 'medical',
      plan: {
        sessions: { min: 3, max: 6 },
        intervalWeeks: 4,
        maintenancePerYear: { min: 2, max: 3 },
      },
      doneStarts: [0, 30 * DAY],
      bookedStarts: [60 * DAY],
      minGapDays: 28,
    })
    expect(progress).toEqual({
      tier: 'medical',
      done: 2,
      booked: 1,
      plan: { min: 3, max: 6 },
      intervalWeeks: 4,
      nextFrom: 88 * DAY,
    })
  })
})
