import { eq } from 'drizzle-orm'
import { issueEmailCode } from '#app/domain/patient/email-verification.server.ts'
import {
  codeProvenEmail,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'
import { draftScreeningState } from '#app/domain/screening/screening.server.ts'
import { getDb } from '#db/client.server.ts'
import { bookingDrafts } from '#db/schema/index.ts'
import { type PatientDetails } from '../booking.schema.ts'
import { type BookingActor } from '../booking-state.server.ts'
import { type TooManyBookings } from '../upcoming-bookings.server.ts'
import { getDraftRow } from './draft.server.ts'
import { finalizeIfReady } from './finalize.server.ts'

export type DetailsResult =
  | { ok: true; next: 'verify' | 'consent' | 'confirmation' | 'time' }
  | { ok: false; reason: 'no-draft' | 'birth-date-differs' }
  | { ok: false; reason: 'too-many-codes'; retryAfterSeconds: number }
  | { ok: false; reason: 'too-close' | 'screening-wait'; earliestStartAt: number }
  | TooManyBookings

/**
 * Saves the details step and sends a code to prove the email. A session that has already proved
 * this address skips the code, and is booked at once when nothing else is missing. A code over
 * its limits saves nothing.
 */
export function saveDraftDetails(input: {
  session: PatientSession
  details: PatientDetails
  now: Date
  actor: BookingActor
}): DetailsResult {
  const provenEmail = codeProvenEmail(input.session)
  return getDb().transaction(
    (tx): DetailsResult => {
      const draft = getDraftRow(tx, input.session.tokenHash)
      if (!draft) return { ok: false, reason: 'no-draft' }
      // The screening's age rules used the date of birth given there: the two must agree.
      const screened = draft.screeningSubmissionId
        ? draftScreeningState(tx, {
            serviceKind: 'treatment',
            submissionId: draft.screeningSubmissionId,
          }).submission
        : null
      if (screened && screened.dateOfBirth !== input.details.dateOfBirth)
        return { ok: false, reason: 'birth-date-differs' }
      const needsCode = provenEmail !== input.details.email
      if (needsCode) {
        const issued = issueEmailCode(tx, {
          sessionTokenHash: input.session.tokenHash,
          email: input.details.email,
          purpose: 'booking',
          send: true,
          now: input.now,
          client: input.actor,
          locale: draft.locale,
        })
        if (!issued.ok) return issued
      }
      tx.update(bookingDrafts)
        .set({ ...input.details, updatedAt: input.now })
        .where(eq(bookingDrafts.id, draft.id))
        .run()
      if (needsCode) return { ok: true, next: 'verify' }
      const outcome = finalizeIfReady(tx, {
        draft: getDraftRow(tx, input.session.tokenHash)!,
        verifiedEmail: provenEmail,
        now: input.now,
        actor: input.actor,
      })
      // Proved before but not booked: the consent is what is missing.
      if (outcome === null) return { ok: true, next: 'consent' }
      if (outcome.ok) return { ok: true, next: 'confirmation' }
      if (
        outcome.reason === 'too-close' ||
        outcome.reason === 'screening-wait' ||
        outcome.reason === 'too-many-bookings'
      )
        return outcome
      // The held time was lost meanwhile: back to choosing one.
      return { ok: true, next: 'time' }
    },
    { behavior: 'immediate' },
  )
}
