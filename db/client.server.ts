import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema/index.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** What a synchronous transaction callback receives: the same query API as `db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** Writers wait this long for the lock before SQLITE_BUSY (security goal G1: at least 5 s). */
export const BUSY_TIMEOUT_MS = 5000

export const DEFAULT_DATABASE_PATH = 'data/dermadesk.db'

export class DatabaseOpenError extends Error {
  constructor(
    readonly databasePath: string,
    reason: string,
  ) {
    super(`Cannot open the database at ${databasePath}: ${reason}`)
  }
}

/**
 * Each open connection's database, so that a transaction handle can find its own. Kept on the
 * connection under a registered symbol: the server and the Remix build each bundle a copy of this
 * module, and both must see it.
 */
const DATABASE = Symbol.for('dermadesk.database')
type Connection = Database.Database & { [DATABASE]?: Db }

/** The database a handle (the database itself, or a transaction on it) belongs to. */
export function databaseOf(handle: Db | Tx): Db {
  if ('$client' in handle) return handle as Db
  // drizzle keeps the connection on the transaction's session; it has no public accessor.
  const client = (handle as unknown as { session: { client: Database.Database } }).session.client
  const db = (client as Connection)[DATABASE]
  if (!db) throw new Error('This transaction is on a connection openDatabase did not open.')
  return db
}

/**
 * Opens a connection with the pragmas every connection must have (docs/decisions/002-sqlite.md):
 * WAL so readers never block the writer, FULL sync so an acknowledged commit survives a crash,
 * foreign keys on (SQLite leaves them off), and a busy timeout instead of instant SQLITE_BUSY.
 */
export function openDatabase(databasePath: string): Db {
  try {
    if (databasePath !== ':memory:') createFolders(path.dirname(path.resolve(databasePath)))
    const sqlite = new Database(databasePath, { timeout: BUSY_TIMEOUT_MS })
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Reading the schema proves the file is a database we can use, not merely a file that exists.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Db
    Object.defineProperty(sqlite, DATABASE, { value: db })
    return db
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DatabaseOpenError(databasePath, reason)
  }
}

/**
 * mkdir -p, one level at a time. Node's recursive mkdirSync never returns for some paths
 * (under /proc, for one), and a start-up that hangs is worse than one that fails.
 */
function createFolders(folder: string): void {
  const missing: string[] = []
  let current = folder
  while (!fs.existsSync(current)) {
    missing.unshift(current)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const dir of missing) fs.mkdirSync(dir)
}

// One connection per process, kept on globalThis so that dev reloads reuse it.
const globalForDb = globalThis as unknown as { __dermadeskDb?: { path: string; db: Db } }

export function getDatabasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH
}

/** The process-wide connection, opened on first use at DATABASE_PATH. */
export function getDb(): Db {
  const databasePath = getDatabasePath()
  const current = globalForDb.__dermadeskDb
  if (current && current.path === databasePath) return current.db
  if (current) current.db.$client.close()
  const db = openDatabase(databasePath)
  globalForDb.__dermadeskDb = { path: databasePath, db }
  return db
}

/** Closes the process-wide connection (tests swap database files between cases). */
export function closeDb(): void {
  globalForDb.__dermadeskDb?.db.$client.close()
  globalForDb.__dermadeskDb = undefined
}
