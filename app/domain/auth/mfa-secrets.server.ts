import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { getTOTPAuthUri, verifyTOTP } from '@epic-web/totp'
import { getEnv, parseEncryptionKey } from '#app/utils/env.server.ts'
import {
  base32Encode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  recoveryCodeFromBytes,
  TOTP_ALGORITHM,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
  TOTP_WINDOW_STEPS,
  totpStepAt,
} from './mfa.rules.ts'
import { hashPassword, verifyPassword } from './password.server.ts'

/**
 * The secrets of two-factor sign-in: TOTP seeds (random, sealed at rest when
 * TOTP_ENCRYPTION_KEY is set) and recovery codes (random, stored as argon2id hashes only).
 * Nothing here is ever logged or audited.
 */

/** A new TOTP seed: 20 bytes from the operating system's CSPRNG, base32 for the apps. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES))
}

export class TotpKeyError extends Error {}

const SEALED_PREFIX = 'v1:aes-256-gcm:'
const PLAIN_PREFIX = 'v1:plain:'

function currentKey(): Buffer | null {
  const configured = getEnv().TOTP_ENCRYPTION_KEY
  return configured ? parseEncryptionKey(configured) : null
}

/** A short fingerprint of the key, stored beside the ciphertext to name a wrong key clearly. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256')
    .update('dermadesk totp key id\0')
    .update(key)
    .digest('hex')
    .slice(0, 8)
}

/**
 * The form a seed is stored in. With a key: AES-256-GCM, bound to the user id (a sealed seed
 * copied onto another user's row does not open). Without one: marked plain, so that setting a
 * key later can seal it at the next successful sign-in.
 */
export function sealTotpSecret(secret: string, userId: string): string {
  const key = currentKey()
  if (!key) return `${PLAIN_PREFIX}${secret}`
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(`totp:${userId}`))
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  const parts = [keyIdOf(key), iv, cipher.getAuthTag(), ciphertext].map((part) =>
    typeof part === 'string' ? part : part.toString('base64url'),
  )
  return `${SEALED_PREFIX}${parts.join(':')}`
}

export function openTotpSecret(stored: string, userId: string): string {
  if (stored.startsWith(PLAIN_PREFIX)) return stored.slice(PLAIN_PREFIX.length)
  if (!stored.startsWith(SEALED_PREFIX)) throw new TotpKeyError('Unknown TOTP secret format')
  const key = currentKey()
  if (!key) throw new TotpKeyError('TOTP secrets are encrypted but TOTP_ENCRYPTION_KEY is not set')
  const [keyId, iv, tag, ciphertext] = stored.slice(SEALED_PREFIX.length).split(':')
  if (keyId !== keyIdOf(key))
    throw new TotpKeyError('TOTP secrets were encrypted with a different TOTP_ENCRYPTION_KEY')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64url'))
  decipher.setAAD(Buffer.from(`totp:${userId}`))
  decipher.setAuthTag(Buffer.from(tag!, 'base64url'))
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext!, 'base64url')),
      decipher.final(),
    ]).toString('utf8')
  } catch {
    throw new TotpKeyError('A TOTP secret does not open with this key (altered or moved)')
  }
}

/** True when the seed is stored plain but a key is now configured. */
export function shouldSealTotpSecret(stored: string): boolean {
  return stored.startsWith(PLAIN_PREFIX) && currentKey() !== null
}

const TOTP_OPTIONS = {
  period: TOTP_PERIOD_SECONDS,
  digits: TOTP_DIGITS,
  algorithm: TOTP_ALGORITHM,
} as const

/**
 * The time step of a code that matches now or one step either side, or null. verifyTOTP reads
 * the clock itself and reports the matching step relative to it; if a step boundary passes
 * while it runs we cannot tell which step it used, so we check again (at most once more).
 */
export async function matchTotpStep(code: string, secret: string): Promise<number | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = totpStepAt(Date.now())
    const match = await verifyTOTP({
      otp: code,
      secret,
      ...TOTP_OPTIONS,
      window: TOTP_WINDOW_STEPS,
    })
    if (before !== totpStepAt(Date.now())) continue
    return match ? before + match.delta : null
  }
  return null
}

/** The otpauth:// address the QR code carries. */
export function totpAuthUri(input: { secret: string; accountName: string; issuer: string }) {
  return getTOTPAuthUri({ ...TOTP_OPTIONS, ...input })
}

/** Ten new recovery codes, and their argon2id hashes to store. */
export async function createRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_LENGTH)),
  )
  const hashes = await Promise.all(
    codes.map((code) => hashPassword(normalizeRecoveryCode(code) ?? code)),
  )
  return { codes, hashes }
}

/** The id of the stored code that matches what was typed, or null. */
export async function findRecoveryCode(
  typed: string,
  candidates: { id: string; codeHash: string }[],
): Promise<string | null> {
  const canonical = normalizeRecoveryCode(typed)
  if (!canonical) return null
  const matches = await Promise.all(
    candidates.map((candidate) => verifyPassword(candidate.codeHash, canonical)),
  )
  return candidates[matches.indexOf(true)]?.id ?? null
}
