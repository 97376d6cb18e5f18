import { and, asc, eq, gte } from 'drizzle-orm'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { getDb } from '#db/client.server.ts'
import {
  availabilityExceptions,
  clinicClosures,
  practitioners,
  practitionerServices,
  practitionerTexts,
  services,
  serviceTexts,
  workingHours,
} from '#db/schema/index.ts'
import { getClinicOverview, getClinicSettings } from './clinic.server.ts'

/**
 * What the admin pages read. The use cases that change things live beside this file:
 * admin-practitioners.server.ts, admin-services.server.ts and admin-clinic.server.ts.
 */

/** Every practitioner, active first, with the names of the services they perform. */
export function listAdminPractitioners() {
  const db = getDb()
  const rows = db
    .select({
      id: practitioners.id,
      displayName: practitioners.displayName,
      title: practitioners.title,
      credential: practitioners.credential,
      isActive: practitioners.isActive,
    })
    .from(practitioners)
    .orderBy(asc(practitioners.displayName))
    .all()
  const links = db
    .select({ practitionerId: practitionerServices.practitionerId, name: services.name })
    .from(practitionerServices)
    .innerJoin(services, eq(services.id, practitionerServices.serviceId))
    .orderBy(asc(services.sortOrder))
    .all()
  const hours = db
    .select({ practitionerId: workingHours.practitionerId, weekday: workingHours.weekday })
    .from(workingHours)
    .all()
  return rows
    .map((row) => ({
      ...row,
      services: links.filter((l) => l.practitionerId === row.id).map((l) => l.name),
      workingDays: [
        ...new Set(hours.filter((h) => h.practitionerId === row.id).map((h) => h.weekday)),
      ].sort(),
    }))
    .sort((a, b) => Number(b.isActive) - Number(a.isActive))
}

/** One practitioner with everything their admin page edits; null when unknown. */
export function getAdminPractitioner(practitionerId: string, now = new Date()) {
  const db = getDb()
  const practitioner = db
    .select()
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId))
    .get()
  if (!practitioner) return null
  const italian = db
    .select({ title: practitionerTexts.title, bio: practitionerTexts.bio })
    .from(practitionerTexts)
    .where(
      and(eq(practitionerTexts.practitionerId, practitionerId), eq(practitionerTexts.locale, 'it')),
    )
    .get()
  const { timeZone } = getClinicSettings()
  const today = localDateOf(now.getTime(), timeZone)
  const serviceIds = db
    .select({ serviceId: practitionerServices.serviceId })
    .from(practitionerServices)
    .where(eq(practitionerServices.practitionerId, practitionerId))
    .all()
    .map((row) => row.serviceId)
  return {
    timeZone,
    today,
    practitioner: {
      id: practitioner.id,
      displayName: practitioner.displayName,
      title: practitioner.title,
      credential: practitioner.credential,
      registration: practitioner.registration,
      bio: practitioner.bio,
      titleIt: italian?.title ?? '',
      bioIt: italian?.bio ?? '',
      photoKey: practitioner.photoKey,
      maxNeedleDepthUm: practitioner.maxNeedleDepthUm,
      isActive: practitioner.isActive,
      hasSignIn: practitioner.userId !== null,
    },
    serviceIds,
    services: listServiceChoices(),
    weekly: db
      .select({
        weekday: workingHours.weekday,
        startMinute: workingHours.startMinute,
        endMinute: workingHours.endMinute,
      })
      .from(workingHours)
      .where(eq(workingHours.practitionerId, practitionerId))
      .orderBy(asc(workingHours.weekday), asc(workingHours.startMinute))
      .all(),
    exceptions: db
      .select({
        id: availabilityExceptions.id,
        kind: availabilityExceptions.kind,
        date: availabilityExceptions.date,
        startMinute: availabilityExceptions.startMinute,
        endMinute: availabilityExceptions.endMinute,
        note: availabilityExceptions.note,
      })
      .from(availabilityExceptions)
      .where(
        and(
          eq(availabilityExceptions.practitionerId, practitionerId),
          gte(availabilityExceptions.date, today),
        ),
      )
      .orderBy(asc(availabilityExceptions.date), asc(availabilityExceptions.startMinute))
      .all(),
  }
}

function listServiceChoices() {
  return getDb()
    .select({
      id: services.id,
      name: services.name,
      tier: services.tier,
      kind: services.kind,
      isActive: services.isActive,
    })
    .from(services)
    .orderBy(asc(services.sortOrder), asc(services.name))
    .all()
}

/** Every service in the clinic's order, inactive ones included. */
export function listAdminServices() {
  const db = getDb()
  const counts = db
    .select({ serviceId: practitionerServices.serviceId })
    .from(practitionerServices)
    .innerJoin(practitioners, eq(practitioners.id, practitionerServices.practitionerId))
    .where(eq(practitioners.isActive, true))
    .all()
  return db
    .select()
    .from(services)
    .orderBy(asc(services.sortOrder), asc(services.name))
    .all()
    .map((service) => ({
      id: service.id,
      name: service.name,
      kind: service.kind,
      tier: service.tier,
      durationMinutes: service.durationMinutes,
      maxNeedleDepthUm: service.maxNeedleDepthUm,
      priceCents: service.priceCents,
      isActive: service.isActive,
      practitionerCount: counts.filter((row) => row.serviceId === service.id).length,
    }))
}

/** One service as its edit form shows it; null when unknown. */
export function getAdminService(serviceId: string) {
  const row = getDb().select().from(services).where(eq(services.id, serviceId)).get()
  if (!row) return null
  const italian = getDb()
    .select()
    .from(serviceTexts)
    .where(and(eq(serviceTexts.serviceId, serviceId), eq(serviceTexts.locale, 'it')))
    .get()
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    kind: row.kind,
    tier: row.tier,
    durationMinutes: row.durationMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    maxNeedleDepthUm: row.maxNeedleDepthUm,
    courseSessions: row.courseSessions,
    courseIntervalWeeks: row.courseIntervalWeeks,
    priceCents: row.priceCents,
    downtime: row.downtime,
    isActive: row.isActive,
    sortOrder: row.sortOrder,
    nameIt: italian?.name ?? '',
    descriptionIt: italian?.description ?? '',
    downtimeIt: italian?.downtime ?? '',
  }
}

/** The next sort position for a new service (after the last one). */
export function getNextServiceSortOrder(): number {
  const rows = getDb().select({ sortOrder: services.sortOrder }).from(services).all()
  return Math.min(999, Math.max(-1, ...rows.map((row) => row.sortOrder)) + 1)
}

/** Closures from today on, in date order, with the clinic's zone and today's date. */
export function listUpcomingClosures(now = new Date()) {
  const { timeZone } = getClinicSettings()
  const today = localDateOf(now.getTime(), timeZone)
  return {
    today,
    timeZone,
    closures: getDb()
      .select({ id: clinicClosures.id, date: clinicClosures.date, reason: clinicClosures.reason })
      .from(clinicClosures)
      .where(gte(clinicClosures.date, today))
      .orderBy(asc(clinicClosures.date))
      .all(),
  }
}

/** The booking policies form: current values and the zones to choose from. */
export function getPoliciesForm() {
  const settings = getClinicSettings()
  return {
    policies: {
      timeZone: settings.timeZone,
      slotStepMinutes: settings.slotStepMinutes,
      minNoticeHours: settings.minNoticeHours,
      maxAdvanceDays: settings.maxAdvanceDays,
      holdMinutes: settings.holdMinutes,
      cancellationWindowHours: settings.cancellationWindowHours,
      minDaysBetweenNeedling: settings.minDaysBetweenNeedling,
      maxUpcomingBookingsPerEmail: settings.maxUpcomingBookingsPerEmail,
    },
    timeZones: Intl.supportedValuesOf('timeZone'),
  }
}

/** The clinic details form: what patients read about the clinic. */
export function getClinicDetailsForm() {
  const settings = getClinicSettings()
  return {
    details: {
      name: settings.name,
      phone: settings.phone,
      email: settings.email,
      address: settings.address,
      defaultLocale: settings.defaultLocale,
    },
  }
}

/** The admin overview: policies, practitioners, services and the next few closures. */
export function getAdminOverview(now = new Date()) {
  const overview = getClinicOverview()
  const { closures } = listUpcomingClosures(now)
  return { ...overview, nextClosures: closures.slice(0, 5), closureCount: closures.length }
}
