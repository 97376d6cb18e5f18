import { and, asc, eq, ne, or, sql } from 'drizzle-orm'
import { isRealCalendarDate } from '#app/domain/shared/fields.schema.ts'
import { getDb } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { practitioners, practitionerServices, services } from '#db/schema/index.ts'
import { addDays, localDateOf, MINUTE_MS } from '#app/domain/shared/calendar.rules.ts'
import { bookingWindow, type DaySlots, nearestSlots, type Slot } from './slots.rules.ts'
import {
  type DbOrTx,
  getBookableService,
  getSearchSettings,
  runSearch,
  type SearchRequest,
  type SearchSettings,
} from './slot-search.server.ts'

/**
 * Availability use cases (docs/decisions/015-slot-search.md). Everything is synchronous, so the
 * booking code can call checkSlot inside its BEGIN IMMEDIATE transaction.
 */

/** A patient may look at most this many days at once (a month view). */
export const MAX_SEARCH_DAYS = 31
/** How far either side of a taken slot to look for the nearest free ones. */
export const NEAREST_SEARCH_DAYS_EITHER_SIDE = 3
const DEFAULT_NEAREST_COUNT = 3
/**
 * How far ahead staff may book when they override the advance-booking limit (ADR 042): the
 * override lifts the notice and advance limits only, never hours, overlaps or course spacing.
 */
export const POLICY_OVERRIDE_MAX_ADVANCE_DAYS = 730

/** The search settings, with the notice and advance limits lifted when staff override them. */
function searchSettingsFor(db: DbOrTx, policyOverride: boolean | undefined): SearchSettings {
  const settings = getSearchSettings(db)
  return policyOverride
    ? { ...settings, minNoticeHours: 0, maxAdvanceDays: POLICY_OVERRIDE_MAX_ADVANCE_DAYS }
    : settings
}

/** Who may perform the service, with what the patient reads when choosing (ADR 037). */
export type QualifiedPractitioner = {
  id: string
  displayName: string
  title: string
  registration: string
  bio: string
  photoKey: string | null
}

export type AvailableSlots = {
  timeZone: string
  qualifiedPractitioners: QualifiedPractitioner[]
  days: DaySlots[]
}

export type SlotCheckReason =
  'unknown-service' | 'not-qualified' | 'too-soon' | 'too-far' | 'not-offered' | 'taken'

export type SlotCheck =
  { ok: true; slot: Slot; blockedUntil: number } | { ok: false; reason: SlotCheckReason }

const qualifiedPractitionersQuery = preparedStatement((db) =>
  db
    .select({
      id: practitioners.id,
      displayName: practitioners.displayName,
      title: practitioners.title,
      registration: practitioners.registration,
      bio: practitioners.bio,
      photoKey: practitioners.photoKey,
    })
    .from(practitionerServices)
    .innerJoin(services, eq(services.id, practitionerServices.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, practitionerServices.practitionerId))
    .where(
      and(
        eq(practitionerServices.serviceId, sql.placeholder('serviceId')),
        eq(services.isActive, true),
        eq(practitioners.isActive, true),
        or(ne(services.tier, 'medical'), eq(practitioners.credential, 'medical')),
      ),
    )
    .orderBy(asc(practitioners.displayName), asc(practitioners.id))
    .prepare(),
)

/**
 * Active practitioners who perform the active service, by display name; a medical-tier service
 * only ever lists medical practitioners, whatever the service links say.
 */
export function listQualifiedPractitioners(
  serviceId: string,
  db: DbOrTx = getDb(),
): QualifiedPractitioner[] {
  return qualifiedPractitionersQuery(db).all({ serviceId })
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
    /** Staff lift the notice and advance limits (ADR 042). */
    policyOverride?: boolean
  },
  db: DbOrTx = getDb(),
): AvailableSlots {
  if (!ISO_DATE.test(input.fromDate) || !isRealCalendarDate(input.fromDate))
    throw new RangeError(`Not a date: ${input.fromDate}`)
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_SEARCH_DAYS)
    throw new RangeError(`Search 1 to ${MAX_SEARCH_DAYS} days, not ${input.days}`)
  const settings = searchSettingsFor(db, input.policyOverride)
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
        anyPractitioner: input.practitionerId === 'any',
      })
    : Array.from({ length: input.days }, (_, index) => ({
        date: addDays(input.fromDate, index),
        slots: [],
      }))
  return {
    timeZone: settings.timeZone,
    qualifiedPractitioners,
    days,
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
    /** Staff lift the notice and advance limits (ADR 042). */
    policyOverride?: boolean
  },
  db: DbOrTx = getDb(),
): SlotCheck {
  const service = getBookableService(db, input.serviceId)
  if (!service) return { ok: false, reason: 'unknown-service' }
  const qualified = listQualifiedPractitioners(input.serviceId, db)
  if (!qualified.some((practitioner) => practitioner.id === input.practitionerId))
    return { ok: false, reason: 'not-qualified' }
  if (!Number.isFinite(input.startAt)) return { ok: false, reason: 'not-offered' }

  const settings = searchSettingsFor(db, input.policyOverride)
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
