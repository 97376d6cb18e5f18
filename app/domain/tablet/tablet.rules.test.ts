import { describe, expect, test } from 'vitest'
import { isDataRequest, pageOf, tabletAllows, tabletHelps, tabletStep } from './tablet.rules.ts'

const REF = 'DD-ABC123'

describe('tabletAllows', () => {
  test.each([
    '/tablet',
    '/tablet/return',
    '/tablet.data',
    '/language',
    '/__manifest',
    `/bookings/${REF}/consent`,
    `/bookings/${REF}/consent.data`,
    `/bookings/${REF}/screening`,
    `/bookings/${REF}/screening/update`,
    `/bookings/${REF}/screening/update.data`,
  ])('allows %s', (path) => expect(tabletAllows(path, REF)).toBe(true))

  test.each([
    '/',
    '/_root.data',
    '/staff',
    '/staff/bookings/x/check-in',
    '/admin',
    '/book',
    '/login',
    '/logout',
    '/bookings',
    `/bookings/${REF}`,
    `/bookings/${REF}/consent.pdf`,
    `/bookings/${REF}/cancel`,
    `/bookings/${REF}/consentx`,
    '/bookings/DD-OTHER1/consent',
    '/bookings/DD-OTHER1/screening',
    `/bookings/${REF}/screeningx`,
    '/tablets',
  ])('refuses %s', (path) => expect(tabletAllows(path, REF)).toBe(false))
})

test('pageOf and isDataRequest read single-fetch addresses', () => {
  expect(pageOf('/_root.data')).toBe('/')
  expect(pageOf('/staff.data')).toBe('/staff')
  expect(pageOf('/tablet/')).toBe('/tablet')
  expect(isDataRequest('/staff.data')).toBe(true)
  expect(isDataRequest('/staff')).toBe(false)
})

describe('tabletStep', () => {
  test('health questions first, then the consent, then done', () => {
    expect(tabletStep({ screening: 'missing', consent: 'missing' })).toBe('screening')
    expect(tabletStep({ screening: 'renewal_due', consent: 'signed' })).toBe('screening')
    expect(tabletStep({ screening: 'clear', consent: 'missing' })).toBe('consent')
    expect(tabletStep({ screening: 'approved', consent: 'withdrawn' })).toBe('consent')
    expect(tabletStep({ screening: 'clear', consent: 'signed' })).toBe('done')
    expect(tabletStep({ screening: 'not_required', consent: 'not_required' })).toBe('done')
  })
  test('answers a clinician must look at ask nothing more of the patient', () => {
    expect(tabletStep({ screening: 'needs_review', consent: 'signed' })).toBe('done')
    expect(tabletStep({ screening: 'declined', consent: 'signed' })).toBe('done')
  })
})

test('tabletHelps only for an open booking with something to do', () => {
  expect(tabletHelps({ status: 'confirmed', screening: 'clear', consent: 'missing' })).toBe(true)
  expect(tabletHelps({ status: 'confirmed', screening: 'clear', consent: 'signed' })).toBe(false)
  expect(tabletHelps({ status: 'cancelled', screening: 'missing', consent: 'missing' })).toBe(false)
  expect(tabletHelps({ status: 'pending_review', screening: 'missing', consent: 'signed' })).toBe(
    true,
  )
})
