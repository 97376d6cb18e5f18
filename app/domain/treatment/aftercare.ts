/**
 * Aftercare in plain words (clinical-reference.md 2.2–2.4). Shown on the patient's booking page
 * after a treatment and summarised in the day 1, 3 and 7 messages. General advice only: nothing
 * here is about a particular patient, so it may be emailed.
 */
export const AFTERCARE_DUTIES = [
  'For the first day, wash only with lukewarm water. After that, use a gentle cleanser.',
  'Use the soothing cream we gave you, or the one we advised, every day for 7 to 10 days.',
  'No make-up or sunscreen for the first 24 hours. After that, wear sunscreen SPF 30 or higher every day for 2 weeks.',
  'Keep out of strong sun for at least 3 days.',
  'No sport, sauna, steam or swimming for 3 days.',
  'Do not use retinol, acids, vitamin C serums or scrubs for 7 days.',
  'Do not pick or rub off flakes or small crusts. Let them fall off on their own.',
] as const

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
