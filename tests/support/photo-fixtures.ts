import { eq } from 'drizzle-orm'
import { saveDraftDetails } from '#app/domain/booking/wizard/details.server.ts'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { verifyBookingEmail } from '#app/domain/booking/wizard/verify.server.ts'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { getDb } from '#db/client.server.ts'
import { bookings, users } from '#db/schema/index.ts'
import {
  CLEAR_ANSWERS,
  firstFreeSlot,
  latestCodeSentTo,
  patientActor,
  sessionAfter,
  sessionWithDraft,
} from './booking-fixtures.ts'
import { passCheckAndSign, signingContext } from './consent-fixtures.ts'

/** Integration-test helpers for clinical photos: a booked treatment with chosen photo consent. */

export const CLINICIAN_EMAIL = 'marco.bianchi@dermadesk.example'

export function clinician(): StaffActor {
  const user = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, CLINICIAN_EMAIL))
    .get()!
  return { userId: user.id, ipAddress: '203.0.113.9', requestId: 'req-photos' }
}

let counter = 0

/**
 * A patient who books a medical needling treatment through the wizard and signs the consent
 * with the given photo choices. Returns the booking's id, patient id, reference and session.
 */
export async function bookTreatmentWithPhotoConsent(
  now: Date,
  photos: { photoClinical: boolean; photoMarketing: boolean },
  from = new Date(now.getTime() + 4 * 24 * 3600_000),
) {
  counter += 1
  const details = {
    fullName: `Photo Patient ${counter}`,
    email: `photo-${counter}-${now.getTime()}@example.com`,
    phone: `+39333${String(1_000_000 + counter).slice(-7)}`,
    dateOfBirth: '1988-04-12',
  }
  const slot = firstFreeSlot('medical-face', from)
  const session = sessionWithDraft('medical-face', now, {
    ...CLEAR_ANSWERS,
    dateOfBirth: details.dateOfBirth,
  })
  const held = holdSlot({ session, ...slot, now, actor: patientActor })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  saveDraftDetails({ session, details, now, actor: patientActor })
  const verified = verifyBookingEmail({
    session,
    code: latestCodeSentTo(details.email),
    now,
    actor: patientActor,
  })
  if (!verified.ok) throw new Error(`verify failed: ${JSON.stringify(verified)}`)
  const current = sessionAfter(session, verified.sessionToken, now)
  const signed = await passCheckAndSign(signingContext(current, now), { kind: 'wizard' }, photos)
  const reference = signed.bookedReference
  if (!reference) throw new Error('not booked after signing')
  const booking = getDb()
    .select({ id: bookings.id, patientId: bookings.patientId, startAt: bookings.startAt })
    .from(bookings)
    .where(eq(bookings.reference, reference))
    .get()!
  return {
    bookingId: booking.id,
    patientId: booking.patientId!,
    startAt: booking.startAt,
    reference,
    session: current,
  }
}
