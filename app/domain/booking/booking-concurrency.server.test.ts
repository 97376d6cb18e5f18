import { Worker } from 'node:worker_threads'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { firstFreeSlot, sessionWithDraft } from '#tests/support/booking-fixtures.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const WORKERS = 5
const SESSIONS_PER_WORKER = 10

function overlappingOccupiedPairs(): number {
  const row = getDb()
    .$client.prepare(
      `SELECT count(*) AS n FROM bookings a JOIN bookings b
         ON a.practitioner_id = b.practitioner_id AND a.id < b.id
        AND a.start_at < b.blocked_until AND b.start_at < a.blocked_until
      WHERE a.status IN ('held','pending_review','confirmed') AND b.status IN ('held','pending_review','confirmed')`,
    )
    .get() as { n: number }
  return row.n
}

describe('no double booking under concurrency (security goal F1)', () => {
  test(`${WORKERS * SESSIONS_PER_WORKER} holds for one slot from ${WORKERS} connections at once give exactly one hold`, async () => {
    const slot = firstFreeSlot('skin-boost', NOW)
    const sessions = Array.from(
      { length: WORKERS * SESSIONS_PER_WORKER },
      () => sessionWithDraft('skin-boost', NOW).tokenHash,
    )
    // Make sure every worker sees the drafts: they were committed on this connection.
    getDb().$client.pragma('wal_checkpoint(PASSIVE)')
    const barrier = new SharedArrayBuffer(4)
    const results = await Promise.all(
      Array.from({ length: WORKERS }, (_, index) => {
        const worker = new Worker(
          new URL('../../../tests/support/hold-worker.mjs', import.meta.url),
          {
            workerData: {
              databasePath: process.env.DATABASE_PATH,
              sessions: sessions.slice(
                index * SESSIONS_PER_WORKER,
                (index + 1) * SESSIONS_PER_WORKER,
              ),
              practitionerId: slot.practitionerId,
              startAt: slot.startAt,
              now: NOW.getTime(),
              barrier,
              workers: WORKERS,
            },
          },
        )
        return new Promise<string[]>((resolve, reject) => {
          worker.once('message', (message: string[]) => resolve(message))
          worker.once('error', reject)
        }).finally(() => worker.terminate())
      }),
    )
    const all = results.flat()
    expect(all).toHaveLength(WORKERS * SESSIONS_PER_WORKER)
    expect(all.filter((r) => r === 'held')).toHaveLength(1)
    expect(all.filter((r) => r !== 'held').every((r) => r === 'taken')).toBe(true)
    const held = getDb()
      .$client.prepare("SELECT count(*) AS n FROM bookings WHERE status = 'held'")
      .get() as { n: number }
    expect(held.n).toBe(1)
    expect(overlappingOccupiedPairs()).toBe(0)
  }, 60_000)

  test('the database itself refuses an overlapping booking, whatever the code above does', () => {
    const slot = firstFreeSlot('skin-boost', NOW)
    const sqlite = getDb().$client
    const insert = sqlite.prepare(
      `INSERT INTO bookings (id, reference, service_id, practitioner_id, status, start_at, end_at, blocked_until, time_zone, hold_expires_at, created_at, updated_at)
       VALUES (?, ?, (SELECT id FROM services WHERE slug = 'skin-boost'), ?, 'held', ?, ?, ?, 'Europe/Rome', ?, 0, 0)`,
    )
    const hour = 3600_000
    insert.run(
      'a',
      'DD-AAAAAA',
      slot.practitionerId,
      slot.startAt,
      slot.startAt + hour,
      slot.startAt + hour,
      NOW.getTime() + hour,
    )
    // Overlapping by 15 minutes, different start: the trigger refuses it.
    expect(() =>
      insert.run(
        'b',
        'DD-BBBBBB',
        slot.practitionerId,
        slot.startAt + 45 * 60_000,
        slot.startAt + 2 * hour,
        slot.startAt + 2 * hour,
        NOW.getTime() + hour,
      ),
    ).toThrow(/booking_overlap/)
    // Moving a cancelled booking on top of it is refused too.
    insert.run(
      'c',
      'DD-CCCCCC',
      slot.practitionerId,
      slot.startAt + 3 * hour,
      slot.startAt + 4 * hour,
      slot.startAt + 4 * hour,
      NOW.getTime() + hour,
    )
    expect(() =>
      sqlite
        .prepare('UPDATE bookings SET start_at = ?, end_at = ?, blocked_until = ? WHERE id = ?')
        .run(slot.startAt, slot.startAt + hour, slot.startAt + hour, 'c'),
    ).toThrow(/booking_overlap/)
    expect(() => sqlite.prepare("DELETE FROM bookings WHERE id = 'a'").run()).toThrow(
      /never deleted/,
    )
  })
})
