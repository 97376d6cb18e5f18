/**
 * Which scheduled messages a booking is due for at a given moment (issue: reminders and aftercare).
 * Pure: the scheduler job asks this for each candidate booking and queues what is due with a
 * dedupe key per booking and kind, so a message is queued once however often the job runs and
 * however often the server restarts. A message whose moment has long passed (the server was
 * down) is skipped rather than sent late and confusing.
 */
export const SCHEDULED_MESSAGE_KINDS = [
  'reminder_48h',
  'aftercare_day1',
  'aftercare_day3',
  'aftercare_day7',
  'next_session',
  'maintenance',
] as const
export type ScheduledMessageKind = (typeof SCHEDULED_MESSAGE_KINDS)[number]

const HOUR = 3600_000
const DAY = 24 * HOUR

/** The reminder goes 48 hours before, and not at all in the last 2 hours. */
export const REMINDER_LEAD_MS = 48 * HOUR
const REMINDER_CUTOFF_MS = 2 * HOUR
/** Aftercare messages go on day 1, 3 and 7 after the treatment, within a day of that moment. */
export const AFTERCARE_DAYS = [1, 3, 7] as const
const AFTERCARE_WINDOW_MS = DAY
/** The prompt to book the next session of a course: a week before the planned date. */
const NEXT_SESSION_LEAD_DAYS = 7
const NEXT_SESSION_WINDOW_MS = 7 * DAY
/** Maintenance: about four months after the last session of a course (2–3 times a year). */
export const MAINTENANCE_AFTER_DAYS = 120
const MAINTENANCE_WINDOW_MS = 14 * DAY

export type MessageCandidate = {
  status: string
  serviceKind: string
  startAt: number
  confirmedAt: number | null
  completedAt: number | null
  courseSessionNumber: number
  courseSessions: number
  courseIntervalWeeks: number
  /** The patient already has a later booking of this service: no prompt to book one. */
  hasLaterBooking: boolean
}

function within(now: number, from: number, windowMs: number): boolean {
  return now >= from && now < from + windowMs
}

export function dueMessages(booking: MessageCandidate, now: number): ScheduledMessageKind[] {
  const due: ScheduledMessageKind[] = []
  const active = booking.status === 'confirmed' || booking.status === 'pending_review'
  // Booked less than 48 hours ahead: the confirmation already said everything.
  const bookedEarlyEnough =
    booking.confirmedAt !== null && booking.confirmedAt <= booking.startAt - REMINDER_LEAD_MS
  if (
    active &&
    bookedEarlyEnough &&
    within(now, booking.startAt - REMINDER_LEAD_MS, REMINDER_LEAD_MS - REMINDER_CUTOFF_MS)
  ) {
    due.push('reminder_48h')
  }
  if (
    booking.status !== 'completed' ||
    booking.completedAt === null ||
    booking.serviceKind !== 'treatment'
  )
    return due
  const completedAt = booking.completedAt
  for (const day of AFTERCARE_DAYS) {
    if (within(now, completedAt + day * DAY, AFTERCARE_WINDOW_MS)) due.push(`aftercare_day${day}`)
  }
  if (booking.hasLaterBooking) return due
  const courseContinues =
    booking.courseSessions > 1 && booking.courseSessionNumber < booking.courseSessions
  if (courseContinues) {
    const planned = completedAt + booking.courseIntervalWeeks * 7 * DAY
    if (within(now, planned - NEXT_SESSION_LEAD_DAYS * DAY, NEXT_SESSION_WINDOW_MS))
      due.push('next_session')
  } else if (
    booking.courseSessions > 1 &&
    within(now, completedAt + MAINTENANCE_AFTER_DAYS * DAY, MAINTENANCE_WINDOW_MS)
  ) {
    due.push('maintenance')
  }
  return due
}
