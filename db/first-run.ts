import { type Db } from './client.server.ts'
import { clinicSettings } from './schema/index.ts'

/** The booking policies a new clinic starts with (the demo clinic too); admins change them. */
export const DEFAULT_BOOKING_POLICIES = {
  timeZone: 'Europe/Rome',
  slotStepMinutes: 15,
  minNoticeHours: 24,
  maxAdvanceDays: 180,
  holdMinutes: 10,
  cancellationWindowHours: 48,
  minDaysBetweenNeedling: 28,
  maxUpcomingBookingsPerEmail: 3,
}

/**
 * A clinic that starts clean (no demo data) still needs its one settings row before any page can
 * work. It starts with sensible booking policies and blank contact details, which the first admin
 * fills in under Clinic settings → Clinic details; until then the overview asks them to.
 */
export function ensureClinicSettings(db: Db): boolean {
  const inserted = db
    .insert(clinicSettings)
    .values({
      id: 'clinic',
      name: 'Your clinic',
      phone: '',
      email: '',
      address: '',
      ...DEFAULT_BOOKING_POLICIES,
    })
    .onConflictDoNothing()
    .run()
  return inserted.changes > 0
}
