import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'

/**
 * argon2id at OWASP's m=19 MiB, t=2, p=1 (security goal A1; docs/decisions/010-password-hashing.md).
 * A lower memory cost than the library default keeps concurrent sign-ins cheap on a 2-core box;
 * the sign-in throttle bounds how many run at once.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS)
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, ARGON2_OPTIONS)
  } catch {
    return true
  }
}

let dummyHash: Promise<string> | undefined

/**
 * A hash of a random password, verified when the email is unknown so that an unknown email and a
 * wrong password take the same time (security goal A4).
 */
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'))
  return dummyHash
}
