// Starts the built app for Playwright: a brand-new database seeded with the demo clinic, its own
// port, and logs in a file that tests can search (no health data may ever appear there).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
process.chdir(root)

const port = process.env.E2E_PORT ?? '3101'
const E2E_DB = path.join(root, 'tests', '.db', `e2e-${port}.db`)
const E2E_LOG = path.join(root, 'test-results', `e2e-server-${port}.log`)

fs.mkdirSync(path.dirname(E2E_DB), { recursive: true })
fs.mkdirSync(path.dirname(E2E_LOG), { recursive: true })
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${E2E_DB}${suffix}`, { force: true })
fs.rmSync(E2E_LOG, { force: true })

Object.assign(process.env, {
  NODE_ENV: 'production',
  PORT: port,
  HOST: '127.0.0.1',
  DATABASE_PATH: E2E_DB,
  SEED_DEMO: 'true',
  LOG_FILE: E2E_LOG,
})

const { startServer } = await import('../../build/server/index.js')
await startServer()
