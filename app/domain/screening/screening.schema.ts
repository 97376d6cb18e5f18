import * as z from 'zod'
import { IsoDateSchema, isoDateSchema } from '#app/domain/shared/fields.schema.ts'
import { type Translator, translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { screeningMessages, screeningStaffMessages } from '#app/i18n/messages/index.ts'

type ScreeningKey = keyof (typeof screeningMessages)['en']

/**
 * The eligibility questionnaire, version 2 (docs/clinical-reference.md sections 1.2 and 6;
 * docs/decisions/032). Every submission stores the version it answered; a change to the questions
 * or their meaning is a new version. Version 2 only adds choices and follow-ups to version 1, so
 * the stored answers of version 1 still parse (StoredAnswersV1Schema, with the lists of version 1).
 * Client-safe: the browser validates with the same schema the action parses again.
 */
export const SCREENING_QUESTIONNAIRE_VERSION = 2
/** Every questionnaire version whose stored answers the app can read. */
export const QUESTIONNAIRE_VERSIONS = [1, 2] as const

export const TREATMENT_AREAS = ['face', 'eye_area', 'neck', 'chest', 'hands', 'body'] as const
export const SKIN_TYPES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'unsure'] as const
/** At the treatment area, now (version 1's choices). */
const SKIN_NOW_V1 = [
  'infection',
  'open_wound',
  'cold_sore',
  'inflamed_acne',
  'skin_flare',
  'warts',
  'changed_mole',
  'sunburn',
  'tan',
] as const
const HISTORY_V1 = [
  'cold_sores',
  'keloid',
  'diabetes',
  'autoimmune',
  'immunosuppression',
  'cancer_treatment_now',
  'cancer_treatment_past',
  'bleeding_disorder',
  'skin_disease',
] as const
const MEDICINES_V1 = [
  'isotretinoin_now',
  'isotretinoin_past',
  'blood_thinners',
  'retinoids_acids',
  'photosensitising',
] as const
const ALLERGIES_V1 = ['stainless_steel', 'nickel', 'anaesthetic'] as const
const PROCEDURES_V1 = ['toxin', 'filler', 'peel', 'laser'] as const

/** Version 2 adds choices at the end of the lists of version 1 (the order of the page). */
export const SKIN_NOW = [
  ...SKIN_NOW_V1.slice(0, 7),
  'actinic_keratosis',
  'raised_lesion',
  ...SKIN_NOW_V1.slice(7),
] as const
export const HISTORY = [
  ...HISTORY_V1,
  'radiation_to_area',
  'blood_borne_infection',
  'liver_disease',
  'pseudocholinesterase',
  'methaemoglobinaemia',
] as const
export const MEDICINES = [...MEDICINES_V1, 'heart_rhythm'] as const
export const ALLERGIES = [...ALLERGIES_V1, 'sulpha_paba'] as const
export const PREGNANCY = ['no', 'pregnant', 'breastfeeding'] as const
export const PROCEDURES = [...PROCEDURES_V1, 'dermabrasion_deep_peel', 'facial_surgery'] as const
export const DIABETES_CONTROL = ['yes', 'no', 'unsure'] as const

/** The "tick what applies" questions; each also offers "None of these" (posted as "none"). */
export const CHECKLISTS = {
  skinNow: SKIN_NOW,
  history: HISTORY,
  medicines: MEDICINES,
  allergies: ALLERGIES,
  procedures: PROCEDURES,
} as const
export type ChecklistName = keyof typeof CHECKLISTS
export const NONE = 'none'

/**
 * Follow-up questions: each is asked only when its trigger is ticked (the page hides it until
 * then when JavaScript runs, and the server validates it only then). Untriggered follow-ups are
 * dropped from the stored answers.
 */
export const FOLLOW_UPS = {
  tanDate: { checklist: 'skinNow', value: 'tan', kind: 'date' },
  diabetesControlled: { checklist: 'history', value: 'diabetes', kind: 'choice' },
  cancerTreatmentEndDate: { checklist: 'history', value: 'cancer_treatment_past', kind: 'date' },
  isotretinoinLastDose: { checklist: 'medicines', value: 'isotretinoin_past', kind: 'date' },
  retinoidLastUse: { checklist: 'medicines', value: 'retinoids_acids', kind: 'date' },
  toxinDate: { checklist: 'procedures', value: 'toxin', kind: 'date' },
  fillerDate: { checklist: 'procedures', value: 'filler', kind: 'date' },
  peelDate: { checklist: 'procedures', value: 'peel', kind: 'date' },
  laserDate: { checklist: 'procedures', value: 'laser', kind: 'date' },
  deepPeelDate: { checklist: 'procedures', value: 'dermabrasion_deep_peel', kind: 'date' },
  facialSurgeryDate: { checklist: 'procedures', value: 'facial_surgery', kind: 'date' },
} as const satisfies Record<string, { checklist: ChecklistName; value: string; kind: string }>
export type FollowUpName = keyof typeof FOLLOW_UPS
export const FOLLOW_UP_NAMES = Object.keys(FOLLOW_UPS) as FollowUpName[]

/** The answers as stored (and as the rules read them). */
export type ScreeningAnswers = {
  dateOfBirth: string
  areas: (typeof TREATMENT_AREAS)[number][]
  skinType: (typeof SKIN_TYPES)[number]
  skinNow: (typeof SKIN_NOW)[number][]
  history: (typeof HISTORY)[number][]
  medicines: (typeof MEDICINES)[number][]
  allergies: (typeof ALLERGIES)[number][]
  pregnancy: (typeof PREGNANCY)[number]
  procedures: (typeof PROCEDURES)[number][]
  tanDate?: string
  diabetesControlled?: (typeof DIABETES_CONTROL)[number]
  cancerTreatmentEndDate?: string
  isotretinoinLastDose?: string
  retinoidLastUse?: string
  toxinDate?: string
  fillerDate?: string
  peelDate?: string
  laserDate?: string
  deepPeelDate?: string
  facialSurgeryDate?: string
}

/** A posted checkbox group: nothing (undefined), one value (a string) or several (an array). */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '' || value === false) return []
  return Array.isArray(value) ? value : [value]
}

function emptyToUndefined(value: unknown) {
  return value === '' || value === null || value === false ? undefined : value
}

/**
 * A list of allowed values. Unknown values are refused for the whole field (not per item), so
 * the message sits beside the question.
 */
function listOf<T extends string>(values: readonly T[], message: string) {
  return z
    .array(z.string({ error: message }))
    .refine((list) => list.every((item) => (values as readonly string[]).includes(item)), {
      error: message,
    })
    .transform((list) => list as T[])
}

function areasSchema(t: Translator<ScreeningKey>) {
  return z.preprocess(
    asList,
    listOf(TREATMENT_AREAS, t('areasUnknown')).refine((list) => list.length > 0, {
      error: t('areasRequired'),
    }),
  )
}

function checklistSchema<T extends string>(values: readonly T[], t: Translator<ScreeningKey>) {
  return z.preprocess(
    asList,
    listOf([...values, NONE] as (T | typeof NONE)[], t('listUnknown')).refine(
      (list) => list.length > 0,
      { error: t('listRequired') },
    ),
  )
}

/** A past calendar date (a dose, a treatment): not in the future, not before 1900. */
function pastDateSchema(
  today: string,
  futureMessage: string,
  t: Translator<ScreeningKey>,
  locale: Locale,
) {
  return z.preprocess(
    emptyToUndefined,
    isoDateSchema(locale)
      .refine((value) => value <= today, { error: futureMessage })
      .refine((value) => value >= '1900-01-01', { error: t('dateYear') })
      .optional(),
  )
}

/** The message key for a follow-up left empty although its trigger is ticked. */
const FOLLOW_UP_REQUIRED_KEYS = {
  tanDate: 'needTanDate',
  diabetesControlled: 'needDiabetesControlled',
  cancerTreatmentEndDate: 'needCancerTreatmentEndDate',
  isotretinoinLastDose: 'needIsotretinoinLastDose',
  retinoidLastUse: 'needRetinoidLastUse',
  toxinDate: 'needToxinDate',
  fillerDate: 'needFillerDate',
  peelDate: 'needPeelDate',
  laserDate: 'needLaserDate',
  deepPeelDate: 'needDeepPeelDate',
  facialSurgeryDate: 'needFacialSurgeryDate',
} as const satisfies Record<FollowUpName, ScreeningKey>

/** The messages for a follow-up left empty although its trigger is ticked. */
export function followUpRequired(locale: Locale = 'en'): Record<FollowUpName, string> {
  const t = translator(screeningMessages, locale)
  return Object.fromEntries(
    FOLLOW_UP_NAMES.map((name) => [name, t(FOLLOW_UP_REQUIRED_KEYS[name])]),
  ) as Record<FollowUpName, string>
}

/** The messages for a follow-up left empty although its trigger is ticked (English). */
export const FOLLOW_UP_REQUIRED: Record<FollowUpName, string> = followUpRequired('en')

/**
 * The questionnaire form. `today` is the clinic's calendar date (the loader sends it to the
 * browser, so both sides judge dates alike). Unknown fields are dropped, so a posted "outcome" or
 * "status" never reaches the rules. The messages are in the page's language.
 */
export function screeningFormSchema(today: string, locale: Locale = 'en') {
  const t = translator(screeningMessages, locale)
  const future = t('dateFuture')
  const required = followUpRequired(locale)
  const past = (message: string) => pastDateSchema(today, message, t, locale)
  return z
    .object({
      dateOfBirth: z
        .string({ error: t('dobRequired') })
        .trim()
        .min(1, { error: t('dobRequired') })
        .pipe(isoDateSchema(locale))
        .refine((value) => value < today, { error: t('dobPast') })
        .refine((value) => value >= '1900-01-01', {
          error: t('dobYear'),
        }),
      areas: areasSchema(t),
      skinType: z.enum(SKIN_TYPES, {
        error: t('skinTypeRequired'),
      }),
      skinNow: checklistSchema(SKIN_NOW, t),
      history: checklistSchema(HISTORY, t),
      medicines: checklistSchema(MEDICINES, t),
      allergies: checklistSchema(ALLERGIES, t),
      pregnancy: z.enum(PREGNANCY, {
        error: t('pregnancyRequired'),
      }),
      procedures: checklistSchema(PROCEDURES, t),
      tanDate: past(future),
      diabetesControlled: z.preprocess(
        emptyToUndefined,
        z.enum(DIABETES_CONTROL, { error: t('diabetesRequired') }).optional(),
      ),
      cancerTreatmentEndDate: past(future),
      isotretinoinLastDose: past(t('isotretinoinFuture')),
      retinoidLastUse: past(t('retinoidFuture')),
      toxinDate: past(future),
      fillerDate: past(future),
      peelDate: past(future),
      laserDate: past(future),
      deepPeelDate: past(future),
      facialSurgeryDate: past(future),
    })
    .superRefine((value, ctx) => {
      for (const name of Object.keys(CHECKLISTS) as ChecklistName[]) {
        const list = value[name]
        if (list.includes(NONE) && list.length > 1) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: t('noneAndOther'),
          })
        }
      }
      if (
        value.medicines.includes('isotretinoin_now') &&
        value.medicines.includes('isotretinoin_past')
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['medicines'],
          message: t('isotretinoinBoth'),
        })
      }
      for (const name of FOLLOW_UP_NAMES) {
        const { checklist, value: trigger } = FOLLOW_UPS[name]
        const triggered = (value[checklist] as string[]).includes(trigger)
        if (triggered && value[name] === undefined) {
          ctx.addIssue({ code: 'custom', path: [name], message: required[name] })
        }
      }
      for (const name of FOLLOW_UP_NAMES) {
        const date = value[name]
        if (
          FOLLOW_UPS[name].kind === 'date' &&
          typeof date === 'string' &&
          date < value.dateOfBirth
        )
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: t('beforeBirth'),
          })
      }
    })
    .transform((value): ScreeningAnswers => normaliseAnswers(value))
}

/** Drops "none" from the lists and every follow-up whose trigger is not ticked. */
function normaliseAnswers(value: { [K in keyof ScreeningAnswers]?: unknown }): ScreeningAnswers {
  const strip = <T>(list: unknown) => (list as string[]).filter((item) => item !== NONE) as T
  const answers: ScreeningAnswers = {
    dateOfBirth: value.dateOfBirth as string,
    areas: value.areas as ScreeningAnswers['areas'],
    skinType: value.skinType as ScreeningAnswers['skinType'],
    skinNow: strip(value.skinNow),
    history: strip(value.history),
    medicines: strip(value.medicines),
    allergies: strip(value.allergies),
    pregnancy: value.pregnancy as ScreeningAnswers['pregnancy'],
    procedures: strip(value.procedures),
  }
  for (const name of FOLLOW_UP_NAMES) {
    const { checklist, value: trigger } = FOLLOW_UPS[name]
    if ((answers[checklist] as string[]).includes(trigger) && value[name] !== undefined)
      (answers as Record<string, unknown>)[name] = value[name]
  }
  return answers
}

/** Stored answers of questionnaire version 1, read back from the database. */
export const StoredAnswersV1Schema = z.object({
  dateOfBirth: IsoDateSchema,
  areas: z.array(z.enum(TREATMENT_AREAS)),
  skinType: z.enum(SKIN_TYPES),
  skinNow: z.array(z.enum(SKIN_NOW_V1)),
  history: z.array(z.enum(HISTORY_V1)),
  medicines: z.array(z.enum(MEDICINES_V1)),
  allergies: z.array(z.enum(ALLERGIES_V1)),
  pregnancy: z.enum(PREGNANCY),
  procedures: z.array(z.enum(PROCEDURES_V1)),
  tanDate: IsoDateSchema.optional(),
  diabetesControlled: z.enum(DIABETES_CONTROL).optional(),
  cancerTreatmentEndDate: IsoDateSchema.optional(),
  isotretinoinLastDose: IsoDateSchema.optional(),
  retinoidLastUse: IsoDateSchema.optional(),
  toxinDate: IsoDateSchema.optional(),
  fillerDate: IsoDateSchema.optional(),
  peelDate: IsoDateSchema.optional(),
  laserDate: IsoDateSchema.optional(),
}) satisfies z.ZodType<ScreeningAnswers>

/** Stored answers of questionnaire version 2: version 1's, with the added choices and dates. */
export const StoredAnswersV2Schema = StoredAnswersV1Schema.extend({
  skinNow: z.array(z.enum(SKIN_NOW)),
  history: z.array(z.enum(HISTORY)),
  medicines: z.array(z.enum(MEDICINES)),
  allergies: z.array(z.enum(ALLERGIES)),
  procedures: z.array(z.enum(PROCEDURES)),
  deepPeelDate: IsoDateSchema.optional(),
  facialSurgeryDate: IsoDateSchema.optional(),
}) satisfies z.ZodType<ScreeningAnswers>

/** The stored answers of a questionnaire version, or an error for a version the app never had. */
export function parseStoredAnswers(version: number, answers: unknown): ScreeningAnswers {
  if (version === 1) return StoredAnswersV1Schema.parse(answers)
  if (version === 2) return StoredAnswersV2Schema.parse(answers)
  throw new Error(`Unknown questionnaire version ${version}`)
}

/** The combined outcome of a submission. Waiting windows come on top, as a date. */
export const SCREENING_OUTCOMES = ['eligible', 'review', 'not_eligible'] as const
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number]

/** What one rule says. */
export const RULE_KINDS = ['not_eligible', 'review', 'wait_until', 'info'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

/** Who sent a submission: the patient (wizard, manage page) or staff (at the visit). */
export const SUBMISSION_SOURCES = ['booking', 'patient_update', 'staff_update'] as const
export type SubmissionSource = (typeof SUBMISSION_SOURCES)[number]

/** A clinician's decision, or the patient's answer to a question: append-only rows. */
export const REVIEW_EVENT_KINDS = [
  'approved',
  'declined',
  'info_requested',
  'info_provided',
] as const
export type ReviewEventKind = (typeof REVIEW_EVENT_KINDS)[number]
export const REVIEW_ACTOR_TYPES = ['staff', 'patient'] as const

type StaffKey = keyof (typeof screeningStaffMessages)['en']

function staffT(locale: Locale): Translator<StaffKey> {
  return translator(screeningStaffMessages, locale)
}

const submissionIdField = (t: Translator<StaffKey>) => z.uuid({ error: t('reload') })

/** Approve: an optional note for the clinical record, e.g. "antiviral cover prescribed". */
export function approveSchema(locale: Locale = 'en') {
  const t = staffT(locale)
  return z.object({
    intent: z.literal('approve'),
    submissionId: submissionIdField(t),
    note: z
      .string()
      .trim()
      .max(1000, { error: t('tooLong') })
      .optional()
      .transform((value) => value || null),
  })
}
export const ApproveSchema = approveSchema('en')

/** Decline: the reason, which the patient reads on their booking page (never in an email). */
export function declineSchema(locale: Locale = 'en') {
  const t = staffT(locale)
  return z.object({
    intent: z.literal('decline'),
    submissionId: submissionIdField(t),
    reason: z
      .string({ error: t('reasonRequired') })
      .trim()
      .min(1, { error: t('reasonRequired') })
      .max(1000, { error: t('tooLong') }),
  })
}
export const DeclineSchema = declineSchema('en')

/** Ask the patient a question; they answer on their booking page. */
export function requestInfoSchema(locale: Locale = 'en') {
  const t = staffT(locale)
  return z.object({
    intent: z.literal('request_info'),
    submissionId: submissionIdField(t),
    question: z
      .string({ error: t('questionRequired') })
      .trim()
      .min(1, { error: t('questionRequired') })
      .max(1000, { error: t('tooLong') }),
  })
}
export const RequestInfoSchema = requestInfoSchema('en')

/** A clinician's decision on the review page (three forms: one intent each). */
export const ReviewDecisionSchema = z.discriminatedUnion('intent', [
  ApproveSchema,
  DeclineSchema,
  RequestInfoSchema,
])
export type ReviewDecision = z.output<typeof ReviewDecisionSchema>

/** The patient's answer to a clinician's question, with messages in the page's language. */
export function clinicQuestionAnswerSchema(locale: Locale = 'en') {
  const t = translator(screeningMessages, locale)
  return z.object({
    answer: z
      .string({ error: t('answerRequired') })
      .trim()
      .min(1, { error: t('answerRequired') })
      .max(2000, { error: t('answerTooLong') }),
  })
}

/** The patient's answer to a clinician's question. */
export const ClinicQuestionAnswerSchema = clinicQuestionAnswerSchema('en')

/**
 * A clinician approves an earlier first day inside a waiting window for this patient (e.g. a
 * doctor's trial after isotretinoin, docs/decisions/032). The reason stays in the record; the
 * patient sees only the new first day.
 */
export function earlierDateSchema(locale: Locale = 'en') {
  const t = staffT(locale)
  return z.object({
    intent: z.literal('approve_earlier_date'),
    submissionId: submissionIdField(t),
    firstDay: z
      .string({ error: t('firstDayRequired') })
      .trim()
      .min(1, { error: t('firstDayRequired') })
      .pipe(isoDateSchema(locale)),
    reason: z
      .string({ error: t('whySafeRequired') })
      .trim()
      .min(1, { error: t('whySafeRequired') })
      .max(1000, { error: t('tooLong') }),
  })
}
export const EarlierDateSchema = earlierDateSchema('en')
export type EarlierDateInput = z.output<typeof EarlierDateSchema>

/** Everything the staff review page posts: the three decisions and an earlier first day. */
export function reviewPageActionSchema(locale: Locale = 'en') {
  return z.discriminatedUnion('intent', [
    approveSchema(locale),
    declineSchema(locale),
    requestInfoSchema(locale),
    earlierDateSchema(locale),
  ])
}
export const ReviewPageActionSchema = reviewPageActionSchema('en')
