import type * as NodeCrypto from 'node:crypto'
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.server.ts'
import { userMfa } from '#db/schema/index.ts'
import {
  clockAt,
  codeNow,
  enrol,
  NURSE,
  passwordStep,
  requestInfo,
  STEP_MS,
  T0,
} from '#tests/support/mfa-fixtures.ts'
import { base32Encode } from './mfa.rules.ts'
import {
  createRecoveryCodes,
  findRecoveryCode,
  generateTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  TotpKeyError,
} from './mfa-secrets.server.ts'
import { verifySecondFactor } from './mfa-verify.server.ts'

// Watch the CSPRNG without replacing it.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>()
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) }
})

const KEY_HEX = 'a1'.repeat(32)
const OTHER_KEY_B64 = Buffer.alloc(32, 7).toString('base64')

function withKey(key: string | undefined) {
  if (key === undefined) delete process.env.TOTP_ENCRYPTION_KEY
  else process.env.TOTP_ENCRYPTION_KEY = key
  resetEnvCache()
}

afterEach(() => withKey(undefined))

describe('TOTP seeds', () => {
  test('come from crypto.randomBytes, 20 bytes (goal A6)', () => {
    const spy = vi.mocked(randomBytes)
    spy.mockClear()
    const secret = generateTotpSecret()
    expect(spy).toHaveBeenCalledWith(20)
    const bytes = spy.mock.results[0]!.value as Buffer
    expect(bytes.length).toBeGreaterThanOrEqual(20)
    expect(secret).toBe(base32Encode(bytes))
  })

  test('two seeds are never the same', () => {
    expect(new Set(Array.from({ length: 50 }, generateTotpSecret)).size).toBe(50)
  })
})

describe('sealing seeds at rest with TOTP_ENCRYPTION_KEY', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

  test('without a key the seed is stored marked plain', () => {
    expect(sealTotpSecret(secret, 'user-1')).toBe(`v1:plain:${secret}`)
  })

  test('with a key the stored form hides the seed and opens again (hex or base64 keys)', () => {
    for (const key of [KEY_HEX, OTHER_KEY_B64]) {
      withKey(key)
      const sealed = sealTotpSecret(secret, 'user-1')
      expect(sealed).toMatch(/^v1:aes-256-gcm:/)
      expect(sealed).not.toContain(secret)
      expect(openTotpSecret(sealed, 'user-1')).toBe(secret)
      // A fresh IV each time.
      expect(sealTotpSecret(secret, 'user-1')).not.toBe(sealed)
    }
  })

  test('a sealed seed does not open for another user, with another key, or without a key', () => {
    withKey(KEY_HEX)
    const sealed = sealTotpSecret(secret, 'user-1')
    expect(() => openTotpSecret(sealed, 'user-2')).toThrow(TotpKeyError)
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA')
    expect(() => openTotpSecret(tampered, 'user-1')).toThrow(TotpKeyError)
    withKey(OTHER_KEY_B64)
    expect(() => openTotpSecret(sealed, 'user-1')).toThrow(/different TOTP_ENCRYPTION_KEY/)
    withKey(undefined)
    expect(() => openTotpSecret(sealed, 'user-1')).toThrow(/not set/)
  })

  test('a key of the wrong length is refused at start', () => {
    process.env.TOTP_ENCRYPTION_KEY = 'abcd'
    resetEnvCache()
    expect(() => sealTotpSecret(secret, 'u')).toThrow(/TOTP_ENCRYPTION_KEY/)
  })

  test('a seed stored plain is sealed at the next successful sign-in once a key is set', async () => {
    clockAt(T0)
    const { userId, secret: seed } = await enrol(NURSE)
    const stored = () =>
      getDb().select().from(userMfa).where(eq(userMfa.userId, userId)).get()!.secret
    expect(stored()).toBe(`v1:plain:${seed}`)
    withKey(KEY_HEX)
    clockAt(T0 + STEP_MS)
    const session = await passwordStep(NURSE)
    const result = await verifySecondFactor({
      sessionToken: session.sessionToken,
      method: 'totp',
      code: await codeNow(seed),
      ...requestInfo,
    })
    expect(result.ok).toBe(true)
    expect(stored()).toMatch(/^v1:aes-256-gcm:/)
    expect(openTotpSecret(stored(), userId)).toBe(seed)
  })
})

describe('recovery codes at rest', () => {
  test('only argon2id hashes are kept, and a typed code finds its hash', async () => {
    const { codes, hashes } = await createRecoveryCodes()
    expect(codes).toHaveLength(10)
    for (const [i, hash] of hashes.entries()) {
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/)
      expect(hash).not.toContain(codes[i]!.replace(/-/g, ''))
    }
    const candidates = hashes.map((codeHash, i) => ({ id: `c${i}`, codeHash }))
    expect(await findRecoveryCode(codes[6]!.toLowerCase().replace(/-/g, ' '), candidates)).toBe(
      'c6',
    )
    expect(await findRecoveryCode('0000-0000-0000', candidates)).toBeNull()
    expect(await findRecoveryCode('not a code', candidates)).toBeNull()
  })
})
