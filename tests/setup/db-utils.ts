import fs from 'node:fs'
import path from 'node:path'
import { closeDb } from '#db/client.server.ts'
import { BASE_DEMO_DB, BASE_EMPTY_DB, TEST_DB_DIR } from './test-databases.ts'

/**
 * Each Vitest worker process has its own file, so parallel test files (and parallel test runs
 * from two checkouts of the repository) never share a database.
 */
export const WORKER_DB = path.join(TEST_DB_DIR, `test-${process.pid}.db`)
/** The worker's picture store (MEDIA_DIR), emptied with its database before every test. */
export const WORKER_MEDIA = `${WORKER_DB}-media`

export function removeWorkerDatabase(): void {
  closeDb()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${WORKER_DB}${suffix}`, { force: true })
  fs.rmSync(WORKER_MEDIA, { recursive: true, force: true })
}

function useBase(base: string) {
  removeWorkerDatabase()
  fs.copyFileSync(base, WORKER_DB)
}

/** The default before every test: a fresh copy of the migrated demo clinic. */
export function useDemoDatabase(): void {
  useBase(BASE_DEMO_DB)
}

/** Start the current test from a migrated database with no clinic data at all. */
export function useEmptyDatabase(): void {
  useBase(BASE_EMPTY_DB)
}
