import { and, eq, gt, inArray, lte } from 'drizzle-orm'
import {
  aftercareEmail,
  loadBookingEmailContext,
  maintenanceEmail,
  nextSessionEmail,
  reminderEmail,
} from '#app/domain/booking/booking-emails.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { bookings, emailOutbox, services } from '#db/schema/index.ts'
import {
  dueMessages,
  MAINTENANCE_AFTER_DAYS,
  REMINDER_LEAD_MS,
  type ScheduledMessageKind,
} from './messages.rules.ts'

const DAY = 24 * 3600_000
/** Completed visits older than this never have a message due (maintenance window included). */
const LOOKBACK_MS = (MAINTENANCE_AFTER_DAYS + 15) * DAY

function buildMessage(tx: Tx, bookingId: string, kind: ScheduledMessageKind, now: Date) {
  const context = loadBookingEmailContext(tx, bookingId, now)
  switch (kind) {
    case 'reminder_48h':
      return reminderEmail(context)
    case 'aftercare_day1':
      return aftercareEmail(context, 1)
    case 'aftercare_day3':
      return aftercareEmail(context, 3)
    case 'aftercare_day7':
      return aftercareEmail(context, 7)
    case 'next_session':
      return nextSessionEmail(context)
    case 'maintenance':
      return maintenanceEmail(context)
  }
}

/**
 * Queues every reminder, aftercare message and course prompt that is due now. Each has a dedupe
 * key (booking + kind), so running this twice, or after a restart mid-run, queues nothing twice;
 * the outbox dispatcher sends them.
 */
export function queueDueClinicalMessages(now: Date): { queued: number } {
  const db = getDb()
  const candidates = db
    .select({
      id: bookings.id,
      patientId: bookings.patientId,
      serviceId: bookings.serviceId,
      status: bookings.status,
      startAt: bookings.startAt,
      confirmedAt: bookings.confirmedAt,
      completedAt: bookings.completedAt,
      courseSessionNumber: bookings.courseSessionNumber,
      serviceKind: services.kind,
      courseSessions: services.courseSessions,
      courseIntervalWeeks: services.courseIntervalWeeks,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(
      // Only two bounded windows are ever relevant: visits in the next 48 hours and visits done
      // in the last few months.
      and(
        inArray(bookings.status, ['confirmed', 'pending_review', 'completed']),
        gt(bookings.startAt, new Date(now.getTime() - LOOKBACK_MS)),
        lte(bookings.startAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
      ),
    )
    .all()
  let queued = 0
  for (const candidate of candidates) {
    const later = candidate.patientId
      ? db
          .select({ id: bookings.id })
          .from(bookings)
          .where(
            and(
              eq(bookings.patientId, candidate.patientId),
              eq(bookings.serviceId, candidate.serviceId),
              inArray(bookings.status, ['confirmed', 'pending_review', 'completed']),
              gt(bookings.startAt, candidate.startAt),
            ),
          )
          .get()
      : undefined
    const kinds = dueMessages(
      {
        status: candidate.status,
        serviceKind: candidate.serviceKind,
        startAt: candidate.startAt.getTime(),
        confirmedAt: candidate.confirmedAt?.getTime() ?? null,
        completedAt: candidate.completedAt?.getTime() ?? null,
        courseSessionNumber: candidate.courseSessionNumber,
        courseSessions: candidate.courseSessions,
        courseIntervalWeeks: candidate.courseIntervalWeeks,
        hasLaterBooking: Boolean(later),
      },
      now.getTime(),
    )
    for (const kind of kinds) {
      const key = `booking:${candidate.id}:${kind}`
      const already = db
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(eq(emailOutbox.dedupeKey, key))
        .get()
      if (already) continue
      db.transaction((tx) => enqueueEmail(tx, buildMessage(tx, candidate.id, kind, now), now), {
        behavior: 'immediate',
      })
      queued += 1
    }
  }
  return { queued }
}
