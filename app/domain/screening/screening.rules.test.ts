import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { SCREENING_RULES } from './rule-table.rules.ts'
import {
  ALLERGIES,
  HISTORY,
  MEDICINES,
  PROCEDURES,
  type RuleKind,
  type ScreeningAnswers,
  type ScreeningOutcome,
  SKIN_NOW,
  SKIN_TYPES,
  TREATMENT_AREAS,
} from './screening.schema.ts'
import { DEFAULT_SCREENING_SETTINGS, type ScreeningSettings } from './screening-settings.schema.ts'
import {
  canRenewNow,
  clearsBookingOn,
  evaluateScreening,
  outcomeSeverity,
  screeningValidity,
} from './screening.rules.ts'

const TODAY = '2026-11-25'

/** A patient with nothing to flag. */
const CLEAR: ScreeningAnswers = {
  dateOfBirth: '1988-03-14',
  areas: ['face'],
  skinType: 'II',
  skinNow: [],
  history: [],
  medicines: [],
  allergies: [],
  pregnancy: 'no',
  procedures: [],
}

type Row = {
  ruleId: string
  answers: Partial<ScreeningAnswers>
  kind: RuleKind
  outcome: ScreeningOutcome
  waitUntil?: string
}

/** Every row of the default rule table, with answers that trigger it and what it must say. */
const ROWS: Row[] = [
  {
    ruleId: 'infection-at-site',
    answers: { skinNow: ['infection'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'open-wound-at-site',
    answers: { skinNow: ['open_wound'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'cold-sore-now',
    answers: { skinNow: ['cold_sore'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'skin-cancer-at-site',
    answers: { skinNow: ['changed_mole'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'flare-at-site',
    answers: { skinNow: ['skin_flare'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'sunburn',
    answers: { skinNow: ['sunburn'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'bleeding-disorder',
    answers: { history: ['bleeding_disorder'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'isotretinoin-now',
    answers: { medicines: ['isotretinoin_now'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'under-minimum-age',
    answers: { dateOfBirth: '2009-11-26' },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'cold-sores-history',
    answers: { history: ['cold_sores'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'keloid-tendency',
    answers: { history: ['keloid'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'diabetes-not-controlled',
    answers: { history: ['diabetes'], diabetesControlled: 'no' },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'autoimmune-disease',
    answers: { history: ['autoimmune'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'immunosuppression',
    answers: { history: ['immunosuppression'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'cancer-treatment-now',
    answers: { history: ['cancer_treatment_now'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'skin-disease-history',
    answers: { history: ['skin_disease'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'inflamed-acne',
    answers: { skinNow: ['inflamed_acne'] },
    kind: 'review',
    outcome: 'review',
  },
  { ruleId: 'warts-at-site', answers: { skinNow: ['warts'] }, kind: 'review', outcome: 'review' },
  {
    ruleId: 'anticoagulants',
    answers: { medicines: ['blood_thinners'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'photosensitising-medicine',
    answers: { medicines: ['photosensitising'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'pregnancy-or-breastfeeding',
    answers: { pregnancy: 'breastfeeding' },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'stainless-steel-allergy',
    answers: { allergies: ['stainless_steel'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'nickel-allergy',
    answers: { allergies: ['nickel'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'anaesthetic-allergy',
    answers: { allergies: ['anaesthetic'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'young-adult',
    answers: { dateOfBirth: '2005-11-25' },
    kind: 'review',
    outcome: 'review',
  },
  // Waiting windows: 6 months after the last isotretinoin tablet, and so on (defaults).
  {
    ruleId: 'isotretinoin-recent',
    answers: { medicines: ['isotretinoin_past'], isotretinoinLastDose: '2026-09-25' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2027-03-25',
  },
  {
    ruleId: 'toxin-recent',
    answers: { procedures: ['toxin'], toxinDate: '2026-11-20' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2026-12-04',
  },
  {
    ruleId: 'filler-recent',
    answers: { procedures: ['filler'], fillerDate: '2026-11-24' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2026-12-08',
  },
  {
    ruleId: 'retinoids-recent',
    answers: { medicines: ['retinoids_acids'], retinoidLastUse: TODAY },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2026-11-30',
  },
  {
    ruleId: 'peel-recent',
    answers: { procedures: ['peel'], peelDate: '2026-11-01' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2026-12-01',
  },
  {
    ruleId: 'laser-recent',
    answers: { procedures: ['laser'], laserDate: '2026-11-15' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2026-11-29',
  },
  {
    ruleId: 'tan-recent',
    answers: { skinNow: ['tan'], tanDate: '2026-11-24' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2026-12-08',
  },
  {
    ruleId: 'cancer-treatment-recent',
    answers: { history: ['cancer_treatment_past'], cancerTreatmentEndDate: '2026-10-01' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2027-01-01',
  },
  { ruleId: 'darker-skin-type', answers: { skinType: 'V' }, kind: 'info', outcome: 'eligible' },
  { ruleId: 'eye-area', answers: { areas: ['eye_area'] }, kind: 'info', outcome: 'eligible' },
  {
    ruleId: 'diabetes-controlled',
    answers: { history: ['diabetes'], diabetesControlled: 'yes' },
    kind: 'info',
    outcome: 'eligible',
  },
]

describe('the default rule table', () => {
  test('every rule has a row in this test, and every row names a rule', () => {
    expect(ROWS.map((row) => row.ruleId).sort()).toEqual(SCREENING_RULES.map((r) => r.id).sort())
    expect(new Set(SCREENING_RULES.map((r) => r.id)).size).toBe(SCREENING_RULES.length)
  })

  test('clear answers flag nothing', () => {
    expect(evaluateScreening(CLEAR, DEFAULT_SCREENING_SETTINGS, TODAY)).toEqual({
      outcome: 'eligible',
      waitUntil: null,
      findings: [],
    })
  })

  test.each(ROWS)('$ruleId → $kind', (row) => {
    const result = evaluateScreening(
      { ...CLEAR, ...row.answers },
      DEFAULT_SCREENING_SETTINGS,
      TODAY,
    )
    expect(result.findings.map((f) => f.ruleId)).toEqual([row.ruleId])
    const [finding] = result.findings
    expect(finding!.kind).toBe(row.kind)
    expect(result.outcome).toBe(row.outcome)
    expect(result.waitUntil).toBe(row.waitUntil ?? null)
    // Both explanations; the clinician's names its sources; info is for the clinician only.
    expect(finding!.clinicianText.length).toBeGreaterThan(10)
    expect(finding!.sources).toMatch(/^[A-Z]+(-[A-Z0-9]+)+(, [A-Z]+(-[A-Z0-9]+)+)*$/)
    if (row.kind === 'info') expect(finding!.patientText).toBeNull()
    else expect(finding!.patientText!.length).toBeGreaterThan(10)
  })

  test('a waiting window that has passed becomes information for the clinician', () => {
    const result = evaluateScreening(
      { ...CLEAR, medicines: ['isotretinoin_past'], isotretinoinLastDose: '2025-01-10' },
      DEFAULT_SCREENING_SETTINGS,
      TODAY,
    )
    expect(result).toMatchObject({ outcome: 'eligible', waitUntil: null })
    expect(result.findings[0]).toMatchObject({
      ruleId: 'isotretinoin-recent',
      kind: 'info',
      patientText: null,
    })
    expect(result.findings[0]!.clinicianText).toContain('ended on 2025-07-10')
  })

  test('the latest window wins; a review keeps its window', () => {
    const result = evaluateScreening(
      {
        ...CLEAR,
        history: ['cold_sores'],
        procedures: ['toxin', 'filler'],
        toxinDate: '2026-11-20',
        fillerDate: '2026-11-24',
      },
      DEFAULT_SCREENING_SETTINGS,
      TODAY,
    )
    expect(result.outcome).toBe('review')
    expect(result.waitUntil).toBe('2026-12-08')
  })

  test('stricter choices and windows come from the settings', () => {
    const strict: ScreeningSettings = {
      ...DEFAULT_SCREENING_SETTINGS,
      isotretinoinMonths: 12,
      stricterRuleIds: ['pregnancy-or-breastfeeding', 'keloid-tendency'],
    }
    expect(evaluateScreening({ ...CLEAR, pregnancy: 'pregnant' }, strict, TODAY).outcome).toBe(
      'not_eligible',
    )
    expect(evaluateScreening({ ...CLEAR, history: ['keloid'] }, strict, TODAY).outcome).toBe(
      'not_eligible',
    )
    expect(evaluateScreening({ ...CLEAR, history: ['cold_sores'] }, strict, TODAY).outcome).toBe(
      'review',
    )
    expect(
      evaluateScreening(
        { ...CLEAR, medicines: ['isotretinoin_past'], isotretinoinLastDose: '2026-09-25' },
        strict,
        TODAY,
      ).waitUntil,
    ).toBe('2027-09-25')
  })

  test('a stricter choice never applies to a rule that is not a review rule', () => {
    const settings = { ...DEFAULT_SCREENING_SETTINGS, stricterRuleIds: ['darker-skin-type'] }
    expect(evaluateScreening({ ...CLEAR, skinType: 'VI' }, settings, TODAY).outcome).toBe(
      'eligible',
    )
  })
})

describe('validity', () => {
  const day = 86_400_000
  const start = Date.parse('2027-01-31T09:00:00Z')
  test('answers count for 30 days before the appointment', () => {
    expect(screeningValidity({ submittedAt: start - 30 * day }, start)).toBe('valid')
    expect(screeningValidity({ submittedAt: start - 30 * day - 1 }, start)).toBe('renewal_due')
    expect(screeningValidity({ submittedAt: new Date(start + 3600_000) }, new Date(start))).toBe(
      'valid',
    )
    expect(canRenewNow(start, start - 31 * day)).toBe(false)
    expect(canRenewNow(start, start - 29 * day)).toBe(true)
  })

  test('a booking goes ahead on its own only when clear and after every window', () => {
    expect(clearsBookingOn({ outcome: 'eligible', waitUntil: null }, '2026-12-01')).toBe(true)
    expect(clearsBookingOn({ outcome: 'eligible', waitUntil: '2026-12-01' }, '2026-12-01')).toBe(
      true,
    )
    expect(clearsBookingOn({ outcome: 'eligible', waitUntil: '2026-12-02' }, '2026-12-01')).toBe(
      false,
    )
    expect(clearsBookingOn({ outcome: 'review', waitUntil: null }, '2026-12-01')).toBe(false)
  })
})

// --- Property: adding a risk never makes the outcome more permissive -------------------------

const date = fc
  .integer({ min: Date.parse('2025-06-01'), max: Date.parse(TODAY) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10))
const subset = <T extends string>(values: readonly T[]) => fc.subarray([...values])

/** Answers the form could produce: follow-ups present exactly when their trigger is ticked. */
const answersArb: fc.Arbitrary<ScreeningAnswers> = fc
  .record({
    dateOfBirth: fc.constantFrom(
      '1960-05-01',
      '1988-03-14',
      '2003-01-01',
      '2005-06-30',
      '2010-02-02',
    ),
    areas: fc.subarray([...TREATMENT_AREAS], { minLength: 1 }),
    skinType: fc.constantFrom(...SKIN_TYPES),
    skinNow: subset(SKIN_NOW),
    history: subset(HISTORY),
    medicines: subset(MEDICINES).filter(
      (list) => !(list.includes('isotretinoin_now') && list.includes('isotretinoin_past')),
    ),
    allergies: subset(ALLERGIES),
    pregnancy: fc.constantFrom('no', 'pregnant', 'breastfeeding') as fc.Arbitrary<
      ScreeningAnswers['pregnancy']
    >,
    procedures: subset(PROCEDURES),
    dates: fc.array(date, { minLength: 8, maxLength: 8 }),
    diabetesControlled: fc.constantFrom('yes', 'no', 'unsure') as fc.Arbitrary<
      'yes' | 'no' | 'unsure'
    >,
  })
  .map(({ dates, diabetesControlled, ...a }) => withFollowUps(a, dates, diabetesControlled))

function withFollowUps(
  a: Omit<ScreeningAnswers, 'tanDate'>,
  dates: string[],
  diabetesControlled: 'yes' | 'no' | 'unsure',
): ScreeningAnswers {
  const answers: ScreeningAnswers = { ...a }
  if (a.skinNow.includes('tan')) answers.tanDate = dates[0]
  if (a.history.includes('diabetes')) answers.diabetesControlled = diabetesControlled
  if (a.history.includes('cancer_treatment_past')) answers.cancerTreatmentEndDate = dates[1]
  if (a.medicines.includes('isotretinoin_past')) answers.isotretinoinLastDose = dates[2]
  if (a.medicines.includes('retinoids_acids')) answers.retinoidLastUse = dates[3]
  if (a.procedures.includes('toxin')) answers.toxinDate = dates[4]
  if (a.procedures.includes('filler')) answers.fillerDate = dates[5]
  if (a.procedures.includes('peel')) answers.peelDate = dates[6]
  if (a.procedures.includes('laser')) answers.laserDate = dates[7]
  return answers
}

/** One more risk: a ticked item, a pregnancy, worse diabetes control, a more recent date. */
type Risk =
  | {
      list: 'skinNow' | 'history' | 'medicines' | 'allergies' | 'procedures'
      value: string
      date: string
    }
  | { pregnancy: 'pregnant' | 'breastfeeding' }
  | { diabetes: 'no' | 'unsure' }
  | { darkerSkin: 'IV' | 'V' | 'VI' }
  | { area: (typeof TREATMENT_AREAS)[number] }

const riskArb: fc.Arbitrary<Risk> = fc.oneof(
  fc.record({ list: fc.constant('skinNow' as const), value: fc.constantFrom(...SKIN_NOW), date }),
  fc.record({ list: fc.constant('history' as const), value: fc.constantFrom(...HISTORY), date }),
  fc.record({
    list: fc.constant('medicines' as const),
    value: fc.constantFrom(...MEDICINES),
    date,
  }),
  fc.record({
    list: fc.constant('allergies' as const),
    value: fc.constantFrom(...ALLERGIES),
    date,
  }),
  fc.record({
    list: fc.constant('procedures' as const),
    value: fc.constantFrom(...PROCEDURES),
    date,
  }),
  fc.record({ pregnancy: fc.constantFrom('pregnant' as const, 'breastfeeding' as const) }),
  fc.record({ diabetes: fc.constantFrom('no' as const, 'unsure' as const) }),
  fc.record({ darkerSkin: fc.constantFrom('IV' as const, 'V' as const, 'VI' as const) }),
  fc.record({ area: fc.constantFrom(...TREATMENT_AREAS) }),
)

const FOLLOW_UP_OF: Record<string, keyof ScreeningAnswers> = {
  tan: 'tanDate',
  cancer_treatment_past: 'cancerTreatmentEndDate',
  isotretinoin_past: 'isotretinoinLastDose',
  retinoids_acids: 'retinoidLastUse',
  toxin: 'toxinDate',
  filler: 'fillerDate',
  peel: 'peelDate',
  laser: 'laserDate',
}

function addRisk(answers: ScreeningAnswers, risk: Risk): ScreeningAnswers {
  const next: ScreeningAnswers = { ...answers }
  if ('list' in risk) {
    const list = next[risk.list] as string[]
    // Stopping isotretinoin is not "more risk" than taking it now; now replaces stopped.
    if (risk.value === 'isotretinoin_past' && list.includes('isotretinoin_now')) return next
    const without =
      risk.value === 'isotretinoin_now' ? list.filter((v) => v !== 'isotretinoin_past') : list
    if (risk.value === 'isotretinoin_now') delete next.isotretinoinLastDose
    ;(next as Record<string, unknown>)[risk.list] = [...new Set([...without, risk.value])]
    const followUp = FOLLOW_UP_OF[risk.value]
    if (followUp) {
      const current = next[followUp] as string | undefined
      // A more recent date is more risk (a longer wait); keep whichever is later.
      ;(next as Record<string, unknown>)[followUp] =
        current && current > risk.date ? current : risk.date
    }
    if (risk.value === 'diabetes' && !next.diabetesControlled) next.diabetesControlled = 'yes'
  } else if ('pregnancy' in risk) {
    next.pregnancy = risk.pregnancy
  } else if ('diabetes' in risk) {
    if (next.history.includes('diabetes')) next.diabetesControlled = risk.diabetes
  } else if ('darkerSkin' in risk) {
    next.skinType = risk.darkerSkin
  } else {
    next.areas = [...new Set([...next.areas, risk.area])]
  }
  return next
}

const settingsArb: fc.Arbitrary<ScreeningSettings> = fc
  .record({
    isotretinoinMonths: fc.integer({ min: 0, max: 24 }),
    toxinDays: fc.integer({ min: 0, max: 365 }),
    tanDays: fc.integer({ min: 0, max: 60 }),
    stricterRuleIds: fc.subarray(SCREENING_RULES.filter((r) => r.stricter).map((r) => r.id)),
  })
  .map((varied) => ({ ...DEFAULT_SCREENING_SETTINGS, ...varied }))

describe('property', () => {
  test('adding a risk never makes the outcome more permissive', () => {
    fc.assert(
      fc.property(
        answersArb,
        fc.array(riskArb, { minLength: 1, maxLength: 4 }),
        settingsArb,
        (answers, risks, settings) => {
          const before = evaluateScreening(answers, settings, TODAY)
          const after = evaluateScreening(risks.reduce(addRisk, answers), settings, TODAY)
          expect(outcomeSeverity(after.outcome)).toBeGreaterThanOrEqual(
            outcomeSeverity(before.outcome),
          )
          // Unless it now blocks, the first bookable day never moves earlier.
          if (after.outcome !== 'not_eligible' && before.waitUntil)
            expect((after.waitUntil ?? '') >= before.waitUntil).toBe(true)
          // No "not eligible" or "review" finding goes away.
          const kept = after.findings.map((f) => f.ruleId)
          for (const finding of before.findings)
            if (finding.kind === 'not_eligible' || finding.kind === 'review')
              expect(kept).toContain(finding.ruleId)
        },
      ),
      { numRuns: 500 },
    )
  })
})
