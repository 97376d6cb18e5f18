import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { getEnv } from '#app/utils/env.server.ts'
import { getDatabasePath } from '#db/client.server.ts'
import {
  ACCEPTED_IMAGE_FORMATS,
  type ImageRefusal,
  isImageKey,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
} from './image.rules.ts'

/**
 * Pictures live outside public/, beside the database (a backup takes both), in one folder per
 * kind, each file named by the SHA-256 of its bytes (docs/decisions/037-practitioner-photos.md).
 */
export type ImageFolder = 'portraits' | 'clinical'

export function mediaRoot(): string {
  return getEnv().MEDIA_DIR ?? path.join(path.dirname(path.resolve(getDatabasePath())), 'media')
}

/** Where a stored picture lives: `<media root>/<folder>/<key>.webp`. */
export function imagePath(folder: ImageFolder, key: string) {
  return path.join(mediaRoot(), folder, `${key}.webp`)
}

export type PreparedImage =
  { ok: true; bytes: Buffer; key: string } | { ok: false; reason: ImageRefusal }

/**
 * Decodes an upload and re-encodes it as a square WebP portrait: orientation applied, every
 * metadata block (EXIF, GPS, camera, ICC) dropped, since sharp writes none unless asked. A file
 * that does not decode, or declares more than MAX_IMAGE_PIXELS, is refused before any pixel is
 * decoded into memory.
 */
export async function preparePortrait(upload: Buffer, sizePx = 320): Promise<PreparedImage> {
  if (upload.length === 0) return { ok: false, reason: 'missing' }
  if (upload.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too-large' }
  const source = () => sharp(upload, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' })
  let width: number | undefined
  let height: number | undefined
  let format: string | undefined
  try {
    ;({ width, height, format } = await source().metadata())
  } catch (error) {
    // sharp checks limitInputPixels against the header, before decoding anything.
    const overLimit = error instanceof Error && /pixel limit/i.test(error.message)
    return { ok: false, reason: overLimit ? 'too-many-pixels' : 'not-an-image' }
  }
  if (!format || !(ACCEPTED_IMAGE_FORMATS as readonly string[]).includes(format))
    return { ok: false, reason: 'not-an-image' }
  if (!width || !height) return { ok: false, reason: 'not-an-image' }
  if (width * height > MAX_IMAGE_PIXELS) return { ok: false, reason: 'too-many-pixels' }
  try {
    const bytes = await source()
      .rotate()
      .resize(sizePx, sizePx, { fit: 'cover', position: 'attention' })
      .webp({ quality: 80 })
      .toBuffer()
    return { ok: true, bytes, key: createHash('sha256').update(bytes).digest('hex') }
  } catch {
    // A truncated or corrupt file can pass the header read and fail while decoding.
    return { ok: false, reason: 'not-an-image' }
  }
}

/**
 * Writes a prepared picture under its key: to a temporary name first, then renamed, so a reader
 * never sees half a file. Writing the same picture twice is harmless.
 */
export async function storeImage(folder: ImageFolder, image: { bytes: Buffer; key: string }) {
  const target = imagePath(folder, image.key)
  await fs.mkdir(path.dirname(target), { recursive: true })
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
  await fs.writeFile(temporary, image.bytes, { mode: 0o600 })
  await fs.rename(temporary, target)
}

/** The stored bytes, or null for a malformed key or a missing file. */
export async function readImage(folder: ImageFolder, key: string): Promise<Buffer | null> {
  if (!isImageKey(key)) return null
  try {
    return await fs.readFile(imagePath(folder, key))
  } catch {
    return null
  }
}

/** Removes a picture no row refers to any more; a missing file is not an error. */
export async function deleteImage(folder: ImageFolder, key: string) {
  if (!isImageKey(key)) return
  await fs.rm(imagePath(folder, key), { force: true })
}
