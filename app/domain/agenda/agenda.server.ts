import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm'
import { translate } from '#app/i18n/catalogue.ts'
import { privacyAdminMessages } from '#app/i18n/messages/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { instantAt, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { practitionerHours } from '#app/domain/availability/slot-search.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { coursePosition } from '#app/domain/treatment/treatment.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { inJsonList, preparedStatement } from '#db/prepared.server.ts'
import {
  availabilityExceptions,
  bookings,
  clinicClosures,
  patients,
  practitioners,
  services,
  serviceTexts,
} from '#db/schema/index.ts'
import { type GridExtraHours, type GridHours } from './agenda-grid.rules.ts'
import {
  type BookingForBadges,
  consentStatusesOf,
  screeningBadgesOf,
} from './agenda-badges.server.ts'
import { awaitingPatientForms } from '#app/domain/booking/staff-booking.rules.ts'
import {
  AGENDA_STATUSES,
  type AgendaAppointment,
  type AgendaClosure,
  type AgendaTimeOff,
  agendaDates,
  type AgendaStatus,
} from './agenda.rules.ts'
import { type AgendaView } from './agenda.schema.ts'

export { type AgendaAppointment } from './agenda.rules.ts'

/**
 * The clinician's agenda: a day or a week of appointments with where each one's screening and
 * consent stand, for the practitioners the signed-in user may see. Badges for a whole page come
 * from a fixed number of queries, however many appointments there are.
 */

// The agenda's reads, prepared once per connection (docs/decisions/025-request-cost.md): built
// with drizzle and compiled by SQLite on every view, they had cost more than running them. Lists
// of ids are bound as one JSON array (inJsonList), instants as milliseconds.
const allPractitionerIdsQuery = preparedStatement((db) =>
  db.select({ id: practitioners.id }).from(practitioners).prepare(),
)
const ownPractitionerIdsQuery = preparedStatement((db) =>
  db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.userId, sql.placeholder('userId')))
    .prepare(),
)
const appointmentsQuery = preparedStatement((db) =>
  db
    .select({
      booking: bookings,
      practitionerName: practitioners.displayName,
      patientName: patients.fullName,
      patientRestrictedAt: patients.restrictedAt,
      // In the page's language, or the words the service was first written in (ADR 038).
      serviceName: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
      tier: services.tier,
      kind: services.kind,
      courseSessions: services.courseSessions,
    })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .leftJoin(
      serviceTexts,
      and(
        eq(serviceTexts.serviceId, services.id),
        eq(serviceTexts.locale, sql.placeholder('locale')),
      ),
    )
    .where(
      and(
        inJsonList(bookings.practitionerId, 'practitionerIds'),
        inArray(bookings.status, [...AGENDA_STATUSES]),
        gte(bookings.startAt, sql.placeholder('from')),
        lt(bookings.startAt, sql.placeholder('to')),
      ),
    )
    .orderBy(asc(bookings.startAt), asc(practitioners.displayName))
    .prepare(),
)
const completedVisitsQuery = preparedStatement((db) =>
  db
    .select({ patientId: bookings.patientId, startAt: bookings.startAt })
    .from(bookings)
    .where(
      and(
        inJsonList(bookings.patientId, 'patientIds'),
        eq(bookings.status, 'completed'),
        lt(bookings.startAt, sql.placeholder('to')),
      ),
    )
    .prepare(),
)
const practitionerNamesQuery = preparedStatement((db) =>
  db
    .select({ id: practitioners.id, name: practitioners.displayName })
    .from(practitioners)
    .orderBy(asc(practitioners.displayName))
    .prepare(),
)
const closuresQuery = preparedStatement((db) =>
  db
    .select({ date: clinicClosures.date, reason: clinicClosures.reason })
    .from(clinicClosures)
    .where(
      and(
        gte(clinicClosures.date, sql.placeholder('first')),
        lte(clinicClosures.date, sql.placeholder('last')),
      ),
    )
    .orderBy(asc(clinicClosures.date))
    .prepare(),
)
const timeOffQuery = preparedStatement((db) =>
  db
    .select({
      date: availabilityExceptions.date,
      practitionerId: availabilityExceptions.practitionerId,
      practitionerName: practitioners.displayName,
      startMinute: availabilityExceptions.startMinute,
      endMinute: availabilityExceptions.endMinute,
    })
    .from(availabilityExceptions)
    .innerJoin(practitioners, eq(practitioners.id, availabilityExceptions.practitionerId))
    .where(
      and(
        eq(availabilityExceptions.kind, 'time_off'),
        inJsonList(availabilityExceptions.practitionerId, 'practitionerIds'),
        gte(availabilityExceptions.date, sql.placeholder('first')),
        lte(availabilityExceptions.date, sql.placeholder('last')),
      ),
    )
    .orderBy(
      asc(availabilityExceptions.date),
      asc(practitioners.displayName),
      asc(availabilityExceptions.startMinute),
    )
    .prepare(),
)

// The grid's columns: the practitioners in scope (their hours come from the slot search's reads).
const scopeNamesQuery = preparedStatement((db) =>
  db
    .select({ id: practitioners.id, name: practitioners.displayName })
    .from(practitioners)
    .where(inJsonList(practitioners.id, 'practitionerIds'))
    .orderBy(asc(practitioners.displayName), asc(practitioners.id))
    .prepare(),
)

/**
 * The practitioner rows a staff user may see on the agenda: their own, or every one for admins
 * and reception (the front desk runs the whole clinic's day).
 */
export function agendaScope(
  user: StaffUser,
  requested: string | undefined,
  db: Db = getDb(),
): { practitionerIds: string[]; canChoose: boolean; chosen: string | null } {
  if (user.roles.includes('admin') || user.roles.includes('reception')) {
    const all = allPractitionerIdsQuery(db)
      .all()
      .map((row) => row.id)
    const chosen = requested && all.includes(requested) ? requested : null
    return { practitionerIds: chosen ? [chosen] : all, canChoose: true, chosen }
  }
  if (!user.roles.includes('clinician'))
    return { practitionerIds: [], canChoose: false, chosen: null }
  const own = ownPractitionerIdsQuery(db).all({ userId: user.id })
  return { practitionerIds: own.map((row) => row.id), canChoose: false, chosen: null }
}

export type Agenda = {
  timeZone: string
  /** The date asked for (today in the clinic's zone when none was). */
  date: string
  /** Today in the clinic's zone. */
  today: string
  dates: string[]
  canChoosePractitioner: boolean
  /** The practitioner an admin filtered by (null: everyone, or a clinician's own agenda). */
  chosenPractitioner: string | null
  practitioners: { id: string; name: string }[]
  /** A clinician with no practitioner profile has no agenda. */
  hasPractitioner: boolean
  appointments: AgendaAppointment[]
  /** Clinic closures on the agenda's dates. */
  closures: AgendaClosure[]
  /** Time off of the practitioners in scope on the agenda's dates. */
  timeOff: AgendaTimeOff[]
  /** The grid's columns: the practitioners in scope, by name (ADR 043). */
  scope: { id: string; name: string }[]
  /** Their weekly hours and the extra hours on the agenda's dates: the grid shades the rest. */
  hours: GridHours[]
  extraHours: GridExtraHours[]
  /** The clinic's slot step: the grid's rows are this long. */
  stepMinutes: number
  /** The server's time when the page was made: the grid's line at the current time. */
  now: number
}

/**
 * The day or week agenda of the practitioners this user may see, in the clinic's zone. Audited:
 * it shows patients' names next to their treatments and the state of their records.
 */
export function getAgenda(input: {
  user: StaffUser
  view: AgendaView
  /** A clinic calendar date; today in the clinic's zone when missing. */
  date?: string
  practitioner?: string
  ipAddress?: string | null
  requestId?: string | null
  now?: Date
  /** The page's language: service names and course positions are in it. */
  locale?: Locale
}): Agenda {
  const locale = input.locale ?? 'en'
  const db = getDb()
  const zone = getClinicSettings().timeZone
  const today = localDateOf((input.now ?? new Date()).getTime(), zone)
  const date = input.date ?? today
  const dates = agendaDates(input.view, date)
  const from = instantAt(dates[0]!, 0, zone)
  const to = instantAt(dates[dates.length - 1]!, 1440, zone)
  const scope = agendaScope(input.user, input.practitioner, db)
  const rows = scope.practitionerIds.length
    ? appointmentsQuery(db).all({
        practitionerIds: JSON.stringify(scope.practitionerIds),
        from,
        to,
        locale,
      })
    : []
  const forBadges: BookingForBadges[] = rows.map((row) => ({
    id: row.booking.id,
    patientId: row.booking.patientId!,
    status: row.booking.status as AgendaStatus,
    startAt: row.booking.startAt.getTime(),
    timeZone: row.booking.timeZone,
    kind: row.kind,
    tier: row.tier,
  }))
  const screening = screeningBadgesOf(db, forBadges)
  const consent = consentStatusesOf(db, forBadges)
  const patientIds = [...new Set(forBadges.map((row) => row.patientId))]
  const completedVisits = patientIds.length
    ? completedVisitsQuery(db).all({ patientIds: JSON.stringify(patientIds), to })
    : []
  const appointments: AgendaAppointment[] = rows.map((row) => ({
    bookingId: row.booking.id,
    reference: row.booking.reference,
    status: row.booking.status as AgendaStatus,
    startAt: row.booking.startAt.getTime(),
    endAt: row.booking.endAt.getTime(),
    practitionerId: row.booking.practitionerId,
    practitionerName: row.practitionerName,
    // A restricted record (ADR 051) is named to admins only.
    patientName:
      row.patientRestrictedAt && !input.user.roles.includes('admin')
        ? translate(privacyAdminMessages, locale, 'restrictedBlock')
        : row.patientName,
    serviceName: row.serviceName,
    tier: row.tier,
    isConsultation: row.kind === 'consultation',
    course: coursePosition(
      {
        courseSessionNumber: row.booking.courseSessionNumber,
        courseSessions: row.courseSessions,
      },
      locale,
    ).label,
    firstVisit: !completedVisits.some(
      (visit) =>
        visit.patientId === row.booking.patientId &&
        visit.startAt.getTime() < row.booking.startAt.getTime(),
    ),
    screening: screening.get(row.booking.id)!.badge,
    openQuestion: screening.get(row.booking.id)!.openQuestion,
    consent: consent.get(row.booking.id)!,
    awaitingForms: awaitingPatientForms({
      bookedByStaff: row.booking.bookedByUserId !== null,
      serviceKind: row.kind,
      status: row.booking.status,
      hasAnswers: screening.get(row.booking.id)!.badge !== 'missing',
      consentStatus: consent.get(row.booking.id)!,
    }),
  }))
  db.transaction(
    (tx) =>
      recordAuditEvent(tx, {
        action: 'agenda.viewed',
        actor: {
          type: 'staff',
          id: input.user.id,
          ipAddress: input.ipAddress ?? null,
          requestId: input.requestId ?? null,
        },
        details: {
          view: input.view,
          date,
          practitionerId: scope.chosen,
          practitioners: scope.practitionerIds.length,
          appointments: appointments.length,
          bookingIds: appointments.map((a) => a.bookingId),
        },
        at: input.now,
      }),
    { behavior: 'immediate' },
  )
  return {
    timeZone: zone,
    date,
    today,
    dates,
    canChoosePractitioner: scope.canChoose,
    chosenPractitioner: scope.chosen,
    practitioners: scope.canChoose ? practitionerNamesQuery(db).all() : [],
    hasPractitioner: scope.practitionerIds.length > 0,
    appointments,
    ...daysOff(db, dates, scope.practitionerIds),
    ...gridFacts(db, dates, scope.practitionerIds),
    stepMinutes: getClinicSettings().slotStepMinutes,
    now: (input.now ?? new Date()).getTime(),
  }
}

/** The grid's columns and the hours that shade it, for the practitioners in scope. */
function gridFacts(
  db: Db,
  dates: string[],
  practitionerIds: string[],
): { scope: Agenda['scope']; hours: GridHours[]; extraHours: GridExtraHours[] } {
  if (practitionerIds.length === 0) return { scope: [], hours: [], extraHours: [] }
  const { weekly, exceptions } = practitionerHours(db, {
    practitionerIds,
    fromDate: dates[0]!,
    lastDate: dates[dates.length - 1]!,
  })
  return {
    scope: scopeNamesQuery(db).all({ practitionerIds: JSON.stringify(practitionerIds) }),
    hours: weekly,
    extraHours: exceptions.flatMap(({ kind, practitionerId, date, startMinute, endMinute }) =>
      kind !== 'extra_hours' || startMinute === null || endMinute === null
        ? []
        : [{ practitionerId, date, startMinute, endMinute }],
    ),
  }
}

/** Closures and time off on the given dates, for the practitioners in scope. */
function daysOff(
  db: Db,
  dates: string[],
  practitionerIds: string[],
): { closures: AgendaClosure[]; timeOff: AgendaTimeOff[] } {
  const first = dates[0]!
  const last = dates[dates.length - 1]!
  const closures = closuresQuery(db).all({ first, last })
  const timeOff = practitionerIds.length
    ? timeOffQuery(db).all({ practitionerIds: JSON.stringify(practitionerIds), first, last })
    : []
  return { closures, timeOff }
}
