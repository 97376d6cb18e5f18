/**
 * Aftercare in plain words (docs/clinical-reference.md 2.2–2.4). Shown on the patient's aftercare page
 * (/bookings/<reference>/aftercare) and summarised in the day 1, 3 and 7 messages. General advice
 * only: nothing here is about a particular patient, so it may be emailed. Client-safe (no imports).
 */
/** One stretch of the first 10 days: what to do and what to avoid (docs/clinical-reference.md 2.3). */
export type AftercareStage = {
  key: string
  /** Days after the treatment day (day 0), inclusive. */
  fromDay: number
  toDay: number
  title: string
  expect: string
  do: readonly string[]
  avoid: readonly string[]
}

/**
 * Day by day for the first 10 days. Values from the sources in 2.3: lukewarm water for 24 hours
 * then a gentle cleanser; soothing cream for 7 to 10 days; no make-up or sunscreen for 24 hours,
 * then SPF 30 or more daily for 2 weeks; little sun for 3 days; no exercise, heat or swimming for
 * 72 hours; no actives on days 1 to 6, back to usual care about day 7; never pick flakes.
 */
export const AFTERCARE_PLAN: readonly AftercareStage[] = [
  {
    key: 'day-0',
    fromDay: 0,
    toDay: 0,
    title: 'The day of your treatment',
    expect: 'Your skin is red, warm and tight, like a mild sunburn.',
    do: [
      'Wash only with lukewarm water. Pat your skin dry with a clean towel.',
      'Put on the soothing cream we gave you, or the one we told you to use.',
    ],
    avoid: [
      'No make-up and no sunscreen for the first 24 hours.',
      'No sport, sauna, steam or swimming.',
      'Keep out of the sun.',
    ],
  },
  {
    key: 'days-1-3',
    fromDay: 1,
    toDay: 3,
    title: 'Days 1 to 3',
    expect: 'The redness and swelling go down. Your skin may feel tight and dry.',
    do: [
      'Wash with a gentle cleanser and lukewarm water.',
      'Use the soothing cream every day.',
      'Wear sunscreen SPF 30 or higher every day, even when it is cloudy.',
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
    title: 'Days 4 to 6',
    expect: 'Your skin may flake or peel. Small crusts may form. This is part of healing.',
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
    title: 'Days 7 to 10',
    expect: 'Most skin has healed by now, or will in the next few days.',
    do: [
      'Once your skin has stopped peeling, go back slowly to your usual skin care.',
      'Use the soothing cream until day 10.',
      'Keep wearing sunscreen every day until 2 weeks have passed.',
    ],
    avoid: ['Do not spend long hours in strong sun.'],
  },
]

export const CALL_THE_CLINIC_IF = [
  'The redness, warmth, swelling or pain gets worse after the first 2 days, or you see pus.',
  'You have much more redness, bruising, swelling or bleeding than we said to expect.',
  'You get a cold sore.',
  'Redness, swelling or peeling lasts more than about 7 days.',
  'New itchy red bumps or patches appear days or weeks later.',
  'Tender lumps appear weeks later, or a patch of skin gets darker.',
] as const

/** What the day 1, 3 and 7 messages say (no health details about the patient: general advice). */
export const AFTERCARE_MESSAGES: Record<1 | 3 | 7, { subject: string; lines: string[] }> = {
  1: {
    subject: 'Your skin after the treatment: day 1',
    lines: [
      'Red, warm and tight skin is normal today, a bit like a mild sunburn.',
      'Wash with lukewarm water only, use the soothing cream, and skip make-up and sunscreen until tomorrow.',
    ],
  },
  3: {
    subject: 'Your skin after the treatment: day 3',
    lines: [
      'The redness should be fading now. Dry, flaky skin and small crusts are normal.',
      'Do not pick them. Keep using the soothing cream and wear sunscreen every day.',
    ],
  },
  7: {
    subject: 'Your skin after the treatment: day 7',
    lines: [
      'Most skin has healed by now, or will in the next few days.',
      'You can slowly go back to your usual skin care. Keep wearing sunscreen for another week.',
    ],
  },
}

/** Every sentence a patient reads on the aftercare page, for the reading-grade test. */
export function aftercareText(): string {
  return [
    ...AFTERCARE_PLAN.flatMap((stage) => [stage.title, stage.expect, ...stage.do, ...stage.avoid]),
    ...CALL_THE_CLINIC_IF,
  ].join('\n')
}
