import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { parseEncryptionKey } from '#app/utils/env.server.ts'
import { describeTotpKey, resolveTotpKey, TotpKeyFileError, totpKeyFile } from './totp-key.ts'

const dirs: string[] = []
function databaseIn(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-key-'))
  dirs.push(dir)
  return path.join(dir, 'clinic.db')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the key that seals two-step sign-in secrets', () => {
  test('production without TOTP_ENCRYPTION_KEY makes a key file beside the database, mode 0600, and says so', () => {
    const databasePath = databaseIn()
    const made = resolveTotpKey({ configured: undefined, production: true, databasePath })
    expect(made).toMatchObject({ source: 'file', created: true, file: totpKeyFile(databasePath) })
    expect(parseEncryptionKey(made.key!)).not.toBeNull()
    expect(fs.statSync(totpKeyFile(databasePath)).mode & 0o777).toBe(0o600)
    expect(describeTotpKey(made)).toContain(totpKeyFile(databasePath))
    // The next start uses the same key, and says nothing more.
    const again = resolveTotpKey({ configured: undefined, production: true, databasePath })
    expect(again).toMatchObject({ key: made.key, source: 'file', created: false })
    expect(describeTotpKey(again)).toBeNull()
  })

  test('a configured key wins, and no file is written', () => {
    const databasePath = databaseIn()
    const configured = 'ab'.repeat(32)
    expect(resolveTotpKey({ configured, production: true, databasePath })).toEqual({
      key: configured,
      source: 'environment',
    })
    expect(fs.existsSync(totpKeyFile(databasePath))).toBe(false)
  })

  test('a damaged key file stops the start with a message naming it', () => {
    const databasePath = databaseIn()
    fs.writeFileSync(totpKeyFile(databasePath), 'not a key\n', { mode: 0o600 })
    expect(() => resolveTotpKey({ configured: undefined, production: true, databasePath })).toThrow(
      TotpKeyFileError,
    )
  })

  test('outside production no key is made', () => {
    const databasePath = databaseIn()
    expect(resolveTotpKey({ configured: undefined, production: false, databasePath })).toEqual({
      key: undefined,
      source: 'none',
    })
    expect(fs.existsSync(totpKeyFile(databasePath))).toBe(false)
  })
})
