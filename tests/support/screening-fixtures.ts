import { eq } from 'drizzle-orm'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { type ScreeningAnswers } from '#app/domain/screening/screening.schema.ts'
import { getDb } from '#db/client.server.ts'
import { bookings, users } from '#db/schema/index.ts'
import { bookForPatient, CLEAR_ANSWERS, firstFreeSlot, PATIENT } from './booking-fixtures.ts'

/** Integration-test helpers for screening (on the demo clinic). */

export const DEMO_CLINICIAN = 'marco.bianchi@dermadesk.example'
export const DEMO_ADMIN = 'elena.greco@dermadesk.example'

export function staffActorFor(email: string): StaffActor {
  const user = getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()
  if (!user) throw new Error(`No demo user ${email}`)
  return { userId: user.id, ipAddress: '127.0.0.1', requestId: 'test' }
}

export const PAST_COLD_SORE: ScreeningAnswers = { ...CLEAR_ANSWERS, history: ['cold_sores'] }

/** Books the first free skin boost through the wizard with these answers. */
export async function bookWithAnswers(
  answers: ScreeningAnswers,
  now: Date,
  details:
    | typeof PATIENT
    | { fullName: string; email: string; phone: string; dateOfBirth: string } = PATIENT,
  slug = 'skin-boost',
) {
  const { session, reference } = await bookForPatient(
    slug,
    firstFreeSlot(slug, now),
    now,
    details,
    { ...answers, dateOfBirth: details.dateOfBirth },
  )
  const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  return { session, reference, booking }
}
