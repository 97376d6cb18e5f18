import { expect, test } from 'vitest'
import { clientAddress } from './http.ts'

test('every simulated patient gets an address of its own, the same as load.mjs derives', () => {
  expect(clientAddress(0)).toBe('10.0.0.0')
  expect(clientAddress(2000)).toBe('10.0.7.208')
  const addresses = new Set(Array.from({ length: 70_000 }, (_, n) => clientAddress(n)))
  expect(addresses.size).toBe(70_000)
})
