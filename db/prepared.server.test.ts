import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { databaseOf, getDb, openDatabase } from './client.server.ts'
import { migrateDatabase } from './migrate.ts'
import { preparedStatement } from './prepared.server.ts'
import { clinicSettings } from './schema/index.ts'

const timeZoneQuery = preparedStatement((db) =>
  db
    .select({ timeZone: clinicSettings.timeZone })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, sql.placeholder('id')))
    .prepare(),
)

const opened: string[] = []
afterEach(() => {
  for (const dir of opened.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function emptyDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-prepared-'))
  opened.push(dir)
  const db = openDatabase(path.join(dir, 'other.db'))
  migrateDatabase(db)
  return db
}

describe('preparedStatement', () => {
  test('prepares once per connection and answers for that connection only', () => {
    const db = getDb()
    const other = emptyDatabase()
    expect(timeZoneQuery(db)).toBe(timeZoneQuery())
    expect(timeZoneQuery(other)).not.toBe(timeZoneQuery(db))
    expect(timeZoneQuery(db).get({ id: 'clinic' })?.timeZone).toBeTruthy()
    expect(timeZoneQuery(other).get({ id: 'clinic' })).toBeUndefined()
    other.$client.close()
  })

  test("a transaction uses its own connection's statement and sees its uncommitted writes", () => {
    const db = getDb()
    expect(() =>
      db.transaction((tx) => {
        expect(databaseOf(tx)).toBe(db)
        expect(timeZoneQuery(tx)).toBe(timeZoneQuery(db))
        tx.update(clinicSettings).set({ timeZone: 'Europe/Paris' }).run()
        expect(timeZoneQuery(tx).get({ id: 'clinic' })?.timeZone).toBe('Europe/Paris')
        tx.rollback()
      }),
    ).toThrow(/Rollback/)
    expect(timeZoneQuery().get({ id: 'clinic' })?.timeZone).not.toBe('Europe/Paris')
  })

  test('a transaction on another connection gets that connection, not the default one', () => {
    const other = emptyDatabase()
    other.transaction((tx) => {
      expect(databaseOf(tx)).toBe(other)
      expect(timeZoneQuery(tx)).toBe(timeZoneQuery(other))
    })
    other.$client.close()
  })
})
