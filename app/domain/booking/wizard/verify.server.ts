import { eq } from 'drizzle-orm'
import { findNearestFreeSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import {
  describeCodeProblem,
  otherAddressCodeMessage,
} from '#app/domain/patient/email-verification.rules.ts'
import { issueEmailCode, verifyEmailCode } from '#app/domain/patient/email-verification.server.ts'
import {
  codeProvenEmail,
  hashPatientToken,
  type PatientSession,
  proveSessionEmail,
} from '#app/domain/patient/patient-sessions.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { getDb } from '#db/client.server.ts'
import { bookings } from '#db/schema/index.ts'
import { type BookingActor } from '../booking-state.server.ts'
import { type TooManyBookings, upcomingBookingsRefusal } from '../upcoming-bookings.server.ts'
import { getDraftRow } from './draft.server.ts'
import { finalizeIfReady } from './finalize.server.ts'

/** Sends a fresh code to the email on the draft. */
export function resendBookingCode(input: {
  session: PatientSession
  now: Date
  actor: BookingActor
}):
  | { ok: true }
  | { ok: false; reason: 'no-draft' }
  | { ok: false; reason: 'too-many-codes'; retryAfterSeconds: number } {
  return getDb().transaction(
    (tx) => {
      const draft = getDraftRow(tx, input.session.tokenHash)
      if (!draft?.email) return { ok: false as const, reason: 'no-draft' as const }
      const issued = issueEmailCode(tx, {
        sessionTokenHash: input.session.tokenHash,
        email: draft.email,
        purpose: 'booking',
        send: true,
        now: input.now,
        client: input.actor,
        locale: draft.locale,
      })
      return issued.ok ? { ok: true as const } : issued
    },
    { behavior: 'immediate' },
  )
}

/** The booking tried after the code: a lost time comes with the nearest free ones. */
type FinalizeResult =
  | { ok: true; reference: string }
  | { ok: false; reason: 'no-draft' | 'not-verified' | 'no-hold' | 'screening-needed' }
  | { ok: false; reason: 'slot-taken'; nearest: Slot[] }
  | { ok: false; reason: 'too-close' | 'screening-wait'; earliestStartAt: number }
  | TooManyBookings

export type VerifyStepOutcome =
  | { ok: false; reason: 'code'; message: string; retryAfterSeconds?: number }
  | FinalizeResult
  | { ok: true; reference: null }

export type VerifyStepResult = VerifyStepOutcome & {
  /** The session's new token once the code proved the address (for the cookie). */
  sessionToken: string | null
}

/**
 * Checks the emailed code. When this is the last step before booking, the booking is made in the
 * same transaction, so a correct code never leaves a verified-but-unbooked draft behind. Proving
 * the address replaces the session's token.
 */
export function verifyBookingEmail(input: {
  session: PatientSession
  code: string
  now: Date
  actor: BookingActor
  /** The language of the message about a wrong code. */
  locale?: Locale
}): VerifyStepResult {
  const db = getDb()
  let nearestFor: { serviceId: string; around: number } | null = null
  let sessionToken: string | null = null
  const result = db.transaction(
    (tx): VerifyStepOutcome => {
      const draft = getDraftRow(tx, input.session.tokenHash)
      if (!draft?.email) return { ok: false, reason: 'no-draft' }
      if (draft.completedBookingId) {
        const done = tx
          .select({ reference: bookings.reference })
          .from(bookings)
          .where(eq(bookings.id, draft.completedBookingId))
          .get()
        return { ok: true, reference: done?.reference ?? null }
      }
      if (codeProvenEmail(input.session) !== draft.email) {
        const check = verifyEmailCode(tx, {
          sessionTokenHash: input.session.tokenHash,
          purpose: 'booking',
          code: input.code,
          now: input.now,
          client: input.actor,
        })
        if (!check.ok)
          return {
            ok: false,
            reason: 'code',
            message: describeCodeProblem(check, input.locale),
            retryAfterSeconds: check.reason === 'limited' ? check.retryAfterSeconds : undefined,
          }
        if (check.email !== draft.email)
          return {
            ok: false,
            reason: 'code',
            message: otherAddressCodeMessage(input.locale),
          }
        sessionToken = proveSessionEmail(
          tx,
          input.session,
          { email: draft.email, provenBy: 'email_code' },
          input.now,
        ).token
      }
      // Say so now, not after the consent is read and signed.
      const tooMany = upcomingBookingsRefusal(tx, {
        email: draft.email,
        now: input.now,
        actor: input.actor,
      })
      if (tooMany) return tooMany
      const outcome = finalizeIfReady(tx, {
        draft: getDraftRow(
          tx,
          sessionToken ? hashPatientToken(sessionToken) : input.session.tokenHash,
        )!,
        verifiedEmail: draft.email,
        now: input.now,
        actor: input.actor,
      })
      if (outcome === null) return { ok: true, reference: null }
      if (!outcome.ok && outcome.reason === 'slot-taken') nearestFor = outcome.nearestFor
      return outcome.ok
        ? outcome
        : outcome.reason === 'slot-taken'
          ? { ok: false, reason: 'slot-taken', nearest: [] }
          : outcome
    },
    { behavior: 'immediate' },
  )
  if (!result.ok && result.reason === 'slot-taken' && nearestFor) {
    const { serviceId, around } = nearestFor
    result.nearest = findNearestFreeSlots({
      serviceId,
      practitionerId: 'any',
      around,
      now: input.now,
      count: 3,
    })
  }
  return { ...result, sessionToken }
}
