import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import {
  deleteImage,
  preparePortrait,
  readImage,
  storeImage,
} from '#app/domain/media/image-store.server.ts'
import { type ImageRefusal, isImageKey } from '#app/domain/media/image.rules.ts'
import { getDb } from '#db/client.server.ts'
import { practitioners } from '#db/schema/index.ts'

/**
 * The portrait patients see when choosing who to see (docs/decisions/037-practitioner-photos.md).
 * A portrait is public, like the name and title beside it: it is not health data.
 */

export type PhotoChangeResult =
  | { ok: true; photoKey: string | null }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: ImageRefusal }

/** Re-encodes the upload, stores it and points the practitioner at it; audited. */
export async function setPractitionerPhoto(
  practitionerId: string,
  upload: Buffer,
  actor: StaffActor,
  now = new Date(),
): Promise<PhotoChangeResult> {
  const db = getDb()
  const exists = db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId))
    .get()
  if (!exists) return { ok: false, reason: 'not-found' }
  const image = await preparePortrait(upload)
  if (!image.ok) return image
  // The file first: a row never points at a picture that is not there.
  await storeImage('portraits', image)
  const previous = replacePhotoKey(practitionerId, image.key, actor, now)
  if (previous === undefined) return { ok: false, reason: 'not-found' }
  if (previous && previous !== image.key) await deleteUnusedPortrait(previous)
  return { ok: true, photoKey: image.key }
}

/** Back to the initials; audited. */
export async function removePractitionerPhoto(
  practitionerId: string,
  actor: StaffActor,
  now = new Date(),
): Promise<PhotoChangeResult> {
  const previous = replacePhotoKey(practitionerId, null, actor, now)
  if (previous === undefined) return { ok: false, reason: 'not-found' }
  if (previous) await deleteUnusedPortrait(previous)
  return { ok: true, photoKey: null }
}

/** The key the practitioner had before (null: none), or undefined when there is no such row. */
function replacePhotoKey(
  practitionerId: string,
  photoKey: string | null,
  actor: StaffActor,
  now: Date,
): string | null | undefined {
  return getDb().transaction((tx) => {
    const current = tx
      .select({ photoKey: practitioners.photoKey })
      .from(practitioners)
      .where(eq(practitioners.id, practitionerId))
      .get()
    if (!current) return undefined
    tx.update(practitioners)
      .set({ photoKey, updatedAt: now })
      .where(eq(practitioners.id, practitionerId))
      .run()
    recordAuditEvent(tx, {
      action: photoKey ? 'admin.practitioner.photo_set' : 'admin.practitioner.photo_removed',
      actor: auditActorOf(actor),
      subjectType: 'practitioner',
      subjectId: practitionerId,
      details: { photoKey, previousPhotoKey: current.photoKey },
      at: now,
    })
    return current.photoKey
  })
}

async function deleteUnusedPortrait(photoKey: string) {
  const stillUsed = getDb()
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.photoKey, photoKey))
    .get()
  if (!stillUsed) await deleteImage('portraits', photoKey)
}

/**
 * A portrait's bytes, only for a key some practitioner uses now: the route cannot be used to
 * probe the store for other files.
 */
export async function readPractitionerPhoto(photoKey: string): Promise<Buffer | null> {
  if (!isImageKey(photoKey)) return null
  const used = getDb()
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.photoKey, photoKey))
    .get()
  return used ? readImage('portraits', photoKey) : null
}

/** The address a page uses for a portrait (the key makes it safe to cache for good). */
export function practitionerPhotoUrl(photoKey: string | null): string | null {
  return photoKey ? `/practitioner-photos/${photoKey}` : null
}
