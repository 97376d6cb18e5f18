import { and, asc, eq, gt, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm'
import { OCCUPYING_STATUSES } from '#app/domain/booking/booking.schema.ts'
import { type AvailabilityExceptionKind } from '#app/domain/clinic/clinic.schema.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { inJsonList, preparedStatement } from '#db/prepared.server.ts'
import {
  availabilityExceptions,
  bookings,
  clinicClosures,
  clinicSettings,
  services,
  workingHours,
} from '#db/schema/index.ts'
import { addDays, instantAt, MINUTE_MS } from '#app/domain/shared/calendar.rules.ts'
import { type AvailabilityException, type WeeklyInterval } from './availability.rules.ts'
import {
  bookingWindow,
  type DaySlots,
  type PractitionerSchedule,
  searchSlots,
  type SlotSearchInput,
  toDaySlots,
} from './slots.rules.ts'

/**
 * The reads behind the slot search (docs/decisions/015-slot-search.md): a handful of bounded,
 * indexed queries per search, then the pure search. Used by availability.server.ts only.
 */

export type DbOrTx = Tx | Db

/**
 * No booking spans more than this from start to blocked-until: services last at most 8 h plus a
 * 4 h buffer (CHECK constraints on services). A day keeps the bookings scan bounded from below,
 * so it never walks a practitioner's whole history (docs/performance-goals.md 2.2, finding 3).
 */
const MAX_BOOKING_SPAN_MS = 24 * 60 * MINUTE_MS

export type SearchSettings = {
  timeZone: string
  slotStepMinutes: number
  minNoticeHours: number
  maxAdvanceDays: number
}
export type BookableService = { id: string; durationMinutes: number; bufferAfterMinutes: number }

// Rows are read as arrays (.values()) and turned into objects by literals here. drizzle builds
// its row objects key by key; in the benchmark, after some garbage collections, V8 threw away
// the optimised search code they flowed into ("wrong map" deopts), a 30-50 ms stall.

const settingsQuery = preparedStatement((db) =>
  db
    .select({
      timeZone: clinicSettings.timeZone,
      slotStepMinutes: clinicSettings.slotStepMinutes,
      minNoticeHours: clinicSettings.minNoticeHours,
      maxAdvanceDays: clinicSettings.maxAdvanceDays,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 'clinic'))
    .prepare(),
)

/** The settings the search needs, from the clinic's single row (it always exists). */
export function getSearchSettings(db: DbOrTx): SearchSettings {
  const row = settingsQuery(db).values()[0] as [string, number, number, number] | undefined
  if (!row) throw new Error('The clinic has no settings row: run the migrations and the seed.')
  const [timeZone, slotStepMinutes, minNoticeHours, maxAdvanceDays] = row
  return { timeZone, slotStepMinutes, minNoticeHours, maxAdvanceDays }
}

const serviceQuery = preparedStatement((db) =>
  db
    .select({
      id: services.id,
      durationMinutes: services.durationMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
    })
    .from(services)
    .where(and(eq(services.id, sql.placeholder('serviceId')), eq(services.isActive, true)))
    .prepare(),
)

/** The service when it exists and is active: an inactive service is never bookable. */
export function getBookableService(db: DbOrTx, serviceId: string): BookableService | undefined {
  const row = serviceQuery(db).values({ serviceId })[0] as [string, number, number] | undefined
  return row && { id: row[0], durationMinutes: row[1], bufferAfterMinutes: row[2] }
}

const hoursQuery = preparedStatement((db) =>
  db
    .select({
      practitionerId: workingHours.practitionerId,
      weekday: workingHours.weekday,
      startMinute: workingHours.startMinute,
      endMinute: workingHours.endMinute,
    })
    .from(workingHours)
    .where(inJsonList(workingHours.practitionerId, 'practitionerIds'))
    .prepare(),
)

const exceptionsQuery = preparedStatement((db) =>
  db
    .select({
      practitionerId: availabilityExceptions.practitionerId,
      kind: availabilityExceptions.kind,
      date: availabilityExceptions.date,
      startMinute: availabilityExceptions.startMinute,
      endMinute: availabilityExceptions.endMinute,
    })
    .from(availabilityExceptions)
    .where(
      and(
        inJsonList(availabilityExceptions.practitionerId, 'practitionerIds'),
        gte(availabilityExceptions.date, sql.placeholder('fromDate')),
        lte(availabilityExceptions.date, sql.placeholder('lastDate')),
      ),
    )
    .prepare(),
)

/**
 * The weekly hours and the dated exceptions of some practitioners, as the search reads them; the
 * agenda's grid shades its columns from the same rows (ADR 043).
 */
export function practitionerHours(
  db: DbOrTx,
  input: { practitionerIds: string[]; fromDate: string; lastDate: string },
) {
  const practitionerIds = JSON.stringify(input.practitionerIds)
  return {
    weekly: hoursQuery(db).all({ practitionerIds }),
    exceptions: exceptionsQuery(db).all({
      practitionerIds,
      fromDate: input.fromDate,
      lastDate: input.lastDate,
    }),
  }
}

const closuresQuery = preparedStatement((db) =>
  db
    .select({ date: clinicClosures.date })
    .from(clinicClosures)
    .where(
      and(
        gte(clinicClosures.date, sql.placeholder('fromDate')),
        lte(clinicClosures.date, sql.placeholder('lastDate')),
      ),
    )
    .prepare(),
)

/**
 * The bookings fetch, the one query that grows with the calendar: a range scan of the covering
 * index bookings_practitioner_time per practitioner, returning bare [start, blocked-until] rows.
 * The booking to ignore is matched by rowid, which every index carries, so that the scan never
 * has to visit the table. Prepared once per connection or transaction handle.
 */
function prepareBusyQuery(db: DbOrTx) {
  return db
    .select({ startAt: bookings.startAt, blockedUntil: bookings.blockedUntil })
    .from(bookings)
    .where(
      and(
        eq(bookings.practitionerId, sql.placeholder('practitionerId')),
        gte(bookings.startAt, sql.placeholder('startFrom')),
        lt(bookings.startAt, sql.placeholder('startBefore')),
        gt(bookings.blockedUntil, sql.placeholder('blockedAfter')),
        inArray(bookings.status, [...OCCUPYING_STATUSES]),
        // A hold occupies its time only until it lapses.
        or(ne(bookings.status, 'held'), gt(bookings.holdExpiresAt, sql.placeholder('now'))),
        sql`${bookings}.rowid IS NOT (SELECT rowid FROM ${bookings} WHERE ${bookings.id} = ${sql.placeholder('ignoreBookingId')})`,
      ),
    )
    .orderBy(asc(bookings.startAt))
    .prepare()
}
const busyQuery = preparedStatement(prepareBusyQuery)

/** The query plan of the bookings fetch, so a test can prove it stays on the covering index. */
export function getBusyQueryPlan(db: Db = getDb()): string[] {
  const query = prepareBusyQuery(db).getQuery()
  const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(
    // Any values do for a plan; the shape of the query is what counts.
    ...query.params.map(() => 0),
  ) as { detail: string }[]
  return plan.map((row) => row.detail)
}

export type SearchRequest = {
  settings: SearchSettings
  service: BookableService
  practitionerIds: string[]
  fromDate: string
  days: number
  now: number
  earliestStartAt?: number
  ignoreBookingId?: string
  /** False to ask "would this be offered on an empty calendar?" (taken versus not offered). */
  withBookings: boolean
  /** One slot per start, the first free practitioner in the given order. */
  anyPractitioner?: boolean
}

/** Loads the practitioners' hours, exceptions, closures and bookings for the range and searches. */
export function runSearch(db: DbOrTx, request: SearchRequest): DaySlots[] {
  const { settings, service, practitionerIds, fromDate, days } = request
  const { timeZone } = settings
  const lastDate = addDays(fromDate, days - 1)
  const window = bookingWindow({
    now: request.now,
    timeZone,
    minNoticeHours: settings.minNoticeHours,
    maxAdvanceDays: settings.maxAdvanceDays,
    earliestStartAt: request.earliestStartAt,
  })

  const weekly = new Map<string, WeeklyInterval[]>(practitionerIds.map((id) => [id, []]))
  const exceptions = new Map<string, AvailabilityException[]>(practitionerIds.map((id) => [id, []]))
  const busy = new Map<string, Float64Array>()
  const closedDates = new Set<string>()

  if (practitionerIds.length > 0) {
    const practitionerList = JSON.stringify(practitionerIds)
    for (const [practitionerId, weekday, startMinute, endMinute] of hoursQuery(db).values({
      practitionerIds: practitionerList,
    }) as [string, number, number, number][])
      weekly.get(practitionerId)?.push({ weekday, startMinute, endMinute })
    for (const [practitionerId, kind, date, startMinute, endMinute] of exceptionsQuery(db).values({
      practitionerIds: practitionerList,
      fromDate,
      lastDate,
    }) as [string, AvailabilityExceptionKind, string, number | null, number | null][])
      exceptions.get(practitionerId)?.push({ kind, date, startMinute, endMinute })
    for (const [date] of closuresQuery(db).values({ fromDate, lastDate }) as [string][])
      closedDates.add(date)

    // Only starts inside both the dates and the booking window matter, and a booking matters
    // only if it overlaps one of them with its buffer.
    const firstStart = Math.max(instantAt(fromDate, 0, timeZone), window.earliestStartAt)
    const lastStart = Math.min(instantAt(addDays(lastDate, 1), 0, timeZone), window.latestStartAt)
    const blockedMs = (service.durationMinutes + service.bufferAfterMinutes) * MINUTE_MS
    if (request.withBookings && firstStart <= lastStart) {
      const query = busyQuery(db)
      for (const practitionerId of practitionerIds) {
        const rows = query.values({
          practitionerId,
          startFrom: firstStart - MAX_BOOKING_SPAN_MS,
          startBefore: lastStart + blockedMs,
          blockedAfter: firstStart,
          now: request.now,
          ignoreBookingId: request.ignoreBookingId ?? null,
        }) as [number, number][]
        // Flat pairs, not an object per booking: the search copies them into its own arrays.
        const pairs = new Float64Array(rows.length * 2)
        for (let i = 0; i < rows.length; i++) {
          pairs[2 * i] = rows[i]![0]
          pairs[2 * i + 1] = rows[i]![1]
        }
        busy.set(practitionerId, pairs)
      }
    }
  }

  const schedules: PractitionerSchedule[] = practitionerIds.map((id) => ({
    id,
    weekly: weekly.get(id) ?? [],
    exceptions: exceptions.get(id) ?? [],
    busy: busy.get(id) ?? new Float64Array(0),
  }))
  const input: SlotSearchInput = {
    timeZone,
    slotStepMinutes: settings.slotStepMinutes,
    service,
    fromDate,
    days,
    earliestStartAt: window.earliestStartAt,
    latestStartAt: window.latestStartAt,
    closedDates,
    practitioners: schedules,
  }
  return toDaySlots(input, searchSlots(input), { anyPractitioner: request.anyPractitioner })
}
