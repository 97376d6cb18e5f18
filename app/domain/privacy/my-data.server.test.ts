import { and, eq } from 'drizzle-orm'
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { countersignConsent } from '#app/domain/consent/consent-staff.server.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { mergePatients } from '#app/domain/patients/patient-merge.server.ts'
import { getRecordAccessForStaff } from '#app/domain/privacy/record-access.server.ts'
import { checkInPatient } from '#app/domain/treatment/check-in.server.ts'
import { recordTreatment } from '#app/domain/treatment/treatment-records.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, patients } from '#db/schema/index.ts'
import { insertBooking } from '#tests/factories/bookings.ts'
import { bookForPatient, firstFreeSlot } from '#tests/support/booking-fixtures.ts'
import { DOCTOR } from '#tests/support/mfa-fixtures.ts'
import { pdfText } from '#tests/support/pdf-text.ts'
import { insertClinicalPhoto } from '#tests/support/photo-compare-fixtures.ts'
import { DEMO_ADMIN, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { downloadMyData, gatherMyData, getMyDataPage } from './my-data.server.ts'
import { MyDataExportSchema } from './my-data.schema.ts'

/**
 * "My data" on a real migrated database: a treated patient's export holds each part of the
 * record (booking, answers, consent text, treatment, photo), merged records are in it, another
 * patient's never are, the JSON validates against its schema, and each read is audited.
 */

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000
const patientActor = { type: 'patient' as const, ipAddress: '127.0.0.1', requestId: 'test' }
let counter = 0

const sessionOf = (email: string, link?: string): PatientSession => ({
  tokenHash: 'test',
  verifiedEmail: email,
  provenBy: link ? 'manage_link' : 'email_code',
  provenBookingId: link ?? null,
})

/** A skin boost booked online, checked in, countersigned, treated, with one photo. */
async function treatedPatient() {
  counter += 1
  const details = {
    fullName: `Sara Gallo ${counter}`,
    email: `my-data-${counter}@example.com`,
    phone: '+393331112233',
    dateOfBirth: '1990-05-20',
  }
  const slot = firstFreeSlot('skin-boost', new Date(NOW.getTime() + counter * 3 * DAY))
  const { reference } = await bookForPatient('skin-boost', slot, NOW, details)
  const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  const at = new Date(booking.startAt.getTime() + 5 * 60_000)
  const doctor = staffActorFor(DOCTOR)
  checkInPatient({
    bookingId: booking.id,
    identityMethod: 'photo_id',
    healthUnchanged: true,
    actor: doctor,
    now: at,
  })
  countersignConsent({ bookingId: booking.id, clinicianUserId: doctor.userId, now: at })
  const treated = recordTreatment({
    bookingId: booking.id,
    record: {
      areas: [{ area: 'cheeks', depthUm: 500 }],
      device: 'Dermapen 4',
      cartridgeLot: 'LOT-MYDATA-7',
      anaesthetic: 'none',
      anaestheticMinutes: null,
      rednessGrade: 1,
      bleeding: 'pinpoint',
      notes: 'Tolerated well.',
      passes: 3,
      skinProducts: ['saline'],
      skinProductOther: null,
      skinProductReason: null,
      aftercareProduct: 'hyaluronic_gel',
      aftercareProductName: null,
      correctsRecordId: null,
    },
    actor: doctor,
    now: at,
  })
  if (!treated.ok) throw new Error(`not recorded: ${JSON.stringify(treated)}`)
  const photoId = await insertClinicalPhoto({
    bookingId: booking.id,
    area: 'cheeks',
    view: 'front',
    stage: 'before',
    takenAt: at,
    takenByUserId: doctor.userId,
  })
  return { ...details, reference, bookingId: booking.id, patientId: booking.patientId!, photoId }
}

describe('my data', () => {
  test('the export holds the booking, answers, consent text, treatment and photo, and validates', async () => {
    const mine = await treatedPatient()
    const theirs = await treatedPatient()
    const data = gatherMyData(getDb(), { patientId: mine.patientId, locale: 'en', now: NOW })
    const json = JSON.stringify(data)
    expect(MyDataExportSchema.safeParse(data).success).toBe(true)
    expect(data.patient).toMatchObject({ id: mine.patientId, email: mine.email })
    expect(data.bookings.map((b) => b.reference)).toEqual([mine.reference])
    expect(data.bookings[0]).toMatchObject({
      status: 'completed',
      practitioner: expect.any(String),
      checkIns: [{ identityChecked: 'photo_id', healthUnchanged: true }],
    })
    expect(data.screenings.length).toBeGreaterThan(0)
    expect(data.screenings[0]!.answers[0]).toEqual({
      question: expect.any(String),
      answer: '1990-05-20',
    })
    expect(data.screenings[0]!.outcome).toBe('eligible')
    expect(data.consents).toHaveLength(1)
    expect(data.consents[0]!.text.length).toBeGreaterThan(200)
    expect(data.consents[0]!.countersignature).not.toBeNull()
    expect(data.treatments).toHaveLength(1)
    expect(data.treatments[0]).toMatchObject({ cartridgeLot: 'LOT-MYDATA-7', passes: 3 })
    expect(data.photos.map((p) => p.id)).toEqual([mine.photoId])
    expect(data.emails.length).toBeGreaterThan(0)
    expect(data.emails.every((e) => e.to === mine.email)).toBe(true)
    // Emailed links' secrets never reach the file.
    expect(json).not.toMatch(/token=(?!\[removed\])/)
    // Nothing of the other patient's anywhere in the file.
    for (const value of [theirs.email, theirs.fullName, theirs.reference, theirs.photoId])
      expect(json).not.toContain(value)
  })

  test('answers and consent are in the patient’s language; merged records are included', async () => {
    const survivor = await treatedPatient()
    const duplicate = insertBooking({
      practitioner: 'giulia',
      service: 'skin-boost',
      startAt: new Date(NOW.getTime() + 40 * DAY),
      patientName: survivor.fullName,
    })
    const duplicateId = getDb()
      .select({ id: bookings.patientId })
      .from(bookings)
      .where(eq(bookings.id, duplicate.id))
      .get()!.id!
    const merged = mergePatients({
      survivorId: survivor.patientId,
      duplicateId,
      actor: staffActorFor(DEMO_ADMIN),
      now: NOW,
    })
    expect(merged.ok).toBe(true)
    const data = gatherMyData(getDb(), { patientId: survivor.patientId, locale: 'it', now: NOW })
    expect(data.locale).toBe('it')
    expect(data.mergedRecords.map((p) => p.id)).toEqual([duplicateId])
    expect(data.bookings.map((b) => b.reference).sort()).toEqual(
      [survivor.reference, duplicate.reference].sort(),
    )
    expect(data.screenings[0]!.answers[0]!.question).toMatch(/nascita/i)
  })

  test('downloads: audited as the patient’s, 404 for another patient or a manage link only', async () => {
    const mine = await treatedPatient()
    const theirs = await treatedPatient()
    const query = {
      session: sessionOf(mine.email),
      reference: mine.reference,
      now: NOW,
      actor: patientActor,
    }
    expect(getMyDataPage(query)).toEqual({ reference: mine.reference, needsCode: false })
    const json = await downloadMyData({ ...query, format: 'json', locale: 'en' })
    if (!json.ok) throw new Error('no download')
    expect(json.filename).toBe(`my-data-${mine.reference}.json`)
    const parsed = MyDataExportSchema.parse(JSON.parse(json.body as string))
    expect(parsed.bookings[0]!.reference).toBe(mine.reference)

    const pdf = await downloadMyData({ ...query, format: 'pdf', locale: 'it' })
    if (!pdf.ok) throw new Error('no pdf')
    const bytes = pdf.body as Uint8Array
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-')
    const { text } = await pdfText(bytes)
    expect(text).toContain('I tuoi dati')
    expect(text).toContain(mine.reference)
    expect(text).toContain('LOT-MYDATA-7')
    // The photo is in it as an image (a JPEG thumbnail).
    const doc = await PDFDocument.load(bytes)
    const images = doc.context
      .enumerateIndirectObjects()
      .filter(
        ([, object]) =>
          object instanceof PDFRawStream &&
          object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      )
    expect(images).toHaveLength(1)

    const audited = getDb()
      .select({
        action: auditEvents.action,
        actorType: auditEvents.actorType,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, mine.patientId), eq(auditEvents.actorType, 'patient')))
      .all()
      .filter((row) => row.action.startsWith('privacy.my_data.'))
    expect(audited.map((row) => [row.action, JSON.parse(row.details).format])).toEqual([
      ['privacy.my_data.requested', undefined],
      ['privacy.my_data.downloaded', 'json'],
      ['privacy.my_data.downloaded', 'pdf'],
    ])
    expect(verifyAuditChain(getDb()).ok).toBe(true)
    // The patient's own downloads are not "staff views" of their record.
    const access = getRecordAccessForStaff({
      patientId: mine.patientId,
      actor: { type: 'staff', id: staffActorFor(DEMO_ADMIN).userId },
      now: new Date(NOW.getTime() + 1000),
    })
    expect(
      access.ok && access.report.entries.filter((e) => e.action.startsWith('privacy.my_data')),
    ).toEqual([])

    // Another patient's booking: nothing, and nothing audited for them.
    expect(getMyDataPage({ ...query, reference: theirs.reference })).toBeNull()
    expect(
      await downloadMyData({ ...query, reference: theirs.reference, format: 'json', locale: 'en' }),
    ).toEqual({ ok: false, reason: 'not-found' })
    // A session opened by a manage link proves that booking only: it must ask for a code first.
    const linkOnly = { ...query, session: sessionOf(mine.email, mine.bookingId) }
    expect(getMyDataPage(linkOnly)).toEqual({ reference: mine.reference, needsCode: true })
    expect(await downloadMyData({ ...linkOnly, format: 'json', locale: 'en' })).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(
      getDb()
        .select({ id: auditEvents.seq })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.patientId, theirs.patientId),
            eq(auditEvents.action, 'privacy.my_data.downloaded'),
          ),
        )
        .all(),
    ).toEqual([])
  })

  test('downloads are limited per record and hour', async () => {
    const mine = await treatedPatient()
    const query = {
      session: sessionOf(mine.email),
      reference: mine.reference,
      actor: patientActor,
      format: 'json' as const,
      locale: 'en' as const,
    }
    for (let i = 0; i < 10; i += 1)
      expect((await downloadMyData({ ...query, now: new Date(NOW.getTime() + i * 1000) })).ok).toBe(
        true,
      )
    const refused = await downloadMyData({ ...query, now: new Date(NOW.getTime() + 20_000) })
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' })
    expect(
      (await downloadMyData({ ...query, now: new Date(NOW.getTime() + 3600_000 + 1000) })).ok,
    ).toBe(true)
    expect(
      getDb().select().from(patients).where(eq(patients.id, mine.patientId)).get(),
    ).toBeTruthy()
  })
})
