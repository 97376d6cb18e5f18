import { formatCalendarDate } from '#app/utils/format.ts'
import { type VisitTiming } from './treatment.rules.ts'

/** Why check-in is not open, in staff words (the appointment page and the check-in page). */
export function checkInClosedReason(
  checkIn: Exclude<VisitTiming['checkIn'], 'open'>,
  visitDate: string,
): string {
  return checkIn === 'not-yet'
    ? `Check-in opens on ${formatCalendarDate(visitDate)}, the day of the appointment.`
    : `The appointment was on ${formatCalendarDate(visitDate)}: that day has passed, so it can no longer be checked in.`
}
