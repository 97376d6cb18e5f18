import { randomUUID } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import { integer, type SQLiteColumn, text } from 'drizzle-orm/sqlite-core'

/** App-generated text ids: never guessable, never an autoincrement in a URL. */
export function newId(): string {
  return randomUUID()
}

export const id = () => text().primaryKey().$defaultFn(newId)

/** Instants are UTC milliseconds since the epoch (docs/decisions/008-time-zones.md). */
export const instant = () => integer({ mode: 'timestamp_ms' })

export const createdAt = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())

export const updatedAt = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date())

/**
 * A CHECK constraint for an enum column. Drizzle does not check enum values at runtime, so the
 * database does. The values come from the same `as const` arrays that the zod schemas use.
 */
export function enumCheck(column: SQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((value) => {
    if (!/^[a-z_]+$/.test(value)) throw new Error(`Enum value ${value} is not a plain identifier`)
    return `'${value}'`
  })
  return sql`${column} IN (${sql.raw(list.join(', '))})`
}
