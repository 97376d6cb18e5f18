import { describe, expect, test } from 'vitest'
import { getDb, openDatabase } from './client.server.ts'

describe('database connection', () => {
  test('every connection gets WAL, FULL sync, foreign keys and a busy timeout (goal G1)', () => {
    for (const db of [getDb(), openDatabase(process.env.DATABASE_PATH!)]) {
      const pragma = (name: string) => db.$client.pragma(name, { simple: true })
      expect(pragma('journal_mode')).toBe('wal')
      expect(pragma('synchronous')).toBe(2) // FULL
      expect(pragma('foreign_keys')).toBe(1)
      expect(pragma('busy_timeout')).toBeGreaterThanOrEqual(5000)
    }
  })

  test('CHECK constraints refuse values outside an enum', () => {
    const sqlite = getDb().$client
    const user = sqlite.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }
    expect(() =>
      sqlite
        .prepare("INSERT INTO user_roles (user_id, role, created_at) VALUES (?, 'superuser', 0)")
        .run(user.id),
    ).toThrow(/CHECK constraint failed/)
    expect(() => sqlite.prepare("UPDATE practitioners SET credential = 'wizard'").run()).toThrow(
      /CHECK constraint failed/,
    )
  })

  test('a cosmetic service can never allow needles deeper than 0.5 mm', () => {
    const sqlite = getDb().$client
    expect(() =>
      sqlite
        .prepare("UPDATE services SET max_needle_depth_um = 1000 WHERE tier = 'cosmetic'")
        .run(),
    ).toThrow(/CHECK constraint failed/)
  })

  test('foreign keys are enforced', () => {
    const sqlite = getDb().$client
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO working_hours (id, practitioner_id, weekday, start_minute, end_minute) VALUES ('x', 'missing', 1, 0, 60)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/)
  })
})
