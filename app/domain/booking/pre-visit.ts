/**
 * What to do before a needling visit, in plain words (docs/clinical-reference.md 1.2 and 2.3).
 * Shown on the confirmation page and in the reminder. General advice only: nothing here is about
 * a particular patient, so it may go in an email.
 */
export const PRE_VISIT_INSTRUCTIONS = [
  'For 5 days before, stop retinol, retinoids, acids (AHA, BHA) and scrubs on the area.',
  'Keep the area out of strong sun. Do not come with sunburn or fresh fake tan.',
  'If you get a cold sore or any spot that looks infected, call us: we will move your visit.',
  'Unless a doctor prescribed them, avoid aspirin, ibuprofen and fish oil for 3 days before, and alcohol the day before. They make bleeding and bruising more likely.',
  'Come with clean skin and no make-up on the area. Allow about an hour for the visit.',
] as const

/** Consultations need no preparation beyond this. */
export const CONSULTATION_INSTRUCTIONS = [
  'Bring a list of any medicines and skin products you use.',
  'Come with clean skin if you would like us to look at an area closely.',
] as const
