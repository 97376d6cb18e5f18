import { describe, expect, test } from 'vitest'
import {
  eurosInputValue,
  findOverlappingIntervals,
  isValidTimeZone,
  millimetresInputValue,
  parseEurosToCents,
  parseMillimetresToUm,
  parseTimeOfDay,
  slugify,
  timeInputValue,
  uniqueSlug,
} from './admin.rules.ts'

describe('times of day', () => {
  test('parses what a time input posts', () => {
    expect(parseTimeOfDay('09:30')).toBe(570)
    expect(parseTimeOfDay('9:05')).toBe(545)
    expect(parseTimeOfDay('18:00:00')).toBe(1080)
    expect(parseTimeOfDay('00:00')).toBe(0)
    expect(parseTimeOfDay('24:00')).toBe(1440)
  })

  test('refuses what is not a time', () => {
    for (const bad of ['', '9', '25:00', '12:60', '24:01', 'noon', '12-30'])
      expect(parseTimeOfDay(bad), bad).toBeNull()
  })

  test('formats for the input, never beyond 23:59', () => {
    expect(timeInputValue(570)).toBe('09:30')
    expect(timeInputValue(1440)).toBe('23:59')
  })
})

describe('millimetres', () => {
  test('stores depths in micrometres, with a point or a comma', () => {
    expect(parseMillimetresToUm('1.5')).toBe(1500)
    expect(parseMillimetresToUm('1,5')).toBe(1500)
    expect(parseMillimetresToUm('0.25')).toBe(250)
    expect(parseMillimetresToUm('.5')).toBe(500)
    expect(parseMillimetresToUm('2')).toBe(2000)
    expect(parseMillimetresToUm('0')).toBe(0)
  })

  test('refuses three decimals, signs and words', () => {
    for (const bad of ['', '1.255', '-1', 'one', '1.5mm', '100'])
      expect(parseMillimetresToUm(bad), bad).toBeNull()
  })

  test('shows depths back in millimetres', () => {
    expect(millimetresInputValue(1500)).toBe('1.5')
    expect(millimetresInputValue(250)).toBe('0.25')
    expect(millimetresInputValue(2000)).toBe('2')
  })
})

describe('euros', () => {
  test('parses prices to cents', () => {
    expect(parseEurosToCents('250')).toBe(25000)
    expect(parseEurosToCents('89.5')).toBe(8950)
    expect(parseEurosToCents('89,50')).toBe(8950)
    expect(parseEurosToCents('€ 12.05')).toBe(1205)
  })

  test('refuses what is not an amount', () => {
    for (const bad of ['', '-5', '1.234', 'free', '1e3'])
      expect(parseEurosToCents(bad), bad).toBeNull()
  })

  test('formats cents for the input', () => {
    expect(eurosInputValue(8950)).toBe('89.50')
  })
})

describe('slugs', () => {
  test('makes a plain URL name', () => {
    expect(slugify('Acne scar microneedling')).toBe('acne-scar-microneedling')
    expect(slugify('  Viso & collo — rinnovo  ')).toBe('viso-collo-rinnovo')
    expect(slugify('Séance médicale')).toBe('seance-medicale')
    expect(slugify('!!!')).toBe('service')
  })

  test('adds a number when the slug is taken', () => {
    expect(uniqueSlug('face', new Set())).toBe('face')
    expect(uniqueSlug('face', new Set(['face', 'face-2']))).toBe('face-3')
  })
})

describe('weekly intervals', () => {
  test('finds intervals that overlap an earlier one; touching is fine', () => {
    expect(
      findOverlappingIntervals([
        { startMinute: 540, endMinute: 780 },
        { startMinute: 780, endMinute: 1080 },
      ]),
    ).toEqual([])
    expect(
      findOverlappingIntervals([
        { startMinute: 540, endMinute: 780 },
        { startMinute: 600, endMinute: 660 },
        { startMinute: 840, endMinute: 900 },
      ]),
    ).toEqual([1])
  })
})

describe('time zones', () => {
  test('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Rome')).toBe(true)
    expect(isValidTimeZone('America/New_York')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})
