import { and, eq } from 'drizzle-orm'
import { checkSlot } from '#app/domain/availability/availability.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { consentCoversSession } from '#app/domain/consent/consent-status.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import {
  auditScreening,
  draftScreeningState,
  isScreeningDone,
  linkSubmissionToBooking,
  waitUntilInstant,
} from '#app/domain/screening/screening.server.ts'
import { type Tx } from '#db/client.server.ts'
import { bookingDrafts, bookings, services } from '#db/schema/index.ts'
import { bookingConfirmedEmail, loadBookingEmailContext } from '../booking-emails.server.ts'
import { isLiveHold } from '../booking.rules.ts'
import {
  type BookingActor,
  changeBookingStatus,
  expireLapsedHolds,
} from '../booking-state.server.ts'
import { findOrCreatePatient, findPatient, needlingConflict } from '../patients.server.ts'
import { type TooManyBookings, upcomingBookingsRefusal } from '../upcoming-bookings.server.ts'
import { type DraftRow, getBookingRow, getDraftRow, getServiceRow } from './draft.server.ts'
import { readyToBook, type WizardProgress } from './steps.ts'

/**
 * The wizard's last step, which is no page of its own: the hold becomes a booking once every step
 * before the confirmation is done. Each step's action asks for it in its own transaction.
 */

/** A lost time says where to look for others: the search runs after the commit. */
export type FinalizeOutcome =
  | { ok: true; reference: string }
  | { ok: false; reason: 'no-draft' | 'not-verified' | 'no-hold' | 'screening-needed' }
  | { ok: false; reason: 'slot-taken'; nearestFor: { serviceId: string; around: number } }
  | { ok: false; reason: 'too-close' | 'screening-wait'; earliestStartAt: number }
  | TooManyBookings

/**
 * Books the draft when every step before the confirmation is done (the wizard's steps decide,
 * see steps.ts); returns null when something is still missing. Each step's action calls it, so
 * a patient who had to pick a new time after proving their email is booked on picking it.
 */
export function finalizeIfReady(
  tx: Tx,
  input: { draft: DraftRow; verifiedEmail: string | null; now: Date; actor: BookingActor },
): FinalizeOutcome | null {
  const { draft } = input
  const emailVerified = Boolean(draft.email) && input.verifiedEmail === draft.email
  // Runs at the end of every hold: the service is read once for the consent and screening parts.
  const service = getServiceRow(tx, draft.serviceId)
  const consent = draftConsentProgress(tx, draft, service, emailVerified)
  const screening = draftScreeningState(tx, {
    serviceKind: service?.kind ?? 'treatment',
    submissionId: draft.screeningSubmissionId,
  })
  const progress: WizardProgress = {
    hasService: true,
    needsScreening: screening.needed,
    screeningDone: isScreeningDone(screening),
    hasHold: Boolean(draft.heldBookingId),
    hasDetails: Boolean(draft.email && draft.fullName && draft.phone && draft.dateOfBirth),
    emailVerified,
    ...consent,
    isBooked: Boolean(draft.completedBookingId),
  }
  if (progress.isBooked || !readyToBook(progress) || !input.verifiedEmail) return null
  return finalizeDraft(tx, { ...input, verifiedEmail: input.verifiedEmail })
}

/**
 * For another area's step that may be the wizard's last (signing the consent): books this
 * session's draft in the caller's transaction when nothing else is missing, else null.
 */
export function bookDraftIfReady(
  tx: Tx,
  input: { sessionTokenHash: string; verifiedEmail: string | null; now: Date; actor: BookingActor },
): FinalizeOutcome | null {
  const draft = getDraftRow(tx, input.sessionTokenHash)
  if (!draft) return null
  return finalizeIfReady(tx, {
    draft,
    verifiedEmail: input.verifiedEmail,
    now: input.now,
    actor: input.actor,
  })
}

/** The consent part of a draft's progress, read in the caller's transaction. */
function draftConsentProgress(
  tx: Tx,
  draft: DraftRow,
  service: { kind: string; tier: 'medical' | 'cosmetic' } | undefined,
  emailVerified: boolean,
): { needsConsent: boolean; hasConsent: boolean } {
  const needsConsent = service?.kind === 'treatment'
  if (!needsConsent || !service || !emailVerified || !draft.email || !draft.dateOfBirth)
    return { needsConsent, hasConsent: false }
  const held = draft.heldBookingId ? getBookingRow(tx, draft.heldBookingId) : undefined
  const patient = findPatient(tx, draft.email, draft.dateOfBirth)
  if (!held || !patient) return { needsConsent, hasConsent: false }
  return {
    needsConsent,
    hasConsent: consentCoversSession(tx, {
      patientId: patient.id,
      tier: service.tier,
      startAt: held.startAt.getTime(),
    }),
  }
}

/**
 * Turns the draft's hold into a booking: the hold must still be live, or its time still free
 * (then the lapsed hold is revived). Creates or updates the patient, applies the minimum gap
 * between needling sessions, and queues the confirmation email, all in the caller's transaction.
 */
function finalizeDraft(
  tx: Tx,
  input: { draft: DraftRow; verifiedEmail: string; now: Date; actor: BookingActor },
): FinalizeOutcome {
  const { draft, now } = input
  if (!draft.email || !draft.fullName || !draft.phone || !draft.dateOfBirth)
    return { ok: false, reason: 'no-draft' }
  if (input.verifiedEmail !== draft.email) return { ok: false, reason: 'not-verified' }
  const booking = draft.heldBookingId
    ? tx.select().from(bookings).where(eq(bookings.id, draft.heldBookingId)).get()
    : undefined
  if (!booking || (booking.status !== 'held' && booking.status !== 'expired'))
    return { ok: false, reason: 'no-hold' }
  const settings = getClinicSettings()
  const service = tx.select().from(services).where(eq(services.id, booking.serviceId)).get()
  if (!service) return { ok: false, reason: 'no-draft' }

  const live = isLiveHold(
    { status: booking.status, holdExpiresAt: booking.holdExpiresAt?.getTime() ?? null },
    now.getTime(),
  )
  if (!live) {
    // The hold lapsed: the booking can still go ahead if nobody took the time meanwhile.
    expireLapsedHolds(tx, {
      practitionerId: booking.practitionerId,
      from: booking.startAt,
      to: booking.blockedUntil,
      now,
    })
    const check = checkSlot(
      {
        serviceId: booking.serviceId,
        practitionerId: booking.practitionerId,
        startAt: booking.startAt.getTime(),
        now,
        ignoreBookingId: booking.id,
      },
      tx,
    )
    if (!check.ok)
      return {
        ok: false,
        reason: 'slot-taken',
        nearestFor: { serviceId: booking.serviceId, around: booking.startAt.getTime() },
      }
  }

  const screening = draftScreeningState(tx, {
    serviceKind: service.kind,
    submissionId: draft.screeningSubmissionId,
  })
  if (!isScreeningDone(screening)) return { ok: false, reason: 'screening-needed' }
  const screeningWaitAt = waitUntilInstant(
    screening.submission?.waitUntil ?? null,
    settings.timeZone,
  )
  if (screeningWaitAt !== null && booking.startAt.getTime() < screeningWaitAt)
    return { ok: false, reason: 'screening-wait', earliestStartAt: screeningWaitAt }

  const tooMany = upcomingBookingsRefusal(tx, { email: draft.email, now, actor: input.actor })
  if (tooMany) return tooMany

  const patient = findOrCreatePatient(
    tx,
    {
      fullName: draft.fullName,
      email: draft.email,
      phone: draft.phone,
      dateOfBirth: draft.dateOfBirth,
    },
    now,
  )
  if (service.kind === 'treatment') {
    const conflict = needlingConflict(tx, {
      patientId: patient.id,
      startAt: booking.startAt.getTime(),
      minDays: settings.minDaysBetweenNeedling,
      excludeBookingId: booking.id,
    })
    if (conflict)
      return { ok: false, reason: 'too-close', earliestStartAt: conflict.earliestStartAt }
  }
  const fresh = tx.select().from(bookings).where(eq(bookings.id, booking.id)).get()!
  const courseSessionNumber = countEarlierCourseSessions(tx, patient.id, service.id, booking.id) + 1
  // The booking keeps the draft's language: every email about it speaks it (ADR 038).
  tx.update(bookings)
    .set({ courseSessionNumber, locale: draft.locale })
    .where(eq(bookings.id, booking.id))
    .run()
  // Any rule asking for a clinician: the time is kept, and the booking waits for their decision.
  const needsReview = screening.submission?.outcome === 'review'
  const changed = changeBookingStatus(tx, {
    booking: fresh,
    to: needsReview ? 'pending_review' : 'confirmed',
    actor: { ...input.actor, type: 'patient', id: patient.id },
    action: 'booked',
    at: now,
    set: { patientId: patient.id, holdExpiresAt: null, confirmedAt: needsReview ? null : now },
  })
  if (!changed) return { ok: false, reason: 'no-hold' }
  if (screening.submission) {
    linkSubmissionToBooking(tx, {
      submissionId: screening.submission.id,
      patientId: patient.id,
      bookingId: booking.id,
    })
    auditScreening(tx, {
      action: 'screening.linked',
      actor: {
        type: 'patient',
        id: patient.id,
        ipAddress: input.actor.ipAddress,
        requestId: input.actor.requestId,
      },
      subjectType: 'screening_submission',
      subjectId: screening.submission.id,
      patientId: patient.id,
      details: { bookingId: booking.id, outcome: screening.submission.outcome },
      at: now,
    })
  }
  tx.update(bookingDrafts)
    .set({ completedBookingId: booking.id, heldBookingId: null, updatedAt: now })
    .where(eq(bookingDrafts.id, draft.id))
    .run()
  enqueueEmail(tx, bookingConfirmedEmail(loadBookingEmailContext(tx, booking.id, now)), now)
  return { ok: true, reference: booking.reference }
}

export function countEarlierCourseSessions(
  tx: Tx,
  patientId: string,
  serviceId: string,
  bookingId: string,
): number {
  return tx
    .select({ id: bookings.id, status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.patientId, patientId), eq(bookings.serviceId, serviceId)))
    .all()
    .filter(
      (row) =>
        row.id !== bookingId && ['pending_review', 'confirmed', 'completed'].includes(row.status),
    ).length
}
