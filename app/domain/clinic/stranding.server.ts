import { eq } from 'drizzle-orm'
import { type AuditEventInput, recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type BookingActor, cancelBookingInTx } from '#app/domain/booking/booking-state.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { clinicSettings } from '#db/schema/index.ts'
import { type StrandedAnswer } from './admin.schema.ts'
import {
  type BookingScope,
  loadCandidates,
  loadSnapshot,
  loadViews,
} from './stranding-data.server.ts'
import {
  findAffectedBookings,
  isSameBookingSet,
  type StrandedBookingView,
} from './stranding.rules.ts'

/** The admin making a change, as the audit log and booking events record them. */
export type StaffActor = { userId: string; ipAddress: string | null; requestId: string | null }

export function auditActorOf(actor: StaffActor): AuditActor {
  return {
    type: 'staff',
    id: actor.userId,
    ipAddress: actor.ipAddress,
    requestId: actor.requestId,
  }
}

export function bookingActorOf(actor: StaffActor): BookingActor {
  return { type: 'staff', id: actor.userId, ipAddress: actor.ipAddress, requestId: actor.requestId }
}

/** The change was not applied: these bookings would be stranded and the admin must decide. */
export type NeedsConfirmation = {
  ok: false
  reason: 'needs-confirmation'
  /** The clinic's zone before the change: the one the patients were told their times in. */
  timeZone: string
  bookings: StrandedBookingView[]
  /** The admin answered about a different list of bookings than the one stranded now. */
  listChanged: boolean
}

export type ChangeApplied = {
  ok: true
  keptBookingIds: string[]
  cancelledBookingIds: string[]
}

/** What the change writes in the audit log (the runner adds the actor, time and bookings). */
export type ChangeAudit = Omit<AuditEventInput, 'actor' | 'at'>

export type GuardedResult<F> = ChangeApplied | NeedsConfirmation | F

/** Carries a result out of a transaction that must not commit. */
class RollBack<T> extends Error {
  constructor(readonly result: T) {
    super('Change rolled back')
  }
}

/**
 * Applies an admin change without ever stranding a booking silently. Inside one IMMEDIATE
 * transaction: load the future bookings in scope and the clinic as it is, apply the change,
 * load the clinic again and compare. When the change strands bookings, it commits only if the
 * admin has already seen exactly those bookings and chosen to keep or cancel them; otherwise it
 * rolls back and returns the list to show. Cancelling uses the booking state machine (event,
 * audit row, patient email) in the same transaction, so either everything happens or nothing.
 */
export function runGuardedChange<F extends { ok: false }>(input: {
  actor: StaffActor
  now: Date
  answer: StrandedAnswer
  scope: BookingScope
  /** Makes the change in the transaction, or returns a known failure (nothing is kept). */
  apply: (tx: Tx) => { ok: true; audit: ChangeAudit } | F
}): GuardedResult<F> {
  const shown: { audit: ChangeAudit | null } = { audit: null }
  try {
    return getDb().transaction(
      (tx): ChangeApplied => {
        const candidates = loadCandidates(tx, input.scope, input.now)
        const before = loadSnapshot(tx, candidates, input.now)
        const applied = input.apply(tx)
        if (!applied.ok) throw new RollBack(applied)
        const after = loadSnapshot(tx, candidates, input.now)
        const affected = findAffectedBookings({
          bookings: candidates,
          before,
          after,
          now: input.now.getTime(),
        })
        const ids = affected.map((booking) => booking.bookingId)
        const { answer } = input
        const confirmed = answer.choice !== null && isSameBookingSet(answer.bookingIds, ids)
        if (ids.length > 0 && !confirmed) {
          shown.audit = applied.audit
          throw new RollBack<NeedsConfirmation>({
            ok: false,
            reason: 'needs-confirmation',
            timeZone: before.timeZone,
            bookings: loadViews(tx, affected),
            listChanged: answer.bookingIds.length > 0 && !isSameBookingSet(answer.bookingIds, ids),
          })
        }
        const cancel = ids.length > 0 && answer.choice === 'cancel'
        if (cancel) {
          for (const bookingId of ids) {
            const result = cancelBookingInTx(tx, {
              bookingId,
              actor: bookingActorOf(input.actor),
              reason: answer.reason,
              at: input.now,
              notifyPatient: true,
            })
            // The candidates were read in this transaction as cancellable: anything else is a bug.
            if (!result.ok)
              throw new Error(`Could not cancel booking ${bookingId}: ${result.reason}`)
          }
        }
        recordAuditEvent(tx, {
          ...applied.audit,
          actor: auditActorOf(input.actor),
          at: input.now,
          details: {
            ...applied.audit.details,
            ...(ids.length > 0
              ? { strandedBookings: { choice: answer.choice, bookingIds: ids } }
              : {}),
          },
        })
        return {
          ok: true,
          keptBookingIds: cancel ? [] : ids,
          cancelledBookingIds: cancel ? ids : [],
        }
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (!(error instanceof RollBack)) throw error
    const result = error.result as NeedsConfirmation | F
    if (isNeedsConfirmation(result) && shown.audit) recordShown(input, shown.audit, result)
    return result
  }
}

function isNeedsConfirmation(result: { ok: false }): result is NeedsConfirmation {
  return (result as { reason?: unknown }).reason === 'needs-confirmation'
}

/**
 * Showing the list reveals bookings and patient names: that view is audited (goal E2), in its
 * own transaction because the change itself was rolled back.
 */
function recordShown(
  input: { actor: StaffActor; now: Date },
  audit: ChangeAudit,
  result: NeedsConfirmation,
) {
  getDb().transaction(
    (tx) =>
      recordAuditEvent(tx, {
        action: 'admin.stranded_bookings.shown',
        actor: auditActorOf(input.actor),
        subjectType: audit.subjectType,
        subjectId: audit.subjectId,
        at: input.now,
        details: {
          change: audit.action,
          bookingIds: result.bookings.map((booking) => booking.id),
          listChanged: result.listChanged,
        },
      }),
    { behavior: 'immediate' },
  )
}

/** The clinic-local date today, for refusing changes to days already past. */
export function clinicToday(tx: Tx, now: Date): string {
  const settings = tx
    .select({ timeZone: clinicSettings.timeZone })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 'clinic'))
    .get()
  if (!settings) throw new Error('The clinic has no settings row')
  return localDateOf(now.getTime(), settings.timeZone)
}

/** The fields whose values differ, as { field: { from, to } }, for audit details. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (after[key] !== undefined && before[key] !== after[key])
      changes[key] = { from: before[key], to: after[key] }
  }
  return changes
}
