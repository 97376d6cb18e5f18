import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { seedDemoClinic } from '#db/seed.ts'
import { TEST_STAFF_PASSWORD } from './test-staff.ts'
import {
  BASE_DEMO_DB,
  BASE_EMPTY_DB,
  baseFingerprint,
  baseIsCurrent,
  TEST_DB_DIR,
  writeStamp,
} from './test-databases.ts'

/**
 * Builds the base database files once, and again only when the migrations or the seed change.
 * Each test then starts from a copy (setup-test-env.ts).
 */
export default async function setup() {
  const fingerprint = baseFingerprint(path.resolve(TEST_DB_DIR, '..', '..'))
  if (baseIsCurrent(fingerprint)) return
  fs.mkdirSync(TEST_DB_DIR, { recursive: true })
  for (const file of [BASE_EMPTY_DB, BASE_DEMO_DB]) {
    // Build beside the target and rename into place, so a concurrent run never copies half a file.
    const building = `${file}.${process.pid}.tmp`
    const db = openDatabase(building)
    migrateDatabase(db)
    if (file === BASE_DEMO_DB) await seedDemoClinic(db, { password: TEST_STAFF_PASSWORD })
    // Leave WAL mode so that the single file is the whole database, then swap it in.
    db.$client.pragma('journal_mode = DELETE')
    db.$client.close()
    fs.renameSync(building, file)
  }
  writeStamp(fingerprint)
}
