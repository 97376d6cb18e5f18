import { afterAll, beforeEach, vi } from 'vitest'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { removeWorkerDatabase, useDemoDatabase, WORKER_DB, WORKER_MEDIA } from './db-utils.ts'

process.env.DATABASE_PATH = WORKER_DB
process.env.MEDIA_DIR = WORKER_MEDIA

// A fresh copy of the demo clinic before every test: no test sees another's writes.
beforeEach(() => {
  useDemoDatabase()
  resetEnvCache()
  vi.useRealTimers()
})

afterAll(() => {
  removeWorkerDatabase()
})

// An unexpected console.error is a bug: fail the test that caused it.
const originalConsoleError = console.error
console.error = (...args: unknown[]) => {
  originalConsoleError(...args)
  throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
}
