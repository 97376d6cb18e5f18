import { and, asc, eq, gt, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm'
import { OCCUPYING_STATUSES } from '#app/domain/booking/booking.schema.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import {
  availabilityExceptions,
  bookings,
  clinicClosures,
  clinicSettings,
  practitioners,
  practitionerServices,
  services,
  workingHours,
} from '#db/schema/index.ts'
import {
  addDays,
  type AvailabilityException,
  instantAt,
  type Interval,
  localDateOf,
  MINUTE_MS,
  type WeeklyInterval,
} from './availability.rules.ts'
import {
  bookingWindow,
  collapseToAnyPractitioner,
  type DaySlots,
  nearestSlots,
  type PractitionerSchedule,
  searchSlots,
  type Slot,
} from './slots.rules.ts'

/**
 * Availability use cases (docs/decisions/015-slot-search.md): read what the slot search needs,
 * in a few bounded, indexed queries, and run the pure search. Everything is synchronous, so the
 * booking code can call checkSlot inside its BEGIN IMMEDIATE transaction.
 */

type DbOrTx = Tx | Db

/** A patient may look at most this many days at once (a month view). */
export const MAX_SEARCH_DAYS = 31
/** How far either side of a taken slot to look for the nearest free ones. */
export const NEAREST_SEARCH_DAYS_EITHER_SIDE = 3
const DEFAULT_NEAREST_COUNT = 3
/**
 * No booking spans more than this from start to blocked-until: services last at most 8 h plus a
 * 4 h buffer (CHECK constraints on services). A day keeps the bookings scan bounded from below,
 * so it never walks a practitioner's whole history (performance-goals.md 2.2, finding 3).
 */
const MAX_BOOKING_SPAN_MS = 24 * 60 * MINUTE_MS

export type QualifiedPractitioner = { id: string; displayName: string; title: string }

export type AvailableSlots = {
  timeZone: string
  qualifiedPractitioners: QualifiedPractitioner[]
  days: DaySlots[]
}

export type SlotCheckReason =
  'unknown-service' | 'not-qualified' | 'too-soon' | 'too-far' | 'not-offered' | 'taken'

export type SlotCheck =
  { ok: true; slot: Slot; blockedUntil: number } | { ok: false; reason: SlotCheckReason }

type SearchSettings = {
  timeZone: string
  slotStepMinutes: number
  minNoticeHours: number
  maxAdvanceDays: number
}
type BookableService = { id: string; durationMinutes: number; bufferAfterMinutes: number }

function getSearchSettings(db: DbOrTx): SearchSettings {
  const row = db
    .select({
      timeZone: clinicSettings.timeZone,
      slotStepMinutes: clinicSettings.slotStepMinutes,
      minNoticeHours: clinicSettings.minNoticeHours,
      maxAdvanceDays: clinicSettings.maxAdvanceDays,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 'clinic'))
    .get()
  if (!row) throw new Error('The clinic has no settings row: run the migrations and the seed.')
  return row
}

function getBookableService(db: DbOrTx, serviceId: string): BookableService | undefined {
  return db
    .select({
      id: services.id,
      durationMinutes: services.durationMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
    })
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.isActive, true)))
    .get()
}

/**
 * Active practitioners who perform the active service, by display name; a medical-tier service
 * only ever lists medical practitioners, whatever the service links say.
 */
export function listQualifiedPractitioners(
  serviceId: string,
  db: DbOrTx = getDb(),
): QualifiedPractitioner[] {
  return db
    .select({
      id: practitioners.id,
      displayName: practitioners.displayName,
      title: practitioners.title,
    })
    .from(practitionerServices)
    .innerJoin(services, eq(services.id, practitionerServices.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, practitionerServices.practitionerId))
    .where(
      and(
        eq(practitionerServices.serviceId, serviceId),
        eq(services.isActive, true),
        eq(practitioners.isActive, true),
        or(ne(services.tier, 'medical'), eq(practitioners.credential, 'medical')),
      ),
    )
    .orderBy(asc(practitioners.displayName), asc(practitioners.id))
    .all()
}

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
type BusyQuery = ReturnType<typeof prepareBusyQuery>
const busyQueries = new WeakMap<DbOrTx, BusyQuery>()

function getBusyQuery(db: DbOrTx): BusyQuery {
  let query = busyQueries.get(db)
  if (!query) {
    query = prepareBusyQuery(db)
    busyQueries.set(db, query)
  }
  return query
}

/** The query plan of the bookings fetch, so a test can prove it stays on the covering index. */
export function getBusyQueryPlan(db: Db = getDb()): string[] {
  const query = prepareBusyQuery(db).getQuery()
  const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(
    // Any values do for a plan; the shape of the query is what counts.
    ...query.params.map(() => 0),
  ) as { detail: string }[]
  return plan.map((row) => row.detail)
}

type SearchRequest = {
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
}

/** Loads the practitioners' hours, exceptions, closures and bookings for the range and searches. */
function runSearch(db: DbOrTx, request: SearchRequest): DaySlots[] {
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
  const busy = new Map<string, Interval[]>(practitionerIds.map((id) => [id, []]))
  const closedDates = new Set<string>()

  if (practitionerIds.length > 0) {
    const hourRows = db
      .select({
        practitionerId: workingHours.practitionerId,
        weekday: workingHours.weekday,
        startMinute: workingHours.startMinute,
        endMinute: workingHours.endMinute,
      })
      .from(workingHours)
      .where(inArray(workingHours.practitionerId, practitionerIds))
      .all()
    for (const { practitionerId, ...interval } of hourRows)
      weekly.get(practitionerId)?.push(interval)

    const exceptionRows = db
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
          inArray(availabilityExceptions.practitionerId, practitionerIds),
          gte(availabilityExceptions.date, fromDate),
          lte(availabilityExceptions.date, lastDate),
        ),
      )
      .all()
    for (const { practitionerId, ...exception } of exceptionRows)
      exceptions.get(practitionerId)?.push(exception)

    const closureRows = db
      .select({ date: clinicClosures.date })
      .from(clinicClosures)
      .where(and(gte(clinicClosures.date, fromDate), lte(clinicClosures.date, lastDate)))
      .all()
    for (const { date } of closureRows) closedDates.add(date)

    // Only starts inside both the dates and the booking window matter, and a booking matters
    // only if it overlaps one of them with its buffer.
    const firstStart = Math.max(instantAt(fromDate, 0, timeZone), window.earliestStartAt)
    const lastStart = Math.min(instantAt(addDays(lastDate, 1), 0, timeZone), window.latestStartAt)
    const blockedMs = (service.durationMinutes + service.bufferAfterMinutes) * MINUTE_MS
    if (request.withBookings && firstStart <= lastStart) {
      const query = getBusyQuery(db)
      for (const practitionerId of practitionerIds) {
        const rows = query.values({
          practitionerId,
          startFrom: firstStart - MAX_BOOKING_SPAN_MS,
          startBefore: lastStart + blockedMs,
          blockedAfter: firstStart,
          now: request.now,
          ignoreBookingId: request.ignoreBookingId ?? null,
        }) as [number, number][]
        busy.set(
          practitionerId,
          rows.map(([startAt, blockedUntil]) => ({ startAt, endAt: blockedUntil })),
        )
      }
    }
  }

  const schedules: PractitionerSchedule[] = practitionerIds.map((id) => ({
    id,
    weekly: weekly.get(id) ?? [],
    exceptions: exceptions.get(id) ?? [],
    busy: busy.get(id) ?? [],
  }))
  return searchSlots({
    timeZone,
    slotStepMinutes: settings.slotStepMinutes,
    service,
    fromDate,
    days,
    earliestStartAt: window.earliestStartAt,
    latestStartAt: window.latestStartAt,
    closedDates,
    practitioners: schedules,
  }).days
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Free slots of a service per clinic-local date, for one practitioner or "any" (one slot per
 * start, the first free practitioner by name). A practitioner who is not qualified, or an
 * unknown service, gives empty days rather than an error.
 */
export function findAvailableSlots(
  input: {
    serviceId: string
    practitionerId: string | 'any'
    fromDate: string
    days: number
    now: Date
    earliestStartAt?: number
    ignoreBookingId?: string
  },
  db: DbOrTx = getDb(),
): AvailableSlots {
  if (!ISO_DATE.test(input.fromDate)) throw new RangeError(`Not a date: ${input.fromDate}`)
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_SEARCH_DAYS)
    throw new RangeError(`Search 1 to ${MAX_SEARCH_DAYS} days, not ${input.days}`)
  const settings = getSearchSettings(db)
  const service = getBookableService(db, input.serviceId)
  const qualifiedPractitioners = service ? listQualifiedPractitioners(input.serviceId, db) : []
  const practitionerIds = qualifiedPractitioners
    .map((practitioner) => practitioner.id)
    .filter((id) => input.practitionerId === 'any' || id === input.practitionerId)
  const days = service
    ? runSearch(db, {
        settings,
        service,
        practitionerIds,
        fromDate: input.fromDate,
        days: input.days,
        now: input.now.getTime(),
        earliestStartAt: input.earliestStartAt,
        ignoreBookingId: input.ignoreBookingId,
        withBookings: true,
      })
    : Array.from({ length: input.days }, (_, index) => ({
        date: addDays(input.fromDate, index),
        slots: [],
      }))
  return {
    timeZone: settings.timeZone,
    qualifiedPractitioners,
    days:
      input.practitionerId === 'any'
        ? days.map((day) => ({ date: day.date, slots: collapseToAnyPractitioner(day.slots) }))
        : days,
  }
}

/**
 * Whether one practitioner's slot is bookable right now, by the same search that offers slots
 * (one definition of "offered"). Safe inside the booking transaction: pass its handle.
 */
export function checkSlot(
  input: {
    serviceId: string
    practitionerId: string
    startAt: number
    now: Date
    earliestStartAt?: number
    ignoreBookingId?: string
  },
  db: DbOrTx = getDb(),
): SlotCheck {
  const service = getBookableService(db, input.serviceId)
  if (!service) return { ok: false, reason: 'unknown-service' }
  const qualified = listQualifiedPractitioners(input.serviceId, db)
  if (!qualified.some((practitioner) => practitioner.id === input.practitionerId))
    return { ok: false, reason: 'not-qualified' }
  if (!Number.isFinite(input.startAt)) return { ok: false, reason: 'not-offered' }

  const settings = getSearchSettings(db)
  const now = input.now.getTime()
  const window = bookingWindow({
    now,
    timeZone: settings.timeZone,
    minNoticeHours: settings.minNoticeHours,
    maxAdvanceDays: settings.maxAdvanceDays,
    earliestStartAt: input.earliestStartAt,
  })
  if (input.startAt < window.earliestStartAt) return { ok: false, reason: 'too-soon' }
  if (input.startAt > window.latestStartAt) return { ok: false, reason: 'too-far' }

  const request: SearchRequest = {
    settings,
    service,
    practitionerIds: [input.practitionerId],
    fromDate: localDateOf(input.startAt, settings.timeZone),
    days: 1,
    now,
    earliestStartAt: input.earliestStartAt,
    ignoreBookingId: input.ignoreBookingId,
    withBookings: true,
  }
  const findIn = (days: DaySlots[]) => days[0]?.slots.find((s) => s.startAt === input.startAt)
  const slot = findIn(runSearch(db, request))
  if (slot) {
    const bufferMs = service.bufferAfterMinutes * MINUTE_MS
    return { ok: true, slot, blockedUntil: slot.endAt + bufferMs }
  }
  const offeredWhenEmpty = findIn(runSearch(db, { ...request, withBookings: false }))
  return { ok: false, reason: offeredWhenEmpty ? 'taken' : 'not-offered' }
}

/**
 * The `count` free slots closest in time to `around`, searching a few days either side: what to
 * offer when the slot a patient held has been taken.
 */
export function findNearestFreeSlots(
  input: {
    serviceId: string
    practitionerId: string | 'any'
    around: number
    now: Date
    count?: number
    earliestStartAt?: number
    ignoreBookingId?: string
  },
  db: DbOrTx = getDb(),
): Slot[] {
  const { timeZone } = getSearchSettings(db)
  const { days } = findAvailableSlots(
    {
      serviceId: input.serviceId,
      practitionerId: input.practitionerId,
      fromDate: addDays(localDateOf(input.around, timeZone), -NEAREST_SEARCH_DAYS_EITHER_SIDE),
      days: 2 * NEAREST_SEARCH_DAYS_EITHER_SIDE + 1,
      now: input.now,
      earliestStartAt: input.earliestStartAt,
      ignoreBookingId: input.ignoreBookingId,
    },
    db,
  )
  return nearestSlots(
    days.flatMap((day) => day.slots),
    input.around,
    input.count ?? DEFAULT_NEAREST_COUNT,
  )
}
