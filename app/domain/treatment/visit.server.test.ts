import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { countersignConsent } from '#app/domain/consent/consent-staff.server.ts'
import { withdrawConsent } from '#app/domain/consent/consent-withdrawal.server.ts'
import { updateBookingScreening } from '#app/domain/screening/screening-visit.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookings,
  checkIns,
  practitioners,
  treatmentRecords,
} from '#db/schema/index.ts'
import { bookForPatient, CLEAR_ANSWERS, firstFreeSlot } from '#tests/support/booking-fixtures.ts'
import { DOCTOR, NURSE, userIdOf } from '#tests/support/mfa-fixtures.ts'
import { staffActorFor } from '#tests/support/screening-fixtures.ts'
import { getAppointmentDetail } from './appointment-detail.server.ts'
import { checkInPatient } from './check-in.server.ts'
import { completeConsultation, markNoShow, recordTreatment } from './treatment-records.server.ts'
import { type TreatmentRecordInput } from './treatment.schema.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
/** The demo doctor (read per test: each test has its own database). */
const doctor = () => staffActorFor(DOCTOR)

const RECORD: TreatmentRecordInput = {
  areas: [
    { area: 'cheeks', depthUm: 500 },
    { area: 'forehead', depthUm: 250 },
  ],
  device: 'Dermapen 4',
  cartridgeLot: 'LOT-2026-118',
  anaesthetic: 'lidocaine_cream',
  anaestheticMinutes: 30,
  rednessGrade: 2,
  bleeding: 'pinpoint',
  notes: 'Tolerated well.',
  passes: 3,
  skinProducts: ['hyaluronic_acid'],
  skinProductOther: null,
  skinProductReason: null,
  aftercareProduct: 'soothing_cream',
  aftercareProductName: 'Cicaplast Baume B5',
  correctsRecordId: null,
}

function bookingRow(reference: string) {
  return getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
}

/** A treatment booked through the wizard (clear answers, consent signed), seen at its start. */
async function bookedVisit(slug = 'skin-boost', practitionerId: string | 'any' = 'any') {
  const slot = firstFreeSlot(slug, NOW, practitionerId)
  const { reference, session } = await bookForPatient(slug, slot, NOW)
  const booking = bookingRow(reference)
  return { booking, session, at: new Date(booking.startAt.getTime() + 5 * 60_000) }
}

function readyForTreatment(bookingId: string, at: Date) {
  expect(
    checkInPatient({
      bookingId,
      identityMethod: 'photo_id',
      healthUnchanged: true,
      actor: doctor(),
      now: at,
    }),
  ).toMatchObject({ ok: true, next: 'visit' })
  expect(countersignConsent({ bookingId, clinicianUserId: doctor().userId, now: at }).ok).toBe(true)
}

function counts() {
  const db = getDb()
  return {
    records: db.select().from(treatmentRecords).all().length,
    checkIns: db.select().from(checkIns).all().length,
  }
}

describe('the visit: check-in, countersignature, treatment record', () => {
  test('a checked-in patient with clear answers and a countersigned consent is treated; the booking completes', async () => {
    const { booking, at } = await bookedVisit()
    const before = getAppointmentDetail({
      bookingId: booking.id,
      actor: doctor(),
      viewerRoles: ['clinician'],
      now: at,
    })!
    expect(before.blockers).toEqual([
      'Check the patient in first.',
      'Countersign the consent first.',
    ])
    expect(before.facts).toMatchObject({ screening: 'clear', consent: 'signed' })

    readyForTreatment(booking.id, at)
    const result = recordTreatment({
      bookingId: booking.id,
      record: RECORD,
      actor: doctor(),
      now: at,
    })
    expect(result.ok).toBe(true)

    const completed = bookingRow(booking.reference)
    expect(completed.status).toBe('completed')
    expect(completed.completedAt?.getTime()).toBe(at.getTime())
    const stored = getDb().select().from(treatmentRecords).get()!
    expect(stored).toMatchObject({ maxDepthUm: 500, cartridgeLot: 'LOT-2026-118', rednessGrade: 2 })

    const after = getAppointmentDetail({
      bookingId: booking.id,
      actor: doctor(),
      viewerRoles: ['clinician'],
      now: at,
    })!
    expect(after.thisVisit).toHaveLength(1)
    expect(after.thisVisit[0]!.areas).toEqual(RECORD.areas)
    expect(after.blockers).toEqual(['This visit is already completed.'])
    const actions = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .all()
      .map((row) => row.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'visit.viewed',
        'screening.viewed',
        'visit.checked_in',
        'screening.confirmed_unchanged',
        'treatment.recorded',
        'booking.completed',
      ]),
    )
  })

  test('a depth above the service maximum is refused beside the area, and nothing is written', async () => {
    const { booking, at } = await bookedVisit()
    readyForTreatment(booking.id, at)
    const result = recordTreatment({
      bookingId: booking.id,
      record: { ...RECORD, areas: [{ area: 'cheeks', depthUm: 600 }] },
      actor: doctor(),
      now: at,
    })
    expect(result).toEqual({
      ok: false,
      reason: 'depth',
      fieldErrors: { depth_cheeks: "Above this service's limit of 0.5 mm." },
    })
    expect(counts().records).toBe(0)
    expect(bookingRow(booking.reference).status).toBe('confirmed')
  })

  test("a depth the service allows but above the practitioner's maximum is refused too", async () => {
    const nurse = getDb()
      .select({ id: practitioners.id })
      .from(practitioners)
      .where(eq(practitioners.userId, userIdOf(NURSE)))
      .get()!
    const { booking, at } = await bookedVisit('acne-scars', nurse.id)
    readyForTreatment(booking.id, at)
    const result = recordTreatment({
      bookingId: booking.id,
      record: { ...RECORD, areas: [{ area: 'cheeks', depthUm: 1750 }] },
      actor: doctor(),
      now: at,
    })
    expect(result).toMatchObject({
      reason: 'depth',
      fieldErrors: { depth_cheeks: "Above the practitioner's limit of 1.5 mm." },
    })
    expect(counts().records).toBe(0)
  })

  test('without check-in or countersignature, or after a withdrawal, the treatment cannot be recorded', async () => {
    const { booking, session, at } = await bookedVisit()
    expect(
      recordTreatment({ bookingId: booking.id, record: RECORD, actor: doctor(), now: at }),
    ).toEqual({
      ok: false,
      reason: 'blocked',
      blockers: ['Check the patient in first.', 'Countersign the consent first.'],
    })
    const withdrawn = withdrawConsent({
      session,
      reference: booking.reference,
      reason: null,
      now: NOW,
      ipAddress: null,
      userAgent: null,
      requestId: null,
    })
    expect(withdrawn.ok).toBe(true)
    checkInPatient({
      bookingId: booking.id,
      identityMethod: 'known_to_clinic',
      healthUnchanged: true,
      actor: doctor(),
      now: at,
    })
    expect(
      recordTreatment({ bookingId: booking.id, record: RECORD, actor: doctor(), now: at }),
    ).toEqual({
      ok: false,
      reason: 'blocked',
      blockers: ['The patient withdrew their consent.'],
    })
    expect(counts().records).toBe(0)
  })

  test('new answers at check-in with a waiting window past the visit stop the treatment until a clinician approves', async () => {
    const { booking, at } = await bookedVisit()
    readyForTreatment(booking.id, at)
    const visitDay = booking.startAt.toISOString().slice(0, 10)
    const changed = updateBookingScreening({
      bookingId: booking.id,
      answers: { ...CLEAR_ANSWERS, procedures: ['toxin'], toxinDate: visitDay },
      actor: doctor(),
      now: at,
    })
    expect(changed).toMatchObject({ ok: true, status: 'pending_review' })
    expect(
      recordTreatment({ bookingId: booking.id, record: RECORD, actor: doctor(), now: at }),
    ).toEqual({
      ok: false,
      reason: 'blocked',
      blockers: ['A clinician must review the health answers first.'],
    })
    expect(
      getAppointmentDetail({
        bookingId: booking.id,
        actor: doctor(),
        viewerRoles: ['clinician'],
        now: at,
      })!.facts,
    ).toMatchObject({ screening: 'needs_review' })
    expect(counts().records).toBe(0)
  })

  test('a cancelled appointment can be neither checked in nor treated', async () => {
    const { booking, at } = await bookedVisit()
    getDb()
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: at })
      .where(eq(bookings.id, booking.id))
      .run()
    expect(
      checkInPatient({
        bookingId: booking.id,
        identityMethod: 'photo_id',
        healthUnchanged: true,
        actor: doctor(),
        now: at,
      }),
    ).toEqual({ ok: false, reason: 'not-open' })
    expect(
      recordTreatment({ bookingId: booking.id, record: RECORD, actor: doctor(), now: at }),
    ).toMatchObject({ ok: false, reason: 'blocked' })
    expect(counts()).toEqual({ records: 0, checkIns: 0 })
  })

  test('check-in happens on the day of the visit; "something changed" sends the clinician to the answers', async () => {
    const { booking, at } = await bookedVisit()
    const dayBefore = new Date(at.getTime() - 86_400_000)
    expect(
      checkInPatient({
        bookingId: booking.id,
        identityMethod: 'photo_id',
        healthUnchanged: true,
        actor: doctor(),
        now: dayBefore,
      }),
    ).toEqual({ ok: false, reason: 'not-today' })
    expect(
      checkInPatient({
        bookingId: booking.id,
        identityMethod: 'photo_id',
        healthUnchanged: false,
        actor: doctor(),
        now: at,
      }),
    ).toMatchObject({ ok: true, next: 'update-answers' })
    expect(counts().checkIns).toBe(1)
  })

  test('a correction is a new entry pointing at the old one; records and check-ins are never edited', async () => {
    const { booking, at } = await bookedVisit()
    readyForTreatment(booking.id, at)
    const first = recordTreatment({
      bookingId: booking.id,
      record: RECORD,
      actor: doctor(),
      now: at,
    })
    if (!first.ok) throw new Error('not recorded')
    const later = new Date(at.getTime() + 3600_000)
    const fix = recordTreatment({
      bookingId: booking.id,
      record: { ...RECORD, cartridgeLot: 'LOT-2026-119', correctsRecordId: first.recordId },
      actor: doctor(),
      now: later,
    })
    expect(fix.ok).toBe(true)
    // Only the newest entry can be corrected: a chain, never a fork.
    expect(
      recordTreatment({
        bookingId: booking.id,
        record: { ...RECORD, correctsRecordId: first.recordId },
        actor: doctor(),
        now: later,
      }),
    ).toEqual({ ok: false, reason: 'bad-correction' })
    const detail = getAppointmentDetail({
      bookingId: booking.id,
      actor: doctor(),
      viewerRoles: ['clinician'],
      now: later,
    })!
    expect(detail.thisVisit.map((entry) => [entry.cartridgeLot, entry.correctedBy])).toEqual([
      ['LOT-2026-119', null],
      ['LOT-2026-118', fix.ok ? fix.recordId : null],
    ])
    const sqlite = getDb().$client
    expect(() => sqlite.prepare("UPDATE treatment_records SET notes = 'x'").run()).toThrow(
      /append-only/,
    )
    expect(() => sqlite.prepare('DELETE FROM treatment_records').run()).toThrow(/append-only/)
    expect(() => sqlite.prepare('UPDATE check_ins SET health_unchanged = 0').run()).toThrow(
      /append-only/,
    )
    expect(() => sqlite.prepare('DELETE FROM check_ins').run()).toThrow(/append-only/)
  })

  test('no-show: only after the start, never for a checked-in patient', async () => {
    const { booking, at } = await bookedVisit()
    expect(
      markNoShow({
        bookingId: booking.id,
        actor: doctor(),
        now: new Date(booking.startAt.getTime() - 60_000),
      }),
    ).toEqual({ ok: false, reason: 'too-early' })
    expect(markNoShow({ bookingId: booking.id, actor: doctor(), now: at })).toEqual({ ok: true })
    expect(bookingRow(booking.reference).status).toBe('no_show')
    expect(
      recordTreatment({ bookingId: booking.id, record: RECORD, actor: doctor(), now: at }),
    ).toMatchObject({ ok: false, reason: 'blocked' })

    const second = await bookedVisit()
    readyForTreatment(second.booking.id, second.at)
    expect(markNoShow({ bookingId: second.booking.id, actor: doctor(), now: second.at })).toEqual({
      ok: false,
      reason: 'checked-in',
    })
  })

  test('a consultation is completed after check-in, without a treatment record', async () => {
    const { booking, at } = await bookedVisit('consultation')
    expect(completeConsultation({ bookingId: booking.id, actor: doctor(), now: at })).toEqual({
      ok: false,
      reason: 'not-checked-in',
    })
    checkInPatient({
      bookingId: booking.id,
      identityMethod: 'photo_id',
      healthUnchanged: true,
      actor: doctor(),
      now: at,
    })
    expect(completeConsultation({ bookingId: booking.id, actor: doctor(), now: at })).toEqual({
      ok: true,
    })
    expect(bookingRow(booking.reference).status).toBe('completed')
    expect(counts().records).toBe(0)
  })
})
