import { and, asc, eq, sql } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { getDb } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import {
  clinicClosures,
  clinicSettings,
  practitioners,
  practitionerServices,
  services,
  serviceTexts,
  practitionerTexts,
  workingHours,
} from '#db/schema/index.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type PhoneCountry, phoneCountryOf } from '#app/domain/shared/phone.rules.ts'

export type ClinicSettings = typeof clinicSettings.$inferSelect

/** The clinic's single settings row. The server seeds it before serving, so it always exists. */
const settingsQuery = preparedStatement((db) =>
  db
    .select()
    .from(clinicSettings)
    .where(eq(clinicSettings.id, sql.placeholder('id')))
    .prepare(),
)
const contactQuery = preparedStatement((db) =>
  db
    .select({
      name: clinicSettings.name,
      phone: clinicSettings.phone,
      email: clinicSettings.email,
      address: clinicSettings.address,
      defaultLocale: clinicSettings.defaultLocale,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, sql.placeholder('id')))
    .prepare(),
)

export function getClinicSettings(): ClinicSettings {
  const row = settingsQuery().get({ id: 'clinic' })
  if (!row) throw new Error('The clinic has no settings row: run the migrations and the seed.')
  return row
}

/** The country of the clinic's phone number: patients' numbers without a code are read as its. */
export function getClinicPhoneCountry(): PhoneCountry | undefined {
  return phoneCountryOf(getClinicSettings().phone)
}

export function getClinicContact() {
  return contactQuery().get({ id: 'clinic' }) ?? null
}

/**
 * Active services as a patient sees them, in the clinic's chosen order, in their language: the
 * service's words in that language, or the words it was first written in when there are none.
 */
const publicServicesQuery = preparedStatement((db) =>
  db
    .select({
      id: services.id,
      slug: services.slug,
      name: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
      description: sql<string>`coalesce(${serviceTexts.description}, ${services.description})`,
      kind: services.kind,
      tier: services.tier,
      durationMinutes: services.durationMinutes,
      courseSessions: services.courseSessions,
      courseIntervalWeeks: services.courseIntervalWeeks,
      priceCents: services.priceCents,
      downtime: sql<string>`coalesce(${serviceTexts.downtime}, ${services.downtime})`,
    })
    .from(services)
    .leftJoin(
      serviceTexts,
      and(
        eq(serviceTexts.serviceId, services.id),
        eq(serviceTexts.locale, sql.placeholder('locale')),
      ),
    )
    .where(eq(services.isActive, true))
    .orderBy(asc(services.sortOrder), asc(services.name))
    .prepare(),
)

export function listPublicServices(locale: Locale) {
  return publicServicesQuery().all({ locale })
}

const serviceNameQuery = preparedStatement((db) =>
  db
    .select({ name: serviceTexts.name })
    .from(serviceTexts)
    .where(
      and(
        eq(serviceTexts.serviceId, sql.placeholder('serviceId')),
        eq(serviceTexts.locale, sql.placeholder('locale')),
      ),
    )
    .prepare(),
)

const practitionerTextsQuery = preparedStatement((db) =>
  db
    .select({
      practitionerId: practitionerTexts.practitionerId,
      title: practitionerTexts.title,
      bio: practitionerTexts.bio,
    })
    .from(practitionerTexts)
    .where(eq(practitionerTexts.locale, sql.placeholder('locale')))
    .prepare(),
)

/** Practitioners' title and bio in a language, where the clinic has written them. */
export function practitionerTextsIn(
  locale: Locale,
): Map<string, { title: string; bio: string | null }> {
  return new Map(
    practitionerTextsQuery()
      .all({ locale })
      .map((row) => [row.practitionerId, { title: row.title, bio: row.bio }]),
  )
}

/** A service's name in a language, when the clinic has written one (service_texts). */
export function serviceNameIn(serviceId: string, locale: Locale): string | null {
  return serviceNameQuery().get({ serviceId, locale })?.name ?? null
}

/** Who works today, and when, in the clinic's time zone (the staff home page). */
export function getClinicDay(now = new Date()) {
  const db = getDb()
  const settings = getClinicSettings()
  const today = DateTime.fromJSDate(now, { zone: settings.timeZone })
  const date = today.toISODate() ?? ''
  const closure = db.select().from(clinicClosures).where(eq(clinicClosures.date, date)).get()
  const rows = db
    .select({
      practitionerId: practitioners.id,
      displayName: practitioners.displayName,
      title: practitioners.title,
      startMinute: workingHours.startMinute,
      endMinute: workingHours.endMinute,
    })
    .from(workingHours)
    .innerJoin(practitioners, eq(practitioners.id, workingHours.practitionerId))
    .where(and(eq(workingHours.weekday, today.weekday), eq(practitioners.isActive, true)))
    .orderBy(asc(practitioners.displayName), asc(workingHours.startMinute))
    .all()
  const byPractitioner = new Map<
    string,
    { displayName: string; title: string; intervals: [number, number][] }
  >()
  for (const row of rows) {
    const entry = byPractitioner.get(row.practitionerId) ?? {
      displayName: row.displayName,
      title: row.title,
      intervals: [],
    }
    entry.intervals.push([row.startMinute, row.endMinute])
    byPractitioner.set(row.practitionerId, entry)
  }
  return {
    date,
    timeZone: settings.timeZone,
    closedFor: closure?.reason ?? null,
    practitioners: closure ? [] : [...byPractitioner.values()],
  }
}

/** Everything the admin overview shows: settings, practitioners with services, services. */
export function getClinicOverview() {
  const db = getDb()
  const practitionerRows = db
    .select()
    .from(practitioners)
    .orderBy(asc(practitioners.displayName))
    .all()
  const links = db
    .select({ practitionerId: practitionerServices.practitionerId, serviceName: services.name })
    .from(practitionerServices)
    .innerJoin(services, eq(services.id, practitionerServices.serviceId))
    .all()
  return {
    settings: getClinicSettings(),
    practitioners: practitionerRows.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      title: p.title,
      credential: p.credential,
      registration: p.registration,
      maxNeedleDepthUm: p.maxNeedleDepthUm,
      isActive: p.isActive,
      services: links
        .filter((link) => link.practitionerId === p.id)
        .map((link) => link.serviceName),
    })),
    services: db.select().from(services).orderBy(asc(services.sortOrder)).all(),
  }
}
