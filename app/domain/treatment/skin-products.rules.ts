/**
 * What touched the skin at a session, and how often the pen went over it (docs/clinical-reference.md
 * 2.5). Pure and client-safe: the treatment form, its zod schema, the server and the patient's
 * aftercare page all read these.
 */
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { visitMessages } from '#app/i18n/messages/index.ts'

/** What was put on the skin during and right after needling. */
export const SKIN_PRODUCTS = [
  'none',
  'hyaluronic_acid',
  'growth_factors',
  'peptide_serum',
  'saline',
  'other',
] as const
export type SkinProduct = (typeof SKIN_PRODUCTS)[number]

export const SKIN_PRODUCT_LABELS: Record<SkinProduct, string> = {
  none: 'Nothing',
  hyaluronic_acid: 'Hyaluronic acid serum',
  growth_factors: 'Growth factors or PRP-like serum',
  peptide_serum: 'Peptide serum',
  saline: 'Sterile saline',
  other: 'Other (say which)',
}

/**
 * Product types that sources name for use on needled skin: sterile saline as a glide, hyaluronic
 * acid gel during and after (Minutilli 2024; the device maker's hydrogel). Everything else is not
 * approved to go into the skin and has been linked to granulomas (Soltani-Arabshahi 2014,
 * Friedmann 2024): the clinician is warned and must confirm, with a reason.
 */
const MEANT_FOR_NEEDLED_SKIN: ReadonlySet<SkinProduct> = new Set([
  'none',
  'saline',
  'hyaluronic_acid',
])

/** The chosen products that are not approved for use with needling, in the list's order. */
export function productsNeedingConfirmation(products: readonly SkinProduct[]): SkinProduct[] {
  return SKIN_PRODUCTS.filter(
    (product) => products.includes(product) && !MEANT_FOR_NEEDLED_SKIN.has(product),
  )
}

/** Shown to the clinician as soon as such a product is chosen, and again if the post lacks the reason. */
export const UNAPPROVED_PRODUCT_WARNING =
  'Products not approved for use with needling can cause granulomas: firm, itchy lumps that can ' +
  'last for months (most reported cases followed a vitamin C serum). Use only sterile products ' +
  'meant for needled skin. If you did use this product, confirm it and say why.'

/**
 * Passes over each area in one session. One pass is the least that counts as a treatment; the
 * protocols in the sources use a few passes per area, and more than 10 is not a session this
 * clinic records without a correction.
 */
export const PASSES = { min: 1, max: 10 } as const

/** A message for an impossible number of passes, or null when it is within the bounds. */
export function passesProblem(passes: number, locale: Locale = 'en'): string | null {
  const t = translator(visitMessages, locale)
  if (!Number.isInteger(passes)) return t('passesWhole')
  if (passes < PASSES.min) return t('passesAtLeast', { min: PASSES.min })
  if (passes > PASSES.max) return t('passesAtMost', { max: PASSES.max })
  return null
}

/** What the patient took home to put on the skin while it heals. */
export const AFTERCARE_PRODUCTS = [
  'soothing_cream',
  'hyaluronic_gel',
  'growth_factor_gel',
  'other',
  'none',
] as const
export type AftercareProduct = (typeof AFTERCARE_PRODUCTS)[number]

export const AFTERCARE_PRODUCT_LABELS: Record<AftercareProduct, string> = {
  soothing_cream: 'Soothing repair cream',
  hyaluronic_gel: 'Hyaluronic acid gel',
  growth_factor_gel: 'Growth factor gel',
  other: 'Other (say which)',
  none: 'None given',
}

/** The stored JSON list back as products (null for records made before products were recorded). */
export function parseSkinProducts(stored: string | null): SkinProduct[] | null {
  if (stored === null) return null
  const parsed: unknown = JSON.parse(stored)
  if (!Array.isArray(parsed)) return null
  return SKIN_PRODUCTS.filter((product) => parsed.includes(product))
}

/** What a record says about products, as the staff pages and the correction form read it. */
export type TreatmentProducts = {
  passes: number | null
  skinProducts: SkinProduct[] | null
  skinProductOther: string | null
  skinProductReason: string | null
  aftercareProduct: AftercareProduct | null
  aftercareProductName: string | null
}

/** The product columns of a stored treatment record, parsed. */
export function treatmentProductsOf(record: {
  passes: number | null
  skinProducts: string | null
  skinProductOther: string | null
  skinProductReason: string | null
  aftercareProduct: AftercareProduct | null
  aftercareProductName: string | null
}): TreatmentProducts {
  return {
    passes: record.passes,
    skinProducts: parseSkinProducts(record.skinProducts),
    skinProductOther: record.skinProductOther,
    skinProductReason: record.skinProductReason,
    aftercareProduct: record.aftercareProduct,
    aftercareProductName: record.aftercareProductName,
  }
}
