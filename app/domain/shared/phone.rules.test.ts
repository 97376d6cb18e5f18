import { describe, expect, test } from 'vitest'
import { formatPhone, phoneCountryOf, phoneHref, toE164 } from './phone.rules.ts'

describe('phone numbers', () => {
  test('the clinic’s country comes from its own number, once it is a valid one', () => {
    expect(phoneCountryOf('+39 02 8295 4410')).toBe('IT')
    expect(phoneCountryOf('+44 20 7946 0958')).toBe('GB')
    expect(phoneCountryOf('')).toBeUndefined()
    expect(phoneCountryOf('02 8295 4410')).toBeUndefined()
  })

  test('typed numbers become E.164; numbers nobody could call are refused', () => {
    expect(toE164(' 333 123 4567 ', 'IT')).toBe('+393331234567')
    expect(toE164('+1 (212) 555-0123', 'IT')).toBe('+12125550123')
    expect(toE164('12345', 'IT')).toBeNull()
    expect(toE164('call me', 'IT')).toBeNull()
  })

  test('shown nationally for the clinic’s country, internationally otherwise; dialled in E.164', () => {
    expect(formatPhone('+393331234567', 'IT')).toBe('333 123 4567')
    expect(formatPhone('+442079460958', 'IT')).toBe('+44 20 7946 0958')
    expect(formatPhone('+393331234567', undefined)).toBe('+39 333 123 4567')
    expect(formatPhone('not a number', 'IT')).toBe('not a number')
    expect(phoneHref('+39 02 5550 0100')).toBe('tel:+390255500100')
  })
})
