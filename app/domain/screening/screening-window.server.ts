import { desc, eq, inArray } from 'drizzle-orm'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { bookings, screeningWindowOverrides, services, users } from '#db/schema/index.ts'
import { staffAuditActor } from './screening-booking.server.ts'
import { type EarlierDateInput } from './screening.schema.ts'
import { auditScreening, latestBookingSubmission, waitUntilInstant } from './screening.server.ts'

/**
 * A clinician's earlier first day inside a waiting window (docs/decisions/032): sources disagree
 * on the windows (isotretinoin: 0 to 12 months), so a doctor may decide, for one patient's
 * answers, that an earlier day is safe. Each decision is an append-only row with its reason
 * (health data: in the app only, never in the audit details or an email) and an audit row. It
 * counts for the answers it names, and only while they are the booking's latest: new answers are
 * judged afresh.
 */

export type WindowOverride = {
  id: string
  submissionId: string
  firstDay: string
  reason: string
  decidedBy: string
  decidedAt: number
}

function overridesOf(db: Db | Tx, bookingId: string) {
  return db
    .select()
    .from(screeningWindowOverrides)
    .where(eq(screeningWindowOverrides.bookingId, bookingId))
    .orderBy(desc(screeningWindowOverrides.decidedAt), desc(screeningWindowOverrides.createdAt))
    .all()
}

/**
 * The first clinic calendar day the booking's screening allows: the latest answers' window, or
 * the latest clinician's earlier day for those answers. Null: no window.
 */
export function bookingWaitUntil(db: Db | Tx, bookingId: string): string | null {
  const latest = latestBookingSubmission(db, bookingId)
  if (!latest?.waitUntil) return null
  const override = overridesOf(db, bookingId).find((row) => row.submissionId === latest.id)
  return override && override.firstDay < latest.waitUntil ? override.firstDay : latest.waitUntil
}

/** The same, as the first instant of that day in the clinic's zone (null: no window). */
export function bookingWaitUntilInstant(
  db: Db | Tx,
  bookingId: string,
  timeZone: string,
): number | null {
  return waitUntilInstant(bookingWaitUntil(db, bookingId), timeZone)
}

/** Every earlier-day decision of a booking, newest first, with who decided (staff pages). */
export function listWindowOverrides(db: Db | Tx, bookingId: string): WindowOverride[] {
  const rows = overridesOf(db, bookingId)
  const ids = [...new Set(rows.map((row) => row.decidedByUserId))]
  const names = new Map(
    (ids.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, ids))
          .all()
      : []
    ).map((user) => [user.id, user.name]),
  )
  return rows.map((row) => ({
    id: row.id,
    submissionId: row.submissionId,
    firstDay: row.firstDay,
    reason: row.reason,
    decidedBy: names.get(row.decidedByUserId) ?? 'A clinician',
    decidedAt: row.decidedAt.getTime(),
  }))
}

export type EarlierDateResult =
  | { ok: true; firstDay: string }
  | { ok: false; reason: 'not-found' | 'stale' | 'no-window' | 'not-earlier' }

/**
 * A clinician approves an earlier first day for the booking's latest answers. Refused when the
 * answers are not the latest (`stale`: read the new ones first), have no waiting window, or the
 * day is not before the window's end. Audited without the reason.
 */
export function approveEarlierDate(input: {
  bookingId: string
  decision: EarlierDateInput
  actor: StaffActor
  now: Date
}): EarlierDateResult {
  return getDb().transaction(
    (tx): EarlierDateResult => {
      const booking = tx
        .select({ id: bookings.id, patientId: bookings.patientId, kind: services.kind })
        .from(bookings)
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .where(eq(bookings.id, input.bookingId))
        .get()
      if (!booking || booking.kind !== 'treatment') return { ok: false, reason: 'not-found' }
      const latest = latestBookingSubmission(tx, booking.id)
      if (!latest) return { ok: false, reason: 'not-found' }
      if (latest.id !== input.decision.submissionId) return { ok: false, reason: 'stale' }
      if (!latest.waitUntil) return { ok: false, reason: 'no-window' }
      if (input.decision.firstDay >= latest.waitUntil) return { ok: false, reason: 'not-earlier' }
      const { id } = tx
        .insert(screeningWindowOverrides)
        .values({
          bookingId: booking.id,
          submissionId: latest.id,
          firstDay: input.decision.firstDay,
          reason: input.decision.reason,
          decidedByUserId: input.actor.userId,
          decidedAt: input.now,
        })
        .returning({ id: screeningWindowOverrides.id })
        .get()
      auditScreening(tx, {
        action: 'screening.window_approved',
        actor: staffAuditActor(input.actor),
        subjectType: 'booking',
        subjectId: booking.id,
        patientId: booking.patientId,
        details: { submissionId: latest.id, overrideId: id },
        at: input.now,
      })
      return { ok: true, firstDay: input.decision.firstDay }
    },
    { behavior: 'immediate' },
  )
}
