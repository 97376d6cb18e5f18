import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { bookings, patients, practitioners, services } from '#db/schema/index.ts'

/**
 * Test data on top of the demo clinic (db/seed.ts): look up demo practitioners and services,
 * and insert bookings directly, as if a patient had booked them.
 */

export const DEMO_PRACTITIONERS = {
  giulia: 'Dr Giulia Romano',
  marco: 'Marco Bianchi',
  sofia: 'Sofia Conti',
  luca: 'Luca Ferrari',
} as const

export function practitionerIdOf(key: keyof typeof DEMO_PRACTITIONERS): string {
  const row = getDb()
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.displayName, DEMO_PRACTITIONERS[key]))
    .get()
  if (!row) throw new Error(`No demo practitioner ${key}`)
  return row.id
}

export function serviceIdOf(slug: string): string {
  const row = getDb()
    .select({ id: services.id })
    .from(services)
    .where(eq(services.slug, slug))
    .get()
  if (!row) throw new Error(`No demo service ${slug}`)
  return row.id
}

let counter = 0

/** A booking (with its own patient) for a demo practitioner and service, confirmed by default. */
export function insertBooking(input: {
  practitioner: keyof typeof DEMO_PRACTITIONERS
  service: string
  startAt: Date
  status?: 'pending_review' | 'confirmed' | 'cancelled' | 'completed'
  reference?: string
  patientName?: string
}): { id: string; reference: string } {
  const db = getDb()
  const service = db
    .select()
    .from(services)
    .where(eq(services.id, serviceIdOf(input.service)))
    .get()
  if (!service) throw new Error('No service')
  counter += 1
  const patient = db
    .insert(patients)
    .values({
      email: `patient-${counter}-${randomUUID().slice(0, 8)}@example.com`,
      fullName: input.patientName ?? `Test Patient ${counter}`,
      phone: '+390212345678',
      dateOfBirth: '1985-04-12',
    })
    .returning({ id: patients.id })
    .get()
  const endAt = new Date(input.startAt.getTime() + service.durationMinutes * 60_000)
  const reference = input.reference ?? `DD-T${String(counter).padStart(5, '0')}`
  const row = db
    .insert(bookings)
    .values({
      reference,
      serviceId: service.id,
      practitionerId: practitionerIdOf(input.practitioner),
      patientId: patient.id,
      status: input.status ?? 'confirmed',
      startAt: input.startAt,
      endAt,
      blockedUntil: new Date(endAt.getTime() + service.bufferAfterMinutes * 60_000),
      timeZone: 'Europe/Rome',
      confirmedAt: (input.status ?? 'confirmed') === 'confirmed' ? new Date() : null,
    })
    .returning({ id: bookings.id })
    .get()
  return { id: row.id, reference }
}
