import { describe, expect, test } from 'vitest'
import {
  gulpeaseIndex,
  MIN_GULPEASE_INDEX,
  readingGrade,
} from '#app/domain/shared/readability.rules.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { aftercareMessages } from '#app/i18n/messages/index.ts'
import { AFTERCARE_PRODUCT_LABELS } from './skin-products.rules.ts'
import { TREATMENT_AREA_LABELS, TREATMENT_AREAS } from './treatment.schema.ts'
import { ADVICE, yourTreatment, yourTreatmentText } from './your-treatment.ts'

const RECORD = {
  areas: [
    { area: 'cheeks' as const, depthUm: 1500 },
    { area: 'forehead' as const, depthUm: 250 },
  ],
  passes: 3,
  skinProducts: ['hyaluronic_acid' as const],
  skinProductOther: null,
  aftercareProduct: 'soothing_cream' as const,
  aftercareProductName: 'Cicaplast Baume B5',
}

describe('"Your treatment" on the aftercare page', () => {
  test('names the areas with their depths, the passes and the products', () => {
    expect(yourTreatment(RECORD)).toEqual({
      areas: [
        { area: 'Cheeks', depth: '1.5 mm' },
        { area: 'Forehead', depth: '0.25 mm' },
      ],
      passes: '3 times',
      applied: ['Hyaluronic acid serum'],
      aftercareProduct: 'Soothing repair cream (Cicaplast Baume B5)',
      advice: [ADVICE.onlyOurProduct, ADVICE.noSerumsFromHome],
    })
  })

  test('a serum not approved for needling adds the warning sign to watch for', () => {
    const view = yourTreatment({
      ...RECORD,
      skinProducts: ['other', 'saline'],
      skinProductOther: 'Vitamin C serum',
    })
    expect(view.applied).toEqual(['Vitamin C serum', 'Sterile salt water (saline)'])
    expect(view.advice).toContain(ADVICE.serumUsed)
    expect(yourTreatment({ ...RECORD, skinProducts: ['growth_factors'] }).advice).toContain(
      ADVICE.serumUsed,
    )
  })

  test('no aftercare product given: the advice says so; one pass reads "Once"', () => {
    const view = yourTreatment({
      ...RECORD,
      passes: 1,
      skinProducts: ['none'],
      aftercareProduct: 'none',
      aftercareProductName: null,
    })
    expect(view).toMatchObject({ passes: 'Once', applied: ['Nothing'], aftercareProduct: 'None' })
    expect(view.advice).toEqual([ADVICE.noProductGiven, ADVICE.noSerumsFromHome])
  })

  test('a record from before products were recorded shows the areas only', () => {
    expect(
      yourTreatment({
        ...RECORD,
        passes: null,
        skinProducts: null,
        aftercareProduct: null,
        aftercareProductName: null,
      }),
    ).toMatchObject({ passes: null, applied: null, aftercareProduct: null, advice: [] })
  })

  test('reads at grade 8 or lower, as a whole and line by line', () => {
    expect(readingGrade(yourTreatmentText())).toBeLessThanOrEqual(8)
    for (const line of Object.values(ADVICE))
      expect(readingGrade(line), line).toBeLessThanOrEqual(8)
  })
})

describe('"Your treatment" in Italian', () => {
  test('the same record in Italian words, with Italian numbers', () => {
    expect(yourTreatment(RECORD, 'it')).toEqual({
      areas: [
        { area: 'Guance', depth: '1,5 mm' },
        { area: 'Fronte', depth: '0,25 mm' },
      ],
      passes: '3 volte',
      applied: ['Siero all’acido ialuronico'],
      aftercareProduct: 'Crema lenitiva riparatrice (Cicaplast Baume B5)',
      advice: [
        translate(aftercareMessages, 'it', 'advice.onlyOurProduct'),
        translate(aftercareMessages, 'it', 'advice.noSerumsFromHome'),
      ],
    })
    expect(
      yourTreatment(
        { ...RECORD, passes: 1, skinProducts: ['none'], aftercareProduct: 'none' },
        'it',
      ),
    ).toMatchObject({ passes: 'Una volta', applied: ['Niente'], aftercareProduct: 'Nessuno' })
  })

  test('reads at Gulpease 60 or more, as a whole and line by line', () => {
    expect(gulpeaseIndex(yourTreatmentText('it'))).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
    for (const key of Object.keys(ADVICE)) {
      const line = translate(aftercareMessages, 'it', `advice.${key}` as 'advice.serumUsed')
      expect(gulpeaseIndex(line), line).toBeGreaterThanOrEqual(MIN_GULPEASE_INDEX)
    }
  })

  test('the English names of areas and products are the ones the clinician picks from', () => {
    for (const area of TREATMENT_AREAS)
      expect(translate(aftercareMessages, 'en', `area.${area}`)).toBe(TREATMENT_AREA_LABELS[area])
    for (const product of ['soothing_cream', 'hyaluronic_gel', 'growth_factor_gel'] as const)
      expect(translate(aftercareMessages, 'en', `product.${product}`)).toBe(
        AFTERCARE_PRODUCT_LABELS[product],
      )
  })
})
