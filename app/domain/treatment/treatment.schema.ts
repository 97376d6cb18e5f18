import * as z from 'zod'
import { CheckboxSchema } from '#app/domain/shared/fields.schema.ts'
import { translate, type Translator, translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type MessageKey } from '#app/i18n/catalogue.ts'
import { visitMessages } from '#app/i18n/messages/index.ts'
import {
  AFTERCARE_PRODUCTS,
  passesProblem,
  productsNeedingConfirmation,
  SKIN_PRODUCTS,
} from './skin-products.rules.ts'

/** Where a session needles, as recorded by the clinician (docs/clinical-reference.md 3.2). */
export const TREATMENT_AREAS = [
  'forehead',
  'cheeks',
  'nose',
  'upper_lip',
  'chin_jaw',
  'eye_area',
  'neck',
  'decollete',
  'abdomen',
  'thighs',
  'arms',
  'back',
] as const
export type TreatmentArea = (typeof TREATMENT_AREAS)[number]

export const TREATMENT_AREA_LABELS: Record<TreatmentArea, string> = {
  forehead: 'Forehead',
  cheeks: 'Cheeks',
  nose: 'Nose',
  upper_lip: 'Upper lip',
  chin_jaw: 'Chin and jaw',
  eye_area: 'Eye area (outside the bony rim)',
  neck: 'Neck',
  decollete: 'Chest (décolleté)',
  abdomen: 'Abdomen',
  thighs: 'Thighs',
  arms: 'Arms',
  back: 'Back',
}

export const ANAESTHETICS = [
  'none',
  'lidocaine_cream',
  'lidocaine_prilocaine_cream',
  'other',
] as const
export const ANAESTHETIC_LABELS: Record<(typeof ANAESTHETICS)[number], string> = {
  none: 'None',
  lidocaine_cream: 'Lidocaine cream',
  lidocaine_prilocaine_cream: 'Lidocaine and prilocaine cream (EMLA)',
  other: 'Other (say which in the notes)',
}

/** Immediate response, as graded at the end of the session. */
export const REDNESS_GRADES = ['0', '1', '2', '3'] as const
export const REDNESS_LABELS: Record<(typeof REDNESS_GRADES)[number], string> = {
  '0': '0 – none',
  '1': '1 – mild, pink',
  '2': '2 – moderate, red like a sunburn',
  '3': '3 – marked, deep red or swollen',
}
export const BLEEDING_LEVELS = ['none', 'pinpoint', 'diffuse'] as const
export const BLEEDING_LABELS: Record<(typeof BLEEDING_LEVELS)[number], string> = {
  none: 'None',
  pinpoint: 'Pinpoint (expected end point)',
  diffuse: 'More than pinpoint',
}

export const IDENTITY_METHODS = ['photo_id', 'known_to_clinic'] as const
export type IdentityMethod = (typeof IDENTITY_METHODS)[number]
export const IDENTITY_METHOD_LABELS: Record<(typeof IDENTITY_METHODS)[number], string> = {
  photo_id: 'Checked a photo ID',
  known_to_clinic: 'Known to the clinic from earlier visits',
}

type VisitT = Translator<MessageKey<typeof visitMessages>>

/** Depth typed in millimetres ("1.25" or "1,25"), kept in micrometres. */
const depthMmSchema = (t: VisitT) =>
  z
    .string({ error: t('depthRequired') })
    .trim()
    .min(1, { error: t('depthRequired') })
    .transform((value) => value.replace(',', '.'))
    .pipe(z.string().regex(/^\d(\.\d{1,2})?$/, { error: t('depthFormat') }))
    .transform((value) => Math.round(Number(value) * 1000))
    .refine((um) => um >= 100 && um <= 3000, { error: t('depthRange') })

/** One checkbox posts a string, several an array, none nothing at all. */
const asList = (value: unknown) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** Optional free text: empty means not given. */
const optionalTextSchema = (max: number, t: VisitT) =>
  z
    .string({ error: t('textRequired') })
    .trim()
    .max(max, { error: t('maxCharacters', { max }) })
    .optional()
    .transform((value) => (value ? value : null))

/** Passes over each area, typed as a whole number within PASSES. */
const passesSchema = (t: VisitT, locale: Locale) =>
  z
    .string({ error: t('passesRequired') })
    .trim()
    .min(1, { error: t('passesRequired') })
    .pipe(z.string().regex(/^\d{1,3}$/, { error: t('passesWhole') }))
    .transform(Number)
    .superRefine((passes, context) => {
      const problem = passesProblem(passes, locale)
      if (problem) context.addIssue({ code: 'custom', message: problem })
    })

/**
 * The treatment record form. Areas come as `area` + `depth_<area>` pairs: a checkbox per area
 * and the depth used there (unticked areas are ignored, whatever depth was typed). What was put
 * on the skin is a checkbox group; a product not approved for use with needling needs the
 * clinician's confirmation and a reason (docs/decisions/034-treatment-products.md).
 */
export const treatmentRecordSchema = (locale: Locale = 'en') => {
  const t = translator(visitMessages, locale)
  const DepthMmSchema = depthMmSchema(t)
  const OptionalTextSchema = (max: number) => optionalTextSchema(max, t)
  return z
    .object({
      areas: z.preprocess(
        asList,
        z.array(z.enum(TREATMENT_AREAS)).min(1, { error: t('areasRequired') }),
      ),
      device: z
        .string({ error: t('deviceRequired') })
        .trim()
        .min(2, { error: t('deviceRequired') })
        .max(120, { error: t('maxCharacters', { max: 120 }) }),
      cartridgeLot: z
        .string({ error: t('cartridgeLotRequired') })
        .trim()
        .min(2, { error: t('cartridgeLotRequired') })
        .max(60, { error: t('maxCharacters', { max: 60 }) }),
      anaesthetic: z.enum(ANAESTHETICS, { error: t('anaestheticRequired') }),
      anaestheticMinutes: z
        .string()
        .trim()
        .optional()
        .transform((value) => (value ? Number(value) : null))
        .pipe(
          z
            .number({ error: t('minutesNumber') })
            .int({ error: t('minutesWhole') })
            .min(0, { error: t('minutesNegative') })
            .max(180, { error: t('minutesMax') })
            .nullable(),
        ),
      passes: passesSchema(t, locale),
      skinProducts: z.preprocess(
        asList,
        z
          .array(z.enum(SKIN_PRODUCTS, { error: t('chooseFromList') }))
          .min(1, { error: t('skinProductsRequired') }),
      ),
      skinProductOther: OptionalTextSchema(120),
      skinProductConfirmed: z
        .unknown()
        .optional()
        .transform((value) => value === 'on' || value === 'true' || value === true),
      skinProductReason: OptionalTextSchema(500),
      aftercareProduct: z.enum(AFTERCARE_PRODUCTS, { error: t('aftercareRequired') }),
      aftercareProductName: OptionalTextSchema(120),
      rednessGrade: z.enum(REDNESS_GRADES, { error: t('rednessRequired') }),
      bleeding: z.enum(BLEEDING_LEVELS, { error: t('bleedingRequired') }),
      notes: z
        .string()
        .trim()
        .max(2000, { error: t('maxCharacters', { max: 2000 }) })
        .optional(),
      /** Set when this entry corrects an earlier one (records are never edited). */
      correctsRecordId: z
        .string()
        .uuid()
        .optional()
        .or(z.literal('').transform(() => undefined)),
    })
    .catchall(z.unknown())
    .transform((value, context) => {
      const depths: { area: (typeof TREATMENT_AREAS)[number]; depthUm: number }[] = []
      for (const area of value.areas) {
        const parsed = DepthMmSchema.safeParse(value[`depth_${area}`])
        if (!parsed.success) {
          context.addIssue({
            code: 'custom',
            path: [`depth_${area}`],
            message: parsed.error.issues[0]!.message,
          })
          continue
        }
        depths.push({ area, depthUm: parsed.data })
      }
      if (value.anaesthetic !== 'none' && value.anaestheticMinutes === null) {
        context.addIssue({
          code: 'custom',
          path: ['anaestheticMinutes'],
          message: t('minutesRequired'),
        })
      }
      const skinProducts = [...new Set(value.skinProducts)]
      if (skinProducts.includes('none') && skinProducts.length > 1) {
        context.addIssue({
          code: 'custom',
          path: ['skinProducts'],
          message: t('untickNothing'),
        })
      }
      if (skinProducts.includes('other') && (value.skinProductOther ?? '').length < 2) {
        context.addIssue({
          code: 'custom',
          path: ['skinProductOther'],
          message: t('sayOtherProduct'),
        })
      }
      const needsConfirmation = productsNeedingConfirmation(skinProducts).length > 0
      if (needsConfirmation && !value.skinProductConfirmed) {
        context.addIssue({
          code: 'custom',
          path: ['skinProductConfirmed'],
          message: t('confirmProduct'),
        })
      }
      if (needsConfirmation && (value.skinProductReason ?? '').length < 5) {
        context.addIssue({
          code: 'custom',
          path: ['skinProductReason'],
          message: t('sayWhyProduct'),
        })
      }
      if (value.aftercareProduct === 'other' && (value.aftercareProductName ?? '').length < 2) {
        context.addIssue({
          code: 'custom',
          path: ['aftercareProductName'],
          message: t('sayAftercareProduct'),
        })
      }
      return {
        areas: depths,
        passes: value.passes,
        skinProducts,
        skinProductOther: skinProducts.includes('other') ? value.skinProductOther : null,
        skinProductReason: needsConfirmation ? value.skinProductReason : null,
        aftercareProduct: value.aftercareProduct,
        aftercareProductName: value.aftercareProduct === 'none' ? null : value.aftercareProductName,
        device: value.device,
        cartridgeLot: value.cartridgeLot,
        anaesthetic: value.anaesthetic,
        anaestheticMinutes: value.anaesthetic === 'none' ? null : value.anaestheticMinutes,
        rednessGrade: Number(value.rednessGrade),
        bleeding: value.bleeding,
        notes: value.notes ?? '',
        correctsRecordId: value.correctsRecordId ?? null,
      }
    })
}
export const TreatmentRecordSchema = treatmentRecordSchema()
export type TreatmentRecordInput = z.output<typeof TreatmentRecordSchema>

export const checkInSchema = (locale: Locale = 'en') => {
  const t = translator(visitMessages, locale)
  return z.object({
    identityConfirmed: CheckboxSchema.refine((value) => value, {
      error: t('identityConfirmedRequired'),
    }),
    identityMethod: z.enum(IDENTITY_METHODS, { error: t('identityMethodRequired') }),
    healthUnchanged: z.enum(['yes', 'changed'], { error: t('healthUnchangedRequired') }),
  })
}
export const CheckInSchema = checkInSchema()

/** The two ways a visit ends without a treatment record: a no-show, or a consultation held. */
export const visitOutcomeSchema = (locale: Locale = 'en') =>
  z.discriminatedUnion(
    'intent',
    [z.object({ intent: z.literal('no-show') }), z.object({ intent: z.literal('attended') })],
    { error: translate(visitMessages, locale, 'reloadAndRetry') },
  )
export const VisitOutcomeSchema = visitOutcomeSchema()

/** A booking id in a staff URL (anything else is a 404, never a query). */
export const BookingIdParamSchema = z.string().regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/)
