import { describe, expect, test } from 'vitest'
import argon2 from 'argon2'
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password.server.ts'

function parsePhc(hash: string) {
  const [, algorithm, version, params, salt] = hash.split('$')
  const values = Object.fromEntries(
    params!
      .split(',')
      .map((pair) => pair.split('='))
      .map(([k, v]) => [k, Number(v)]),
  )
  return { algorithm, version, ...values, saltBytes: Buffer.from(salt!, 'base64').length }
}

describe('password hashing (security goal A1)', () => {
  test('uses argon2id at or above the OWASP minimum with a 16-byte salt', async () => {
    const phc = parsePhc(await hashPassword('correct horse battery staple'))
    expect(phc.algorithm).toBe('argon2id')
    expect(phc.version).toBe('v=19')
    const strongEnough = (phc.m! >= 19_456 && phc.t! >= 2) || (phc.m! >= 47_104 && phc.t! >= 1)
    expect(strongEnough).toBe(true)
    expect(phc.p).toBeGreaterThanOrEqual(1)
    expect(phc.saltBytes).toBeGreaterThanOrEqual(16)
  })

  test('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('a long passphrase for the clinic')
    expect(await verifyPassword(hash, 'a long passphrase for the clinic')).toBe(true)
    expect(await verifyPassword(hash, 'a long passphrase for the clinic!')).toBe(false)
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false)
  })

  test('does not truncate: passwords sharing their first 72 bytes stay distinct (goal A2)', async () => {
    const prefix = 'x'.repeat(72)
    const hash = await hashPassword(`${prefix}-first`)
    expect(await verifyPassword(hash, `${prefix}-second`)).toBe(false)
  })

  test('asks for a rehash of weaker hashes only', async () => {
    const weak = await argon2.hash('password123456789', {
      type: argon2.argon2id,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    })
    expect(passwordNeedsRehash(weak)).toBe(true)
    expect(passwordNeedsRehash(await hashPassword('password123456789'))).toBe(false)
  })
})
