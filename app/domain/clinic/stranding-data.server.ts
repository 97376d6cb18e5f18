import { and, asc, eq, gt, gte, inArray, type SQL } from 'drizzle-orm'
import { addDays, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type Tx } from '#db/client.server.ts'
import {
  availabilityExceptions,
  bookings,
  clinicClosures,
  clinicSettings,
  patients,
  practitioners,
  practitionerServices,
  services,
  workingHours,
} from '#db/schema/index.ts'
import {
  type AffectedBooking,
  type AvailabilitySnapshot,
  type PractitionerAvailability,
  STRANDABLE_STATUSES,
  type StrandCandidate,
  type StrandedBookingView,
} from './stranding.rules.ts'

/** Which future bookings a change can touch: one practitioner's, one service's, or all. */
export type BookingScope = { practitionerIds: string[] } | { serviceIds: string[] } | 'all'

/** Reads for runGuardedChange (stranding.server.ts), inside its transaction. */

/** Future bookings that patients rely on, within the change's scope. */
export function loadCandidates(tx: Tx, scope: BookingScope, now: Date): StrandCandidate[] {
  const conditions: SQL[] = [
    inArray(bookings.status, [...STRANDABLE_STATUSES]),
    gt(bookings.startAt, now),
  ]
  if (scope !== 'all' && 'practitionerIds' in scope)
    conditions.push(inArray(bookings.practitionerId, scope.practitionerIds))
  if (scope !== 'all' && 'serviceIds' in scope)
    conditions.push(inArray(bookings.serviceId, scope.serviceIds))
  return tx
    .select({
      id: bookings.id,
      practitionerId: bookings.practitionerId,
      serviceId: bookings.serviceId,
      status: bookings.status,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
    })
    .from(bookings)
    .where(and(...conditions))
    .orderBy(asc(bookings.startAt))
    .all()
    .map((row) => ({ ...row, startAt: row.startAt.getTime(), endAt: row.endAt.getTime() }))
}

/** The clinic as it is now, for the practitioners and services of the candidate bookings. */
export function loadSnapshot(
  tx: Tx,
  candidates: StrandCandidate[],
  now: Date,
): AvailabilitySnapshot {
  const settings = tx
    .select({ timeZone: clinicSettings.timeZone })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 'clinic'))
    .get()
  if (!settings) throw new Error('The clinic has no settings row')
  const snapshot: AvailabilitySnapshot = {
    timeZone: settings.timeZone,
    closedDates: [],
    practitioners: {},
    services: {},
  }
  if (candidates.length === 0) return snapshot
  // Every zone's today is at most one day before UTC's: older dates cannot hold a future booking.
  const fromDate = addDays(localDateOf(now.getTime(), 'UTC'), -1)
  const practitionerIds = [...new Set(candidates.map((booking) => booking.practitionerId))]
  const serviceIds = [...new Set(candidates.map((booking) => booking.serviceId))]

  const closedDates = tx
    .select({ date: clinicClosures.date })
    .from(clinicClosures)
    .where(gte(clinicClosures.date, fromDate))
    .all()
    .map((row) => row.date)
  const practitionerRows = tx
    .select({
      id: practitioners.id,
      isActive: practitioners.isActive,
      credential: practitioners.credential,
    })
    .from(practitioners)
    .where(inArray(practitioners.id, practitionerIds))
    .all()
  const links = tx
    .select()
    .from(practitionerServices)
    .where(inArray(practitionerServices.practitionerId, practitionerIds))
    .all()
  const hours = tx
    .select()
    .from(workingHours)
    .where(inArray(workingHours.practitionerId, practitionerIds))
    .all()
  const exceptions = tx
    .select()
    .from(availabilityExceptions)
    .where(
      and(
        inArray(availabilityExceptions.practitionerId, practitionerIds),
        gte(availabilityExceptions.date, fromDate),
      ),
    )
    .all()
  const serviceRows = tx
    .select({ id: services.id, tier: services.tier, isActive: services.isActive })
    .from(services)
    .where(inArray(services.id, serviceIds))
    .all()

  const byPractitioner: Record<string, PractitionerAvailability> = {}
  for (const row of practitionerRows) {
    byPractitioner[row.id] = {
      isActive: row.isActive,
      credential: row.credential,
      serviceIds: links.filter((l) => l.practitionerId === row.id).map((l) => l.serviceId),
      weekly: hours
        .filter((h) => h.practitionerId === row.id)
        .map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute })),
      exceptions: exceptions
        .filter((e) => e.practitionerId === row.id)
        .map(({ kind, date, startMinute, endMinute }) => ({ kind, date, startMinute, endMinute })),
    }
  }
  return {
    ...snapshot,
    closedDates,
    practitioners: byPractitioner,
    services: Object.fromEntries(
      serviceRows.map((row) => [row.id, { tier: row.tier, isActive: row.isActive }]),
    ),
  }
}

/** The stranded bookings as the admin sees them, in the order given. */
export function loadViews(tx: Tx, affected: AffectedBooking[]): StrandedBookingView[] {
  const rows = tx
    .select({
      id: bookings.id,
      reference: bookings.reference,
      status: bookings.status,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      patientName: patients.fullName,
      serviceName: services.name,
      practitionerName: practitioners.displayName,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .leftJoin(patients, eq(patients.id, bookings.patientId))
    .where(
      inArray(
        bookings.id,
        affected.map((booking) => booking.bookingId),
      ),
    )
    .all()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return affected.flatMap(({ bookingId, reasons }) => {
    const row = byId.get(bookingId)
    if (!row) return []
    return [
      {
        ...row,
        startAt: row.startAt.getTime(),
        endAt: row.endAt.getTime(),
        patientName: row.patientName ?? '',
        reasons,
      },
    ]
  })
}
