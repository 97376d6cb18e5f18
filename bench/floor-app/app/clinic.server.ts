import Database from 'better-sqlite3'

/**
 * The floor's one read: a prepared statement on a better-sqlite3 connection, opened on first use
 * (FLOOR_DATABASE_PATH, a file bench/sections/floor.ts makes) and kept for the process.
 */
let statement: Database.Statement<[number], { name: string; tagline: string }> | null = null

export function readClinic(id: number): { name: string; tagline: string } | null {
  if (!statement) {
    const file = process.env.FLOOR_DATABASE_PATH
    if (!file) throw new Error('FLOOR_DATABASE_PATH is not set')
    const db = new Database(file, { fileMustExist: true })
    db.pragma('journal_mode = WAL')
    statement = db.prepare('SELECT name, tagline FROM clinic WHERE id = ?')
  }
  return statement.get(id) ?? null
}
