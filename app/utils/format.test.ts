import { describe, expect, test } from 'vitest'
import {
  describeTimeZone,
  formatAppointment,
  formatCalendarDate,
  formatDateAndTime,
  formatDateInZone,
  formatDepthMm,
  formatMinutesOfDay,
  formatPrice,
  formatTimeInZone,
  secondsUntil,
} from './format.ts'

describe('format helpers', () => {
  test('a needle depth with the decimal mark of each language, and none for a consultation', () => {
    expect([1500, 1000, 250, 500].map((um) => formatDepthMm(um))).toEqual([
      '1.5 mm',
      '1.0 mm',
      '0.25 mm',
      '0.5 mm',
    ])
    expect([1500, 250].map((um) => formatDepthMm(um, 'it'))).toEqual(['1,5 mm', '0,25 mm'])
    expect(formatDepthMm(null)).toBe('no needling')
    expect(formatDepthMm(null, 'it')).toBe('senza aghi')
  })

  test('seconds until a hold ends, never negative', () => {
    expect(secondsUntil(10_600, 1_000)).toBe(10)
    expect(secondsUntil(1_000, 5_000)).toBe(0)
  })

  test('minutes of the day as a 24-hour clock', () => {
    expect(formatMinutesOfDay(540)).toBe('09:00')
    expect(formatMinutesOfDay(1439)).toBe('23:59')
  })
})

describe('in Italian and in English', () => {
  // Thursday 10 December 2026, 09:30 in Rome (08:30 UTC).
  const at = Date.UTC(2026, 11, 10, 8, 30)
  const end = Date.UTC(2026, 11, 10, 9, 30)

  test('prices', () => {
    expect(formatPrice(25000, 'it')).toBe('250,00\u00a0€')
    expect(formatPrice(25000, 'en')).toBe('€250.00')
  })

  test('dates, times and the time zone named in the language', () => {
    expect(formatDateInZone(at, 'Europe/Rome', 'it')).toBe('giovedì 10 dicembre 2026')
    expect(formatDateInZone(at, 'Europe/Rome', 'en')).toBe('Thursday, 10 December 2026')
    expect(formatTimeInZone(at, 'Europe/Rome', 'it')).toBe('09:30')
    expect(formatCalendarDate('2026-12-10', 'it')).toBe('giovedì 10 dicembre 2026')
    expect(describeTimeZone('Europe/Rome', 'it')).toBe('ora di Roma (Europe/Rome)')
    expect(describeTimeZone('Europe/Rome', 'en')).toBe('Rome time (Europe/Rome)')
    expect(describeTimeZone('America/New_York', 'it')).toBe('ora di New York (America/New_York)')
    expect(formatAppointment(at, end, 'Europe/Rome', 'it')).toBe(
      'giovedì 10 dicembre 2026, 09:30–10:30 ora di Roma (Europe/Rome)',
    )
    expect(formatAppointment(at, end, 'Europe/Rome')).toBe(
      'Thursday, 10 December 2026, 09:30–10:30 Rome time (Europe/Rome)',
    )
    expect(formatDateAndTime(at, 'Europe/Rome', 'it')).toBe('giovedì 10 dicembre 2026 alle 09:30')
  })
})
