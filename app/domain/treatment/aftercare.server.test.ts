import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import {
  cancelPatientBooking,
  getPatientBooking,
} from '#app/domain/booking/booking-manage.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings } from '#db/schema/index.ts'
import {
  bookForPatient,
  firstFreeSlot,
  newPatientSession,
  PATIENT,
  patientActor,
} from '#tests/support/booking-fixtures.ts'
import { completeBookingForTest, markNoShowForTest } from '#tests/support/treatment-fixtures.ts'
import { getPatientAftercare } from './aftercare.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const HOUR = 3600_000

async function visit(slug: string, email: string = PATIENT.email, from = NOW) {
  const slot = firstFreeSlot(slug, from)
  const booked = await bookForPatient(slug, slot, NOW, { ...PATIENT, email })
  return { ...booked, startAt: slot.startAt }
}

describe('the aftercare page', () => {
  test('after the treatment: the plan counts from the completion, and the view is audited', async () => {
    const { session, reference, startAt } = await visit('medical-face')
    const done = new Date(startAt + HOUR)
    const { id } = completeBookingForTest(reference, done)
    const later = new Date(startAt + 26 * HOUR)

    const view = getPatientAftercare({ session, reference, now: later, actor: patientActor })
    expect(view).toMatchObject({
      reference,
      completed: true,
      treatmentAt: done.getTime(),
      timeZone: 'Europe/Rome',
      tier: 'medical',
      clinicPhone: '+39 02 8295 4410',
    })
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, 'booking.viewed')))
      .all()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.details)).toEqual({ page: 'aftercare' })

    // The booking page knows it is done too.
    const page = getPatientBooking({ session, reference, now: later, actor: patientActor })
    expect(page).toMatchObject({ status: 'completed', completedAt: done.getTime() })
    // After the treatment the answers can be read, no longer changed.
    expect(page?.screening).toMatchObject({ canUpdate: false, renewalOpen: false })
  })

  test('before the visit: the same plan, without dates, counted from the visit', async () => {
    const { session, reference, startAt } = await visit('skin-boost')
    expect(
      getPatientAftercare({ session, reference, now: NOW, actor: patientActor }),
    ).toMatchObject({ completed: false, treatmentAt: startAt, tier: 'cosmetic' })
    const page = getPatientBooking({ session, reference, now: NOW, actor: patientActor })
    expect(page?.completedAt).toBeNull()
    expect(page?.screening).toMatchObject({ canUpdate: true })
  })

  test('another patient, an unproven session, a consultation, a missed or cancelled visit: not found', async () => {
    const mine = await visit('medical-face')
    completeBookingForTest(mine.reference, new Date(mine.startAt + HOUR))
    const someoneElse = await visit('skin-boost', 'someone.else@example.com')

    const input = { now: NOW, actor: patientActor }
    expect(
      getPatientAftercare({ ...input, session: someoneElse.session, reference: mine.reference }),
    ).toBeNull()
    expect(
      getPatientAftercare({ ...input, session: newPatientSession(NOW), reference: mine.reference }),
    ).toBeNull()
    expect(getPatientAftercare({ ...input, session: null, reference: mine.reference })).toBeNull()

    const consultation = await visit('consultation', 'consult@example.com')
    completeBookingForTest(consultation.reference, new Date(consultation.startAt + HOUR))
    expect(
      getPatientAftercare({
        ...input,
        session: consultation.session,
        reference: consultation.reference,
      }),
    ).toBeNull()

    const missed = await visit('medical-face', 'missed@example.com')
    markNoShowForTest(missed.reference, new Date(missed.startAt + HOUR))
    expect(
      getPatientAftercare({ ...input, session: missed.session, reference: missed.reference }),
    ).toBeNull()

    // Far enough ahead to cancel online.
    const cancelled = await visit(
      'eye-neck',
      'cancelled@example.com',
      new Date(NOW.getTime() + 96 * HOUR),
    )
    expect(
      cancelPatientBooking({
        session: cancelled.session,
        reference: cancelled.reference,
        reason: null,
        now: NOW,
        actor: patientActor,
      }).ok,
    ).toBe(true)
    expect(
      getPatientAftercare({ ...input, session: cancelled.session, reference: cancelled.reference }),
    ).toBeNull()

    // Nothing was audited as viewed for the refused requests.
    const viewed = getDb()
      .select({ subjectId: auditEvents.subjectId })
      .from(auditEvents)
      .innerJoin(bookings, eq(bookings.id, auditEvents.subjectId))
      .where(eq(auditEvents.action, 'booking.viewed'))
      .all()
    expect(viewed).toEqual([])
  })
})
