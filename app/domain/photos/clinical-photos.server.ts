import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import { and, asc, count, desc, eq, lt, ne } from 'drizzle-orm'
import sharp, { type Metadata } from 'sharp'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { consentStatusOfBooking } from '#app/domain/consent/consent-status.server.ts'
import { imagePath, readImage, storeImage } from '#app/domain/media/image-store.server.ts'
import { ACCEPTED_IMAGE_FORMATS, type ImageRefusal } from '#app/domain/media/image.rules.ts'
import { mayOpenPatient } from '#app/domain/privacy/restriction.server.ts'
import { type TreatmentArea } from '#app/domain/treatment/treatment.schema.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import {
  bookings,
  clinicalPhotos,
  consentRecords,
  patients,
  treatmentRecords,
  users,
} from '#db/schema/index.ts'
import { type PhotoStage, type PhotoView } from './photo.constants.ts'
import { type PhotoSize } from './photo.schema.ts'
import { photoIsVisible } from './photo-visibility.server.ts'
import {
  checkNewPhoto,
  DISPLAY_MAX_PX,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_PIXELS,
  type PhotoGate,
  photoGate,
  type PhotoRefusal,
  THUMB_MAX_PX,
} from './photo.rules.ts'

/**
 * Clinical photos (docs/decisions/047-clinical-photos.md): taking them at a visit under the
 * patient's photo consent, storing them re-encoded and content-addressed, listing a visit's
 * photos and serving one, every view audited. Every read filters with photoIsVisible().
 */

// Decoding --------------------------------------------------------------------------------------

export type PreparedPhoto =
  | {
      ok: true
      display: { bytes: Buffer; key: string }
      thumb: { bytes: Buffer; key: string }
      width: number
      height: number
      uploadSha256: string
    }
  | { ok: false; reason: ImageRefusal }

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/**
 * Decodes an upload and re-encodes it twice as WebP: a display size (longest side ≤ 1600 px)
 * and a thumbnail (≤ 320 px), orientation applied and no metadata written (EXIF, GPS, camera and
 * ICC data are gone). A file that does not decode, is truncated, or declares more than
 * MAX_PHOTO_PIXELS is refused before any pixel is decoded into memory.
 */
export async function prepareClinicalPhoto(upload: Buffer): Promise<PreparedPhoto> {
  if (upload.length === 0) return { ok: false, reason: 'missing' }
  if (upload.length > MAX_PHOTO_BYTES) return { ok: false, reason: 'too-large' }
  const source = () => sharp(upload, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'warning' })
  let meta: Metadata
  try {
    meta = await source().metadata()
  } catch (error) {
    const overLimit = error instanceof Error && /pixel limit/i.test(error.message)
    return { ok: false, reason: overLimit ? 'too-many-pixels' : 'not-an-image' }
  }
  if (!meta.format || !(ACCEPTED_IMAGE_FORMATS as readonly string[]).includes(meta.format))
    return { ok: false, reason: 'not-an-image' }
  if (!meta.width || !meta.height) return { ok: false, reason: 'not-an-image' }
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) return { ok: false, reason: 'too-many-pixels' }
  try {
    // Upright once, then both sizes from the same decoded picture.
    const upright = source().rotate()
    const sized = (max: number, quality: number) =>
      upright
        .clone()
        .resize(max, max, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality })
        .toBuffer({ resolveWithObject: true })
    const [display, thumb] = await Promise.all([sized(DISPLAY_MAX_PX, 82), sized(THUMB_MAX_PX, 75)])
    return {
      ok: true,
      display: { bytes: display.data, key: sha256(display.data) },
      thumb: { bytes: thumb.data, key: sha256(thumb.data) },
      width: display.info.width,
      height: display.info.height,
      uploadSha256: sha256(upload),
    }
  } catch {
    // A truncated or corrupt file can pass the header read and fail while decoding.
    return { ok: false, reason: 'not-an-image' }
  }
}

// The visit and its gate ---------------------------------------------------------------------

type VisitRow = {
  id: string
  patientId: string | null
  status: (typeof bookings.$inferSelect)['status']
  startAt: Date
  timeZone: string
  session: number
}

function loadVisit(db: Tx | Db, bookingId: string): VisitRow | undefined {
  return db
    .select({
      id: bookings.id,
      patientId: bookings.patientId,
      status: bookings.status,
      startAt: bookings.startAt,
      timeZone: bookings.timeZone,
      session: bookings.courseSessionNumber,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .get()
}

/** The consent gate of a visit (photo.rules.ts photoGate), from the consent that covers it. */
function gateOf(db: Tx | Db, visit: VisitRow): PhotoGate {
  const status = consentStatusOfBooking(db, visit.id)
  const consent = status?.recordId
    ? (db
        .select({
          id: consentRecords.id,
          photoClinical: consentRecords.photoClinical,
          photoMarketing: consentRecords.photoMarketing,
        })
        .from(consentRecords)
        .where(eq(consentRecords.id, status.recordId))
        .get() ?? null)
    : null
  return photoGate({
    bookingStatus: visit.status,
    consentStatus: status?.status ?? 'missing',
    consent,
  })
}

function photosOfVisit(db: Tx | Db, bookingId: string): number {
  return (
    db
      .select({ n: count() })
      .from(clinicalPhotos)
      .where(eq(clinicalPhotos.bookingId, bookingId))
      .get()?.n ?? 0
  )
}

// Adding a photo -------------------------------------------------------------------------------

export type AddPhotoResult =
  { ok: true; photoId: string } | { ok: false; reason: PhotoRefusal | 'not-found' }

/**
 * Adds one photo to a visit: checks the consent gate, the patient the form was for, the visit's
 * count and the marketing choice; decodes and re-encodes the upload; writes both files (temp
 * then rename) and then the row, audited (`clinical_photo.added`, ids only). Refused: nothing
 * is stored.
 */
export async function addClinicalPhoto(input: {
  bookingId: string
  /** The patient the form was showing. */
  patientId: string
  area: TreatmentArea
  view: PhotoView
  stage: PhotoStage
  marketingUse: boolean
  upload: Buffer | null
  actor: StaffActor
  now?: Date
}): Promise<AddPhotoResult> {
  const now = input.now ?? new Date()
  const db = getDb()
  const check = (tx: Tx | Db) => {
    const visit = loadVisit(tx, input.bookingId)
    if (!visit) return { ok: false as const, reason: 'not-found' as const }
    return checkNewPhoto({
      gate: gateOf(tx, visit),
      bookingPatientId: visit.patientId,
      formPatientId: input.patientId,
      photosThisVisit: photosOfVisit(tx, visit.id),
      marketingUse: input.marketingUse,
    })
  }
  const allowed = check(db)
  if (!allowed.ok) return allowed
  if (!input.upload) return { ok: false, reason: 'missing' }
  const photo = await prepareClinicalPhoto(input.upload)
  if (!photo.ok) return photo
  // The files first: a row never points at a file that is not there.
  await storeImage('clinical', photo.display)
  await storeImage('clinical', photo.thumb)
  const photoId = randomUUID()
  // Checked again with the row: the consent may have been withdrawn, or the count reached, while
  // the picture was being re-encoded.
  const result = db.transaction(
    (tx) => {
      const again = check(tx)
      if (!again.ok) return again
      tx.insert(clinicalPhotos)
        .values({
          id: photoId,
          patientId: input.patientId,
          bookingId: input.bookingId,
          consentRecordId: again.consentRecordId,
          area: input.area,
          view: input.view,
          stage: input.stage,
          displayKey: photo.display.key,
          thumbKey: photo.thumb.key,
          width: photo.width,
          height: photo.height,
          uploadSha256: photo.uploadSha256,
          marketingUse: input.marketingUse,
          takenByUserId: input.actor.userId,
          takenAt: now,
          createdAt: now,
        })
        .run()
      recordAuditEvent(tx, {
        action: 'clinical_photo.added',
        actor: auditActorOf(input.actor),
        subjectType: 'clinical_photo',
        subjectId: photoId,
        patientId: input.patientId,
        details: { bookingId: input.bookingId, consentRecordId: again.consentRecordId },
        at: now,
      })
      return { ok: true as const, photoId }
    },
    { behavior: 'immediate' },
  )
  if (!result.ok) {
    await removeUnusedFiles([photo.display.key, photo.thumb.key])
    return result
  }
  return result
}

/** Removes files that no row refers to (after a photo was refused at the last moment). */
async function removeUnusedFiles(keys: string[]) {
  const sqlite = getDb().$client
  for (const key of keys) {
    const used = sqlite
      .prepare('SELECT 1 FROM clinical_photos WHERE display_key = ? OR thumb_key = ? LIMIT 1')
      .get(key, key)
    if (!used) await fs.rm(imagePath('clinical', key), { force: true })
  }
}

// The visit's photos page ----------------------------------------------------------------------

export type VisitPhoto = {
  id: string
  area: TreatmentArea
  view: PhotoView
  stage: PhotoStage
  marketingUse: boolean
  takenAt: number
  takenBy: string
}

export type PhotoGuide = {
  area: TreatmentArea
  view: PhotoView
  photoId: string
  takenAt: number
}

export type PhotoPage = {
  booking: { id: string; status: string; startAt: number; timeZone: string; session: number }
  patient: { id: string; fullName: string }
  gate: PhotoGate
  photos: VisitPhoto[]
  /** Areas the patient's earlier or this visit's treatment records name, in their order. */
  treatedAreas: TreatmentArea[]
  /** For each area and view, the latest visible photo of an earlier visit of this patient. */
  guides: PhotoGuide[]
}

/** What the photos page of a visit shows (visible photos only). Null: no such booking. */
export function getPhotoPage(bookingId: string): PhotoPage | null {
  const db = getDb()
  const visit = loadVisit(db, bookingId)
  if (!visit || !visit.patientId) return null
  const patient = db
    .select({ id: patients.id, fullName: patients.fullName })
    .from(patients)
    .where(eq(patients.id, visit.patientId))
    .get()
  if (!patient) return null
  const photos = db
    .select({
      id: clinicalPhotos.id,
      area: clinicalPhotos.area,
      view: clinicalPhotos.view,
      stage: clinicalPhotos.stage,
      marketingUse: clinicalPhotos.marketingUse,
      takenAt: clinicalPhotos.takenAt,
      takenBy: users.name,
    })
    .from(clinicalPhotos)
    .innerJoin(users, eq(users.id, clinicalPhotos.takenByUserId))
    .where(and(eq(clinicalPhotos.bookingId, bookingId), photoIsVisible()))
    .orderBy(asc(clinicalPhotos.takenAt))
    .all()
    .map((row) => ({ ...row, takenAt: row.takenAt.getTime() }))
  const earlier = db
    .select({
      area: clinicalPhotos.area,
      view: clinicalPhotos.view,
      photoId: clinicalPhotos.id,
      takenAt: clinicalPhotos.takenAt,
    })
    .from(clinicalPhotos)
    .innerJoin(bookings, eq(bookings.id, clinicalPhotos.bookingId))
    .where(
      and(
        eq(clinicalPhotos.patientId, patient.id),
        ne(clinicalPhotos.bookingId, bookingId),
        lt(bookings.startAt, visit.startAt),
        photoIsVisible(),
      ),
    )
    .orderBy(desc(clinicalPhotos.takenAt))
    .all()
  const guides = new Map<string, PhotoGuide>()
  for (const row of earlier) {
    const key = `${row.area}:${row.view}`
    if (!guides.has(key)) guides.set(key, { ...row, takenAt: row.takenAt.getTime() })
  }
  return {
    booking: {
      id: visit.id,
      status: visit.status,
      startAt: visit.startAt.getTime(),
      timeZone: visit.timeZone,
      session: visit.session,
    },
    patient,
    gate: gateOf(db, visit),
    photos,
    treatedAreas: treatedAreasOf(db, patient.id),
    guides: [...guides.values()],
  }
}

function treatedAreasOf(db: Db, patientId: string): TreatmentArea[] {
  const rows = db
    .select({ areas: treatmentRecords.areas })
    .from(treatmentRecords)
    .innerJoin(bookings, eq(bookings.id, treatmentRecords.bookingId))
    .where(eq(bookings.patientId, patientId))
    .orderBy(desc(treatmentRecords.recordedAt))
    .all()
  const areas = new Set<TreatmentArea>()
  for (const row of rows) {
    try {
      for (const entry of JSON.parse(row.areas) as { area: TreatmentArea }[]) areas.add(entry.area)
    } catch {
      // A record's areas are written by the app as JSON; nothing to add from a bad one.
    }
  }
  return [...areas]
}

// Serving ------------------------------------------------------------------------------------

/**
 * A visible photo's bytes in one size, for a clinician; the view is audited
 * (`clinical_photo.viewed`, the photo id and size only). Null: no such photo, hidden by a
 * withdrawal, or its file is missing.
 */
export async function readClinicalPhoto(input: {
  photoId: string
  size: PhotoSize
  actor: StaffActor
  /** A record restricted at the patient's request shows its photos to admins only (ADR 051). */
  viewerRoles: readonly StaffRole[]
  now?: Date
}): Promise<Buffer | null> {
  const db = getDb()
  const row = db
    .select({
      patientId: clinicalPhotos.patientId,
      displayKey: clinicalPhotos.displayKey,
      thumbKey: clinicalPhotos.thumbKey,
    })
    .from(clinicalPhotos)
    .where(and(eq(clinicalPhotos.id, input.photoId), photoIsVisible()))
    .get()
  if (!row || !mayOpenPatient(input.viewerRoles, row.patientId)) return null
  const bytes = await readImage('clinical', input.size === 'thumb' ? row.thumbKey : row.displayKey)
  if (!bytes) return null
  recordAuditEvent(db, {
    action: 'clinical_photo.viewed',
    actor: auditActorOf(input.actor),
    subjectType: 'clinical_photo',
    subjectId: input.photoId,
    patientId: row.patientId,
    details: { size: input.size },
    at: input.now ?? new Date(),
  })
  return bytes
}
