import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { type Db } from './client.server.ts'

/**
 * Finds the committed migrations folder. This module runs from db/ (tsx, Vitest) and from the
 * server bundle in build/, so walk up from wherever it is until the folder appears.
 */
export function findMigrationsFolder(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start
  for (;;) {
    const candidate = path.join(dir, 'migrations')
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`No migrations folder above ${start}`)
    dir = parent
  }
}

/** Applies every migration not yet applied, each in its own transaction. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: findMigrationsFolder() })
}
