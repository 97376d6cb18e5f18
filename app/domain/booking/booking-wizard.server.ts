import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { checkSlot, findNearestFreeSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { consentStatusForSession } from '#app/domain/consent/consent-status.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { issueEmailCode, verifyEmailCode } from '#app/domain/patient/email-verification.server.ts'
import { describeCodeProblem } from '#app/domain/patient/email-verification.rules.ts'
import {
  auditScreening,
  draftScreeningState,
  isScreeningDone,
  linkSubmissionToBooking,
  waitUntilInstant,
} from '#app/domain/screening/screening.server.ts'
import {
  codeProvenEmail,
  hashPatientToken,
  type PatientSession,
  proveSessionEmail,
} from '#app/domain/patient/patient-sessions.server.ts'
import { recordLimitRefusal } from '#app/domain/limits/limits.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { newId } from '#db/schema/columns.ts'
import { bookingDrafts, bookings, practitioners, services } from '#db/schema/index.ts'
import { bookingConfirmedEmail, loadBookingEmailContext } from './booking-emails.server.ts'
import { type PatientDetails } from './booking.schema.ts'
import { isLiveHold, makeBookingReference } from './booking.rules.ts'
import {
  type BookingActor,
  changeBookingStatus,
  expireLapsedHolds,
  isDoubleBookingError,
  recordBookingEvent,
} from './booking-state.server.ts'
import {
  earliestNeedlingStartFor,
  findOrCreatePatient,
  findPatient,
  needlingConflict,
} from './patients.server.ts'
import { permitHold, recordHoldPermit } from './hold-limits.server.ts'
import { type TooManyBookings, upcomingBookingsRefusal } from './upcoming-bookings.server.ts'
import { firstIncompleteStep, readyToBook, type WizardProgress } from './wizard-steps.ts'

/**
 * The patient booking wizard: a draft per patient session holds the chosen treatment, the held
 * slot and the details typed so far, until the last step turns the hold into a booking.
 * Every write that occupies time runs in a synchronous BEGIN IMMEDIATE transaction, and the
 * database's overlap triggers refuse a double booking whatever happens above them.
 */

export type DraftRow = typeof bookingDrafts.$inferSelect

const draftQuery = preparedStatement((db) =>
  db
    .select()
    .from(bookingDrafts)
    .where(eq(bookingDrafts.sessionTokenHash, sql.placeholder('sessionTokenHash')))
    .prepare(),
)

export function getDraftRow(
  db: Tx | ReturnType<typeof getDb>,
  sessionTokenHash: string,
): DraftRow | undefined {
  return draftQuery(db).get({ sessionTokenHash })
}

// The draft view's reads, on every wizard page.
const draftServiceQuery = preparedStatement((db) =>
  db
    .select({
      id: services.id,
      name: services.name,
      kind: services.kind,
      tier: services.tier,
      durationMinutes: services.durationMinutes,
      priceCents: services.priceCents,
    })
    .from(services)
    .where(eq(services.id, sql.placeholder('id')))
    .prepare(),
)
const heldBookingQuery = preparedStatement((db) =>
  db
    .select({ booking: bookings, practitionerName: practitioners.displayName })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(eq(bookings.id, sql.placeholder('id')))
    .prepare(),
)
const bookingReferenceQuery = preparedStatement((db) =>
  db
    .select({ reference: bookings.reference })
    .from(bookings)
    .where(eq(bookings.id, sql.placeholder('id')))
    .prepare(),
)

// newReference, releaseHold and holdSlot run on every hold: their statements are prepared once
// per connection, as building them with drizzle and having SQLite compile them cost more than
// running them (docs/decisions/025-request-cost.md). A placeholder in a condition, or inside sql``
// in a set, is bound as given (instants as milliseconds); one in an inserted value goes through
// the column's mapping (instants as Dates).
const referenceTakenQuery = preparedStatement((db) =>
  db
    .select({ id: bookings.id })
    .from(bookings)
    .where(eq(bookings.reference, sql.placeholder('reference')))
    .prepare(),
)

function newReference(tx: Tx): string {
  for (;;) {
    const reference = makeBookingReference(randomBytes(6))
    const taken = referenceTakenQuery(tx).get({ reference })
    if (!taken) return reference
  }
}

/** Starts (or restarts) the wizard with a treatment; a previous hold of this session is let go. */
export function startBookingDraft(input: {
  session: PatientSession
  serviceId: string
  now: Date
}): { ok: true; next: string } | { ok: false; reason: 'unknown-service' } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const service = tx
        .select({ id: services.id, kind: services.kind })
        .from(services)
        .where(and(eq(services.id, input.serviceId), eq(services.isActive, true)))
        .get()
      if (!service) return { ok: false as const, reason: 'unknown-service' as const }
      const existing = getDraftRow(tx, input.session.tokenHash)
      if (existing) {
        releaseHold(tx, existing, input.now)
        tx.delete(bookingDrafts).where(eq(bookingDrafts.id, existing.id)).run()
      }
      tx.insert(bookingDrafts)
        .values({
          sessionTokenHash: input.session.tokenHash,
          serviceId: service.id,
          createdAt: input.now,
        })
        .run()
      const needsScreening = service.kind === 'treatment'
      const next = firstIncompleteStep({
        hasService: true,
        needsScreening,
        screeningDone: !needsScreening,
        hasHold: false,
        hasDetails: false,
        emailVerified: false,
        needsConsent: service.kind === 'treatment',
        hasConsent: false,
        isBooked: false,
      })
      return { ok: true as const, next: next.path }
    },
    { behavior: 'immediate' },
  )
}

// Also holdSlot's read of the draft's current hold.
const bookingByIdQuery = preparedStatement((db) =>
  db
    .select()
    .from(bookings)
    .where(eq(bookings.id, sql.placeholder('id')))
    .prepare(),
)

/** Lets go of the draft's hold (the patient chose another time, or may no longer book it). */
export function releaseHold(tx: Tx, draft: DraftRow, now: Date): void {
  if (!draft.heldBookingId) return
  const held = bookingByIdQuery(tx).get({ id: draft.heldBookingId })
  if (held?.status === 'held') {
    changeBookingStatus(tx, {
      booking: held,
      to: 'expired',
      actor: { type: 'patient' },
      action: 'hold_released',
      at: now,
    })
  }
}

export type DraftView = {
  service: {
    id: string
    name: string
    kind: string
    tier: string
    durationMinutes: number
    priceCents: number | null
  }
  hold: {
    bookingId: string
    reference: string
    practitionerId: string
    practitionerName: string
    startAt: number
    endAt: number
    expiresAt: number | null
    live: boolean
  } | null
  details: PatientDetails | null
  completedBooking: { reference: string } | null
  timeZone: string
  progress: WizardProgress
  /**
   * The first instant this patient may be booked: the later of the gap after their last needling
   * session (once they are known) and the screening's waiting windows.
   */
  earliestStartAt: number | null
  /** The screening's answers as far as the booking pages need them (never the answers). */
  screening: {
    outcome: string
    /** Start of the first day the waiting windows allow, or null. */
    waitUntilAt: number | null
    dateOfBirth: string
  } | null
}

/** Everything the wizard pages show about this session's draft, or null when there is none. */
export function getDraftView(session: PatientSession | null, now = new Date()): DraftView | null {
  if (!session) return null
  const db = getDb()
  const draft = getDraftRow(db, session.tokenHash)
  if (!draft) return null
  const service = draftServiceQuery(db).get({ id: draft.serviceId })
  if (!service) return null
  const held = draft.heldBookingId
    ? heldBookingQuery(db).get({ id: draft.heldBookingId })
    : undefined
  const completed = draft.completedBookingId
    ? bookingReferenceQuery(db).get({ id: draft.completedBookingId })
    : undefined
  const details =
    draft.fullName && draft.email && draft.phone && draft.dateOfBirth
      ? {
          fullName: draft.fullName,
          email: draft.email,
          phone: draft.phone,
          dateOfBirth: draft.dateOfBirth,
        }
      : null
  const settings = getClinicSettings()
  const heldStatus = held?.booking.status
  const holdUsable = heldStatus === 'held' || heldStatus === 'expired'
  const patient =
    details && codeProvenEmail(session) === details.email
      ? findPatient(db, details.email, details.dateOfBirth)
      : undefined
  const needsConsent = service.kind === 'treatment'
  // Only for a proved address: whether someone has signed a consent is nobody else's business.
  const hasConsent =
    needsConsent && Boolean(patient && held && holdUsable)
      ? consentCovers(db, {
          patientId: patient!.id,
          tier: service.tier,
          startAt: held!.booking.startAt.getTime(),
        })
      : false
  const screening = draftScreeningState(db, {
    serviceKind: service.kind,
    submissionId: draft.screeningSubmissionId,
  })
  const screeningWaitAt = waitUntilInstant(
    screening.submission?.waitUntil ?? null,
    settings.timeZone,
  )
  const needlingEarliest =
    patient && service.kind === 'treatment'
      ? earliestNeedlingStartFor(db, {
          patientId: patient.id,
          minDays: settings.minDaysBetweenNeedling,
          excludeBookingId: draft.heldBookingId,
        })
      : null
  return {
    service,
    hold:
      held && holdUsable
        ? {
            bookingId: held.booking.id,
            reference: held.booking.reference,
            practitionerId: held.booking.practitionerId,
            practitionerName: held.practitionerName,
            startAt: held.booking.startAt.getTime(),
            endAt: held.booking.endAt.getTime(),
            expiresAt: held.booking.holdExpiresAt?.getTime() ?? null,
            live: isLiveHold(
              {
                status: held.booking.status,
                holdExpiresAt: held.booking.holdExpiresAt?.getTime() ?? null,
              },
              now.getTime(),
            ),
          }
        : null,
    details,
    completedBooking: completed ?? null,
    timeZone: settings.timeZone,
    progress: {
      hasService: true,
      needsScreening: screening.needed,
      screeningDone: isScreeningDone(screening),
      hasHold: Boolean(held && holdUsable),
      hasDetails: details !== null,
      emailVerified: details !== null && codeProvenEmail(session) === details.email,
      needsConsent,
      hasConsent,
      isBooked: Boolean(completed),
    },
    earliestStartAt: latest(needlingEarliest, screeningWaitAt),
    screening: screening.submission
      ? {
          outcome: screening.submission.outcome,
          waitUntilAt: screeningWaitAt,
          dateOfBirth: screening.submission.dateOfBirth,
        }
      : null,
  }
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.max(a, b)
}

export type HoldResult =
  | { ok: true; reference: string; booked: boolean }
  | { ok: false; reason: 'too-close' | 'screening-wait'; earliestStartAt: number }
  | { ok: false; reason: 'no-draft' | 'already-booked' | 'screening-needed' }
  | {
      ok: false
      reason: 'not-offered' | 'too-soon' | 'too-far' | 'not-qualified' | 'unknown-service'
    }
  | { ok: false; reason: 'taken'; nearest: Slot[] }
  | { ok: false; reason: 'limited'; limit: string; retryAfterSeconds: number }
  | TooManyBookings

// holdSlot's own statements (see newReference above). The service, read whole, serves
// finalizeIfReady too.
const serviceByIdQuery = preparedStatement((db) =>
  db
    .select()
    .from(services)
    .where(eq(services.id, sql.placeholder('id')))
    .prepare(),
)
// The columns' defaults would be computed once, when the statement is built: the id and
// updatedAt are given on every insert instead (a fresh id, the clock's time, as the defaults do).
const insertHoldQuery = preparedStatement((db) =>
  db
    .insert(bookings)
    .values({
      id: sql.placeholder('id'),
      reference: sql.placeholder('reference'),
      serviceId: sql.placeholder('serviceId'),
      practitionerId: sql.placeholder('practitionerId'),
      status: 'held',
      startAt: sql.placeholder('startAt'),
      endAt: sql.placeholder('endAt'),
      blockedUntil: sql.placeholder('blockedUntil'),
      timeZone: sql.placeholder('timeZone'),
      holdExpiresAt: sql.placeholder('holdExpiresAt'),
      createdAt: sql.placeholder('createdAt'),
      updatedAt: sql.placeholder('updatedAt'),
    })
    .returning()
    .prepare(),
)
const setDraftHoldQuery = preparedStatement((db) =>
  db
    .update(bookingDrafts)
    .set({
      heldBookingId: sql`${sql.placeholder('heldBookingId')}`,
      holdClientKey: sql`${sql.placeholder('holdClientKey')}`,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
    })
    .where(eq(bookingDrafts.id, sql.placeholder('id')))
    .prepare(),
)

/** Holds a slot for this draft for the clinic's hold minutes (a live hold blocks everyone else). */
export function holdSlot(input: {
  session: PatientSession
  practitionerId: string
  startAt: number
  now: Date
  actor: BookingActor
}): HoldResult {
  const db = getDb()
  const settings = getClinicSettings()
  const view = getDraftView(input.session, input.now)
  // Not answered, or "not eligible": no time may be held (the wizard's guard says the same).
  if (view && !view.progress.screeningDone) return { ok: false, reason: 'screening-needed' }
  const earliestStartAt = view?.earliestStartAt ?? undefined
  let result: HoldResult
  try {
    result = db.transaction(
      (tx): HoldResult => {
        const draft = getDraftRow(tx, input.session.tokenHash)
        if (!draft) return { ok: false, reason: 'no-draft' }
        if (draft.completedBookingId) return { ok: false, reason: 'already-booked' }
        const current = draft.heldBookingId
          ? bookingByIdQuery(tx).get({ id: draft.heldBookingId })
          : undefined
        // The same slot again (a double-submitted form): keep the hold we already have.
        if (
          current &&
          current.practitionerId === input.practitionerId &&
          current.startAt.getTime() === input.startAt &&
          isLiveHold(
            { status: current.status, holdExpiresAt: current.holdExpiresAt?.getTime() ?? null },
            input.now.getTime(),
          )
        ) {
          return { ok: true, reference: current.reference, booked: false }
        }
        // The limits come first: a refused hold changes nothing but its audit row.
        const permitted = permitHold(tx, {
          draftId: draft.id,
          sessionTokenHash: input.session.tokenHash,
          practitionerId: input.practitionerId,
          startAt: input.startAt,
          ipAddress: input.actor.ipAddress,
          holdMinutes: settings.holdMinutes,
          now: input.now,
        })
        if (!permitted.allowed) {
          recordLimitRefusal(tx, {
            verdict: permitted,
            action: 'booking.hold',
            actor: {
              type: 'anonymous',
              ipAddress: input.actor.ipAddress,
              requestId: input.actor.requestId,
            },
            now: input.now,
          })
          return {
            ok: false,
            reason: 'limited',
            limit: permitted.limit.name,
            retryAfterSeconds: permitted.retryAfterSeconds,
          }
        }
        const { permit } = permitted
        const service = serviceByIdQuery(tx).get({ id: draft.serviceId })
        if (!service) return { ok: false, reason: 'unknown-service' }
        const endAt = input.startAt + service.durationMinutes * 60_000
        const blockedUntil = endAt + service.bufferAfterMinutes * 60_000
        expireLapsedHolds(tx, {
          practitionerId: input.practitionerId,
          from: new Date(input.startAt),
          to: new Date(blockedUntil),
          now: input.now,
        })
        if (current) releaseHold(tx, draft, input.now)
        const check = checkSlot(
          {
            serviceId: service.id,
            practitionerId: input.practitionerId,
            startAt: input.startAt,
            now: input.now,
            earliestStartAt,
          },
          tx,
        )
        if (!check.ok) {
          if (check.reason === 'taken') return { ok: false, reason: 'taken', nearest: [] }
          return { ok: false, reason: check.reason }
        }
        const reference = newReference(tx)
        const booking = insertHoldQuery(tx).get({
          id: newId(),
          reference,
          serviceId: service.id,
          practitionerId: input.practitionerId,
          startAt: new Date(input.startAt),
          endAt: new Date(endAt),
          blockedUntil: new Date(blockedUntil),
          timeZone: settings.timeZone,
          holdExpiresAt: new Date(permit.expiresAt),
          createdAt: input.now,
          updatedAt: new Date(),
        })!
        setDraftHoldQuery(tx).run({
          heldBookingId: booking.id,
          holdClientKey: permit.holdClientKey,
          updatedAt: input.now.getTime(),
          id: draft.id,
        })
        recordHoldPermit(tx, permit, input.now)
        recordBookingEvent(tx, {
          booking,
          actor: input.actor,
          action: 'held',
          fromStatus: null,
          toStatus: 'held',
          at: input.now,
        })
        // Back here after proving the email (the first time was taken or too close)? Then book now.
        const updated = getDraftRow(tx, input.session.tokenHash)!
        const booked = finalizeIfReady(tx, {
          draft: updated,
          verifiedEmail: codeProvenEmail(input.session),
          now: input.now,
          actor: input.actor,
        })
        if (
          booked &&
          !booked.ok &&
          (booked.reason === 'too-close' || booked.reason === 'screening-wait')
        )
          return { ok: false, reason: booked.reason, earliestStartAt: booked.earliestStartAt }
        // The time stays held; the address may not book more until one of its visits is over.
        if (booked && !booked.ok && booked.reason === 'too-many-bookings') return booked
        return { ok: true, reference, booked: Boolean(booked?.ok) }
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (!isDoubleBookingError(error)) throw error
    result = { ok: false, reason: 'taken', nearest: [] }
  }
  if (!result.ok && result.reason === 'taken') {
    const serviceId = getDraftRow(db, input.session.tokenHash)?.serviceId
    result.nearest = serviceId
      ? findNearestFreeSlots({
          serviceId,
          practitionerId: 'any',
          around: input.startAt,
          now: input.now,
          count: 3,
          earliestStartAt,
        })
      : []
  }
  return result
}

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
      })
      return issued.ok ? { ok: true as const } : issued
    },
    { behavior: 'immediate' },
  )
}

export type FinalizeResult =
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
            message: describeCodeProblem(check),
            retryAfterSeconds: check.reason === 'limited' ? check.retryAfterSeconds : undefined,
          }
        if (check.email !== draft.email)
          return {
            ok: false,
            reason: 'code',
            message: 'That code was sent to another address. Ask for a new one below.',
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

/**
 * Books the draft when every step before the confirmation is done (the wizard's steps decide,
 * see wizard-steps.ts); returns null when something is still missing. Each step's action calls
 * it, so a patient who had to pick a new time after proving their email is booked on picking it.
 */
export function finalizeIfReady(
  tx: Tx,
  input: { draft: DraftRow; verifiedEmail: string | null; now: Date; actor: BookingActor },
): FinalizeOutcome | null {
  const { draft } = input
  const emailVerified = Boolean(draft.email) && input.verifiedEmail === draft.email
  // Runs at the end of every hold: the service is read once for the consent and screening parts.
  const service = serviceByIdQuery(tx).get({ id: draft.serviceId })
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

/** Does a consent cover a session of this tier at `startAt` for this patient (signed, not withdrawn)? */
function consentCovers(
  db: Tx | ReturnType<typeof getDb>,
  input: { patientId: string; tier: 'medical' | 'cosmetic'; startAt: number },
): boolean {
  const { status } = consentStatusForSession(db, { ...input, kind: 'treatment' })
  return status === 'signed' || status === 'countersigned'
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
  const held = draft.heldBookingId
    ? bookingByIdQuery(tx).get({ id: draft.heldBookingId })
    : undefined
  const patient = findPatient(tx, draft.email, draft.dateOfBirth)
  if (!held || !patient) return { needsConsent, hasConsent: false }
  return {
    needsConsent,
    hasConsent: consentCovers(tx, {
      patientId: patient.id,
      tier: service.tier,
      startAt: held.startAt.getTime(),
    }),
  }
}

type FinalizeOutcome =
  | { ok: true; reference: string }
  | { ok: false; reason: 'no-draft' | 'not-verified' | 'no-hold' | 'screening-needed' }
  | { ok: false; reason: 'slot-taken'; nearestFor: { serviceId: string; around: number } }
  | { ok: false; reason: 'too-close' | 'screening-wait'; earliestStartAt: number }
  | TooManyBookings

/**
 * Turns the draft's hold into a booking: the hold must still be live, or its time still free
 * (then the lapsed hold is revived). Creates or updates the patient, applies the minimum gap
 * between needling sessions, and queues the confirmation email, all in the caller's transaction.
 */
export function finalizeDraft(
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
  tx.update(bookings).set({ courseSessionNumber }).where(eq(bookings.id, booking.id)).run()
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

function countEarlierCourseSessions(
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
