import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { checkSlot, findNearestFreeSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { recordLimitRefusal } from '#app/domain/limits/limits.server.ts'
import {
  codeProvenEmail,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { newId } from '#db/schema/columns.ts'
import { bookingDrafts, bookings } from '#db/schema/index.ts'
import { isLiveHold, makeBookingReference } from '../booking.rules.ts'
import {
  type BookingActor,
  expireLapsedHolds,
  isDoubleBookingError,
  recordBookingEvent,
} from '../booking-state.server.ts'
import { permitHold, recordHoldPermit } from '../hold-limits.server.ts'
import { type TooManyBookings } from '../upcoming-bookings.server.ts'
import { getBookingRow, getDraftRow, getServiceRow, releaseHold } from './draft.server.ts'
import { getDraftView } from './draft-view.server.ts'
import { finalizeIfReady } from './finalize.server.ts'

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

// newReference and holdSlot run on every hold: their statements are prepared once per
// connection, as building them with drizzle and having SQLite compile them cost more than
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

export function newReference(tx: Tx): string {
  for (;;) {
    const reference = makeBookingReference(randomBytes(6))
    const taken = referenceTakenQuery(tx).get({ reference })
    if (!taken) return reference
  }
}

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
        const current = draft.heldBookingId ? getBookingRow(tx, draft.heldBookingId) : undefined
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
        const service = getServiceRow(tx, draft.serviceId)
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
