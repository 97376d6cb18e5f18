import { type ImageRefusal, MAX_IMAGE_PIXELS } from '#app/domain/media/image.rules.ts'
import { type BookingStatus } from '#app/domain/booking/booking.schema.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { photosMessages } from '#app/i18n/messages/index.ts'

/**
 * Pure rules for clinical photos (docs/decisions/047-clinical-photos.md): the limits, whether a
 * visit may have photos taken (the consent gate), and what the clinician reads when one is
 * refused. The decoding and storing is in clinical-photos.server.ts.
 */

/** The largest upload for one clinical photo: a phone's full-size photo is 2–8 MB. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024

/** The most photos one visit may have (6 views × 2 stages × 2 areas). */
export const MAX_PHOTOS_PER_VISIT = 24

/** The most pixels an upload may declare (a "decompression bomb" declares far more). */
export const MAX_PHOTO_PIXELS = MAX_IMAGE_PIXELS

/** The display size's longest side, and the thumbnail's. */
export const DISPLAY_MAX_PX = 1600
export const THUMB_MAX_PX = 320

/** Photos only for a visit that happens or happened (not cancelled, declined, missed, lapsed). */
const PHOTO_BOOKING_STATUSES: readonly BookingStatus[] = [
  'pending_review',
  'confirmed',
  'completed',
]

export type PhotoGateRefusal =
  'no-consent' | 'consent-withdrawn' | 'no-photo-consent' | 'booking-closed'

export type PhotoGateFacts = {
  bookingStatus: BookingStatus
  /** The consent status of the booking (consentStatusOfBooking) and the record it is about. */
  consentStatus: ConsentStatus
  consent: { id: string; photoClinical: boolean; photoMarketing: boolean } | null
}

export type PhotoGate =
  | { ok: true; consentRecordId: string; marketingAllowed: boolean }
  | { ok: false; reason: PhotoGateRefusal }

/**
 * May photos be taken at this visit? Only under a signed (or countersigned), not withdrawn
 * consent that covers the booking and says yes to clinical photos; marketing use only when that
 * consent also says yes to marketing photos.
 */
export function photoGate(facts: PhotoGateFacts): PhotoGate {
  if (!PHOTO_BOOKING_STATUSES.includes(facts.bookingStatus))
    return { ok: false, reason: 'booking-closed' }
  if (facts.consentStatus === 'withdrawn') return { ok: false, reason: 'consent-withdrawn' }
  if (
    (facts.consentStatus !== 'signed' && facts.consentStatus !== 'countersigned') ||
    !facts.consent
  )
    return { ok: false, reason: 'no-consent' }
  if (!facts.consent.photoClinical) return { ok: false, reason: 'no-photo-consent' }
  return {
    ok: true,
    consentRecordId: facts.consent.id,
    marketingAllowed: facts.consent.photoMarketing,
  }
}

export type PhotoRefusal =
  PhotoGateRefusal | ImageRefusal | 'not-this-patient' | 'too-many' | 'marketing-not-allowed'

/**
 * Whether one more photo may be added, before its bytes are looked at: the gate, the patient the
 * form was for, the visit's count and the marketing choice.
 */
export function checkNewPhoto(input: {
  gate: PhotoGate
  bookingPatientId: string | null
  formPatientId: string | null
  photosThisVisit: number
  marketingUse: boolean
}): { ok: true; consentRecordId: string } | { ok: false; reason: PhotoRefusal } {
  if (!input.bookingPatientId || input.formPatientId !== input.bookingPatientId)
    return { ok: false, reason: 'not-this-patient' }
  if (!input.gate.ok) return input.gate
  if (input.photosThisVisit >= MAX_PHOTOS_PER_VISIT) return { ok: false, reason: 'too-many' }
  if (input.marketingUse && !input.gate.marketingAllowed)
    return { ok: false, reason: 'marketing-not-allowed' }
  return { ok: true, consentRecordId: input.gate.consentRecordId }
}

/** What the clinician reads about a refused photo (beside the field, or instead of the form). */
export function photoRefusalMessage(reason: PhotoRefusal, locale: Locale = 'en'): string {
  const t = translator(photosMessages, locale)
  switch (reason) {
    case 'no-consent':
    case 'consent-withdrawn':
    case 'no-photo-consent':
    case 'booking-closed':
      return t(`gate.${reason}`)
    case 'too-many':
      return t('refusal.too-many', { max: MAX_PHOTOS_PER_VISIT })
    case 'too-large':
      return t('refusal.too-large', { megabytes: MAX_PHOTO_BYTES / 1024 / 1024 })
    case 'too-many-pixels':
      return t('refusal.too-many-pixels', { megapixels: MAX_PHOTO_PIXELS / 1_000_000 })
    case 'not-this-patient':
    case 'marketing-not-allowed':
    case 'missing':
    case 'not-an-image':
      return t(`refusal.${reason}`)
  }
}
