import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const TEST_DB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.db')
/** Migrated and seeded with the demo clinic; copied for every test. */
export const BASE_DEMO_DB = path.join(TEST_DB_DIR, 'base-demo.db')
/** Migrated only. */
export const BASE_EMPTY_DB = path.join(TEST_DB_DIR, 'base-empty.db')
const STAMP = path.join(TEST_DB_DIR, 'base.stamp')

/** A fingerprint of everything that shapes the base files: migrations and the seed. */
export function baseFingerprint(root: string): string {
  const hash = createHash('sha256')
  const migrations = path.join(root, 'migrations')
  const files = fs.readdirSync(migrations, { recursive: true, withFileTypes: true })
  for (const file of files
    .filter((f) => f.isFile())
    .map((f) => path.join(f.parentPath, f.name))
    .sort()) {
    hash.update(file).update(fs.readFileSync(file))
  }
  hash.update(fs.readFileSync(path.join(root, 'db', 'seed.ts')))
  hash.update(fs.readFileSync(path.join(root, 'tests', 'setup', 'test-staff.ts')))
  return hash.digest('hex')
}

export function baseIsCurrent(fingerprint: string): boolean {
  return (
    fs.existsSync(BASE_DEMO_DB) &&
    fs.existsSync(BASE_EMPTY_DB) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, 'utf8') === fingerprint
  )
}

export function writeStamp(fingerprint: string): void {
  fs.writeFileSync(STAMP, fingerprint)
}
