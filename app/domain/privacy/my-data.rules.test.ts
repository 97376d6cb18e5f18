import { describe, expect, test } from 'vitest'
import { emailKindOf, iso, isoOrNull, myDataFilename, withoutLinkSecrets } from './my-data.rules.ts'

describe('my data: small rules', () => {
  test('the file name carries the booking reference only', () => {
    expect(myDataFilename('DD-7K3M9Q', 'json')).toBe('my-data-DD-7K3M9Q.json')
    expect(myDataFilename('DD-7K3M9Q', 'pdf')).toBe('my-data-DD-7K3M9Q.pdf')
    expect(myDataFilename('DD-7K"; x=1', 'json')).toBe('my-data-DD-7Kx1.json')
  })

  test('an email’s kind is the first part of its dedupe key', () => {
    expect(emailKindOf('verification:abc')).toBe('verification')
    expect(emailKindOf('waitlist:123:confirm')).toBe('waitlist')
    expect(emailKindOf('')).toBe('other')
  })

  test('instants are ISO 8601 in UTC', () => {
    expect(iso(Date.UTC(2026, 10, 25, 8))).toBe('2026-11-25T08:00:00.000Z')
    expect(isoOrNull(null)).toBeNull()
  })

  test('the secrets of emailed links are removed from email texts', () => {
    expect(
      withoutLinkSecrets(
        'Manage it here: https://clinic.example/bookings/manage?token=abc_DEF-123 (valid 7 days).',
      ),
    ).toBe('Manage it here: https://clinic.example/bookings/manage?token=[removed] (valid 7 days).')
    expect(withoutLinkSecrets('/waitlist/offer?lang=it&token=x1y2\nThanks')).toBe(
      '/waitlist/offer?lang=it&token=[removed]\nThanks',
    )
    expect(withoutLinkSecrets('No link here.')).toBe('No link here.')
  })
})
