import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { countersignConsent } from '#app/domain/consent/consent-staff.server.ts'
import { checkInPatient } from '#app/domain/treatment/check-in.server.ts'
import { action } from '#app/routes/staff.bookings.$bookingId.treatment.tsx'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, treatmentRecords } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot } from '#tests/support/booking-fixtures.ts'
import { clockAt, DOCTOR, passwordStep } from '#tests/support/mfa-fixtures.ts'
import { staffActorFor } from '#tests/support/screening-fixtures.ts'
import { serializeSessionCookie } from './auth.server.ts'

/**
 * The HTTP answers of the treatment record's action for bad product, pass and aftercare input:
 * a 400 with each message beside its field, and nothing written (no record, no audit row, the
 * booking still open). The schema's rules are tested in treatment-products.schema.test.ts.
 */
const NOW = new Date('2026-11-25T08:00:00Z')

const GOOD: Record<string, string | string[]> = {
  areas: 'cheeks',
  depth_cheeks: '0.5',
  device: 'Dermapen 4',
  cartridgeLot: 'LOT-2026-118',
  anaesthetic: 'none',
  rednessGrade: '1',
  bleeding: 'pinpoint',
  passes: '3',
  skinProducts: 'hyaluronic_acid',
  aftercareProduct: 'soothing_cream',
}

async function openVisit() {
  const slot = firstFreeSlot('skin-boost', NOW)
  const { reference } = await bookForPatient('skin-boost', slot, NOW)
  const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  const at = booking.startAt.getTime() + 5 * 60_000
  const doctor = staffActorFor(DOCTOR)
  checkInPatient({
    bookingId: booking.id,
    identityMethod: 'photo_id',
    healthUnchanged: true,
    actor: doctor,
    now: new Date(at),
  })
  countersignConsent({ bookingId: booking.id, clinicianUserId: doctor.userId, now: new Date(at) })
  // The action reads the real clock: freeze it during the visit.
  clockAt(at)
  const signedIn = await passwordStep(DOCTOR)
  const cookie = (await serializeSessionCookie(signedIn.sessionToken)).split(';')[0]!
  return { bookingId: booking.id, cookie }
}

async function post(visit: { bookingId: string; cookie: string }, fields: typeof GOOD) {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields))
    for (const one of ([] as string[]).concat(value)) body.append(key, one)
  const request = new Request(`http://localhost/staff/bookings/${visit.bookingId}/treatment`, {
    method: 'POST',
    headers: {
      Cookie: visit.cookie,
      Origin: 'http://localhost',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: body.toString(),
  })
  let value: unknown
  try {
    value = await action({
      request,
      params: { bookingId: visit.bookingId },
      context: { clientIp: '203.0.113.9', requestId: 'req-route', cspNonce: 'n' },
    })
  } catch (thrown) {
    value = thrown
  }
  if (value instanceof Response) return { status: value.status, data: null }
  const { init, data } = value as { init?: ResponseInit; data: unknown }
  return { status: init?.status ?? 200, data }
}

function written(bookingId: string) {
  const db = getDb()
  return {
    records: db.select().from(treatmentRecords).all().length,
    treatmentAudit: db
      .select()
      .from(auditEvents)
      .all()
      .filter((row) => row.action.startsWith('treatment.')).length,
    status: db.select().from(bookings).where(eq(bookings.id, bookingId)).get()!.status,
  }
}

describe('POST /staff/bookings/<id>/treatment with bad products, passes or aftercare', () => {
  test.each([
    ['passes out of bounds', { passes: '12' }, { passes: ['At most 10 passes in one session.'] }],
    [
      'nothing ticked for the skin',
      { skinProducts: [] },
      { skinProducts: ['Tick what was put on the skin, or Nothing.'] },
    ],
    [
      'a product not approved for needling without confirmation or reason',
      { skinProducts: ['growth_factors', 'saline'] },
      {
        skinProductConfirmed: ['Confirm that you read the warning and used this product.'],
        skinProductReason: ['Say why you used a product not approved for needling.'],
      },
    ],
    [
      'an aftercare product of Other without its name',
      { aftercareProduct: 'other' },
      { aftercareProductName: ['Say which aftercare product was given.'] },
    ],
    [
      'no aftercare product chosen',
      { aftercareProduct: [] },
      { aftercareProduct: ['Choose the aftercare product given, or None given.'] },
    ],
  ])('%s: 400, the message beside the field, nothing written', async (_, change, fieldErrors) => {
    const visit = await openVisit()
    const before = written(visit.bookingId)
    const answer = await post(visit, { ...GOOD, ...change })
    expect(answer.status).toBe(400)
    expect((answer.data as { fieldErrors: unknown }).fieldErrors).toEqual(fieldErrors)
    expect(written(visit.bookingId)).toEqual(before)
    expect(before).toMatchObject({ records: 0, status: 'confirmed' })
  })

  test('confirmed with a reason, the same post records the treatment and completes the visit', async () => {
    const visit = await openVisit()
    const answer = await post(visit, {
      ...GOOD,
      skinProducts: ['growth_factors', 'saline'],
      skinProductConfirmed: 'on',
      skinProductReason: 'Sterile vial made for needling, doctor’s protocol.',
    })
    expect(answer.status).toBe(302)
    expect(written(visit.bookingId)).toMatchObject({ records: 1, status: 'completed' })
    expect(getDb().select().from(treatmentRecords).get()).toMatchObject({
      skinProducts: '["growth_factors","saline"]',
      skinProductReason: 'Sterile vial made for needling, doctor’s protocol.',
      passes: 3,
    })
  })
})
