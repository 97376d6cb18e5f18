import { describe, expect, test } from 'vitest'
import { TreatmentRecordSchema } from './treatment.schema.ts'

/** What the treatment form posts, with the product fields right. */
const VALID = {
  areas: 'cheeks',
  depth_cheeks: '0.5',
  device: 'Dermapen 4',
  cartridgeLot: 'LOT-2026-118',
  anaesthetic: 'none',
  rednessGrade: '2',
  bleeding: 'pinpoint',
  passes: '3',
  skinProducts: ['hyaluronic_acid', 'saline'],
  aftercareProduct: 'soothing_cream',
  aftercareProductName: 'Cicaplast Baume B5',
}

/** The messages by field, as the form shows them beside each field. */
function messages(input: Record<string, unknown>) {
  const result = TreatmentRecordSchema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
  )
}

describe('the treatment form: passes and products', () => {
  test('a valid post parses into the record the server stores', () => {
    expect(TreatmentRecordSchema.parse(VALID)).toMatchObject({
      passes: 3,
      skinProducts: ['hyaluronic_acid', 'saline'],
      skinProductOther: null,
      skinProductReason: null,
      aftercareProduct: 'soothing_cream',
      aftercareProductName: 'Cicaplast Baume B5',
    })
  })

  test.each([
    [{ passes: '' }, 'Enter how many passes you made over each area.'],
    [{ passes: undefined }, 'Enter how many passes you made over each area.'],
    [{ passes: '0' }, 'Enter at least 1 pass.'],
    [{ passes: '11' }, 'At most 10 passes in one session.'],
    [{ passes: '2.5' }, 'Enter whole passes, like 3.'],
    [{ passes: 'three' }, 'Enter whole passes, like 3.'],
    [{ passes: ['2', '3'] }, 'Enter how many passes you made over each area.'],
  ])('passes %j: "%s" beside the field', (change, message) => {
    expect(messages({ ...VALID, ...change })).toEqual({ passes: message })
  })

  test('nothing ticked, an unknown product, or Nothing beside a product are refused', () => {
    expect(messages({ ...VALID, skinProducts: undefined })).toEqual({
      skinProducts: 'Tick what was put on the skin, or Nothing.',
    })
    expect(messages({ ...VALID, skinProducts: ['vitamin_c'] })).toEqual({
      'skinProducts.0': 'Choose from the list.',
    })
    expect(messages({ ...VALID, skinProducts: ['none', 'saline'] })).toEqual({
      skinProducts: 'Untick Nothing, or untick the products.',
    })
    expect(TreatmentRecordSchema.parse({ ...VALID, skinProducts: 'none' }).skinProducts).toEqual([
      'none',
    ])
  })

  test('"Other" needs the product named', () => {
    expect(
      messages({
        ...VALID,
        skinProducts: ['other'],
        skinProductConfirmed: 'on',
        skinProductReason: 'Patient brought it.',
      }),
    ).toEqual({
      skinProductOther: 'Say which other product was put on the skin.',
    })
  })

  test('a product not approved for needling needs the confirmation and a reason, which are kept', () => {
    expect(messages({ ...VALID, skinProducts: ['growth_factors'] })).toEqual({
      skinProductConfirmed: 'Confirm that you read the warning and used this product.',
      skinProductReason: 'Say why you used a product not approved for needling.',
    })
    expect(
      messages({
        ...VALID,
        skinProducts: ['peptide_serum'],
        skinProductConfirmed: 'on',
        skinProductReason: 'ok',
      }),
    ).toEqual({ skinProductReason: 'Say why you used a product not approved for needling.' })
    const parsed = TreatmentRecordSchema.parse({
      ...VALID,
      skinProducts: ['other', 'saline'],
      skinProductOther: 'Vitamin C serum, brand X',
      skinProductConfirmed: 'on',
      skinProductReason: 'Doctor’s protocol for this patient, sterile vial.',
    })
    expect(parsed).toMatchObject({
      skinProducts: ['other', 'saline'],
      skinProductOther: 'Vitamin C serum, brand X',
      skinProductReason: 'Doctor’s protocol for this patient, sterile vial.',
    })
  })

  test('a reason posted for approved products only is not stored (nothing to confirm)', () => {
    const parsed = TreatmentRecordSchema.parse({
      ...VALID,
      skinProductOther: 'left over',
      skinProductConfirmed: 'on',
      skinProductReason: 'left over from an earlier choice',
    })
    expect(parsed).toMatchObject({ skinProductOther: null, skinProductReason: null })
  })

  test('the aftercare product: chosen from the list, named when Other, no name when none', () => {
    expect(messages({ ...VALID, aftercareProduct: '' })).toEqual({
      aftercareProduct: 'Choose the aftercare product given, or None given.',
    })
    expect(messages({ ...VALID, aftercareProduct: 'other', aftercareProductName: '' })).toEqual({
      aftercareProductName: 'Say which aftercare product was given.',
    })
    expect(messages({ ...VALID, aftercareProductName: 'x'.repeat(121) })).toEqual({
      aftercareProductName: 'Use at most 120 characters.',
    })
    expect(TreatmentRecordSchema.parse({ ...VALID, aftercareProduct: 'none' })).toMatchObject({
      aftercareProduct: 'none',
      aftercareProductName: null,
    })
  })
})
