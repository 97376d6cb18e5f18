import { randomUUID } from 'node:crypto'
import { and, eq, gt, gte, lt, lte, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookingEvents, bookings } from '#db/schema/index.ts'
import { cancellationEmail, loadBookingEmailContext } from './booking-emails.server.ts'
import { type BookingStatus } from './booking.schema.ts'
import { revokeManageLinks } from './manage-links.server.ts'
import { canTransition } from './booking.rules.ts'

/** Who changed a booking. Staff carry their user id; patients their patient id when known. */
export type BookingActor = {
  type: 'patient' | 'staff' | 'system'
  id?: string | null
  ipAddress?: string | null
  requestId?: string | null
}

export type BookingRow = typeof bookings.$inferSelect

function auditActorOf(actor: BookingActor): AuditActor {
  return {
    type: actor.type,
    id: actor.id ?? null,
    ipAddress: actor.ipAddress ?? null,
    requestId: actor.requestId ?? null,
  }
}

// Both run on every hold, move and cancellation (docs/decisions/025-request-cost.md).
const appendEventQuery = preparedStatement((db) =>
  db
    .insert(bookingEvents)
    .values({
      id: sql.placeholder('id'),
      bookingId: sql.placeholder('bookingId'),
      occurredAt: sql.placeholder('occurredAt'),
      actorType: sql.placeholder('actorType'),
      actorId: sql.placeholder('actorId'),
      action: sql.placeholder('action'),
      fromStatus: sql.placeholder('fromStatus'),
      toStatus: sql.placeholder('toStatus'),
      details: sql.placeholder('details'),
    })
    .prepare(),
)

/**
 * No booking spans more than a day from start to blocked-until (the CHECK bookings_span): one that
 * ends after `from` started at most this long before it. The bound keeps the lapsed-holds scan of
 * bookings_practitioner_time to a day or so of the practitioner's bookings, not all before `to`.
 */
const MAX_BOOKING_SPAN_MS = 24 * 60 * 60_000
const lapsedHoldsQuery = preparedStatement((db) =>
  db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.practitionerId, sql.placeholder('practitionerId')),
        eq(bookings.status, 'held'),
        lte(bookings.holdExpiresAt, sql.placeholder('now')),
        gte(bookings.startAt, sql.placeholder('startFrom')),
        lt(bookings.startAt, sql.placeholder('to')),
        gt(bookings.blockedUntil, sql.placeholder('from')),
      ),
    )
    .prepare(),
)

// A change of status alone, as every lapsed or released hold on the hold path makes; prepared once
// per connection like the event insert. A change that sets other columns too is built for them.
const setStatusQuery = preparedStatement((db) =>
  db
    .update(bookings)
    .set({
      status: sql`${sql.placeholder('status')}`,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
    })
    .where(eq(bookings.id, sql.placeholder('id')))
    .prepare(),
)

/**
 * Appends one booking event (who, from, to, when) and the matching audit row. Every change of a
 * booking goes through here, inside the transaction that makes the change.
 */
export function recordBookingEvent(
  tx: Tx,
  input: {
    booking: Pick<BookingRow, 'id' | 'patientId'>
    actor: BookingActor
    action: string
    fromStatus: BookingStatus | null
    toStatus: BookingStatus
    at: Date
    details?: Record<string, unknown>
  },
): string {
  const id = randomUUID()
  const details = JSON.stringify(input.details ?? {})
  appendEventQuery(tx).run({
    id,
    bookingId: input.booking.id,
    occurredAt: input.at,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    action: input.action,
    fromStatus: input.fromStatus,
    toStatus: input.toStatus,
    details,
  })
  recordAuditEvent(tx, {
    action: `booking.${input.action}`,
    actor: auditActorOf(input.actor),
    subjectType: 'booking',
    subjectId: input.booking.id,
    patientId: input.booking.patientId,
    details: { from: input.fromStatus, to: input.toStatus, ...(input.details ?? {}) },
    at: input.at,
  })
  return id
}

/** Moves a booking to a new status when the rules allow it; returns false when they do not. */
export function changeBookingStatus(
  tx: Tx,
  input: {
    booking: BookingRow
    to: BookingStatus
    actor: BookingActor
    action: string
    at: Date
    details?: Record<string, unknown>
    set?: Partial<
      Pick<
        BookingRow,
        | 'patientId'
        | 'holdExpiresAt'
        | 'confirmedAt'
        | 'cancelledAt'
        | 'cancellationReason'
        | 'completedAt'
      >
    >
  },
): boolean {
  const { booking, to } = input
  if (!canTransition(booking.status, to)) return false
  // The set values are placeholders inside sql``, bound as given: the instant as milliseconds.
  if (input.set === undefined)
    setStatusQuery(tx).run({ status: to, updatedAt: input.at.getTime(), id: booking.id })
  else
    tx.update(bookings)
      .set({ status: to, ...input.set, updatedAt: input.at })
      .where(eq(bookings.id, booking.id))
      .run()
  recordBookingEvent(tx, {
    booking: { id: booking.id, patientId: input.set?.patientId ?? booking.patientId },
    actor: input.actor,
    action: input.action,
    fromStatus: booking.status,
    toStatus: to,
    at: input.at,
    details: input.details,
  })
  return true
}

export type CancelResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-cancellable' }

/**
 * Cancels a booking inside the caller's transaction and, when asked, emails the patient (no
 * health details, a fresh manage link). The slot is free again as soon as the transaction commits.
 */
export function cancelBookingInTx(
  tx: Tx,
  input: {
    bookingId: string
    actor: BookingActor
    reason: string | null
    at: Date
    notifyPatient: boolean
  },
): CancelResult {
  const booking = tx.select().from(bookings).where(eq(bookings.id, input.bookingId)).get()
  if (!booking) return { ok: false, reason: 'not-found' }
  const changed = changeBookingStatus(tx, {
    booking,
    to: 'cancelled',
    actor: input.actor,
    action: input.actor.type === 'patient' ? 'cancelled_by_patient' : 'cancelled_by_clinic',
    at: input.at,
    set: { cancelledAt: input.at, cancellationReason: input.reason, holdExpiresAt: null },
  })
  if (!changed) return { ok: false, reason: 'not-cancellable' }
  revokeManageLinks(tx, booking.id)
  if (input.notifyPatient && booking.patientId) {
    const context = loadBookingEmailContext(tx, booking.id, input.at, { manageLink: false })
    enqueueEmail(
      tx,
      cancellationEmail(context, {
        byClinic: input.actor.type !== 'patient',
        reason: input.reason,
      }),
      input.at,
    )
  }
  return { ok: true }
}

/**
 * Marks lapsed holds of a practitioner that touch [from, to) as expired, so that the overlap
 * triggers (which have no clock) see only live ones. Call it inside the writing transaction.
 */
export function expireLapsedHolds(
  tx: Tx,
  input: { practitionerId: string; from: Date; to: Date; now: Date },
): void {
  // A placeholder in a condition is bound as given: instants go in as the stored milliseconds.
  const lapsed = lapsedHoldsQuery(tx).all({
    practitionerId: input.practitionerId,
    now: input.now.getTime(),
    startFrom: input.from.getTime() - MAX_BOOKING_SPAN_MS,
    to: input.to.getTime(),
    from: input.from.getTime(),
  })
  for (const booking of lapsed) {
    changeBookingStatus(tx, {
      booking,
      to: 'expired',
      actor: { type: 'system' },
      action: 'hold_expired',
      at: input.now,
    })
  }
}

/** True for the errors SQLite raises when a write would double-book (trigger or unique index). */
export function isDoubleBookingError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as Error & { code?: string }).code
  return (
    error.message.includes('booking_overlap') ||
    (code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('bookings.'))
  )
}

/** Housekeeping: every hold that has lapsed becomes 'expired' (the agenda then shows reality). */
export function expireAllLapsedHolds(now: Date): number {
  return getDb().transaction(
    (tx) => {
      const lapsed = tx
        .select()
        .from(bookings)
        .where(and(eq(bookings.status, 'held'), lte(bookings.holdExpiresAt, now)))
        .all()
      for (const booking of lapsed) {
        changeBookingStatus(tx, {
          booking,
          to: 'expired',
          actor: { type: 'system' },
          action: 'hold_expired',
          at: now,
        })
      }
      return lapsed.length
    },
    { behavior: 'immediate' },
  )
}
