/**
 * Booking as other areas may use it (docs/decisions/029-booking-modules.md): consent and
 * screening import from booking only through this module (lint checks it), so everything else in
 * the folder, the wizard's steps above all, can change without them.
 */
export { type BookingStatus } from './booking.schema.ts'
export {
  loadBookingEmailContext,
  screeningApprovedEmail,
  screeningDeclinedEmail,
  screeningQuestionEmail,
} from './booking-emails.server.ts'
export { type BookingActor, type BookingRow, changeBookingStatus } from './booking-state.server.ts'
export { loadOwnedBooking, ownedBookingCondition } from './owned-booking.server.ts'
export { findOrCreatePatient, findPatient } from './patients.server.ts'
export { getWizardDraft, type WizardDraft } from './wizard/draft.server.ts'
export { bookDraftIfReady } from './wizard/finalize.server.ts'
