// Starts the built app for Playwright: a brand-new database seeded with the demo clinic, its own
// port, and logs in a file that tests can search (no health data may ever appear there).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSmtpSink } from './smtp-sink.mjs'
import { DEFAULT_CLOCK_START, installTestClock } from './test-clock.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
process.chdir(root)

const port = process.env.E2E_PORT ?? '3101'
const E2E_DB = path.join(root, 'tests', '.db', `e2e-${port}.db`)
const E2E_LOG = path.join(root, 'test-results', `e2e-server-${port}.log`)
// A real SMTP server beside the app: what the app sends lands as .eml files (tests/mail-utils.ts).
const MAIL_PORT = Number(port) + 1000
const MAIL_DIR = path.join(root, 'tests', '.db', `mail-${port}`)

fs.mkdirSync(path.dirname(E2E_DB), { recursive: true })
fs.mkdirSync(path.dirname(E2E_LOG), { recursive: true })
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${E2E_DB}${suffix}`, { force: true })
fs.rmSync(E2E_LOG, { force: true })
fs.rmSync(MAIL_DIR, { recursive: true, force: true })

await startSmtpSink({ port: MAIL_PORT, folder: MAIL_DIR })

// A fixed start for the server's clock (tests/setup/test-clock.mjs): the demo appointments, the
// free days and the hour are the same in every run.
installTestClock({
  start: process.env.CLOCK_START ?? DEFAULT_CLOCK_START,
  file: path.join(root, 'tests', '.db', `clock-${port}.json`),
})

Object.assign(process.env, {
  NODE_ENV: 'production',
  PORT: port,
  HOST: '127.0.0.1',
  DATABASE_PATH: E2E_DB,
  SEED_DEMO: 'true',
  // Each test's browser says which client it is (X-Forwarded-For, tests/playwright-utils.ts), so
  // the limits per client IP count each test apart, as they would count real patients apart.
  TRUST_PROXY: 'true',
  LOG_FILE: E2E_LOG,
  SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}`,
  SCHEDULER: 'true',
  // Mail arrives within a second instead of five.
  SCHEDULER_TICK_MS: '500',
  // Production requires staff two-factor sign-in; here the demo staff sign in with the password
  // alone so that every flow can use the `login` fixture. tests/e2e/staff-mfa.test.ts enrols its
  // own user through the UI; the requirement itself is tested in app/utils/staff-guards.server.test.ts.
  REQUIRE_STAFF_MFA: 'false',
  // Seeds are sealed at rest in the end-to-end run, as they should be in production.
  TOTP_ENCRYPTION_KEY: '8f3a1c2e9b7d4f60a5e1c3b9d7f2a4c68e0b1d3f5a7c9e2b4d6f8a0c2e4b6d8f',
})

const { startServer } = await import('../../build/server/index.js')
await startServer()
