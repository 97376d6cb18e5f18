import type Database from 'better-sqlite3'
import { type SQL, sql } from 'drizzle-orm'
import { type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { databaseOf, type Db, getDb, type Tx } from './client.server.ts'

/**
 * Hot reads as statements prepared once per connection (docs/decisions/025-request-cost.md).
 * Building a query with drizzle's builder and having SQLite compile it cost more than running it:
 * on the booking page, most of the database time. A statement prepared on a connection runs
 * inside any transaction open on that connection, so a transaction handle uses its connection's
 * statement. Keyed by connection: every test opens a fresh database, and a statement must never
 * outlive or cross its connection.
 */
export function preparedStatement<Statement>(
  build: (db: Db) => Statement,
): (handle?: Db | Tx) => Statement {
  const byConnection = new WeakMap<Database.Database, Statement>()
  return (handle = getDb()) => {
    const db = databaseOf(handle)
    let statement = byConnection.get(db.$client)
    if (statement === undefined) {
      statement = build(db)
      byConnection.set(db.$client, statement)
    }
    return statement
  }
}

/**
 * A prepared IN list of any length: the placeholder takes the ids as one JSON array (use
 * JSON.stringify), read in SQL with json_each.
 */
export function inJsonList(column: SQLiteColumn, placeholder: string): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${sql.placeholder(placeholder)}))`
}
