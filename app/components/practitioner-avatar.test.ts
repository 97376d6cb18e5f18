import { expect, test } from 'vitest'
import { initialsOf } from './practitioner-avatar.tsx'

test('initials skip titles and keep the first and last names', () => {
  expect(initialsOf('Dr Giulia Romano')).toBe('GR')
  expect(initialsOf('Dott.ssa Anna Maria Verdi')).toBe('AV')
  expect(initialsOf('Marco Bianchi')).toBe('MB')
  expect(initialsOf('Sofia')).toBe('S')
  expect(initialsOf('élodie durand')).toBe('ÉD')
})
