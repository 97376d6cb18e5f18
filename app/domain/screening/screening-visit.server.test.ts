import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, screeningConfirmations, screeningSubmissions } from '#db/schema/index.ts'
import {
  bookForPatient,
  CLEAR_ANSWERS,
  firstFreeSlot,
  patientActor,
} from '#tests/support/booking-fixtures.ts'
import {
  bookWithAnswers,
  DEMO_CLINICIAN,
  staffActorFor,
} from '#tests/support/screening-fixtures.ts'
import { getPatientScreening, updatePatientScreening } from './screening-booking.server.ts'
import {
  confirmScreeningUnchanged,
  getBookingScreeningStatus,
  updateBookingScreening,
} from './screening-visit.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 86_400_000

/** A booking about seven weeks ahead, answered today (too early to count for the visit). */
async function farBooking() {
  const slot = firstFreeSlot('skin-boost', new Date(NOW.getTime() + 48 * DAY))
  const { session, reference } = await bookForPatient('skin-boost', slot, NOW)
  const status = (id: string) => getBookingScreeningStatus(id)!
  const { id: bookingId } = getDb()
    .$client.prepare('SELECT id FROM bookings WHERE reference = ?')
    .get(reference) as { id: string }
  return { session, reference, bookingId, startAt: slot.startAt, status }
}

describe('validity of answers for the visit', () => {
  test('answers count when given at most 30 days before the appointment', async () => {
    const near = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    expect(getBookingScreeningStatus(near.booking.id)).toMatchObject({
      required: true,
      outcome: 'eligible',
      validity: 'valid',
      bookingVersion: 1,
    })
    const far = await farBooking()
    expect(far.status(far.bookingId).validity).toBe('renewal_due')
  })

  test('renewal opens on the manage page 30 days before, and new answers make them valid', async () => {
    const far = await farBooking()
    const read = (now: Date) =>
      getPatientScreening({
        session: far.session,
        reference: far.reference,
        now,
        actor: patientActor,
      })!
    expect(read(NOW)).toMatchObject({ validity: 'renewal_due', renewalOpen: false })
    const inWindow = new Date(far.startAt - 20 * DAY)
    expect(read(inWindow)).toMatchObject({ validity: 'renewal_due', renewalOpen: true })
    expect(
      updatePatientScreening({
        session: far.session,
        reference: far.reference,
        answers: CLEAR_ANSWERS,
        now: inWindow,
        actor: patientActor,
      }),
    ).toMatchObject({ ok: true, status: 'confirmed' })
    expect(far.status(far.bookingId)).toMatchObject({ validity: 'valid', bookingVersion: 2 })
    expect(read(inWindow)).toMatchObject({ validity: 'valid', renewalOpen: false })
  })

  test('a consultation needs no screening', async () => {
    const { reference } = await bookForPatient(
      'consultation',
      firstFreeSlot('consultation', NOW),
      NOW,
    )
    const id = getDb()
      .$client.prepare('SELECT id FROM bookings WHERE reference = ?')
      .get(reference) as {
      id: string
    }
    expect(getBookingScreeningStatus(id.id)).toMatchObject({ required: false, validity: null })
  })
})

describe('check-in', () => {
  test('"nothing has changed" is an append-only row and an audit row', async () => {
    const { booking } = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    const clinician = staffActorFor(DEMO_CLINICIAN)
    const visit = new Date(booking.startAt.getTime() - 10 * 60_000)
    const result = confirmScreeningUnchanged(booking.id, clinician, visit)
    expect(result.ok).toBe(true)
    expect(getDb().select().from(screeningConfirmations).all()).toEqual([
      expect.objectContaining({
        bookingId: booking.id,
        actorType: 'staff',
        actorId: clinician.userId,
        confirmedAt: visit,
      }),
    ])
    expect(getBookingScreeningStatus(booking.id)!.lastConfirmedAt).toBe(visit.getTime())
    expect(
      getDb()
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'screening.confirmed_unchanged'))
        .all(),
    ).toHaveLength(1)
    expect(() => getDb().$client.prepare('DELETE FROM screening_confirmations').run()).toThrow(
      /append-only/,
    )
  })

  test('answers too old for the visit must be given again, not confirmed', async () => {
    const far = await farBooking()
    const clinician = staffActorFor(DEMO_CLINICIAN)
    expect(
      confirmScreeningUnchanged(far.bookingId, clinician, new Date(far.startAt - 600_000)),
    ).toEqual({
      ok: false,
      reason: 'renewal-due',
    })
    // Staff type in the updated answers at the desk: the rules run again, a new version.
    const desk = new Date(far.startAt - 30 * 60_000)
    expect(
      updateBookingScreening({
        bookingId: far.bookingId,
        answers: CLEAR_ANSWERS,
        actor: clinician,
        now: desk,
      }),
    ).toEqual({ ok: true, outcome: 'eligible', status: 'confirmed' })
    const latest = getDb()
      .select()
      .from(screeningSubmissions)
      .where(eq(screeningSubmissions.bookingVersion, 2))
      .get()!
    expect(latest).toMatchObject({ source: 'staff_update', enteredByUserId: clinician.userId })
    expect(confirmScreeningUnchanged(far.bookingId, clinician, desk).ok).toBe(true)
  })

  test('unknown bookings are not found', () => {
    expect(
      confirmScreeningUnchanged(
        '00000000-0000-4000-8000-000000000000',
        staffActorFor(DEMO_CLINICIAN),
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'not-found' })
    expect(getBookingScreeningStatus('00000000-0000-4000-8000-000000000000')).toBeNull()
  })
})
