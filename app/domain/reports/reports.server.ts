import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { openMinutesForDate } from '#app/domain/availability/availability.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { datesFrom, instantAt } from '#app/domain/shared/calendar.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { getDb } from '#db/client.server.ts'
import {
  availabilityExceptions,
  bookings,
  clinicClosures,
  practitioners,
  services,
  serviceTexts,
  workingHours,
} from '#db/schema/index.ts'
import {
  type BookingCounts,
  countBookings,
  countBy,
  type CourseCompletion,
  courseCompletion,
  EMPTY_COUNTS,
  type PeriodRange,
  type ReportBooking,
  utilisation,
} from './reports.rules.ts'

/**
 * Reads one period's bookings, the practitioners' open hours and the year's completed sessions,
 * and counts them with reports.rules.ts. Aggregates only: no patient is named, so the report and
 * its CSV carry no personal data.
 */

export type PractitionerReport = {
  id: string
  name: string
  counts: BookingCounts
  openMinutes: number
  utilisation: number | null
}

export type ServiceReport = { id: string; name: string; counts: BookingCounts }

export type ClinicReport = {
  range: PeriodRange
  totals: BookingCounts
  practitioners: PractitionerReport[]
  services: ServiceReport[]
  /** Every practitioner and service pair that had a booking: the CSV's rows. */
  pairs: { practitionerName: string; serviceName: string; counts: BookingCounts }[]
  courses: CourseCompletion[]
}

const YEAR_DAYS = 365

export function getClinicReport(range: PeriodRange, locale: Locale): ClinicReport {
  const db = getDb()
  const settings = getClinicSettings()
  const zone = settings.timeZone
  const fromAt = new Date(instantAt(range.from, 0, zone))
  const toAt = new Date(instantAt(range.to, 0, zone))

  const rows = db
    .select({
      practitionerId: bookings.practitionerId,
      serviceId: bookings.serviceId,
      status: bookings.status,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      cancelledAt: bookings.cancelledAt,
    })
    .from(bookings)
    .where(and(gte(bookings.startAt, fromAt), lt(bookings.startAt, toAt)))
    .all()
    .map((row): ReportBooking => ({
      ...row,
      startAt: row.startAt.getTime(),
      endAt: row.endAt.getTime(),
      cancelledAt: row.cancelledAt?.getTime() ?? null,
    }))
  const window = settings.cancellationWindowHours

  const people = db
    .select({ id: practitioners.id, name: practitioners.displayName })
    .from(practitioners)
    .orderBy(asc(practitioners.displayName))
    .all()
  const offered = db
    .select({
      id: services.id,
      name: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
    })
    .from(services)
    .leftJoin(
      serviceTexts,
      and(eq(serviceTexts.serviceId, services.id), eq(serviceTexts.locale, locale)),
    )
    .orderBy(asc(services.name))
    .all()

  const dates = datesFrom(range.from, Math.round((toAt.getTime() - fromAt.getTime()) / 86_400_000))
  const closed = new Set(
    db
      .select({ date: clinicClosures.date })
      .from(clinicClosures)
      .where(and(gte(clinicClosures.date, range.from), lt(clinicClosures.date, range.to)))
      .all()
      .map((row) => row.date),
  )
  const weekly = db.select().from(workingHours).all()
  const exceptions = db
    .select()
    .from(availabilityExceptions)
    .where(
      and(gte(availabilityExceptions.date, range.from), lt(availabilityExceptions.date, range.to)),
    )
    .all()
  const openMinutesOf = (practitionerId: string) =>
    dates.reduce(
      (sum, date) =>
        sum +
        openMinutesForDate({
          date,
          weekly: weekly.filter((w) => w.practitionerId === practitionerId),
          exceptions: exceptions.filter((e) => e.practitionerId === practitionerId),
          clinicClosed: closed.has(date),
        }).reduce((minutes, open) => minutes + open.endMinute - open.startMinute, 0),
      0,
    )

  const byPractitioner = countBy(rows, (row) => row.practitionerId, window)
  const byService = countBy(rows, (row) => row.serviceId, window)
  const byPair = countBy(rows, (row) => `${row.practitionerId} ${row.serviceId}`, window)
  const nameOf = new Map([...people, ...offered].map((item) => [item.id, item.name]))

  const practitionerReports = people
    .map((person) => {
      const counts = byPractitioner.get(person.id) ?? EMPTY_COUNTS
      const openMinutes = openMinutesOf(person.id)
      return {
        ...person,
        counts,
        openMinutes,
        utilisation: utilisation(counts.bookedMinutes, openMinutes),
      }
    })
    .filter((report) => report.openMinutes > 0 || report.counts.bookings > 0)

  // Courses: completed treatment sessions in the year up to the period's end.
  const yearStart = new Date(toAt.getTime() - YEAR_DAYS * 86_400_000)
  const sessions = db
    .select({ patientId: bookings.patientId, tier: services.tier })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(
      and(
        eq(bookings.status, 'completed'),
        eq(services.kind, 'treatment'),
        inArray(services.tier, ['medical', 'cosmetic']),
        gte(bookings.startAt, yearStart),
        lt(bookings.startAt, toAt),
      ),
    )
    .all()
    .flatMap((s) => (s.patientId ? [{ patientId: s.patientId, tier: s.tier }] : []))

  return {
    range,
    totals: countBookings(rows, window),
    practitioners: practitionerReports,
    services: offered
      .map((service) => ({ ...service, counts: byService.get(service.id) ?? EMPTY_COUNTS }))
      .filter((report) => report.counts.bookings > 0),
    pairs: [...byPair].map(([key, counts]) => {
      const [practitionerId, serviceId] = key.split(' ') as [string, string]
      return {
        practitionerName: nameOf.get(practitionerId) ?? practitionerId,
        serviceName: nameOf.get(serviceId) ?? serviceId,
        counts,
      }
    }),
    courses: courseCompletion(sessions, (tier) => tierContent(tier).course.sessions.min),
  }
}
