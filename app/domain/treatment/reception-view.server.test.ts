import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { countersignConsent } from '#app/domain/consent/consent-staff.server.ts'
import { getPatientChart } from '#app/domain/patients/patient-chart.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot } from '#tests/support/booking-fixtures.ts'
import { DOCTOR } from '#tests/support/mfa-fixtures.ts'
import { staffActorFor } from '#tests/support/screening-fixtures.ts'
import { getAppointmentDetail } from './appointment-detail.server.ts'
import { checkInPatient } from './check-in.server.ts'
import { recordTreatment } from './treatment-records.server.ts'

// The front desk's view of a visit and a chart (docs/decisions/041): the domain returns less for
// reception, so no health detail can reach its pages whatever they render.

const NOW = new Date('2026-11-25T08:00:00Z')
const RECEPTIONIST = 'chiara.conti@dermadesk.example'
const NOTES = 'Tolerated well; mild erythema on the left cheek.'
const LOT = 'LOT-RECEPTION-41'

/** A skin-boost visit: booked online, checked in by the front desk, treated by the doctor. */
async function treatedVisit() {
  const slot = firstFreeSlot('skin-boost', NOW)
  const { reference } = await bookForPatient('skin-boost', slot, NOW)
  const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  const at = new Date(booking.startAt.getTime() + 5 * 60_000)
  // The receptionist checks the patient in, who says nothing changed.
  expect(
    checkInPatient({
      bookingId: booking.id,
      identityMethod: 'photo_id',
      healthUnchanged: true,
      actor: staffActorFor(RECEPTIONIST),
      now: at,
    }),
  ).toMatchObject({ ok: true })
  const doctor = staffActorFor(DOCTOR)
  expect(
    countersignConsent({ bookingId: booking.id, clinicianUserId: doctor.userId, now: at }).ok,
  ).toBe(true)
  expect(
    recordTreatment({
      bookingId: booking.id,
      record: {
        areas: [{ area: 'cheeks', depthUm: 500 }],
        device: 'Dermapen 4',
        cartridgeLot: LOT,
        anaesthetic: 'none',
        anaestheticMinutes: null,
        rednessGrade: 2,
        bleeding: 'none',
        notes: NOTES,
        passes: 2,
        skinProducts: [],
        skinProductOther: null,
        skinProductReason: null,
        aftercareProduct: 'soothing_cream',
        aftercareProductName: 'Cicaplast Baume B5',
        correctsRecordId: null,
      },
      actor: doctor,
      now: at,
    }).ok,
  ).toBe(true)
  return { booking, at }
}

describe('the front desk’s view', () => {
  test('of an appointment: statuses, contact details and check-ins, no health details', async () => {
    const { booking, at } = await treatedVisit()
    const db = getDb()
    const auditsBefore = db.select().from(auditEvents).all().length

    const view = getAppointmentDetail({
      bookingId: booking.id,
      actor: staffActorFor(RECEPTIONIST),
      viewerRoles: ['reception'],
      now: at,
    })!
    expect(view.clinical).toBe(false)
    expect(view.patient).toMatchObject({ email: 'chiara.esposito@example.com' })
    expect(view.facts).toMatchObject({ screening: 'clear', consent: 'countersigned' })
    expect(view.screening).toBeNull()
    expect(view.thisVisit).toEqual([])
    expect(view.earlierVisits).toEqual([])
    expect(view.checkIns).toEqual([expect.objectContaining({ healthUnchanged: null })])
    const text = JSON.stringify(view)
    for (const secret of [NOTES, LOT, 'Dermapen', 'findings', 'answers'])
      expect(text).not.toContain(secret)

    // Audited as a view that opened no health record; no screening view is recorded.
    const added = db.select().from(auditEvents).all().slice(auditsBefore)
    expect(added.map((event) => event.action)).toEqual(['visit.viewed'])
    expect(JSON.parse(added[0]!.details!)).toEqual({ view: 'reception' })

    // The clinician's view of the same visit has them all.
    const clinical = getAppointmentDetail({
      bookingId: booking.id,
      actor: staffActorFor(DOCTOR),
      viewerRoles: ['clinician'],
      now: at,
    })!
    expect(clinical.clinical).toBe(true)
    expect(clinical.screening?.submission).toBeTruthy()
    expect(clinical.thisVisit).toEqual([expect.objectContaining({ notes: NOTES })])
    expect(clinical.checkIns).toEqual([expect.objectContaining({ healthUnchanged: true })])
  })

  test('of a chart: the same bookings and statuses, no entry about treatment records', async () => {
    const { booking, at } = await treatedVisit()
    const chartFor = (roles: ('reception' | 'clinician')[], email: string) =>
      getPatientChart({
        patientId: booking.patientId!,
        actor: staffActorFor(email),
        viewerRoles: roles,
        now: at,
        locale: 'en',
      })!
    const reception = chartFor(['reception'], RECEPTIONIST)
    const clinician = chartFor(['clinician'], DOCTOR)
    expect(reception.past.map((b) => b.reference)).toEqual(clinician.past.map((b) => b.reference))
    expect(reception.past[0]).toMatchObject({ status: 'completed', screening: 'clear' })
    expect(clinician.timeline.map((e) => e.kind)).toContain('treatment_recorded')
    expect(reception.timeline.map((e) => e.kind)).not.toContain('treatment_recorded')
    expect(reception.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['booked', 'screening', 'consent_signed', 'checked_in']),
    )
  })
})
