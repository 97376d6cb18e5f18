import { createHash, randomUUID } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { storeImage } from '#app/domain/media/image-store.server.ts'
import { type PhotoStage, type PhotoView } from '#app/domain/photos/photo.constants.ts'
import { type TreatmentArea } from '#app/domain/treatment/treatment.schema.ts'
import { getDb } from '#db/client.server.ts'
import { bookings, clinicalPhotos, consentRecords, consentWithdrawals } from '#db/schema/index.ts'

/**
 * TEST FIXTURES for the read side of clinical photos: a small real WebP (one flat colour) stored
 * in the worker's photo store, and a clinical_photos row for a booking under the consent the
 * booking was signed with, as the upload would write them.
 */

/** A small WebP of one colour, with its SHA-256 key, as the photo store names it. */
export async function colourWebp(
  colour: { r: number; g: number; b: number },
  size = { width: 60, height: 80 },
): Promise<{ bytes: Buffer; key: string }> {
  const bytes = await sharp({
    create: { width: size.width, height: size.height, channels: 3, background: colour },
  })
    .webp({ quality: 80 })
    .toBuffer()
  return { bytes, key: createHash('sha256').update(bytes).digest('hex') }
}

let shade = 0

/** Stores a photo's files and inserts its row; returns the photo's id. */
export async function insertClinicalPhoto(input: {
  bookingId: string
  area: TreatmentArea
  view: PhotoView
  stage: PhotoStage
  takenAt: Date
  takenByUserId: string
}): Promise<string> {
  const db = getDb()
  const booking = db.select().from(bookings).where(eq(bookings.id, input.bookingId)).get()
  if (!booking?.patientId) throw new Error(`No booking ${input.bookingId}`)
  // The consent signed for this booking, else the patient's latest (one consent covers a course).
  const consent =
    db
      .select({ id: consentRecords.id })
      .from(consentRecords)
      .where(eq(consentRecords.bookingId, booking.id))
      .get() ??
    db
      .select({ id: consentRecords.id })
      .from(consentRecords)
      .where(eq(consentRecords.patientId, booking.patientId))
      .orderBy(desc(consentRecords.signedAt))
      .get()
  if (!consent) throw new Error(`Booking ${input.bookingId} has no signed consent`)
  shade = (shade + 37) % 256
  const display = await colourWebp({ r: shade, g: 120, b: 200 })
  const thumb = await colourWebp({ r: shade, g: 120, b: 200 }, { width: 15, height: 20 })
  await storeImage('clinical', display)
  await storeImage('clinical', thumb)
  const id = randomUUID()
  db.insert(clinicalPhotos)
    .values({
      id,
      patientId: booking.patientId,
      bookingId: booking.id,
      consentRecordId: consent.id,
      area: input.area,
      view: input.view,
      stage: input.stage,
      displayKey: display.key,
      thumbKey: thumb.key,
      width: 60,
      height: 80,
      uploadSha256: createHash('sha256').update(id).digest('hex'),
      takenByUserId: input.takenByUserId,
      takenAt: input.takenAt,
    })
    .run()
  return id
}

/** The patient withdraws the consent a photo was taken under (the row the withdrawal writes). */
export function withdrawConsentOfPhoto(photoId: string, at: Date) {
  const db = getDb()
  const consent = db
    .select({
      id: consentRecords.id,
      patientId: consentRecords.patientId,
      bookingId: consentRecords.bookingId,
    })
    .from(clinicalPhotos)
    .innerJoin(consentRecords, eq(consentRecords.id, clinicalPhotos.consentRecordId))
    .where(eq(clinicalPhotos.id, photoId))
    .get()!
  db.insert(consentWithdrawals)
    .values({
      consentRecordId: consent.id,
      bookingId: consent.bookingId,
      patientId: consent.patientId,
      withdrawnAt: at,
      emailProvenBy: 'email_code',
      recordSha256: createHash('sha256').update(consent.id).digest('hex'),
    })
    .run()
}
