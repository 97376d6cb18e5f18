import { describe, expect, test } from 'vitest'
import { instantAt } from '#app/domain/shared/calendar.rules.ts'
import {
  agendaDates,
  agendaNeighbours,
  consentBadge,
  dayNotices,
  groupByDay,
  groupByPractitioner,
  screeningBadge,
  screeningBadgeOf,
  type ScreeningFacts,
  SCREENING_BADGES,
  statusBadge,
} from './agenda.rules.ts'
import { AgendaQuerySchema, agendaHref } from './agenda.schema.ts'

const ZONE = 'Europe/Rome'
const DAY = 86_400_000
const start = instantAt('2026-11-25', 10 * 60, ZONE)

function facts(overrides: Partial<ScreeningFacts> = {}): ScreeningFacts {
  return {
    required: true,
    startAt: start,
    latest: { outcome: 'eligible', submittedAt: start - 5 * DAY, waitUntil: null },
    decisions: [],
    timeZone: ZONE,
    ...overrides,
  }
}

describe('agenda dates', () => {
  test('a day view is that day; a week view runs Monday to Sunday around it', () => {
    expect(agendaDates('day', '2026-11-25')).toEqual(['2026-11-25'])
    expect(agendaDates('week', '2026-11-25')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
    // A Sunday belongs to the week that started the Monday before.
    expect(agendaDates('week', '2026-11-29')[0]).toBe('2026-11-23')
    // Across the end of daylight saving time and a month boundary.
    expect(agendaDates('week', '2026-10-25')).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ])
  })

  test('previous and next move by a day or a week', () => {
    expect(agendaNeighbours('day', '2026-12-01')).toEqual({
      previous: '2026-11-30',
      next: '2026-12-02',
    })
    expect(agendaNeighbours('week', '2026-12-01')).toEqual({
      previous: '2026-11-24',
      next: '2026-12-08',
    })
  })
})

describe('agenda query', () => {
  test('reads a valid query and falls back on anything else', () => {
    const id = '6f1c1d7e-2b0a-4c4e-9a37-0d4b8f1e2a33'
    expect(AgendaQuerySchema.parse({ view: 'week', date: '2026-11-25', practitioner: id })).toEqual(
      { view: 'week', date: '2026-11-25', practitioner: id },
    )
    expect(AgendaQuerySchema.parse({})).toEqual({ view: 'day' })
    expect(
      AgendaQuerySchema.parse({ view: 'month', date: '2026-02-30', practitioner: "x' OR 1=1" }),
    ).toEqual({ view: 'day', date: undefined, practitioner: undefined })
    expect(AgendaQuerySchema.parse({ date: '25/11/2026' }).date).toBeUndefined()
  })

  test('links keep the view and practitioner', () => {
    expect(agendaHref({ view: 'week', date: '2026-11-25', practitioner: 'abc' })).toBe(
      '/staff/agenda?view=week&date=2026-11-25&practitioner=abc',
    )
    expect(agendaHref({ view: 'day' })).toBe('/staff/agenda?view=day')
  })
})

describe('screening badge', () => {
  const review = { outcome: 'review' as const, submittedAt: start - 3 * DAY, waitUntil: null }

  test('consultations need no screening', () => {
    expect(screeningBadgeOf(facts({ required: false, latest: null }))).toBe('not_required')
  })

  test('a treatment without answers is missing them', () => {
    expect(screeningBadgeOf(facts({ latest: null }))).toBe('missing')
  })

  test('eligible answers from the last 30 days are clear', () => {
    expect(screeningBadgeOf(facts())).toBe('clear')
    expect(
      screeningBadgeOf(
        facts({ latest: { outcome: 'eligible', submittedAt: start - 30 * DAY, waitUntil: null } }),
      ),
    ).toBe('clear')
  })

  test('answers given more than 30 days before the visit are due for renewal, whatever they say', () => {
    expect(
      screeningBadgeOf(
        facts({
          latest: { outcome: 'eligible', submittedAt: start - 30 * DAY - 1, waitUntil: null },
        }),
      ),
    ).toBe('renewal_due')
    expect(screeningBadgeOf(facts({ latest: { ...review, submittedAt: start - 40 * DAY } }))).toBe(
      'renewal_due',
    )
  })

  test('answers a rule sent to a clinician need review until one approves them', () => {
    expect(screeningBadgeOf(facts({ latest: review }))).toBe('needs_review')
    expect(
      screeningBadgeOf(
        facts({ latest: review, decisions: [{ kind: 'approved', at: start - DAY }] }),
      ),
    ).toBe('approved')
    // An approval of older answers does not cover answers given after it.
    expect(
      screeningBadgeOf(
        facts({ latest: review, decisions: [{ kind: 'approved', at: start - 4 * DAY }] }),
      ),
    ).toBe('needs_review')
  })

  test('eligible answers with a waiting window past the visit need review until approved', () => {
    const window = {
      outcome: 'eligible' as const,
      submittedAt: start - DAY,
      waitUntil: '2026-12-02',
    }
    expect(screeningBadgeOf(facts({ latest: window }))).toBe('needs_review')
    expect(
      screeningBadgeOf(facts({ latest: window, decisions: [{ kind: 'approved', at: start - 1 }] })),
    ).toBe('approved')
    expect(screeningBadgeOf(facts({ latest: { ...window, waitUntil: '2026-11-25' } }))).toBe(
      'clear',
    )
  })

  test('a decline, or "not eligible" answers, show as declined', () => {
    expect(
      screeningBadgeOf(
        facts({ latest: review, decisions: [{ kind: 'declined', at: start - DAY }] }),
      ),
    ).toBe('declined')
    expect(
      screeningBadgeOf(
        facts({ latest: { outcome: 'not_eligible', submittedAt: start - DAY, waitUntil: null } }),
      ),
    ).toBe('declined')
    expect(screeningBadge('needs_review', true).label).toBe(
      'Screening needs review (question sent)',
    )
  })

  test('every badge is words, not colour alone', () => {
    for (const kind of SCREENING_BADGES) expect(screeningBadge(kind).label).toMatch(/screening/i)
    for (const status of [
      'missing',
      'signed',
      'countersigned',
      'withdrawn',
      'not_required',
    ] as const)
      expect(consentBadge(status).label).toMatch(/consent/i)
    expect(consentBadge('signed')).toEqual({ label: 'Consent signed', tone: 'warn' })
    expect(consentBadge('withdrawn').tone).toBe('bad')
    expect(statusBadge('no_show').label).toBe('No-show')
    expect(statusBadge('pending_review').label).toBe('Pending review')
  })
})

describe('grouping by day', () => {
  test('puts appointments under their clinic-zone date, in time order, with empty days kept', () => {
    const dates = agendaDates('week', '2026-11-25')
    const late = { id: 'late', startAt: instantAt('2026-11-25', 17 * 60, ZONE) }
    const early = { id: 'early', startAt: instantAt('2026-11-25', 9 * 60, ZONE) }
    // 00:30 in Rome on Sunday is still Saturday in UTC: it belongs to Sunday.
    const sunday = { id: 'sunday', startAt: instantAt('2026-11-29', 30, ZONE) }
    const outside = { id: 'outside', startAt: instantAt('2026-11-30', 9 * 60, ZONE) }
    const groups = groupByDay([late, sunday, early, outside], dates, ZONE)
    expect(groups.map((g) => g.date)).toEqual(dates)
    expect(groups[2]!.appointments.map((a) => a.id)).toEqual(['early', 'late'])
    expect(groups[6]!.appointments.map((a) => a.id)).toEqual(['sunday'])
    expect(groups.flatMap((g) => g.appointments)).toHaveLength(3)
  })
})

describe('day notices', () => {
  const clock = (minute: number) =>
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
  const off = (date: string, name: string, start: number | null, end: number | null) => ({
    date,
    practitionerId: name,
    practitionerName: name,
    startMinute: start,
    endMinute: end,
  })

  test('a closure comes first with its reason, then each time off, whole day or hours', () => {
    expect(
      dayNotices(
        '2026-12-08',
        [
          { date: '2026-12-08', reason: 'Immacolata' },
          { date: '2026-12-25', reason: 'Natale' },
        ],
        [
          off('2026-12-08', 'Marco Bianchi', null, null),
          off('2026-12-08', 'Dr Giulia Romano', 540, 780),
        ],
        clock,
      ),
    ).toEqual([
      'Closed: Immacolata',
      'Marco Bianchi: time off all day',
      'Dr Giulia Romano: time off 09:00–13:00',
    ])
  })

  test('a day with neither has no notices', () => {
    expect(dayNotices('2026-12-09', [{ date: '2026-12-08', reason: 'x' }], [], clock)).toEqual([])
  })
})

describe('appointments per practitioner', () => {
  test('groups keep the order of each practitioner’s first appointment', () => {
    const a = (id: string, practitionerId: string) => ({
      id,
      practitionerId,
      practitionerName: practitionerId.toUpperCase(),
    })
    const groups = groupByPractitioner([a('1', 'marco'), a('2', 'giulia'), a('3', 'marco')])
    expect(groups.map((g) => [g.practitionerName, g.appointments.map((x) => x.id)])).toEqual([
      ['MARCO', ['1', '3']],
      ['GIULIA', ['2']],
    ])
  })
})
