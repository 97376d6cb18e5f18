// Starts the built app for Playwright: a brand-new database seeded with the demo clinic, its own
// port, and logs in a file that tests can search (no health data may ever appear there).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSmtpSink } from './smtp-sink.mjs'

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

Object.assign(process.env, {
  NODE_ENV: 'production',
  PORT: port,
  HOST: '127.0.0.1',
  DATABASE_PATH: E2E_DB,
  SEED_DEMO: 'true',
  LOG_FILE: E2E_LOG,
  SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}`,
  SCHEDULER: 'true',
  // Mail arrives within a second instead of five.
  SCHEDULER_TICK_MS: '500',
})

const { startServer } = await import('../../build/server/index.js')
await startServer()
