import { type ConsentContent, type ConsentSectionKey } from '#app/domain/consent/consent.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import * as it from './consent-content.it.ts'
import {
  type ContentTier,
  coursePlanText,
  sharedClinicalText,
  stageLine,
  tierContent,
} from './tier-content.ts'

/**
 * The consent form of a tier as the tier's content writes it (docs/decisions/033). The versions
 * in migrations/0014_consent_v2.sql are exactly `consentContentFor(tier)`; a test keeps them so.
 * An admin may reword the other parts of a form, but a form that leaves out one of the tier's
 * parts (`missingTierParts`) is refused at publish. Each form exists in English and Italian
 * (`locale`; the Italian sentences that are not tier content are in consent-content.it.ts, ADR
 * 039); migrations/0020 holds the Italian of version 2, equal to `consentContentFor(tier, 'it')`.
 * Client-safe: pure functions.
 */

const list = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n')

const RESULTS_VARY = 'Results are not the same for everyone. We cannot promise a result.'

/** One thing a tier's consent form must say, word for word, in the section named. */
export type TierPart = { name: string; section: ConsentSectionKey; text: string }

/** Every part of a tier that its consent form must state, word for word. */
export function tierParts(tier: ContentTier, locale: Locale = 'en'): TierPart[] {
  const content = tierContent(tier, locale)
  const shared = sharedClinicalText(locale)
  return [
    { name: 'the intact, healthy skin rule', section: 'procedure', text: shared.intactSkinRule },
    ...(tier === 'medical'
      ? shared.needlingKinds.map((text, index) => ({
          name: `medical, cosmetic and home needling (${['medical', 'cosmetic', 'home rollers'][index]})`,
          section: 'procedure' as const,
          text,
        }))
      : []),
    ...content.stages.map((stage) => ({
      name: `healing course: ${stage.when}`,
      section: 'what_to_expect' as const,
      text: stageLine(stage),
    })),
    { name: 'course plan', section: 'what_to_expect', text: coursePlanText(tier, locale) },
    ...content.aftercare.map((text, index) => ({
      name: `aftercare rule ${index + 1}`,
      section: 'aftercare' as const,
      text,
    })),
    ...content.sun.map((text, index) => ({
      name: `sun protection ${index + 1}`,
      section: 'aftercare' as const,
      text,
    })),
    ...content.whenToCall.map((text) => ({
      name: `when to call: “${text}”`,
      section: 'when_to_call' as const,
      text,
    })),
  ]
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The tier's parts a form leaves out (or words differently), by name. Empty when complete. */
export function missingTierParts(
  tier: ContentTier,
  content: ConsentContent,
  locale: Locale = 'en',
): string[] {
  return tierParts(tier, locale)
    .filter((part) => {
      const body = content.sections.find((s) => s.key === part.section)?.body ?? ''
      return !squash(body).includes(squash(part.text))
    })
    .map((part) => part.name)
}

function procedure(tier: ContentTier, locale: Locale): string {
  if (locale === 'it') {
    const { intactSkinRule, needlingKinds } = sharedClinicalText('it')
    const { intro, numbing } = it.PROCEDURE_IT[tier]
    return [
      ...intro,
      ...(tier === 'medical' ? [`${it.NEEDLING_KINDS_INTRO_IT}\n${list(needlingKinds)}`] : []),
      intactSkinRule,
      ...(numbing ? [numbing] : []),
      it.ASK_IT,
    ].join('\n\n')
  }
  const { intactSkinRule: INTACT_SKIN_RULE, needlingKinds: NEEDLING_KINDS } = sharedClinicalText()
  const ask =
    'If anything is not clear, ask us before you sign. You can call {{clinic_name}} on {{clinic_phone}}.'
  if (tier === 'medical')
    return [
      'Medical microneedling is a skin treatment. A pen with very fine, clean needles makes many tiny holes in your skin. We use new needles for each person and throw them away after.',
      'Your skin heals these tiny wounds. While it heals, it makes new collagen. Collagen keeps skin firm and smooth. This can help with fine lines, scars from acne, dark marks and stretch marks.',
      `How it differs from other needling:\n${list(NEEDLING_KINDS)}`,
      INTACT_SKIN_RULE,
      'We may put a numbing cream on your skin first.',
      ask,
    ].join('\n\n')
  return [
    'Cosmetic skin needling is a beauty treatment. A trained skin care expert does it. A pen with very short, clean needles, 0.5 mm long or less, touches the top layer of your skin. We use new needles for each person and throw them away after.',
    'The needles open tiny channels in the top layer of skin. These help the serums we put on your skin to soak in. This treatment does not go deep enough to make new collagen. If you want that, ask us about medical microneedling.',
    INTACT_SKIN_RULE,
    ask,
  ].join('\n\n')
}

function whatToExpect(tier: ContentTier, locale: Locale): string {
  const { stages } = tierContent(tier, locale)
  if (locale === 'it')
    return [
      `${it.DAY_BY_DAY_IT}\n${list(stages.map(stageLine))}`,
      `${coursePlanText(tier, locale)} ${it.RESULTS_VARY_IT}`,
    ].join('\n\n')
  return [
    `Day by day:\n${list(stages.map(stageLine))}`,
    `${coursePlanText(tier)} ${RESULTS_VARY}`,
  ].join('\n\n')
}

const RISKS: Record<ContentTier, string> = {
  medical: `Common problems. They are mild and pass in a few days:
- redness, swelling and soreness
- dry skin, flakes and small crusts
- tiny spots of blood, or a small bruise
- itching, stinging or a burning feeling
- tiny white spots, or a few spots like acne

Rare problems. They can be serious:
- an infection of the skin
- a cold sore, if you have had cold sores before
- patches of skin that turn darker or lighter. This is more likely with darker skin, or if you go in the sun.
- an allergy to a cream or to the metal of the needles. It can start days or weeks later.
- small, firm lumps under the skin that can last for months
- scars, such as thin lines in the skin
- a bad reaction to the numbing cream
- the result is not what you hoped for

Tell us before the treatment about any health problems, medicines and skin products you use. This lowers your risk.`,
  cosmetic: `Common problems. They are mild and pass in hours, or at most 2 to 3 days:
- pink skin, warmth and tightness
- dry skin, or a little flaking
- itching or stinging

Rare problems. They can be serious:
- an infection of the skin
- a cold sore, if you have had cold sores before
- patches of skin that turn darker or lighter. This is more likely with darker skin, or if you go in the sun.
- an allergy to a serum or to the metal of the needles. It can start days or weeks later.
- small, firm lumps under the skin that can last for months
- the result is not what you hoped for

Tell us before the treatment about any health problems, medicines and skin products you use. This lowers your risk.`,
}

const ALTERNATIVES: Record<ContentTier, string> = {
  medical: `You do not have to have this treatment. You can choose to do nothing. Your skin will not be harmed if you wait or say no.

Other choices may be creams from a doctor, chemical peels, laser treatment or fillers. Each one has its own risks and costs. Ask us about them before you decide. You can also book a talk with us first, with no needles.`,
  cosmetic: `You do not have to have this treatment. You can choose to do nothing. Your skin will not be harmed if you wait or say no.

Other choices may be creams from a doctor, chemical peels, laser treatment or fillers. Our medical needling goes deeper and can help the skin make new collagen. Each one has its own risks and costs. Ask us about them before you decide. You can also book a talk with us first, with no needles.`,
}

function aftercare(tier: ContentTier, locale: Locale): string {
  const content = tierContent(tier, locale)
  if (locale === 'it')
    return [
      list(content.aftercare),
      `${it.SUN_INTRO_IT}\n${list(content.sun)}`,
      it.NEXT_SESSION_IT,
    ].join('\n\n')
  return [
    list(content.aftercare),
    `The sun:\n${list(content.sun)}`,
    'Come to your next session as planned.',
  ].join('\n\n')
}

function whenToCall(tier: ContentTier, locale: Locale): string {
  if (locale === 'it')
    return [
      `${it.CALL_INTRO_IT}\n${list(tierContent(tier, locale).whenToCall)}`,
      it.EMERGENCY_IT,
    ].join('\n\n')
  return [
    `Call us on {{clinic_phone}} the same day if:\n${list(tierContent(tier).whenToCall)}`,
    'If you cannot reach us and it feels serious, see a doctor or go to an emergency room.',
  ].join('\n\n')
}

/** Honest: the clinic takes no photos yet, so the form promises none. */
const PHOTOS = `We do not take photos of your skin at this time, so we make no promise of before and after photos.

If we start to take them, we will only do so if you tick the box for it below. We would only use a photo of you for anything else, such as our website, if you tick that separate box too. Saying no never changes your care. You can change your mind at any time.`

const CANCELLATION =
  'You can cancel or move your booking on your booking page until {{cancellation_hours}} hours before it starts. After that, please call us on {{clinic_phone}}. If you cannot come, please tell us as soon as you can, so someone else can have the time.'

const WITHDRAWAL = `You can change your mind at any time, even on the day. You do not have to give a reason. To take back this consent, use your booking page, or tell us in person.

If you take it back, we will not treat you unless you sign again. It does not change the care you have had before.`

const E_SIGNATURE = `You sign this form online. Your typed name counts as your signature. So does your drawn signature, if you add one. By signing, you agree to sign this way.

We keep a copy of the form you signed, with the time you signed it. You can download it from your booking page at any time. You can ask us for a paper copy for free. You can also ask to sign on paper at the clinic instead.`

const SUN_QUESTION = {
  prompt: 'What should you do about the sun after the treatment?',
  options: [
    'Keep out of strong sun for 3 days, then wear SPF 50 every day for 2 weeks',
    'Wear sunscreen on sunny days only, for about a week',
    'Get a little sun to help the skin heal, but do not let it burn',
  ],
  answer: 0,
  sectionKey: 'aftercare' as const,
}

const INFECTION_QUESTION = {
  prompt:
    'On day 4 the skin gets more red, warm and sore, and you see some pus. What should you do?',
  options: [
    'Keep using the soothing cream and wait for your next visit',
    'Wash it with a gentle cleanser and check again in 3 days',
    'Call the clinic the same day',
  ],
  answer: 2,
  sectionKey: 'when_to_call' as const,
}

const PIGMENT_QUESTION = {
  prompt: 'Some weeks later, a patch of the treated skin looks darker than the rest. What is best?',
  options: [
    'Nothing: it is part of normal healing and always fades',
    'Tell the clinic, so we can check it',
    'Put a lightening cream from the shop on it',
  ],
  answer: 1,
  sectionKey: 'when_to_call' as const,
}

/** At least one question per key risk: redness and bleeding, crusts, sun, infection, pigment. */
const QUESTIONS: Record<ContentTier, Omit<ConsentContent['questions'][number], 'key'>[]> = {
  medical: [
    {
      prompt: 'How will your skin most likely look on the day of the treatment?',
      options: [
        'Pink for an hour or so, then the same as before',
        'Red, like a mild sunburn, maybe with tiny spots of blood',
        'Red, with many small bruises that last about two weeks',
      ],
      answer: 1,
      sectionKey: 'what_to_expect',
    },
    {
      prompt: 'On day 5, small crusts form on the treated skin. What should you do?',
      options: [
        'Soften them with a rich cream, then wipe them away',
        'Gently rub them off with a damp cloth once they feel loose',
        'Leave them alone: they fall off by themselves',
      ],
      answer: 2,
      sectionKey: 'what_to_expect',
    },
    SUN_QUESTION,
    INFECTION_QUESTION,
    PIGMENT_QUESTION,
  ],
  cosmetic: [
    {
      prompt: 'How will your skin most likely look on the day of the treatment?',
      options: [
        'Red, like a mild sunburn, with tiny spots of blood',
        'Pink, warm and tight, with no bleeding',
        'Dry and flaky, with small crusts',
      ],
      answer: 1,
      sectionKey: 'what_to_expect',
    },
    {
      prompt: 'Two days after the treatment, you see small crusts on the skin. What is true?',
      options: [
        'Crusts are not expected after this treatment: leave them alone and call us',
        'Crusts are normal for about a week: no need to tell anyone',
        'Rub them off gently with a damp cloth, then use the soothing cream',
      ],
      answer: 0,
      sectionKey: 'when_to_call',
    },
    SUN_QUESTION,
    INFECTION_QUESTION,
    PIGMENT_QUESTION,
  ],
}

const TITLES: Record<ContentTier, string> = {
  medical: 'Consent for medical microneedling',
  cosmetic: 'Consent for cosmetic skin needling',
}

/** The tier's consent form, every section and question, from the tier's content in a language. */
export function consentContentFor(tier: ContentTier, locale: Locale = 'en'): ConsentContent {
  const bodies: Record<ConsentSectionKey, [string, string]> =
    locale === 'it'
      ? {
          procedure: [it.SECTION_TITLES_IT.procedure, procedure(tier, locale)],
          what_to_expect: [it.SECTION_TITLES_IT.what_to_expect, whatToExpect(tier, locale)],
          risks: [it.SECTION_TITLES_IT.risks, it.RISKS_IT[tier]],
          alternatives: [it.SECTION_TITLES_IT.alternatives, it.ALTERNATIVES_IT[tier]],
          aftercare: [it.SECTION_TITLES_IT.aftercare, aftercare(tier, locale)],
          when_to_call: [it.SECTION_TITLES_IT.when_to_call, whenToCall(tier, locale)],
          photos: [it.SECTION_TITLES_IT.photos, it.PHOTOS_IT],
          cancellation: [it.SECTION_TITLES_IT.cancellation, it.CANCELLATION_IT],
          withdrawal: [it.SECTION_TITLES_IT.withdrawal, it.WITHDRAWAL_IT],
          e_signature: [it.SECTION_TITLES_IT.e_signature, it.E_SIGNATURE_IT],
        }
      : {
          procedure: ['What we do and why', procedure(tier, locale)],
          what_to_expect: ['What to expect, day by day', whatToExpect(tier, locale)],
          risks: ['Risks', RISKS[tier]],
          alternatives: ['Other choices, and doing nothing', ALTERNATIVES[tier]],
          aftercare: ['Looking after your skin', aftercare(tier, locale)],
          when_to_call: ['When to call us', whenToCall(tier, locale)],
          photos: ['Photos', PHOTOS],
          cancellation: ['If you need to cancel', CANCELLATION],
          withdrawal: ['You can change your mind', WITHDRAWAL],
          e_signature: ['Signing online, and a paper copy', E_SIGNATURE],
        }
  const keys = Object.keys(bodies) as ConsentSectionKey[]
  const questions = locale === 'it' ? it.QUESTIONS_IT[tier] : QUESTIONS[tier]
  return {
    title: locale === 'it' ? it.TITLES_IT[tier] : TITLES[tier],
    sections: keys.map((key) => ({ key, title: bodies[key][0], body: bodies[key][1] })),
    questions: questions.map((q, index) => ({ key: `q${index + 1}`, ...q })),
  }
}
