import { describe, expect, test } from 'vitest'
import {
  checkNewPhoto,
  MAX_PHOTOS_PER_VISIT,
  photoGate,
  type PhotoGateFacts,
  photoRefusalMessage,
  type PhotoRefusal,
} from './photo.rules.ts'

const consent = { id: 'c1', photoClinical: true, photoMarketing: false }
const facts = (over: Partial<PhotoGateFacts> = {}): PhotoGateFacts => ({
  bookingStatus: 'confirmed',
  consentStatus: 'signed',
  consent,
  ...over,
})

describe('the photo consent gate', () => {
  test('a signed or countersigned consent with clinical photos lets photos be taken', () => {
    expect(photoGate(facts())).toEqual({ ok: true, consentRecordId: 'c1', marketingAllowed: false })
    expect(
      photoGate(facts({ consentStatus: 'countersigned', bookingStatus: 'completed' })),
    ).toEqual({ ok: true, consentRecordId: 'c1', marketingAllowed: false })
    expect(photoGate(facts({ consent: { ...consent, photoMarketing: true } }))).toMatchObject({
      marketingAllowed: true,
    })
  })

  test.each([
    [{ consent: { ...consent, photoClinical: false } }, 'no-photo-consent'],
    [{ consentStatus: 'withdrawn' as const }, 'consent-withdrawn'],
    [{ consentStatus: 'missing' as const, consent: null }, 'no-consent'],
    [{ consentStatus: 'not_required' as const, consent: null }, 'no-consent'],
    [{ bookingStatus: 'cancelled' as const }, 'booking-closed'],
    [{ bookingStatus: 'no_show' as const }, 'booking-closed'],
    [{ bookingStatus: 'held' as const }, 'booking-closed'],
  ])('%o → %s', (over, reason) => {
    expect(photoGate(facts(over))).toEqual({ ok: false, reason })
  })
})

describe('one more photo', () => {
  const gate = photoGate(facts())
  const base = {
    gate,
    bookingPatientId: 'p1',
    formPatientId: 'p1',
    photosThisVisit: 0,
    marketingUse: false,
  }
  test('allowed under the gate', () => {
    expect(checkNewPhoto(base)).toEqual({ ok: true, consentRecordId: 'c1' })
  })
  test('refused for another patient, over the count, or marked for marketing without consent', () => {
    expect(checkNewPhoto({ ...base, formPatientId: 'p2' })).toEqual({
      ok: false,
      reason: 'not-this-patient',
    })
    expect(checkNewPhoto({ ...base, photosThisVisit: MAX_PHOTOS_PER_VISIT })).toEqual({
      ok: false,
      reason: 'too-many',
    })
    expect(checkNewPhoto({ ...base, marketingUse: true })).toEqual({
      ok: false,
      reason: 'marketing-not-allowed',
    })
    expect(checkNewPhoto({ ...base, gate: { ok: false, reason: 'no-photo-consent' } })).toEqual({
      ok: false,
      reason: 'no-photo-consent',
    })
  })
})

describe('refusal messages', () => {
  const reasons: PhotoRefusal[] = [
    'no-consent',
    'consent-withdrawn',
    'no-photo-consent',
    'booking-closed',
    'not-this-patient',
    'too-many',
    'marketing-not-allowed',
    'missing',
    'too-large',
    'not-an-image',
    'too-many-pixels',
  ]
  test.each(reasons)('%s reads as a sentence in both languages', (reason) => {
    const en = photoRefusalMessage(reason, 'en')
    const it = photoRefusalMessage(reason, 'it')
    expect(en).toMatch(/^[A-Z].+\.$/)
    expect(it).toMatch(/^[A-Z].+\.$/)
    expect(it).not.toBe(en)
  })
  test('the limits are in the words', () => {
    expect(photoRefusalMessage('too-large', 'en')).toContain('20 MB')
    expect(photoRefusalMessage('too-many', 'it')).toContain('24')
    expect(photoRefusalMessage('too-many-pixels', 'en')).toContain('50 megapixels')
  })
})
