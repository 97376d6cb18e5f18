import { describe, expect, test } from 'vitest'
import {
  coursePosition,
  depthLimitProblems,
  screeningClearance,
  treatmentBlockers,
  type VisitFacts,
  visitTiming,
} from './treatment.rules.ts'
import { TreatmentRecordSchema } from './treatment.schema.ts'

describe('needle depth limits', () => {
  test('the lower of the service and practitioner limits applies, with a message per area', () => {
    const problems = depthLimitProblems(
      [
        { area: 'cheeks', depthUm: 1500 },
        { area: 'forehead', depthUm: 1000 },
        { area: 'neck', depthUm: 2000 },
      ],
      { serviceMaxUm: 1500, practitionerMaxUm: 1750 },
    )
    expect(problems).toEqual({ depth_neck: "Above this service's limit of 1.5 mm." })
    expect(
      depthLimitProblems([{ area: 'neck', depthUm: 1600 }], {
        serviceMaxUm: 2000,
        practitionerMaxUm: 1500,
      }),
    ).toEqual({ depth_neck: "Above the practitioner's limit of 1.5 mm." })
    expect(
      depthLimitProblems([{ area: 'cheeks', depthUm: 1600 }], {
        serviceMaxUm: 1500,
        practitionerMaxUm: 2000,
      }),
    ).toEqual({
      depth_cheeks: "Above this service's limit of 1.5 mm.",
    })
  })
})

describe('course position', () => {
  test.each([
    [1, 3, 'Session 1 of 3', false],
    [3, 3, 'Session 3 of 3', true],
    [4, 3, 'Maintenance (after a course of 3)', true],
    [1, 1, 'Single visit', true],
  ])('%i of %i', (n, total, label, isLast) => {
    expect(coursePosition({ courseSessionNumber: n, courseSessions: total })).toEqual({
      label,
      isLast,
    })
  })
})

describe('treatment record form', () => {
  const base = {
    device: 'Dermapen 4',
    cartridgeLot: 'LOT-2026-118',
    anaesthetic: 'lidocaine_cream',
    anaestheticMinutes: '30',
    rednessGrade: '2',
    bleeding: 'pinpoint',
    passes: '3',
    skinProducts: 'hyaluronic_acid',
    aftercareProduct: 'soothing_cream',
  }

  test('depths in mm become micrometres for ticked areas only', () => {
    const parsed = TreatmentRecordSchema.parse({
      ...base,
      areas: ['cheeks', 'forehead'],
      depth_cheeks: '1,5',
      depth_forehead: '0.75',
      depth_neck: '9',
    })
    expect(parsed.areas).toEqual([
      { area: 'cheeks', depthUm: 1500 },
      { area: 'forehead', depthUm: 750 },
    ])
    expect(parsed.anaestheticMinutes).toBe(30)
  })

  test('missing lot number, missing depth and missing numbing time are field messages', () => {
    const result = TreatmentRecordSchema.safeParse({
      ...base,
      cartridgeLot: '',
      anaestheticMinutes: '',
      areas: 'cheeks',
    })
    expect(result.success).toBe(false)
    const byField = Object.fromEntries(
      result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
    )
    expect(byField).toMatchObject({
      cartridgeLot: 'Enter the lot number of the single-use cartridge.',
    })
  })

  test('a depth needs a ticked area and numbing needs minutes', () => {
    const result = TreatmentRecordSchema.safeParse({
      ...base,
      anaestheticMinutes: '',
      areas: ['cheeks'],
    })
    const byField = Object.fromEntries(
      result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
    )
    expect(byField).toEqual({
      depth_cheeks: 'Enter the needle depth in mm.',
      anaestheticMinutes: 'Enter how many minutes the cream was on.',
    })
  })
})

describe('screening clearance at the visit', () => {
  const base = {
    required: true,
    outcome: 'eligible' as const,
    validity: 'valid' as const,
    decisionsSinceAnswers: [] as ('approved' | 'declined')[],
    windowEndsAfterVisit: false,
  }
  test.each([
    [{ ...base, required: false }, 'not_required'],
    [{ ...base, outcome: null }, 'missing'],
    [base, 'clear'],
    [{ ...base, outcome: 'review' as const }, 'needs_review'],
    [
      { ...base, outcome: 'review' as const, decisionsSinceAnswers: ['approved' as const] },
      'approved',
    ],
    [
      {
        ...base,
        outcome: 'review' as const,
        decisionsSinceAnswers: ['approved' as const, 'declined' as const],
      },
      'declined',
    ],
    [{ ...base, outcome: 'not_eligible' as const }, 'declined'],
    [{ ...base, outcome: 'review' as const, validity: 'renewal_due' as const }, 'renewal_due'],
    // New answers with a waiting window past the visit (a toxin injection last week, say) are
    // "eligible" in general but not for this visit: a clinician must look.
    [{ ...base, windowEndsAfterVisit: true }, 'needs_review'],
    [
      { ...base, windowEndsAfterVisit: true, decisionsSinceAnswers: ['approved' as const] },
      'approved',
    ],
  ])('%o is %s', (input, expected) => {
    expect(screeningClearance(input)).toBe(expected)
  })
})

describe('what blocks a treatment record', () => {
  const ready: VisitFacts = {
    status: 'confirmed',
    isConsultation: false,
    checkedIn: true,
    screening: 'clear',
    consent: 'countersigned',
  }
  test('nothing, when checked in, clear or approved, and countersigned', () => {
    expect(treatmentBlockers(ready)).toEqual([])
    expect(treatmentBlockers({ ...ready, screening: 'approved' })).toEqual([])
  })
  test('a booking waiting for a clinician is never treated, whatever the answers say', () => {
    expect(treatmentBlockers({ ...ready, status: 'pending_review' })).toEqual([
      'A clinician must review the health answers first.',
    ])
    expect(
      treatmentBlockers({ ...ready, status: 'pending_review', screening: 'needs_review' }),
    ).toEqual(['A clinician must review the health answers first.'])
  })
  test('every missing step is named, in the order the clinician does them', () => {
    expect(
      treatmentBlockers({
        ...ready,
        checkedIn: false,
        screening: 'needs_review',
        consent: 'signed',
      }),
    ).toEqual([
      'Check the patient in first.',
      'A clinician must review the health answers first.',
      'Countersign the consent first.',
    ])
  })
  test.each([
    ['missing', 'The patient has not signed a consent that covers this session.'],
    ['withdrawn', 'The patient withdrew their consent.'],
  ] as const)('consent %s blocks', (consent, message) => {
    expect(treatmentBlockers({ ...ready, consent })).toEqual([message])
  })
  test.each([
    ['renewal_due', /more than 30 days old/],
    ['declined', /rule this treatment out/],
    ['missing', /no health answers/],
  ] as const)('screening %s blocks', (screening, message) => {
    expect(treatmentBlockers({ ...ready, screening })[0]).toMatch(message)
  })
  test('closed visits and consultations have nothing to record', () => {
    expect(treatmentBlockers({ ...ready, status: 'completed' })).toEqual([
      'This visit is already completed.',
    ])
    expect(treatmentBlockers({ ...ready, status: 'cancelled' })[0]).toMatch(/not open/)
    expect(treatmentBlockers({ ...ready, status: 'no_show' })[0]).toMatch(/not open/)
    expect(treatmentBlockers({ ...ready, isConsultation: true })).toEqual([
      'A consultation has no needling to record.',
    ])
  })
})

describe('visit timing', () => {
  const zone = 'Europe/Rome'
  const start = Date.parse('2027-03-10T10:00:00+01:00')

  test('check-in opens on the appointment’s day in the clinic’s zone, and only then', () => {
    expect(visitTiming(start, Date.parse('2027-03-09T23:59:00+01:00'), zone)).toEqual({
      checkIn: 'not-yet',
      visitDate: '2027-03-10',
      hasStarted: false,
    })
    // Midnight in Rome is still the day before in UTC: the clinic's day counts.
    expect(visitTiming(start, Date.parse('2027-03-10T00:05:00+01:00'), zone).checkIn).toBe('open')
    expect(visitTiming(start, Date.parse('2027-03-11T00:00:00+01:00'), zone).checkIn).toBe(
      'day-passed',
    )
  })

  test('a no-show becomes possible at the start time', () => {
    expect(visitTiming(start, start - 1, zone).hasStarted).toBe(false)
    expect(visitTiming(start, start, zone).hasStarted).toBe(true)
  })
})
