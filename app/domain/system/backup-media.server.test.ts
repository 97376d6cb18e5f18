import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { setPractitionerPhoto } from '#app/domain/clinic/practitioner-photo.server.ts'
import { imagePath, mediaRoot } from '#app/domain/media/image-store.server.ts'
import { addClinicalPhoto } from '#app/domain/photos/clinical-photos.server.ts'
import { getDatabasePath, getDb, openDatabase } from '#db/client.server.ts'
import { practitionerIdOf } from '#tests/factories/bookings.ts'
import { phonePhoto, plainPng } from '#tests/support/image-fixtures.ts'
import { bookTreatmentWithPhotoConsent, clinician } from '#tests/support/photo-fixtures.ts'
import {
  backupDatabase,
  checkDatabaseFile,
  checkMediaFiles,
  describeBackup,
} from './backup.server.ts'

/**
 * Backups include the picture store (docs/decisions/047-clinical-photos.md): the files the
 * snapshot's rows name are copied beside it and checked against their hashes, and the restore
 * drill finds every recorded hash's file.
 */
const NOW = new Date('2027-03-01T08:00:00Z')
let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-backup-media-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A visit with a clinical photo (two files) and a practitioner with a portrait (one file). */
async function arrangePictures() {
  const visit = await bookTreatmentWithPhotoConsent(NOW, {
    photoClinical: true,
    photoMarketing: false,
  })
  const photo = await addClinicalPhoto({
    bookingId: visit.bookingId,
    patientId: visit.patientId,
    area: 'forehead',
    view: 'front',
    stage: 'before',
    marketingUse: false,
    upload: await phonePhoto(),
    actor: clinician(),
    now: NOW,
  })
  if (!photo.ok) throw new Error(photo.reason)
  const portrait = await setPractitionerPhoto(
    practitionerIdOf('marco'),
    await plainPng(),
    clinician(),
    NOW,
  )
  if (!portrait.ok) throw new Error(portrait.reason)
  const row = getDb()
    .$client.prepare('SELECT display_key AS display, thumb_key AS thumb FROM clinical_photos')
    .get() as { display: string; thumb: string }
  return { ...row, portrait: portrait.photoKey! }
}

describe('backups include the pictures', () => {
  test('the files the snapshot names are copied, checked, and found again by the restore drill', async () => {
    const keys = await arrangePictures()
    const result = await backupDatabase({
      databasePath: getDatabasePath(),
      backupDir: dir,
      mediaDir: mediaRoot(),
      now: NOW,
    })
    expect(result.ok, describeBackup(result)).toBe(true)
    if (!result.ok) return
    expect(result.media).toEqual({ files: 3, copied: 3 })
    expect(describeBackup(result)).toContain('3 picture files checked (3 new)')
    const media = path.join(dir, 'media')
    for (const file of [
      `clinical/${keys.display}.webp`,
      `clinical/${keys.thumb}.webp`,
      `portraits/${keys.portrait}.webp`,
    ]) {
      expect(fs.existsSync(path.join(media, file))).toBe(true)
      expect(fs.statSync(path.join(media, file)).mode & 0o077).toBe(0)
    }
    // No temporary files left.
    expect(fs.readdirSync(path.join(media, 'clinical')).every((f) => f.endsWith('.webp'))).toBe(
      true,
    )

    // Restore drill: the database file and the media folder, copied elsewhere, check out.
    const restored = path.join(dir, 'restore')
    fs.mkdirSync(restored)
    fs.copyFileSync(result.file, path.join(restored, 'dermadesk.db'))
    fs.cpSync(media, path.join(restored, 'media'), { recursive: true })
    expect(checkDatabaseFile(path.join(restored, 'dermadesk.db')).ok).toBe(true)
    expect(
      checkMediaFiles(path.join(restored, 'dermadesk.db'), path.join(restored, 'media')),
    ).toEqual({ ok: true, files: 3 })
    const db = openDatabase(path.join(restored, 'dermadesk.db'))
    expect(db.$client.prepare('SELECT count(*) AS n FROM clinical_photos').get()).toEqual({ n: 1 })
    db.$client.close()

    // A restore missing one picture, or holding a changed one, fails the drill.
    fs.rmSync(path.join(restored, 'media', 'portraits', `${keys.portrait}.webp`))
    fs.writeFileSync(path.join(restored, 'media', 'clinical', `${keys.thumb}.webp`), 'changed')
    const broken = checkMediaFiles(
      path.join(restored, 'dermadesk.db'),
      path.join(restored, 'media'),
    )
    expect(broken.ok).toBe(false)
    if (!broken.ok) {
      expect(broken.reason).toContain('1 picture files missing')
      expect(broken.reason).toContain('1 picture files do not match their hash')
    }
  })

  test('the next backup copies only new pictures (files are never rewritten)', async () => {
    await arrangePictures()
    const first = await backupDatabase({
      databasePath: getDatabasePath(),
      backupDir: dir,
      mediaDir: mediaRoot(),
      now: NOW,
    })
    const second = await backupDatabase({
      databasePath: getDatabasePath(),
      backupDir: dir,
      mediaDir: mediaRoot(),
      now: NOW,
    })
    expect(first.ok && first.media).toEqual({ files: 3, copied: 3 })
    expect(second.ok && second.media).toEqual({ files: 3, copied: 0 })
  })

  test.each([
    ['missing', (file: string) => fs.rmSync(file)],
    ['changed', (file: string) => fs.writeFileSync(file, 'not the bytes its name promises')],
  ])(
    'a recorded picture %s in the store fails the backup: no file named like one',
    async (_name, damage) => {
      const keys = await arrangePictures()
      damage(imagePath('clinical', keys.display))
      const result = await backupDatabase({
        databasePath: getDatabasePath(),
        backupDir: dir,
        mediaDir: mediaRoot(),
        now: NOW,
      })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.reason).toMatch(/picture files/)
      expect(
        fs.readdirSync(dir).filter((name) => name.endsWith('.db') || name.endsWith('.partial')),
      ).toEqual([])
    },
  )
})
