/**
 * What patients are told about a treatment tier, in one place (docs/decisions/033): the healing
 * course, aftercare, when to call, sun protection, the course plan and pre-visit advice. The
 * consent text (migrations/0014_consent_v2.sql), the healing-timeline picture, the aftercare page,
 * the booking confirmation and the booking emails all render from here, and
 * tier-content.consistency.test.ts fails when one of them says something else.
 *
 * Written from docs/clinical-reference.md 2.2–2.4 and 3, in plain words (grade 8 or lower).
 * General advice only: nothing here is about one patient, so the parts marked for email may be
 * emailed. Each text exists in English (here) and Italian (tier-content.it.ts), with the same
 * structure; tier-content.test.ts compares them. Client-safe: no server imports.
 */

import { type Locale } from '#app/i18n/locales.ts'
import { COSMETIC_IT, MEDICAL_IT, SHARED_IT } from './tier-content.it.ts'

export type ContentTier = 'medical' | 'cosmetic'
export const CONTENT_TIERS: readonly ContentTier[] = ['medical', 'cosmetic']

/** What the picture of a stage shows (app/components/healing-timeline.tsx draws it). */
export type StagePicture = 'bleeding' | 'pink' | 'fading' | 'flaking' | 'healed' | 'glow'

/**
 * One stretch of the healing course. Stages follow each other without overlapping: `fromDay` of
 * a stage is `toDay + 1` of the one before; the last stage has no end (`toDay` null).
 */
export type HealingStage = {
  key: string
  fromDay: number
  toDay: number | null
  /** "Day 0", "Days 1 to 3", "From day 11". */
  when: string
  /** A short name for the stage, shown in the picture. */
  title: string
  /** What the skin does. */
  text: string
  picture: StagePicture
  /** What to do and what to avoid in this stretch (the aftercare page). */
  do: readonly string[]
  avoid: readonly string[]
}

export type CoursePlan = {
  /** Sessions in a usual course, as a range (equal ends: an exact number). */
  sessions: { min: number; max: number }
  intervalWeeks: number
  /** Sessions a year to keep the results. */
  maintenancePerYear: { min: number; max: number }
}

export type TierContent = {
  tier: ContentTier
  /** Needle depth in mm, as the consent states it. */
  depth: string
  stages: readonly HealingStage[]
  /** The aftercare rules in short (consent "Looking after your skin", aftercare page summary). */
  aftercare: readonly string[]
  /** Sun protection (consent, aftercare page, and the sun question of the check). */
  sun: readonly string[]
  /** Signs that mean: call the clinic the same day. */
  whenToCall: readonly string[]
  course: CoursePlan
  /** Before the visit (confirmation page and emails); the visit length is added from the service. */
  preVisit: readonly string[]
}

const WHEN_TO_CALL_COMMON = [
  'The redness, warmth, swelling or pain gets worse after day 2, not better.',
  'You see pus or yellow crusts, or you have a fever or feel unwell.',
  'You have much more redness, bruising, swelling or bleeding than we said to expect.',
  'You get a cold sore.',
  'Redness, swelling or peeling lasts more than about 7 days.',
  'New itchy red bumps or tender lumps appear, even weeks later.',
  'A patch of your skin gets darker or lighter.',
] as const

const SUN = [
  'Keep out of strong sun for 3 days.',
  'From the second day, wear sunscreen SPF 50 every day for 2 weeks, even when it is cloudy.',
] as const

/** The day-0 care is the same at every depth: gentle washing, the clinic's cream, no make-up. */
const TREATMENT_DAY_CARE = {
  do: [
    'Wash only with lukewarm water. Pat your skin dry with a clean towel.',
    'Put on the soothing cream we gave you.',
  ],
  avoid: [
    'No make-up and no sunscreen for the first 24 hours.',
    'No sport, sauna, steam or swimming.',
    'Keep out of the sun.',
  ],
}

const PRE_VISIT = [
  'For 5 days before, stop retinol, retinoids, acids (AHA, BHA) and scrubs on the area.',
  'Keep the area out of strong sun. Do not come with sunburn or fresh fake tan.',
  'If you get a cold sore or any spot that looks infected, call us: we will move your visit.',
  'Unless a doctor prescribed them, avoid aspirin, ibuprofen and fish oil for 3 days before, and alcohol the day before. They make bleeding and bruising more likely.',
  'Come with clean skin and no make-up on the area.',
] as const

const MEDICAL: TierContent = {
  tier: 'medical',
  depth: '1 to 1.5 mm',
  stages: [
    {
      key: 'day-0',
      fromDay: 0,
      toDay: 0,
      when: 'Day 0',
      title: 'Treatment day',
      text: 'Your skin is red, like a mild sunburn. It may feel warm, tight and a bit sore. Tiny spots of blood are normal.',
      picture: 'bleeding',
      ...TREATMENT_DAY_CARE,
    },
    {
      key: 'days-1-3',
      fromDay: 1,
      toDay: 3,
      when: 'Days 1 to 3',
      title: 'Redness fades',
      text: 'The redness and swelling go down. Most of it is gone by day 3. Your skin may feel tight and dry.',
      picture: 'fading',
      do: [
        'Wash with a gentle cleanser and lukewarm water.',
        'Use the soothing cream every day.',
        'Wear sunscreen SPF 50 every day, even when it is cloudy.',
      ],
      avoid: [
        'Keep out of strong sun.',
        'No sport, sauna, steam or swimming until day 3 is over.',
        'No retinol, acids, vitamin C serums or scrubs.',
      ],
    },
    {
      key: 'days-4-6',
      fromDay: 4,
      toDay: 6,
      when: 'Days 4 to 6',
      title: 'Flakes and small crusts',
      text: 'Your skin may flake or peel, and small crusts may form. Leave them alone: they fall off by themselves.',
      picture: 'flaking',
      do: [
        'Keep using the soothing cream and sunscreen every day.',
        'Let flakes and small crusts fall off on their own.',
      ],
      avoid: [
        'Do not pick, scratch or rub off flakes or crusts. This can leave a scar.',
        'Still no retinol, acids, vitamin C serums or scrubs.',
      ],
    },
    {
      key: 'days-7-10',
      fromDay: 7,
      toDay: 10,
      when: 'Days 7 to 10',
      title: 'Healed',
      text: 'The last redness, crusts or bruises go. Most skin has healed by now.',
      picture: 'healed',
      do: [
        'Go back slowly to your usual skin care.',
        'Use the soothing cream until day 10.',
        'Keep wearing sunscreen every day until 2 weeks have passed.',
      ],
      avoid: ['Do not spend long hours in strong sun.'],
    },
    {
      key: 'weeks-after',
      fromDay: 11,
      toDay: null,
      when: 'From day 11',
      title: 'New collagen',
      text: 'Your skin keeps making new collagen. Results show slowly, over weeks to months. We judge them 3 months after your last session.',
      picture: 'glow',
      do: ['Come to your next session as planned.'],
      avoid: [],
    },
  ],
  aftercare: [
    'For the first day, do not wear make-up. Wash the skin with lukewarm water only. After that, use a gentle cleanser.',
    'Put on the soothing cream we give you every day for 7 to 10 days. Do not use other creams unless we say so.',
    'For 7 days, do not use retinol, acids (AHA or BHA), vitamin C serums or scrubs.',
    'For 3 days, do not do hard exercise, swim, or use a sauna or steam room.',
    'Do not pick or scratch flakes or crusts. Picking can leave a scar.',
  ],
  sun: SUN,
  whenToCall: WHEN_TO_CALL_COMMON,
  course: {
    sessions: { min: 3, max: 6 },
    intervalWeeks: 4,
    maintenancePerYear: { min: 2, max: 3 },
  },
  preVisit: PRE_VISIT,
}

const COSMETIC: TierContent = {
  tier: 'cosmetic',
  depth: '0.5 mm or less',
  stages: [
    {
      key: 'day-0',
      fromDay: 0,
      toDay: 0,
      when: 'Day 0',
      title: 'Treatment day',
      text: 'Your skin is pink, warm and tight. Bleeding is not expected.',
      picture: 'pink',
      ...TREATMENT_DAY_CARE,
    },
    {
      key: 'days-1-3',
      fromDay: 1,
      toDay: 3,
      when: 'Days 1 to 3',
      title: 'Pinkness fades',
      text: 'The pinkness often goes within hours. At most it lasts 2 to 3 days. Your skin may feel dry or flake a little. Crusts are not expected.',
      picture: 'fading',
      do: [
        'Wash with a gentle cleanser and lukewarm water.',
        'Use the soothing cream for 1 to 2 days.',
        'Wear sunscreen SPF 50 every day, even when it is cloudy.',
      ],
      avoid: [
        'Keep out of strong sun.',
        'No retinol, acids, vitamin C serums or scrubs for 2 days.',
        'Do not pick or rub flakes.',
      ],
    },
    {
      key: 'weeks-after',
      fromDay: 4,
      toDay: null,
      when: 'From day 4',
      title: 'Fresh skin',
      text: 'Your skin looks smoother and brighter for some weeks.',
      picture: 'glow',
      do: [
        'Go back to your usual skin care.',
        'Keep wearing sunscreen every day until 2 weeks have passed.',
        'Come to your next session as planned.',
      ],
      avoid: [],
    },
  ],
  aftercare: [
    'For the first day, do not wear make-up. Wash the skin with lukewarm water only. After that, use a gentle cleanser.',
    'Put on the soothing cream we give you for 1 to 2 days. Do not use other creams unless we say so.',
    'For 2 days, do not use retinol, acids (AHA or BHA), vitamin C serums or scrubs.',
    'For 1 day, do not do hard exercise, swim, or use a sauna or steam room.',
    'Do not pick or scratch flakes. Picking can leave a mark.',
  ],
  sun: SUN,
  whenToCall: [
    ...WHEN_TO_CALL_COMMON,
    'You get crusts or bleeding: they are not expected after this treatment.',
  ],
  course: {
    sessions: { min: 4, max: 4 },
    intervalWeeks: 2,
    maintenancePerYear: { min: 2, max: 3 },
  },
  preVisit: PRE_VISIT,
}

const CONTENT: Record<Locale, Record<ContentTier, TierContent>> = {
  en: { medical: MEDICAL, cosmetic: COSMETIC },
  it: { medical: MEDICAL_IT, cosmetic: COSMETIC_IT },
}

/** A tier's content in a language (English when none is named: the text the clinic wrote first). */
export function tierContent(tier: ContentTier, locale: Locale = 'en'): TierContent {
  return CONTENT[locale][tier]
}

/** Consultations: nothing is needled, so only this. */
export const CONSULTATION_PRE_VISIT = [
  'Bring a list of any medicines and skin products you use.',
  'Come with clean skin if you would like us to look at an area closely.',
] as const

/**
 * Shown behind the booking link (never in an email) to a patient who told us about past cold
 * sores: docs/decisions/033-clinical-content-per-tier.md explains why.
 */
export const COLD_SORE_REMINDER =
  'You told us you have had cold sores before. Needling can bring one on. Before your visit, ask your doctor or pharmacist if you should take medicine to prevent one.'

/** Both tiers: the product brief's rule about which skin is treated. */
export const INTACT_SKIN_RULE =
  'We only treat skin that is whole and healthy. We never needle over a wound, an infection, active acne or irritated skin.'

/** The medical form: medical needling against cosmetic needling and home rollers. */
export const NEEDLING_KINDS = [
  'Medical needling goes 1 to 1.5 mm deep, or deeper for scars. Only a doctor, or a nurse who works with a doctor, does it. It aims to make your skin build new collagen.',
  'Cosmetic needling is not the same. Its needles are 0.5 mm long or less. They only reach the top layer of skin.',
  'Home rollers are not the same either. Their needles are blunt and short. They cannot do what this treatment does.',
] as const

/** The sentences above in each language (the Italian ones are in tier-content.it.ts). */
export type SharedClinicalText = {
  intactSkinRule: string
  needlingKinds: readonly string[]
  coldSoreReminder: string
  consultationPreVisit: readonly string[]
}

const SHARED: Record<Locale, SharedClinicalText> = {
  en: {
    intactSkinRule: INTACT_SKIN_RULE,
    needlingKinds: NEEDLING_KINDS,
    coldSoreReminder: COLD_SORE_REMINDER,
    consultationPreVisit: CONSULTATION_PRE_VISIT,
  },
  it: SHARED_IT,
}

export function sharedClinicalText(locale: Locale = 'en'): SharedClinicalText {
  return SHARED[locale]
}

/* ------------------------------------------------------------------ render helpers */

function range({ min, max }: { min: number; max: number }, locale: Locale): string {
  if (min === max) return String(min)
  return locale === 'it' ? `da ${min} a ${max}` : `${min} to ${max}`
}

/** "Most people need a course of 3 to 6 sessions, about 4 weeks apart. After that, …" */
export function coursePlanText(tier: ContentTier, locale: Locale = 'en'): string {
  const { course } = tierContent(tier, locale)
  if (locale === 'it')
    return `Di solito servono ${range(course.sessions, locale)} sedute, a ${course.intervalWeeks} settimane l’una dall’altra. Dopo, ${range(course.maintenancePerYear, locale)} sedute all’anno aiutano a mantenere i risultati.`
  return `Most people have a course of ${range(course.sessions, locale)} sessions, ${course.intervalWeeks} weeks apart. After that, ${range(course.maintenancePerYear, locale)} sessions a year help keep the results.`
}

/** A healing stage as one line of text: "Days 1 to 3: Redness fades. The redness …". */
export function stageLine(stage: HealingStage): string {
  return `${stage.when}: ${stage.title}. ${stage.text}`
}

/** How long to allow for the visit: from the booked service, never a fixed "about an hour". */
export function visitLengthLine(minutes: number, locale: Locale = 'en'): string {
  return locale === 'it'
    ? `Calcola ${minutes} minuti per la visita.`
    : `Allow ${minutes} minutes for the visit.`
}

/**
 * The pre-visit advice for a booking: the tier's advice and the visit length of the booked
 * service, or the consultation advice.
 */
export function preVisitAdvice(input: {
  tier: ContentTier
  isConsultation: boolean
  visitMinutes: number
  locale?: Locale
}): string[] {
  const locale = input.locale ?? 'en'
  const visitLength = visitLengthLine(input.visitMinutes, locale)
  if (input.isConsultation) return [...sharedClinicalText(locale).consultationPreVisit, visitLength]
  return [...tierContent(input.tier, locale).preVisit, visitLength]
}

/** The healing stage that a day after the treatment (day 0) falls in. */
export function stageOnDay(tier: ContentTier, day: number, locale: Locale = 'en'): HealingStage {
  const { stages } = tierContent(tier, locale)
  return stages.find((s) => day >= s.fromDay && (s.toDay === null || day <= s.toDay)) ?? stages[0]!
}

/**
 * The aftercare email of day 1, 3 or 7: what the skin does in that stage and what to do. General
 * advice for the tier; nothing about the patient.
 */
export function aftercareMessage(
  tier: ContentTier,
  day: 1 | 3 | 7,
  locale: Locale = 'en',
): { subject: string; lines: string[] } {
  const stage = stageOnDay(tier, day, locale)
  return {
    subject:
      locale === 'it'
        ? `La tua pelle dopo il trattamento: giorno ${day}`
        : `Your skin after the treatment: day ${day}`,
    lines: [stage.text, ...stage.do],
  }
}

/** Every sentence a patient reads from a tier, for the readability tests of each language. */
export function tierText(tier: ContentTier, locale: Locale = 'en'): string {
  const content = tierContent(tier, locale)
  return [
    ...content.stages.flatMap((s) => [stageLine(s), ...s.do, ...s.avoid]),
    ...content.aftercare,
    ...content.sun,
    ...content.whenToCall,
    coursePlanText(tier, locale),
    ...content.preVisit,
  ].join('\n')
}
