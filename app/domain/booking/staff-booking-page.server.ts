import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { getClinicPhoneCountry, getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { searchPatients } from '#app/domain/patients/patient-search.server.ts'
import { patientSearchSchema } from '#app/domain/patients/patient-search.schema.ts'
import { mayOpenPatient } from '#app/domain/privacy/restriction.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  formatAppointment,
  formatCalendarDate,
  formatDateAndTime,
  formatDateInZone,
} from '#app/utils/format.ts'
import { carriedOf } from './staff-booking-links.ts'
import { parseStartInstant } from './staff-booking.rules.ts'
import { type StaffBookingQuery } from './staff-booking.schema.ts'
import {
  getCallerPatient,
  getStaffBookingChoices,
  getStaffBookingSummary,
} from './staff-booking.server.ts'

/**
 * What the staff booking page shows at each step (ADR 042), from the choices in its address:
 * the booking just made ("done"), finding or adding the patient ("patient"), then the service,
 * practitioner and time ("service" until a service is chosen, then "time"). Null: the "done"
 * step names a booking that does not exist.
 */
export function loadStaffBookingPage(input: {
  query: StaffBookingQuery
  locale: Locale
  /** Searching patients is audited as this staff member's. */
  actor: StaffActor
  /** Restricted records are found and booked by admins only (ADR 051). */
  viewerRoles: readonly StaffRole[]
  now: Date
}) {
  const { query, locale, now } = input
  const settings = getClinicSettings()
  const zone = settings.timeZone
  const carried = carriedOf(query)

  if (query.booked) {
    const done = getStaffBookingSummary(query.booked)
    if (!done) return null
    return {
      step: 'done' as const,
      carried,
      done: {
        reference: done.reference,
        patientId: done.patientId,
        patientName: done.patientName,
        patientEmail: done.patientEmail,
        serviceName: done.serviceName,
        practitionerName: done.practitionerName,
        when: formatAppointment(done.startAt, done.endAt, done.timeZone, locale),
        awaitingForms: done.awaitingForms,
        overrideReason: done.policyOverrideReason,
      },
    }
  }

  const caller = query.patientId ? getCallerPatient(query.patientId) : null
  const found = caller && mayOpenPatient(input.viewerRoles, caller.id) ? caller : null
  const country = getClinicPhoneCountry()
  if (!found) {
    let search = null
    let searchError: string | null = null
    if (query.q !== undefined) {
      const parsed = patientSearchSchema(locale).safeParse({ q: query.q })
      if (parsed.success) {
        const outcome = searchPatients({
          query: parsed.data.q,
          actor: input.actor,
          now,
          locale,
          viewerRoles: input.viewerRoles,
        })
        search = outcome.results.map((p) => ({
          id: p.id,
          fullName: p.fullName,
          email: p.email,
          phone: formatPhone(p.phone, country),
          born: formatCalendarDate(p.dateOfBirth, locale),
        }))
      } else searchError = parsed.error.issues[0]?.message ?? null
    }
    return { step: 'patient' as const, carried, q: query.q ?? '', search, searchError }
  }

  const patient = {
    id: found.id,
    fullName: found.fullName,
    email: found.email,
    phone: formatPhone(found.phone, country),
    born: formatCalendarDate(found.dateOfBirth, locale),
  }
  const start = parseStartInstant(query.start)
  const startDate = start !== null ? localDateOf(start, zone) : undefined
  const choices = getStaffBookingChoices({
    patientId: found.id,
    serviceId: query.serviceId,
    practitioner: query.practitionerId ?? 'any',
    from: query.from ?? startDate,
    date: query.date ?? startDate,
    policyOverride: query.override === '1',
    now,
    locale,
  })
  const preselected =
    start !== null && query.practitionerId ? `${query.practitionerId}@${start}` : null
  const picker = choices.picker
  return {
    step: picker ? ('time' as const) : ('service' as const),
    carried,
    patient,
    services: choices.services.map((s) => ({ id: s.id, name: s.name })),
    serviceId: query.serviceId ?? null,
    practitionerId: query.practitionerId ?? 'any',
    override: query.override === '1',
    startLabel: start !== null ? formatDateAndTime(start, zone, locale) : null,
    preselected,
    startOffered:
      preselected !== null && Boolean(picker?.slots.some((s) => s.value === preselected)),
    courseSpacingFrom:
      choices.earliestStartAt !== null && choices.earliestStartAt > now.getTime()
        ? formatDateInZone(choices.earliestStartAt, zone, locale)
        : null,
    defaultLocale: settings.defaultLocale,
    picker,
  }
}

export type StaffBookingPage = NonNullable<ReturnType<typeof loadStaffBookingPage>>
