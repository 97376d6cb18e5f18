import { describe, expect, test } from 'vitest'
import {
  parseSkinProducts,
  PASSES,
  passesProblem,
  productsNeedingConfirmation,
  SKIN_PRODUCTS,
} from './skin-products.rules.ts'

describe('products put on needled skin', () => {
  test('nothing, sterile saline and hyaluronic acid need no confirmation', () => {
    expect(productsNeedingConfirmation([])).toEqual([])
    expect(productsNeedingConfirmation(['none'])).toEqual([])
    expect(productsNeedingConfirmation(['saline', 'hyaluronic_acid'])).toEqual([])
  })

  test.each([
    [['growth_factors'], ['growth_factors']],
    [['peptide_serum'], ['peptide_serum']],
    [['other'], ['other']],
    [
      ['other', 'hyaluronic_acid', 'growth_factors'],
      ['growth_factors', 'other'],
    ],
  ] as const)(
    '%j is not approved for needling: the clinician is warned about %j',
    (chosen, warned) => {
      expect(productsNeedingConfirmation(chosen)).toEqual(warned)
    },
  )

  test('every product type is either approved or warned about, never both', () => {
    const warned = productsNeedingConfirmation(SKIN_PRODUCTS)
    expect(warned).toEqual(['growth_factors', 'peptide_serum', 'other'])
  })

  test('the stored list reads back; records from before products were recorded read as null', () => {
    expect(parseSkinProducts('["saline","growth_factors"]')).toEqual(['growth_factors', 'saline'])
    expect(parseSkinProducts('["saline","made_up"]')).toEqual(['saline'])
    expect(parseSkinProducts(null)).toBeNull()
    expect(parseSkinProducts('{}')).toBeNull()
  })
})

describe('passes over each area', () => {
  test.each([1, 3, 10])('%i passes are within the bounds', (passes) => {
    expect(passesProblem(passes)).toBeNull()
  })

  test.each([
    [0, 'Enter at least 1 pass.'],
    [-2, 'Enter at least 1 pass.'],
    [11, 'At most 10 passes in one session.'],
    [2.5, 'Enter whole passes, like 3.'],
  ])('%d passes: %s', (passes, message) => {
    expect(passesProblem(passes)).toBe(message)
  })

  test('the bounds are the ones the database checks (migration 0015)', () => {
    expect(PASSES).toEqual({ min: 1, max: 10 })
  })
})
