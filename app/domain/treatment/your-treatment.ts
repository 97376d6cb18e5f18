import {
  AFTERCARE_PRODUCT_LABELS,
  type AftercareProduct,
  productsNeedingConfirmation,
  type SkinProduct,
} from './skin-products.rules.ts'
import { TREATMENT_AREA_LABELS, type TreatmentArea } from './treatment.schema.ts'

/**
 * "Your treatment" on the patient's aftercare page: what was done to this patient's skin, in plain
 * words, and the advice that follows from the products used (docs/clinical-reference.md 2.5).
 * Pure and client-safe. Shown only on the patient's own page after they proved their email:
 * never in an email, a URL or a log.
 */
export type YourTreatment = {
  /** "Cheeks", with the depth used there: "0.5 mm". */
  areas: { area: string; depth: string }[]
  /** "3 times"; null for records made before passes were recorded. */
  passes: string | null
  /** What was put on the skin, in the patient's words; null when not recorded. */
  applied: string[] | null
  /** The aftercare product given, with its name when the clinician wrote it; null if not recorded. */
  aftercareProduct: string | null
  /** Advice for this patient's products, one sentence or two a line. */
  advice: string[]
}

const APPLIED_WORDS: Record<Exclude<SkinProduct, 'other' | 'none'>, string> = {
  hyaluronic_acid: 'Hyaluronic acid serum',
  growth_factors: 'Growth factor serum',
  peptide_serum: 'Peptide serum',
  saline: 'Sterile salt water (saline)',
}

export const ADVICE = {
  onlyOurProduct:
    'Until your skin heals, use only the aftercare product we gave you. A gentle cleanser and sunscreen are fine too, as your plan says.',
  noProductGiven:
    'We did not give you a product to take home. Use only the plain cream we told you about. A gentle cleanser and sunscreen are fine too, as your plan says.',
  noSerumsFromHome:
    'Do not add serums, oils or other creams from home, even ones you know well. Fresh skin can react to them.',
  serumUsed:
    'We used a serum in your treatment. In rare cases a serum can cause firm, itchy red bumps days or weeks later. If you see any, call us.',
} as const

/** The record as the patient reads it. Records made before products were recorded show less. */
export function yourTreatment(record: {
  areas: { area: TreatmentArea; depthUm: number }[]
  passes: number | null
  skinProducts: SkinProduct[] | null
  skinProductOther: string | null
  aftercareProduct: AftercareProduct | null
  aftercareProductName: string | null
}): YourTreatment {
  const applied = record.skinProducts
    ? record.skinProducts.includes('none')
      ? ['Nothing']
      : record.skinProducts.map((product) =>
          product === 'other' || product === 'none'
            ? (record.skinProductOther ?? 'Another product')
            : APPLIED_WORDS[product],
        )
    : null
  const advice: string[] = []
  if (record.aftercareProduct === 'none') advice.push(ADVICE.noProductGiven)
  else if (record.aftercareProduct) advice.push(ADVICE.onlyOurProduct)
  if (record.aftercareProduct) advice.push(ADVICE.noSerumsFromHome)
  if (record.skinProducts && productsNeedingConfirmation(record.skinProducts).length > 0)
    advice.push(ADVICE.serumUsed)
  return {
    areas: record.areas.map(({ area, depthUm }) => ({
      area: TREATMENT_AREA_LABELS[area],
      depth: `${(depthUm / 1000).toFixed(2).replace(/0$/, '')} mm`,
    })),
    passes: record.passes === null ? null : record.passes === 1 ? 'Once' : `${record.passes} times`,
    applied,
    aftercareProduct: aftercareProductWords(record.aftercareProduct, record.aftercareProductName),
    advice,
  }
}

function aftercareProductWords(
  product: AftercareProduct | null,
  name: string | null,
): string | null {
  if (product === null) return null
  if (product === 'none') return 'None'
  if (product === 'other') return name ?? 'A product from the clinic'
  return name ? `${AFTERCARE_PRODUCT_LABELS[product]} (${name})` : AFTERCARE_PRODUCT_LABELS[product]
}

/** Every sentence "Your treatment" may show a patient, for the reading-grade test. */
export function yourTreatmentText(): string {
  return [
    'Your treatment',
    'Areas treated',
    'How many times we went over each area',
    'What we put on your skin',
    'Your aftercare product',
    ...Object.values(ADVICE),
  ].join('\n')
}
