import * as z from 'zod'
import { CheckboxSchema } from '#app/domain/shared/fields.schema.ts'
import { TREATMENT_AREAS } from '#app/domain/treatment/treatment.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { photosMessages } from '#app/i18n/messages/index.ts'
import { PHOTO_STAGES, PHOTO_VIEWS } from './photo.constants.ts'

/** The sizes a stored photo is served in (/staff/photos/<id>/<size>). */
export const PHOTO_SIZES = ['thumb', 'display'] as const
export type PhotoSize = (typeof PHOTO_SIZES)[number]

/**
 * Where a page points for a photo: the one address clinical photos are served at (the visit's
 * photos, the comparison and its PDF), for clinicians only (app/routes/staff.photos.$photoId.$size.tsx).
 */
export function clinicalPhotoUrl(photoId: string, size: PhotoSize): string {
  return `/staff/photos/${photoId}/${size}`
}

const UuidSchema = z.string().regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/)

/** /staff/photos/<photoId>/<size>: anything else is a 404. */
export const PhotoParamsSchema = z.object({
  photoId: UuidSchema,
  size: z.enum(PHOTO_SIZES),
})

/**
 * The fields of the "add a photo" form, beside its file (read by app/utils/uploads.server.ts).
 * `patientId` is the patient the page was showing: a form left open for another patient is
 * refused instead of filing a photo in the wrong record.
 */
export function photoUploadSchema(locale: Locale = 'en') {
  const t = translator(photosMessages, locale)
  return z.object({
    patientId: UuidSchema,
    area: z.enum(TREATMENT_AREAS, { error: t('chooseArea') }),
    view: z.enum(PHOTO_VIEWS, { error: t('chooseView') }),
    stage: z.enum(PHOTO_STAGES, { error: t('chooseStage') }),
    marketingUse: CheckboxSchema,
  })
}
export type PhotoUploadInput = z.infer<ReturnType<typeof photoUploadSchema>>
