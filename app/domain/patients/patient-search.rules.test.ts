import { describe, expect, test } from 'vitest'
import { foldForSearch, nameMatches, parsePatientQuery } from './patient-search.rules.ts'

describe('reading the search box', () => {
  test.each([
    ['DD-7K4Q2M', { kind: 'reference', reference: 'DD-7K4Q2M' }],
    [' dd7k4q2m ', { kind: 'reference', reference: 'DD-7K4Q2M' }],
    ['Chiara.Rossi@Example.com', { kind: 'email', email: 'chiara.rossi@example.com' }],
    ['07/03/1990', { kind: 'date_of_birth', date: '1990-03-07' }],
    ['7.3.1990', { kind: 'date_of_birth', date: '1990-03-07' }],
    ['1990-03-07', { kind: 'date_of_birth', date: '1990-03-07' }],
    ['333 123 4567', { kind: 'phone', e164: '+393331234567', digits: '3331234567' }],
    ['+39 02 1234 5678', { kind: 'phone', e164: '+390212345678', digits: '390212345678' }],
    ['4567 89', { kind: 'phone', e164: null, digits: '456789' }],
    ['Nicolò D’Amico', { kind: 'name', words: ['nicolo', 'd', 'amico'] }],
  ])('%s', (typed, expected) => {
    expect(parsePatientQuery(typed, 'IT')).toEqual(expected)
  })

  test('a date that does not exist, or too few digits, is searched as a name', () => {
    expect(parsePatientQuery('31/02/1990', 'IT').kind).toBe('name')
    expect(parsePatientQuery('12345', 'IT').kind).toBe('name')
  })
})

describe('matching names', () => {
  test('without accents or case', () => {
    expect(foldForSearch('  NICOLÒ   Müller ')).toBe('nicolo muller')
    expect(nameMatches('Nicolò Müller', ['nicolo'])).toBe(true)
    expect(nameMatches('Nicolò Müller', ['MULLER'.toLowerCase()])).toBe(true)
  })

  test('each word typed must start a word of the name, in any order', () => {
    expect(nameMatches('Chiara Rossi', ['rossi', 'chi'])).toBe(true)
    expect(nameMatches('Anna Barossa', ['ross'])).toBe(false)
    expect(nameMatches('Chiara Rossi', ['chiara', 'bianchi'])).toBe(false)
  })

  test('apostrophes of either kind and hyphens separate words', () => {
    expect(nameMatches('Luca D’Amico-Ferri', ['amico'])).toBe(true)
    expect(nameMatches("Luca D'Amico-Ferri", ['ferri', 'luca'])).toBe(true)
    expect(nameMatches('Luca D’Amico-Ferri', ['damico'])).toBe(true)
  })
})
