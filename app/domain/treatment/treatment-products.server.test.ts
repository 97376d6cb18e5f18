import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { countersignConsent } from '#app/domain/consent/consent-staff.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, treatmentRecords } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot, patientActor } from '#tests/support/booking-fixtures.ts'
import { DOCTOR } from '#tests/support/mfa-fixtures.ts'
import { staffActorFor } from '#tests/support/screening-fixtures.ts'
import { getPatientAftercare } from './aftercare.server.ts'
import { getAppointmentDetail } from './appointment-detail.server.ts'
import { checkInPatient } from './check-in.server.ts'
import { getTreatmentFormView, recordTreatment } from './treatment-records.server.ts'
import { type TreatmentRecordInput } from './treatment.schema.ts'
import { ADVICE } from './your-treatment.ts'

/**
 * What touched the skin, the passes and the aftercare product, on a real migrated database:
 * stored and read back, append-only, audited as every treatment write is, and shown to the
 * patient on their aftercare page (docs/decisions/034-treatment-products.md).
 */
const NOW = new Date('2026-11-25T08:00:00Z')
const doctor = () => staffActorFor(DOCTOR)

const RECORD: TreatmentRecordInput = {
  areas: [
    { area: 'cheeks', depthUm: 500 },
    { area: 'forehead', depthUm: 250 },
  ],
  device: 'Dermapen 4',
  cartridgeLot: 'LOT-2026-118',
  anaesthetic: 'none',
  anaestheticMinutes: null,
  rednessGrade: 1,
  bleeding: 'pinpoint',
  notes: '',
  passes: 4,
  skinProducts: ['growth_factors', 'saline'],
  skinProductOther: null,
  skinProductReason: 'Sterile single-use vial, doctor’s protocol for this patient.',
  aftercareProduct: 'hyaluronic_gel',
  aftercareProductName: 'Hydra Calm gel',
  correctsRecordId: null,
}

/** A skin boost booked through the wizard, checked in and countersigned at its start. */
async function treatedVisit(record = RECORD) {
  const slot = firstFreeSlot('skin-boost', NOW)
  const { reference, session } = await bookForPatient('skin-boost', slot, NOW)
  const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  const at = new Date(booking.startAt.getTime() + 5 * 60_000)
  checkInPatient({
    bookingId: booking.id,
    identityMethod: 'photo_id',
    healthUnchanged: true,
    actor: doctor(),
    now: at,
  })
  countersignConsent({ bookingId: booking.id, clinicianUserId: doctor().userId, now: at })
  const result = recordTreatment({ bookingId: booking.id, record, actor: doctor(), now: at })
  if (!result.ok) throw new Error(`not recorded: ${JSON.stringify(result)}`)
  return { booking, reference, session, at, recordId: result.recordId }
}

describe('products, passes and the aftercare product in the treatment record', () => {
  test('round-trip: stored as given, shown on the staff pages and in the correction form', async () => {
    const { booking, at, recordId } = await treatedVisit()
    const row = getDb()
      .select()
      .from(treatmentRecords)
      .where(eq(treatmentRecords.id, recordId))
      .get()!
    expect(row).toMatchObject({
      passes: 4,
      skinProducts: '["growth_factors","saline"]',
      skinProductOther: null,
      skinProductReason: RECORD.skinProductReason,
      aftercareProduct: 'hyaluronic_gel',
      aftercareProductName: 'Hydra Calm gel',
    })
    const products = {
      passes: 4,
      skinProducts: ['growth_factors', 'saline'],
      skinProductOther: null,
      skinProductReason: RECORD.skinProductReason,
      aftercareProduct: 'hyaluronic_gel',
      aftercareProductName: 'Hydra Calm gel',
    }
    const detail = getAppointmentDetail({
      bookingId: booking.id,
      actor: doctor(),
      viewerRoles: ['clinician'],
      now: at,
    })!
    expect(detail.thisVisit[0]!.products).toEqual(products)
    const form = getTreatmentFormView({
      bookingId: booking.id,
      correctsRecordId: recordId,
      actor: doctor(),
      now: at,
    })!
    expect(form.corrected).toMatchObject(products)
  })

  test('audited as every treatment write; no product, reason or name in the audit details', async () => {
    const { recordId } = await treatedVisit()
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, recordId), eq(auditEvents.action, 'treatment.recorded')))
      .all()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).not.toMatch(/growth|saline|Hydra|vial|gel/i)
  })

  test('append-only: the new columns are never updated or deleted; a correction is a new row', async () => {
    const { booking, at, recordId } = await treatedVisit()
    const sqlite = getDb().$client
    for (const statement of [
      'UPDATE treatment_records SET passes = 2',
      'UPDATE treatment_records SET skin_products = \'["none"]\'',
      'UPDATE treatment_records SET skin_product_reason = NULL',
      "UPDATE treatment_records SET aftercare_product = 'none'",
      'DELETE FROM treatment_records',
    ])
      expect(() => sqlite.prepare(statement).run(), statement).toThrow(/append-only/)

    const later = new Date(at.getTime() + 3600_000)
    const fix = recordTreatment({
      bookingId: booking.id,
      record: {
        ...RECORD,
        passes: 3,
        skinProducts: ['saline'],
        skinProductReason: null,
        correctsRecordId: recordId,
      },
      actor: doctor(),
      now: later,
    })
    expect(fix.ok).toBe(true)
    const rows = getDb()
      .select({
        id: treatmentRecords.id,
        passes: treatmentRecords.passes,
        products: treatmentRecords.skinProducts,
      })
      .from(treatmentRecords)
      .where(eq(treatmentRecords.bookingId, booking.id))
      .all()
    expect(rows).toHaveLength(2)
    expect(rows.find((row) => row.id === recordId)).toMatchObject({
      passes: 4,
      products: '["growth_factors","saline"]',
    })
  })

  test('the database refuses passes out of bounds and unknown aftercare products', async () => {
    const { recordId } = await treatedVisit()
    const sqlite = getDb().$client
    const copy = (column: string, value: string | number) =>
      sqlite
        .prepare(
          `INSERT INTO treatment_records (id, booking_id, practitioner_id, recorded_by_user_id, areas,
             max_depth_um, device, cartridge_lot, anaesthetic, redness_grade, bleeding, ${column},
             recorded_at, created_at)
           SELECT 'copy-' || id, booking_id, practitioner_id, recorded_by_user_id, areas, max_depth_um,
             device, cartridge_lot, anaesthetic, redness_grade, bleeding, ?, recorded_at, created_at
           FROM treatment_records WHERE id = ?`,
        )
        .run(value, recordId)
    expect(() => copy('passes', 0)).toThrow(/CHECK constraint failed: treatment_records_passes/)
    expect(() => copy('passes', 11)).toThrow(/CHECK constraint failed: treatment_records_passes/)
    expect(() => copy('aftercare_product', 'vitamin_c')).toThrow(
      /CHECK constraint failed: treatment_records_aftercare_product/,
    )
  })

  test("the patient's aftercare page speaks to the current entry, and its audit names that entry", async () => {
    const { booking, reference, session, at, recordId } = await treatedVisit()
    const later = new Date(at.getTime() + 3600_000)
    const fix = recordTreatment({
      bookingId: booking.id,
      record: {
        ...RECORD,
        skinProducts: ['other'],
        skinProductOther: 'Vitamin C serum',
        skinProductReason: 'Patient’s own product, applied before we noticed.',
        correctsRecordId: recordId,
      },
      actor: doctor(),
      now: later,
    })
    if (!fix.ok) throw new Error('correction refused')
    const view = getPatientAftercare({ session, reference, now: later, actor: patientActor })!
    expect(view.treatment).toEqual({
      areas: [
        { area: 'Cheeks', depth: '0.5 mm' },
        { area: 'Forehead', depth: '0.25 mm' },
      ],
      passes: '4 times',
      applied: ['Vitamin C serum'],
      aftercareProduct: 'Hyaluronic acid gel (Hydra Calm gel)',
      advice: [ADVICE.onlyOurProduct, ADVICE.noSerumsFromHome, ADVICE.serumUsed],
    })
    const audit = getDb()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, booking.id), eq(auditEvents.action, 'booking.viewed')))
      .all()
    expect(JSON.parse(audit.at(-1)!.details)).toEqual({
      page: 'aftercare',
      treatmentRecordId: fix.recordId,
    })
  })
})
