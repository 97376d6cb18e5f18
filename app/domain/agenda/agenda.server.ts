import { and, asc, eq, gte, inArray, lt, lte } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { instantAt } from '#app/domain/availability/availability.rules.ts'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { coursePosition } from '#app/domain/treatment/treatment.rules.ts'
import { getDb } from '#db/client.server.ts'
import { bookings, patients, practitioners, services } from '#db/schema/index.ts'
import { agendaDates, type AgendaView } from './agenda.rules.ts'

/** Bookings that belong on an agenda: coming, done or missed (not holds or cancellations). */
const AGENDA_STATUSES = ['pending_review', 'confirmed', 'completed', 'no_show'] as const

export type AgendaAppointment = {
  bookingId: string
  reference: string
  status: (typeof AGENDA_STATUSES)[number]
  startAt: number
  endAt: number
  practitionerId: string
  practitionerName: string
  patientName: string
  serviceName: string
  tier: string
  isConsultation: boolean
  course: string
  firstVisit: boolean
}

/** The practitioner rows a staff user may see on the agenda: their own, or every one for admins. */
export function agendaScope(
  user: StaffUser,
  requested: string | undefined,
): { practitionerIds: string[]; canChoose: boolean } {
  const db = getDb()
  if (user.roles.includes('admin')) {
    const all = db
      .select({ id: practitioners.id })
      .from(practitioners)
      .all()
      .map((row) => row.id)
    const chosen = requested && all.includes(requested) ? [requested] : all
    return { practitionerIds: chosen, canChoose: true }
  }
  const own = db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.userId, user.id))
    .all()
  return { practitionerIds: own.map((row) => row.id), canChoose: false }
}

/**
 * The day or week agenda of the practitioners this user may see, in the clinic's zone. Audited:
 * it shows patients' names next to their treatments.
 */
export function getAgenda(input: {
  user: StaffUser
  view: AgendaView
  date: string
  practitioner?: string
  ipAddress?: string | null
  requestId?: string | null
}) {
  const db = getDb()
  const settings = getClinicSettings()
  const zone = settings.timeZone
  const dates = agendaDates(input.view, input.date)
  const from = instantAt(dates[0]!, 0, zone)
  const to = instantAt(dates[dates.length - 1]!, 1440, zone)
  const scope = agendaScope(input.user, input.practitioner)
  const rows = scope.practitionerIds.length
    ? db
        .select({
          booking: bookings,
          practitionerName: practitioners.displayName,
          patientName: patients.fullName,
          serviceName: services.name,
          tier: services.tier,
          kind: services.kind,
          courseSessions: services.courseSessions,
        })
        .from(bookings)
        .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .innerJoin(patients, eq(patients.id, bookings.patientId))
        .where(
          and(
            inArray(bookings.practitionerId, scope.practitionerIds),
            inArray(bookings.status, [...AGENDA_STATUSES]),
            gte(bookings.startAt, new Date(from)),
            lt(bookings.startAt, new Date(to)),
          ),
        )
        .orderBy(asc(bookings.startAt))
        .all()
    : []
  const patientIds = [...new Set(rows.map((row) => row.booking.patientId!))]
  const earlierVisits = patientIds.length
    ? db
        .select({ patientId: bookings.patientId, startAt: bookings.startAt })
        .from(bookings)
        .where(
          and(
            inArray(bookings.patientId, patientIds),
            inArray(bookings.status, ['completed']),
            lte(bookings.startAt, new Date(to)),
          ),
        )
        .all()
    : []
  const appointments: AgendaAppointment[] = rows.map((row) => ({
    bookingId: row.booking.id,
    reference: row.booking.reference,
    status: row.booking.status as AgendaAppointment['status'],
    startAt: row.booking.startAt.getTime(),
    endAt: row.booking.endAt.getTime(),
    practitionerId: row.booking.practitionerId,
    practitionerName: row.practitionerName,
    patientName: row.patientName,
    serviceName: row.serviceName,
    tier: row.tier,
    isConsultation: row.kind === 'consultation',
    course: coursePosition({
      courseSessionNumber: row.booking.courseSessionNumber,
      courseSessions: row.courseSessions,
    }).label,
    firstVisit: !earlierVisits.some(
      (visit) =>
        visit.patientId === row.booking.patientId &&
        visit.startAt.getTime() < row.booking.startAt.getTime(),
    ),
  }))
  recordAuditEvent(db, {
    action: 'agenda.viewed',
    actor: {
      type: 'staff',
      id: input.user.id,
      ipAddress: input.ipAddress ?? null,
      requestId: input.requestId ?? null,
    },
    details: {
      view: input.view,
      date: input.date,
      practitioners: scope.practitionerIds.length,
      appointments: appointments.length,
    },
  })
  return {
    timeZone: zone,
    dates,
    canChoosePractitioner: scope.canChoose,
    practitioners: scope.canChoose
      ? db
          .select({ id: practitioners.id, name: practitioners.displayName })
          .from(practitioners)
          .orderBy(asc(practitioners.displayName))
          .all()
      : [],
    appointments,
  }
}
