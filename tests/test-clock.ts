import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const E2E_PORT = process.env.E2E_PORT ?? '3101'
/** Written by tests/setup/test-clock.mjs when the end-to-end server starts. */
export const CLOCK_FILE = path.join(ROOT, 'tests', '.db', `clock-${E2E_PORT}.json`)

let clock: { startAt: number; realStartAt: number } | undefined

/**
 * Now on the end-to-end server's clock: it started at a fixed instant (CLOCK_START) and runs at
 * real speed. Use it for everything about clinic days and times; real time (`new Date()`) only
 * for waiting (emails that arrived after a click).
 */
export function serverNow(): Date {
  clock ??= JSON.parse(fs.readFileSync(CLOCK_FILE, 'utf8')) as {
    startAt: number
    realStartAt: number
  }
  return new Date(clock.startAt + (Date.now() - clock.realStartAt))
}

/** The clinic's date (Europe/Rome) on the server's clock, as YYYY-MM-DD. */
export function serverToday(): string {
  return serverNow().toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' })
}

/**
 * The code an authenticator app shows at `at` (RFC 6238 with the app's settings: SHA-1, 30-second
 * steps, 6 digits). Computed here for a given instant, because the server's clock is not the
 * machine's (the library's generator always uses the machine's time).
 */
export function totpAt(base32Secret: string, at: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of base32Secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const hmac = createHmac('sha1', key).update(counter).digest()
  const offset = hmac[hmac.length - 1]! & 0xf
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(code).padStart(6, '0')
}
