import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { randomUUID } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { withdrawConsent } from '#app/domain/consent/consent-withdrawal.server.ts'
import { imagePath, mediaRoot } from '#app/domain/media/image-store.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, patients } from '#db/schema/index.ts'
import { fullSizePhoto, phonePhoto, plainPng, pngBomb } from '#tests/support/image-fixtures.ts'
import { bookTreatmentWithPhotoConsent, clinician } from '#tests/support/photo-fixtures.ts'
import {
  addClinicalPhoto,
  getPhotoPage,
  prepareClinicalPhoto,
  readClinicalPhoto,
} from './clinical-photos.server.ts'
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_VISIT } from './photo.rules.ts'

const NOW = new Date('2027-03-01T08:00:00Z')

const photoRows = () =>
  getDb().$client.prepare('SELECT * FROM clinical_photos').all() as Record<string, unknown>[]
const clinicalFiles = () => {
  const dir = `${mediaRoot()}/clinical`
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}
const lastAudit = () =>
  getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()!

async function consenting(photoMarketing = false) {
  return bookTreatmentWithPhotoConsent(NOW, { photoClinical: true, photoMarketing })
}

function add(
  visit: { bookingId: string; patientId: string },
  upload: Buffer | null,
  extra: Partial<Parameters<typeof addClinicalPhoto>[0]> = {},
) {
  return addClinicalPhoto({
    bookingId: visit.bookingId,
    patientId: visit.patientId,
    area: 'cheeks',
    view: 'front',
    stage: 'before',
    marketingUse: false,
    upload,
    actor: clinician(),
    now: NOW,
    ...extra,
  })
}

describe('re-encoding a clinical photo', () => {
  test('a GPS-tagged sideways phone JPEG comes out upright, WebP, within the sizes, with no metadata', async () => {
    const upload = await phonePhoto({ width: 2400, height: 1200 })
    expect((await sharp(upload).metadata()).exif).toBeDefined()
    const result = await prepareClinicalPhoto(upload)
    if (!result.ok) throw new Error(result.reason)
    const display = await sharp(result.display.bytes).metadata()
    const thumb = await sharp(result.thumb.bytes).metadata()
    expect(display.format).toBe('webp')
    // Orientation 6: the 2400 × 1200 stored picture is 1200 × 2400 upright, fitted in 1600.
    expect([display.width, display.height]).toEqual([800, 1600])
    expect([thumb.width, thumb.height]).toEqual([160, 320])
    for (const meta of [display, thumb]) {
      expect(meta.exif).toBeUndefined()
      expect(meta.icc).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
    }
    expect(result.display.key).toBe(createHash('sha256').update(result.display.bytes).digest('hex'))
    expect(result.uploadSha256).toBe(createHash('sha256').update(upload).digest('hex'))
  })

  test('a small picture is not enlarged', async () => {
    const result = await prepareClinicalPhoto(await plainPng({ width: 300, height: 200 }))
    if (!result.ok) throw new Error(result.reason)
    expect([result.width, result.height]).toEqual([300, 200])
  })

  test('refuses a non-image, a truncated JPEG, a bomb, an empty and an oversized upload', async () => {
    const whole = await phonePhoto()
    expect(await prepareClinicalPhoto(Buffer.from('just text\n'.repeat(50)))).toEqual({
      ok: false,
      reason: 'not-an-image',
    })
    expect(await prepareClinicalPhoto(whole.subarray(0, whole.length / 2))).toEqual({
      ok: false,
      reason: 'not-an-image',
    })
    expect(await prepareClinicalPhoto(pngBomb(12_000))).toEqual({
      ok: false,
      reason: 'too-many-pixels',
    })
    expect(await prepareClinicalPhoto(Buffer.alloc(0))).toEqual({ ok: false, reason: 'missing' })
    expect(await prepareClinicalPhoto(Buffer.alloc(MAX_PHOTO_BYTES + 1))).toEqual({
      ok: false,
      reason: 'too-large',
    })
  })
})

describe('adding a photo to a visit', () => {
  test('stores both sizes under their hashes, the row, and an audit row with ids only', async () => {
    const visit = await consenting()
    const upload = await phonePhoto()
    const result = await add(visit, upload)
    if (!result.ok) throw new Error(result.reason)
    const [row] = photoRows()
    expect(row).toMatchObject({
      id: result.photoId,
      booking_id: visit.bookingId,
      patient_id: visit.patientId,
      area: 'cheeks',
      view: 'front',
      stage: 'before',
      marketing_use: 0,
      upload_sha256: createHash('sha256').update(upload).digest('hex'),
    })
    for (const key of [row!.display_key, row!.thumb_key] as string[]) {
      const bytes = fs.readFileSync(imagePath('clinical', key))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(key)
      // The stored file carries no EXIF or GPS.
      expect((await sharp(bytes).metadata()).exif).toBeUndefined()
      expect(bytes.includes(Buffer.from('TestPhone'))).toBe(false)
    }
    // No temporary files left behind.
    expect(clinicalFiles().every((name) => name.endsWith('.webp'))).toBe(true)
    const audit = lastAudit()
    expect(audit.action).toBe('clinical_photo.added')
    expect(audit.subjectId).toBe(result.photoId)
    expect(audit.details).not.toMatch(/cheeks|Photo Patient/)
    expect(verifyAuditChain(getDb()).ok).toBe(true)
  })

  type Case = [string, () => Buffer | null | Promise<Buffer>, string]
  test.each<Case>([
    ['a text file', () => Buffer.from('not a picture\n'.repeat(30)), 'not-an-image'],
    ['a truncated JPEG', async () => (await phonePhoto()).subarray(0, 3000), 'not-an-image'],
    ['a 144-megapixel bomb', () => pngBomb(12_000), 'too-many-pixels'],
    ['a file over 20 MB', () => Buffer.alloc(MAX_PHOTO_BYTES + 1, 1), 'too-large'],
    ['no file', () => null, 'missing'],
  ])('%s is refused and nothing is stored', async (_name, make, reason) => {
    const visit = await consenting()
    const before = getDb().$client.prepare('SELECT count(*) AS n FROM audit_events').get()
    expect(await add(visit, await make())).toEqual({ ok: false, reason })
    expect(photoRows()).toEqual([])
    expect(clinicalFiles()).toEqual([])
    expect(getDb().$client.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual(before)
  })

  test('no photo consent: refused, and the page says so', async () => {
    const visit = await bookTreatmentWithPhotoConsent(NOW, {
      photoClinical: false,
      photoMarketing: false,
    })
    expect(await add(visit, await plainPng())).toEqual({ ok: false, reason: 'no-photo-consent' })
    expect(getPhotoPage(visit.bookingId)?.gate).toEqual({ ok: false, reason: 'no-photo-consent' })
    expect(clinicalFiles()).toEqual([])
  })

  test('marketing use only when the consent allows it', async () => {
    const clinicalOnly = await consenting(false)
    expect(await add(clinicalOnly, await plainPng(), { marketingUse: true })).toEqual({
      ok: false,
      reason: 'marketing-not-allowed',
    })
    const both = await consenting(true)
    const result = await add(both, await plainPng(), { marketingUse: true })
    expect(result.ok).toBe(true)
    expect(photoRows()[0]).toMatchObject({ marketing_use: 1 })
  })

  test('a form for another patient, or a photo of one patient filed on another’s booking, is refused', async () => {
    const mine = await consenting()
    const theirs = await consenting()
    expect(
      await add({ bookingId: theirs.bookingId, patientId: mine.patientId }, await plainPng()),
    ).toEqual({ ok: false, reason: 'not-this-patient' })
    expect(photoRows()).toEqual([])
  })

  test('a cancelled booking takes no photos', async () => {
    const visit = await consenting()
    getDb()
      .$client.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?")
      .run(visit.bookingId)
    expect(await add(visit, await plainPng())).toEqual({ ok: false, reason: 'booking-closed' })
  })

  test(`at most ${MAX_PHOTOS_PER_VISIT} photos per visit`, async () => {
    const visit = await consenting()
    const upload = await plainPng({ width: 40, height: 40 })
    for (let i = 0; i < MAX_PHOTOS_PER_VISIT; i++) {
      const result = await add(visit, upload)
      expect(result.ok).toBe(true)
    }
    expect(await add(visit, upload)).toEqual({ ok: false, reason: 'too-many' })
    expect(photoRows()).toHaveLength(MAX_PHOTOS_PER_VISIT)
  })

  test('after a withdrawal: new photos refused, old ones hidden from the page and the route, rows and files kept', async () => {
    const visit = await consenting()
    const added = await add(visit, await fullSizePhoto({ width: 800, height: 600 }))
    if (!added.ok) throw new Error(added.reason)
    expect(getPhotoPage(visit.bookingId)?.photos).toHaveLength(1)
    expect(
      await readClinicalPhoto({
        photoId: added.photoId,
        size: 'thumb',
        actor: clinician(),
        viewerRoles: ['clinician'],
      }),
    ).not.toBeNull()
    const viewed = lastAudit()
    expect(viewed.action).toBe('clinical_photo.viewed')
    expect(JSON.parse(viewed.details)).toEqual({ size: 'thumb' })

    const withdrawn = withdrawConsent({
      session: visit.session,
      reference: visit.reference,
      reason: null,
      now: NOW,
      ipAddress: null,
      userAgent: null,
      requestId: null,
    })
    expect(withdrawn.ok).toBe(true)
    expect(await add(visit, await plainPng())).toEqual({ ok: false, reason: 'consent-withdrawn' })
    expect(getPhotoPage(visit.bookingId)?.photos).toEqual([])
    expect(
      await readClinicalPhoto({
        photoId: added.photoId,
        size: 'display',
        actor: clinician(),
        viewerRoles: ['clinician'],
      }),
    ).toBeNull()
    const [row] = photoRows()
    expect(fs.existsSync(imagePath('clinical', row!.display_key as string))).toBe(true)
  })
})

describe('a restricted record', () => {
  test('shows its photos to admins only; to a clinician the photo is not there', async () => {
    const visit = await consenting()
    const added = await add(visit, await plainPng())
    if (!added.ok) throw new Error(added.reason)
    const patientId = getDb()
      .select({ patientId: bookings.patientId })
      .from(bookings)
      .where(eq(bookings.id, visit.bookingId))
      .get()!.patientId!
    getDb().update(patients).set({ restrictedAt: NOW }).where(eq(patients.id, patientId)).run()
    const read = (viewerRoles: ('clinician' | 'admin')[]) =>
      readClinicalPhoto({ photoId: added.photoId, size: 'thumb', actor: clinician(), viewerRoles })
    expect(await read(['clinician'])).toBeNull()
    expect(await read(['clinician', 'admin'])).not.toBeNull()
  })
})

describe('the photos page', () => {
  test('offers an earlier visit’s photo of the same area and view as the guide', async () => {
    const first = await consenting()
    const earlier = await add(first, await plainPng(), { area: 'forehead', view: 'left_profile' })
    if (!earlier.ok) throw new Error(earlier.reason)
    // The patient's next session of the course, three weeks on, under the same consent.
    const row = getDb().select().from(bookings).where(eq(bookings.id, first.bookingId)).get()!
    const shift = (date: Date | null) => (date ? new Date(date.getTime() + 21 * 86_400_000) : null)
    const nextId = randomUUID()
    getDb()
      .insert(bookings)
      .values({
        ...row,
        id: nextId,
        reference: 'DD-NEXT01',
        startAt: shift(row.startAt)!,
        endAt: shift(row.endAt)!,
        blockedUntil: shift(row.blockedUntil)!,
        courseSessionNumber: 2,
      })
      .run()
    const next = getPhotoPage(nextId)!
    expect(next.gate.ok).toBe(true)
    expect(next.photos).toEqual([])
    expect(next.guides).toEqual([
      { area: 'forehead', view: 'left_profile', photoId: earlier.photoId, takenAt: NOW.getTime() },
    ])
    // The first visit has no earlier one.
    expect(getPhotoPage(first.bookingId)!.guides).toEqual([])
  })
})
