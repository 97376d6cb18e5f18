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
  patientExplanationGroups,
  patientExplanationsOf,
  screeningValidity,
} from './screening.rules.ts'
import { SOURCE_REGISTER, sourceTags } from './source-register.ts'

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
    ruleId: 'actinic-keratosis-at-site',
    answers: { skinNow: ['actinic_keratosis'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'raised-lesion-at-site',
    answers: { skinNow: ['raised_lesion'] },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'pregnancy-or-breastfeeding',
    answers: { pregnancy: 'breastfeeding' },
    kind: 'not_eligible',
    outcome: 'not_eligible',
  },
  {
    ruleId: 'stainless-steel-allergy',
    answers: { allergies: ['stainless_steel'] },
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
    ruleId: 'radiation-to-area',
    answers: { history: ['radiation_to_area'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'blood-borne-infection',
    answers: { history: ['blood_borne_infection'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'numbing-liver-disease',
    answers: { history: ['liver_disease'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'numbing-pseudocholinesterase',
    answers: { history: ['pseudocholinesterase'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'numbing-methaemoglobinaemia',
    answers: { history: ['methaemoglobinaemia'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'numbing-sulpha-paba-allergy',
    answers: { allergies: ['sulpha_paba'] },
    kind: 'review',
    outcome: 'review',
  },
  {
    ruleId: 'numbing-heart-rhythm-medicine',
    answers: { medicines: ['heart_rhythm'] },
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
    ruleId: 'deep-peel-recent',
    answers: { procedures: ['dermabrasion_deep_peel'], deepPeelDate: '2026-10-10' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2027-01-10',
  },
  {
    ruleId: 'facial-surgery-recent',
    answers: { procedures: ['facial_surgery'], facialSurgeryDate: '2026-06-30' },
    kind: 'wait_until',
    outcome: 'eligible',
    waitUntil: '2027-06-30',
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
      stricterRuleIds: ['anticoagulants', 'keloid-tendency'],
    }
    expect(
      evaluateScreening({ ...CLEAR, medicines: ['blood_thinners'] }, strict, TODAY).outcome,
    ).toBe('not_eligible')
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

/**
 * docs/clinical-reference.md table 1.2, one case per row (and per branch where a row has two
 * defaults): answers a patient would give and what the default rule set decides. "window" rows
 * give the first bookable day (today is 2026-11-25).
 */
type TableRow = {
  row: string
  answers: Partial<ScreeningAnswers>
  outcome: ScreeningOutcome
  waitUntil?: string
  /** The rules that must fire (all of them, in the table's order). */
  rules: string[]
}
const TABLE_1_2: TableRow[] = [
  {
    row: 'infection in the area',
    answers: { skinNow: ['infection'] },
    outcome: 'not_eligible',
    rules: ['infection-at-site'],
  },
  {
    row: 'open wound, sore or irritated skin in the area',
    answers: { skinNow: ['open_wound'] },
    outcome: 'not_eligible',
    rules: ['open-wound-at-site'],
  },
  {
    row: 'active cold sore in the area',
    answers: { skinNow: ['cold_sore'] },
    outcome: 'not_eligible',
    rules: ['cold-sore-now'],
  },
  {
    row: 'past cold sores',
    answers: { history: ['cold_sores'] },
    outcome: 'review',
    rules: ['cold-sores-history'],
  },
  {
    row: 'active inflamed acne in the area',
    answers: { skinNow: ['inflamed_acne'] },
    outcome: 'review',
    rules: ['inflamed-acne'],
  },
  {
    row: 'keloid or raised-scar tendency',
    answers: { history: ['keloid'] },
    outcome: 'review',
    rules: ['keloid-tendency'],
  },
  {
    row: 'isotretinoin now',
    answers: { medicines: ['isotretinoin_now'] },
    outcome: 'not_eligible',
    rules: ['isotretinoin-now'],
  },
  {
    row: 'isotretinoin stopped: window of 6 months',
    answers: { medicines: ['isotretinoin_past'], isotretinoinLastDose: '2026-09-25' },
    outcome: 'eligible',
    waitUntil: '2027-03-25',
    rules: ['isotretinoin-recent'],
  },
  {
    row: 'bleeding disorder',
    answers: { history: ['bleeding_disorder'] },
    outcome: 'not_eligible',
    rules: ['bleeding-disorder'],
  },
  {
    row: 'blood thinners',
    answers: { medicines: ['blood_thinners'] },
    outcome: 'review',
    rules: ['anticoagulants'],
  },
  {
    row: 'pregnancy',
    answers: { pregnancy: 'pregnant' },
    outcome: 'not_eligible',
    rules: ['pregnancy-or-breastfeeding'],
  },
  {
    row: 'breastfeeding',
    answers: { pregnancy: 'breastfeeding' },
    outcome: 'not_eligible',
    rules: ['pregnancy-or-breastfeeding'],
  },
  {
    row: 'weakened immune system',
    answers: { history: ['immunosuppression'] },
    outcome: 'review',
    rules: ['immunosuppression'],
  },
  {
    row: 'chemotherapy or radiotherapy now',
    answers: { history: ['cancer_treatment_now'] },
    outcome: 'review',
    rules: ['cancer-treatment-now'],
  },
  {
    row: 'cancer treatment ended: window of 3 months',
    answers: { history: ['cancer_treatment_past'], cancerTreatmentEndDate: '2026-10-01' },
    outcome: 'eligible',
    waitUntil: '2027-01-01',
    rules: ['cancer-treatment-recent'],
  },
  {
    row: 'radiation to the area',
    answers: { history: ['radiation_to_area'] },
    outcome: 'review',
    rules: ['radiation-to-area'],
  },
  {
    row: 'diabetes not under control',
    answers: { history: ['diabetes'], diabetesControlled: 'no' },
    outcome: 'review',
    rules: ['diabetes-not-controlled'],
  },
  {
    row: 'diabetes under control (information)',
    answers: { history: ['diabetes'], diabetesControlled: 'yes' },
    outcome: 'eligible',
    rules: ['diabetes-controlled'],
  },
  {
    row: 'eczema, psoriasis, dermatitis or rosacea flaring in the area',
    answers: { skinNow: ['skin_flare'] },
    outcome: 'not_eligible',
    rules: ['flare-at-site'],
  },
  {
    row: 'eczema, psoriasis, dermatitis or rosacea in the past',
    answers: { history: ['skin_disease'] },
    outcome: 'review',
    rules: ['skin-disease-history'],
  },
  {
    row: 'skin cancer or suspicious mole in the area',
    answers: { skinNow: ['changed_mole'] },
    outcome: 'not_eligible',
    rules: ['skin-cancer-at-site'],
  },
  {
    row: 'actinic keratosis in the area',
    answers: { skinNow: ['actinic_keratosis'] },
    outcome: 'not_eligible',
    rules: ['actinic-keratosis-at-site'],
  },
  {
    row: 'raised lesion not yet checked in the area',
    answers: { skinNow: ['raised_lesion'] },
    outcome: 'not_eligible',
    rules: ['raised-lesion-at-site'],
  },
  {
    row: 'warts in the area',
    answers: { skinNow: ['warts'] },
    outcome: 'review',
    rules: ['warts-at-site'],
  },
  {
    row: 'scleroderma, lupus or other autoimmune disease',
    answers: { history: ['autoimmune'] },
    outcome: 'review',
    rules: ['autoimmune-disease'],
  },
  {
    row: 'sunburn',
    answers: { skinNow: ['sunburn'] },
    outcome: 'not_eligible',
    rules: ['sunburn'],
  },
  {
    row: 'tan: window of 14 days',
    answers: { skinNow: ['tan'], tanDate: '2026-11-24' },
    outcome: 'eligible',
    waitUntil: '2026-12-08',
    rules: ['tan-recent'],
  },
  {
    row: 'known stainless-steel allergy',
    answers: { allergies: ['stainless_steel'] },
    outcome: 'not_eligible',
    rules: ['stainless-steel-allergy'],
  },
  {
    row: 'nickel allergy',
    answers: { allergies: ['nickel'] },
    outcome: 'review',
    rules: ['nickel-allergy'],
  },
  {
    row: 'numbing-cream allergy',
    answers: { allergies: ['anaesthetic'] },
    outcome: 'review',
    rules: ['anaesthetic-allergy'],
  },
  {
    row: 'numbing cream: liver disease',
    answers: { history: ['liver_disease'] },
    outcome: 'review',
    rules: ['numbing-liver-disease'],
  },
  {
    row: 'numbing cream: pseudocholinesterase deficiency',
    answers: { history: ['pseudocholinesterase'] },
    outcome: 'review',
    rules: ['numbing-pseudocholinesterase'],
  },
  {
    row: 'numbing cream: PABA or sulphonamide allergy',
    answers: { allergies: ['sulpha_paba'] },
    outcome: 'review',
    rules: ['numbing-sulpha-paba-allergy'],
  },
  {
    row: 'numbing cream: methaemoglobinaemia',
    answers: { history: ['methaemoglobinaemia'] },
    outcome: 'review',
    rules: ['numbing-methaemoglobinaemia'],
  },
  {
    row: 'numbing cream: heart-rhythm medicines',
    answers: { medicines: ['heart_rhythm'] },
    outcome: 'review',
    rules: ['numbing-heart-rhythm-medicine'],
  },
  {
    row: 'retinoids, acids, exfoliants: window of 5 days',
    answers: { medicines: ['retinoids_acids'], retinoidLastUse: TODAY },
    outcome: 'eligible',
    waitUntil: '2026-11-30',
    rules: ['retinoids-recent'],
  },
  {
    row: 'peel: window of 30 days',
    answers: { procedures: ['peel'], peelDate: '2026-11-01' },
    outcome: 'eligible',
    waitUntil: '2026-12-01',
    rules: ['peel-recent'],
  },
  {
    row: 'laser or IPL: window of 14 days',
    answers: { procedures: ['laser'], laserDate: '2026-11-15' },
    outcome: 'eligible',
    waitUntil: '2026-11-29',
    rules: ['laser-recent'],
  },
  {
    row: 'dermabrasion or deep peel: window of 3 months',
    answers: { procedures: ['dermabrasion_deep_peel'], deepPeelDate: '2026-10-10' },
    outcome: 'eligible',
    waitUntil: '2027-01-10',
    rules: ['deep-peel-recent'],
  },
  {
    row: 'facelift or eyelid surgery: window of 1 year',
    answers: { procedures: ['facial_surgery'], facialSurgeryDate: '2026-06-30' },
    outcome: 'eligible',
    waitUntil: '2027-06-30',
    rules: ['facial-surgery-recent'],
  },
  {
    row: 'toxin: window of 14 days',
    answers: { procedures: ['toxin'], toxinDate: '2026-11-20' },
    outcome: 'eligible',
    waitUntil: '2026-12-04',
    rules: ['toxin-recent'],
  },
  {
    row: 'filler: window of 14 days',
    answers: { procedures: ['filler'], fillerDate: '2026-11-24' },
    outcome: 'eligible',
    waitUntil: '2026-12-08',
    rules: ['filler-recent'],
  },
  {
    row: 'drugs that make skin sensitive to light',
    answers: { medicines: ['photosensitising'] },
    outcome: 'review',
    rules: ['photosensitising-medicine'],
  },
  {
    row: 'hepatitis, HIV or another infection in the blood',
    answers: { history: ['blood_borne_infection'] },
    outcome: 'review',
    rules: ['blood-borne-infection'],
  },
  {
    row: 'age under 18',
    answers: { dateOfBirth: '2009-11-26' },
    outcome: 'not_eligible',
    rules: ['under-minimum-age'],
  },
  {
    row: 'age 18 to 21',
    answers: { dateOfBirth: '2005-11-25' },
    outcome: 'review',
    rules: ['young-adult'],
  },
]

describe('clinical reference table 1.2: every row under the default rule set', () => {
  test.each(TABLE_1_2)('$row → $outcome', (row) => {
    const result = evaluateScreening(
      { ...CLEAR, ...row.answers },
      DEFAULT_SCREENING_SETTINGS,
      TODAY,
    )
    expect(result.outcome).toBe(row.outcome)
    expect(result.waitUntil).toBe(row.waitUntil ?? null)
    expect(result.findings.map((f) => f.ruleId)).toEqual(row.rules)
    // Every finding cites sources, each of them in the register.
    for (const finding of result.findings) {
      expect(sourceTags(finding.sources).length).toBeGreaterThan(0)
      for (const tag of sourceTags(finding.sources)) expect(SOURCE_REGISTER.has(tag)).toBe(true)
    }
  })

  test('every rule of the rule table is reached by a row of the clinical reference', () => {
    const reached = new Set(TABLE_1_2.flatMap((row) => row.rules))
    // Information for the clinician only, not a contraindication row.
    const infoOnly = ['darker-skin-type', 'eye-area']
    expect(SCREENING_RULES.map((r) => r.id).filter((id) => !reached.has(id))).toEqual(infoOnly)
  })

  test('every default source tag is in the source register', () => {
    for (const rule of SCREENING_RULES)
      for (const tag of sourceTags(rule.sources))
        expect(SOURCE_REGISTER.has(tag), `${rule.id}: ${tag}`).toBe(true)
  })

  test('a clinic may relax pregnancy or breastfeeding to a clinician’s review', () => {
    const relaxed = {
      ...DEFAULT_SCREENING_SETTINGS,
      relaxedRuleIds: ['pregnancy-or-breastfeeding'],
    }
    const result = evaluateScreening({ ...CLEAR, pregnancy: 'pregnant' }, relaxed, TODAY)
    expect(result.outcome).toBe('review')
    expect(result.findings[0]).toMatchObject({ kind: 'review' })
    expect(result.findings[0]!.patientText).toContain('A clinician will check')
    // Only rules marked relaxable can be relaxed.
    const wrong = { ...DEFAULT_SCREENING_SETTINGS, relaxedRuleIds: ['bleeding-disorder'] }
    expect(
      evaluateScreening({ ...CLEAR, history: ['bleeding_disorder'] }, wrong, TODAY).outcome,
    ).toBe('not_eligible')
  })
})

describe('what the patient is told: every finding, not only the first', () => {
  test('a cold sore now and isotretinoin stopped 3 months ago show both', () => {
    const result = evaluateScreening(
      {
        ...CLEAR,
        skinNow: ['cold_sore'],
        medicines: ['isotretinoin_past'],
        isotretinoinLastDose: '2026-08-25',
      },
      DEFAULT_SCREENING_SETTINGS,
      TODAY,
    )
    expect(result.outcome).toBe('not_eligible')
    const groups = patientExplanationGroups(patientExplanationsOf(result.findings))
    expect(groups.map((g) => g.kind)).toEqual(['not_eligible', 'wait_until'])
    expect(groups[0]!.explanations[0]!.text).toContain('cold sore')
    expect(groups[1]!.explanations[0]).toMatchObject({ until: '2027-02-25' })
    expect(groups[1]!.explanations[0]!.text).toContain('isotretinoin')
  })

  test('a "not eligible" answer lists its review findings too, in the rule table’s order', () => {
    const result = evaluateScreening(
      { ...CLEAR, pregnancy: 'pregnant', history: ['keloid', 'cold_sores'], skinType: 'VI' },
      DEFAULT_SCREENING_SETTINGS,
      TODAY,
    )
    const groups = patientExplanationGroups(patientExplanationsOf(result.findings))
    expect(groups.map((g) => [g.kind, g.explanations.length])).toEqual([
      ['not_eligible', 1],
      ['review', 2],
    ])
    // Information for the clinician (darker skin type) is not shown to the patient.
    expect(patientExplanationsOf(result.findings)).toHaveLength(3)
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
    dates: fc.array(date, { minLength: 10, maxLength: 10 }),
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
  if (a.procedures.includes('dermabrasion_deep_peel')) answers.deepPeelDate = dates[8]
  if (a.procedures.includes('facial_surgery')) answers.facialSurgeryDate = dates[9]
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
  dermabrasion_deep_peel: 'deepPeelDate',
  facial_surgery: 'facialSurgeryDate',
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
    relaxedRuleIds: fc.subarray(SCREENING_RULES.filter((r) => r.relaxable).map((r) => r.id)),
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
