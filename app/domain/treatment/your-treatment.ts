import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { aftercareMessages } from '#app/i18n/messages/index.ts'
import {
  type AftercareProduct,
  productsNeedingConfirmation,
  type SkinProduct,
} from './skin-products.rules.ts'
import { type TreatmentArea } from './treatment.schema.ts'

/**
 * "Your treatment" on the patient's aftercare page: what was done to this patient's skin, in plain
 * words, and the advice that follows from the products used (docs/clinical-reference.md 2.5).
 * Pure and client-safe; the words are the aftercare catalogue's, in Italian or English. Shown
 * only on the patient's own page after they proved their email: never in an email, a URL or a log.
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

type AftercareKey = keyof typeof aftercareMessages.en

const ADVICE_KEYS = {
  onlyOurProduct: 'advice.onlyOurProduct',
  noProductGiven: 'advice.noProductGiven',
  noSerumsFromHome: 'advice.noSerumsFromHome',
  serumUsed: 'advice.serumUsed',
} as const satisfies Record<string, AftercareKey>
type AdviceKind = keyof typeof ADVICE_KEYS

/** The advice in English (the Italian is in the aftercare catalogue, under the same names). */
export const ADVICE = Object.fromEntries(
  Object.entries(ADVICE_KEYS).map(([kind, key]) => [kind, aftercareMessages.en[key]]),
) as Record<AdviceKind, string>

/** "1.5 mm", "0,25 mm": the depth as the patient's language writes numbers. */
function depthWords(depthUm: number, locale: Locale): string {
  const mm = (depthUm / 1000).toFixed(2).replace(/0$/, '')
  return `${locale === 'it' ? mm.replace('.', ',') : mm} mm`
}

/**
 * The record as the patient reads it, in their language. Records made before products were
 * recorded show less.
 */
export function yourTreatment(
  record: {
    areas: { area: TreatmentArea; depthUm: number }[]
    passes: number | null
    skinProducts: SkinProduct[] | null
    skinProductOther: string | null
    aftercareProduct: AftercareProduct | null
    aftercareProductName: string | null
  },
  locale: Locale = 'en',
): YourTreatment {
  const t = translator(aftercareMessages, locale)
  const applied = record.skinProducts
    ? record.skinProducts.includes('none')
      ? [t('applied.nothing')]
      : record.skinProducts.map((product) =>
          product === 'other' || product === 'none'
            ? (record.skinProductOther ?? t('applied.other'))
            : t(`applied.${product}`),
        )
    : null
  const advice: AdviceKind[] = []
  if (record.aftercareProduct === 'none') advice.push('noProductGiven')
  else if (record.aftercareProduct) advice.push('onlyOurProduct')
  if (record.aftercareProduct) advice.push('noSerumsFromHome')
  if (record.skinProducts && productsNeedingConfirmation(record.skinProducts).length > 0)
    advice.push('serumUsed')
  return {
    areas: record.areas.map(({ area, depthUm }) => ({
      area: t(`area.${area}`),
      depth: depthWords(depthUm, locale),
    })),
    passes: record.passes === null ? null : t('passes', { count: record.passes }),
    applied,
    aftercareProduct: aftercareProductWords(
      record.aftercareProduct,
      record.aftercareProductName,
      locale,
    ),
    advice: advice.map((kind) => t(ADVICE_KEYS[kind])),
  }
}

function aftercareProductWords(
  product: AftercareProduct | null,
  name: string | null,
  locale: Locale,
): string | null {
  const t = translator(aftercareMessages, locale)
  if (product === null) return null
  if (product === 'none') return t('product.none')
  if (product === 'other') return name ?? t('product.other')
  const label = t(`product.${product}`)
  return name ? t('product.named', { product: label, name }) : label
}

/** Every sentence "Your treatment" may show a patient, for the reading-grade test. */
export function yourTreatmentText(locale: Locale = 'en'): string {
  const t = translator(aftercareMessages, locale)
  return [
    t('treatmentHeading'),
    t('areasTreated'),
    t('passesLabel'),
    t('appliedLabel'),
    t('productLabel'),
    ...Object.values(ADVICE_KEYS).map((key) => t(key)),
  ].join('\n')
}
