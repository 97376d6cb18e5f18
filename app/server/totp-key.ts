import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseEncryptionKey } from '#app/utils/env.server.ts'
import { besideDatabase } from '#db/demo-data.ts'

/**
 * Two-step sign-in seeds are always sealed at rest in production (docs/decisions/027-safe-by-default.md).
 * The key comes from TOTP_ENCRYPTION_KEY; when that is not set, from a key file beside the
 * database, which the first production start creates (32 random bytes, mode 0600). The key file
 * is not part of the database or its backups, so a stolen backup alone does not open the seeds.
 */

export type TotpKeySource =
  | { source: 'environment' }
  | { source: 'file'; file: string; created: boolean }
  | { source: 'none' }

export class TotpKeyFileError extends Error {}

export function totpKeyFile(databasePath: string): string {
  return besideDatabase(databasePath, 'totp-key')
}

/**
 * Finds (or, in production, makes) the key, and returns its hex spelling with where it came from.
 * Outside production, without a configured key, seeds stay unsealed (development and tests).
 */
export function resolveTotpKey(input: {
  configured: string | undefined
  production: boolean
  databasePath: string
}): { key: string | undefined } & TotpKeySource {
  if (input.configured) return { key: input.configured, source: 'environment' }
  if (!input.production) return { key: undefined, source: 'none' }
  const file = totpKeyFile(input.databasePath)
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, 'utf8').trim()
    if (!parseEncryptionKey(key))
      throw new TotpKeyFileError(
        `${file} does not hold a 32-byte key (64 hex characters). Restore it from your copy, or set TOTP_ENCRYPTION_KEY.`,
      )
    return { key, source: 'file', file, created: false }
  }
  const key = randomBytes(32).toString('hex')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // 'wx': never overwrite a key another process has just written.
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' })
  return { key, source: 'file', file, created: true }
}

export function describeTotpKey(source: TotpKeySource): string | null {
  if (source.source !== 'file' || !source.created) return null
  return (
    `Made a key for two-step sign-in secrets in ${source.file} (mode 0600). Keep a copy apart from ` +
    'the database backups: without it, staff must set up two-step sign-in again. Or set TOTP_ENCRYPTION_KEY.'
  )
}
