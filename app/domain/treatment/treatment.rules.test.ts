import { describe, expect, test } from 'vitest'
import { coursePosition, depthLimitProblems } from './treatment.rules.ts'
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
    expect(problems).toEqual({ depth_neck: 'Above your limit of 1.75 mm.' })
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
    intent: 'record',
    device: 'Dermapen 4',
    cartridgeLot: 'LOT-2026-118',
    anaesthetic: 'lidocaine_cream',
    anaestheticMinutes: '30',
    rednessGrade: '2',
    bleeding: 'pinpoint',
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
