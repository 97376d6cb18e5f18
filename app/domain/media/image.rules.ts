import { type Locale } from '#app/i18n/locales.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { adminPractitionersMessages } from '#app/i18n/messages/index.ts'

/**
 * Rules for pictures people upload (practitioner portraits today; clinical photos will share
 * them). The decoding and re-encoding is in image-store.server.ts, with sharp.
 */

/** The largest file accepted for one picture. A phone's full-size photo is 2–8 MB. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024

/**
 * The most pixels a picture may declare. 50 megapixels takes any phone's default photo; a
 * "decompression bomb" (a small file that declares 100 megapixels or more) is refused before it
 * is decoded.
 */
export const MAX_IMAGE_PIXELS = 50_000_000

/** Formats sharp decodes here. HEIC from iPhones arrives as JPEG: Safari converts on upload. */
export const ACCEPTED_IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'heif'] as const

export type ImageRefusal = 'missing' | 'too-large' | 'not-an-image' | 'too-many-pixels'

/** What the person uploading reads beside the field. */
export function imageRefusalMessage(reason: ImageRefusal, locale: Locale = 'en'): string {
  const t = translator(adminPractitionersMessages, locale)
  switch (reason) {
    case 'missing':
      return t('imageMissing')
    case 'too-large':
      return t('imageTooLarge', { megabytes: String(MAX_IMAGE_BYTES / 1024 / 1024) })
    case 'not-an-image':
      return t('imageNotAnImage')
    case 'too-many-pixels':
      return t('imageTooManyPixels', { megapixels: String(MAX_IMAGE_PIXELS / 1_000_000) })
  }
}

/** A stored picture is named by the SHA-256 of its bytes: 64 lower-case hex digits. */
export function isImageKey(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value)
}
