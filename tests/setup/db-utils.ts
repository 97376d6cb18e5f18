import fs from 'node:fs'
import path from 'node:path'
import { closeDb } from '#db/client.server.ts'
import { BASE_DEMO_DB, BASE_EMPTY_DB, TEST_DB_DIR } from './test-databases.ts'

/** Each Vitest worker has its own file, so parallel test files never share a database. */
export const WORKER_DB = path.join(TEST_DB_DIR, `test-${process.env.VITEST_POOL_ID ?? '0'}.db`)

function useBase(base: string) {
  closeDb()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${WORKER_DB}${suffix}`, { force: true })
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
