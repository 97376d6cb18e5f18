/**
 * Stranded bookings (a change would leave booked patients without a practitioner or a time): the
 * admin's re-post that says which ones they were shown and whether to keep or cancel them.
 * Client-safe; admin.schema.ts builds the form fields from these names.
 */

export const STRANDED_CHOICES = ['keep', 'cancel'] as const
export type StrandedChoice = (typeof STRANDED_CHOICES)[number]

/** Field names of the confirmation form; a page echoes every other posted field back unchanged. */
export const RESOLUTION_FIELDS = [
  'strandedChoice',
  'acknowledgedBookingIds',
  'cancelReason',
] as const

/**
 * The admin's answer about stranded bookings: which ones they were shown, and keep or cancel.
 * `choice` is null on the first post (nobody has been asked yet) or when they did not choose.
 */
export type ResolutionValues = {
  strandedChoice?: StrandedChoice
  acknowledgedBookingIds: string[]
  cancelReason: string
}

export type StrandedAnswer = {
  choice: StrandedChoice | null
  bookingIds: string[]
  reason: string | null
}

export function strandedAnswerOf(data: ResolutionValues): StrandedAnswer {
  return {
    choice: data.strandedChoice ?? null,
    bookingIds: data.acknowledgedBookingIds,
    reason: data.cancelReason || null,
  }
}

/** True when the admin sent the confirmation form without choosing keep or cancel. */
export function isMissingChoice(answer: StrandedAnswer): boolean {
  return answer.choice === null && answer.bookingIds.length > 0
}
