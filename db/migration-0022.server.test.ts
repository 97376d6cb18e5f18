import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterEach, expect, test } from 'vitest'
import { openDatabase } from './client.server.ts'
import { findMigrationsFolder } from './migrate.ts'

// 0022 rebuilds user_roles to widen its CHECK to the reception role (SQLite cannot alter a
// CHECK): the roles held before it must survive, and the CHECK must still refuse other words.

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A copy of the migrations folder that stops before the given migration. */
function migrationsBefore(tag: string): string {
  const source = findMigrationsFolder()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-0022-'))
  made.push(dir)
  fs.cpSync(source, dir, { recursive: true })
  const journalPath = path.join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as {
    entries: { tag: string }[]
  }
  const index = journal.entries.findIndex((entry) => entry.tag.startsWith(tag))
  expect(index).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, index)
  fs.writeFileSync(journalPath, JSON.stringify(journal))
  return dir
}

test('0022 keeps every role held before it and accepts reception, nothing else', () => {
  const before = migrationsBefore('0022')
  const db = openDatabase(path.join(before, 'roles.db'))
  migrate(db, { migrationsFolder: before })
  const client = db.$client
  const now = Date.now()
  const addUser = client.prepare(
    `INSERT INTO users (id, email, name, password_hash, password_changed_at, created_at, updated_at)
     VALUES (?, ?, ?, 'x', ?, ?, ?)`,
  )
  addUser.run('u1', 'one@example.test', 'One', now, now, now)
  addUser.run('u2', 'two@example.test', 'Two', now, now, now)
  const addRole = client.prepare(
    'INSERT INTO user_roles (user_id, role, created_at) VALUES (?, ?, ?)',
  )
  addRole.run('u1', 'clinician', now)
  addRole.run('u1', 'admin', now)
  addRole.run('u2', 'admin', now)
  expect(() => addRole.run('u2', 'reception', now)).toThrow(/CHECK/)

  migrate(db, { migrationsFolder: findMigrationsFolder() })
  expect(
    client.prepare('SELECT user_id, role FROM user_roles ORDER BY user_id, role').all(),
  ).toEqual([
    { user_id: 'u1', role: 'admin' },
    { user_id: 'u1', role: 'clinician' },
    { user_id: 'u2', role: 'admin' },
  ])
  client
    .prepare('INSERT INTO user_roles (user_id, role, created_at) VALUES (?, ?, ?)')
    .run('u2', 'reception', now)
  expect(() =>
    client
      .prepare('INSERT INTO user_roles (user_id, role, created_at) VALUES (?, ?, ?)')
      .run('u2', 'owner', now),
  ).toThrow(/CHECK/)
  // Deleting a user still removes their roles (the rebuilt table keeps its foreign key).
  client.prepare('DELETE FROM users WHERE id = ?').run('u1')
  expect(client.prepare('SELECT count(*) AS n FROM user_roles').get()).toEqual({ n: 2 })
  expect(client.prepare('PRAGMA foreign_key_check').all()).toEqual([])
  client.close()
})
