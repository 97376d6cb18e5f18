import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { getDatabasePath, getDb, openDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import {
  backupDatabase,
  backupStamp,
  checkDatabaseFile,
  countRows,
  describeBackup,
} from './backup.server.ts'

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-backup-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A few megabytes of history, so the copy takes long enough for writes to land meanwhile. */
function addHistory(rows: number) {
  getDb().transaction((tx) => {
    for (let i = 0; i < rows; i++) {
      enqueueEmail(tx, {
        dedupeKey: `history:${i}`,
        to: `history-${i}@example.com`,
        subject: 'History',
        text: 'y'.repeat(2000),
      })
      recordAuditEvent(tx, {
        action: 'history.event',
        actor: { type: 'system' },
        subjectId: `history:${i}`,
      })
    }
  })
}

function startWriter() {
  const shared = new SharedArrayBuffer(8)
  const state = new Int32Array(shared)
  const worker = new Worker(new URL('../../../tests/support/backup-writer.mjs', import.meta.url), {
    workerData: { databasePath: getDatabasePath(), shared },
  })
  const finished = new Promise<number>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  return {
    committed: () => Atomics.load(state, 1),
    stop: async () => {
      Atomics.store(state, 0, 1)
      const total = await finished
      await worker.terminate()
      return total
    },
  }
}

async function until(condition: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('online backup (goal G4)', () => {
  test('a backup taken while another connection writes restores whole and consistent', async () => {
    addHistory(2000)
    const atStart = countRows(getDb().$client)
    const writer = startWriter()
    try {
      await until(() => writer.committed() >= 20)
      const before = writer.committed()
      const result = await backupDatabase({ databasePath: getDatabasePath(), backupDir: dir })
      const after = writer.committed()
      expect(result.ok, describeBackup(result)).toBe(true)
      if (!result.ok) return
      // The writer kept committing while the backup ran: the app is never paused.
      expect(after).toBeGreaterThan(before)
      expect(path.basename(result.file)).toMatch(/^dermadesk-\d{8}T\d{6}Z\.db$/)
      expect(fs.statSync(result.file).mode & 0o077).toBe(0)
      expect(fs.readdirSync(dir)).toEqual([path.basename(result.file)])

      // Restore drill: the single file, copied into a fresh folder, is the whole database.
      const restoredPath = path.join(dir, 'restore', 'dermadesk.db')
      fs.mkdirSync(path.dirname(restoredPath))
      fs.copyFileSync(result.file, restoredPath)
      const restored = openDatabase(restoredPath)
      try {
        migrateDatabase(restored) // already current: nothing to apply, nothing fails
        expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok')
        const counts = countRows(restored.$client)
        for (const [table, count] of Object.entries(atStart))
          expect(counts[table], table).toBeGreaterThanOrEqual(count)
        // It holds the writes committed before the backup began, and every one whole: each
        // email has its audit row and the other way round (one snapshot, never half a write).
        const written = restored.$client
          .prepare("SELECT count(*) AS n FROM email_outbox WHERE dedupe_key LIKE 'backup-test:%'")
          .get() as { n: number }
        const audited = restored.$client
          .prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'backup_test.write'")
          .get() as { n: number }
        expect(written.n).toBeGreaterThanOrEqual(before)
        expect(audited.n).toBe(written.n)
        expect(verifyAuditChain(restored)).toMatchObject({ ok: true, rows: result.auditRows })
        expect(result.auditRows).toBeGreaterThanOrEqual(atStart.audit_events!)
      } finally {
        restored.$client.close()
      }
    } finally {
      await writer.stop()
    }
    // The live database is unharmed.
    expect(verifyAuditChain(getDb()).ok).toBe(true)
  })

  test('the copy is a single file (no -wal needed) and is checked before it gets its name', async () => {
    addHistory(10)
    const result = await backupDatabase({ databasePath: getDatabasePath(), backupDir: dir })
    if (!result.ok) throw new Error(result.reason)
    const copy = new Database(result.file, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    copy.close()
    expect(describeBackup(result)).toMatch(
      /^OK: .*dermadesk-\d{8}T\d{6}Z\.db, \d+\.\d MB, integrity ok, \d+ audit rows, head [0-9a-f]{16}…, \d+ bookings, \d+ ms$/,
    )
  })

  test('two backups in the same second get different names', async () => {
    const now = new Date('2026-11-25T09:30:07.123Z')
    const a = await backupDatabase({ databasePath: getDatabasePath(), backupDir: dir, now })
    const b = await backupDatabase({ databasePath: getDatabasePath(), backupDir: dir, now })
    if (!a.ok || !b.ok) throw new Error('backup failed')
    expect(path.basename(a.file)).toBe('dermadesk-20261125T093007Z.db')
    expect(path.basename(b.file)).toBe('dermadesk-20261125T093007Z-2.db')
  })

  test('a copy with a broken audit chain is refused, and no backup file is left', async () => {
    addHistory(5)
    const sqlite = getDb().$client
    sqlite.exec('DROP TRIGGER audit_events_no_update')
    sqlite.prepare("UPDATE audit_events SET action = 'tampered' WHERE seq = 3").run()
    const result = await backupDatabase({ databasePath: getDatabasePath(), backupDir: dir })
    expect(result).toMatchObject({ ok: false, reason: 'audit chain breaks at seq 3 (altered row)' })
    expect(fs.readdirSync(dir)).toEqual([])
    expect(describeBackup(result)).toMatch(/^FAILED: backup not written: audit chain breaks/)
  })

  test('a missing database or a damaged file fails', async () => {
    expect(
      await backupDatabase({ databasePath: path.join(dir, 'none.db'), backupDir: dir }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/^no database at /) })
    const junk = path.join(dir, 'junk.db')
    fs.writeFileSync(junk, 'this is not a database')
    expect(checkDatabaseFile(junk)).toMatchObject({ ok: false })
  })

  test('backup names carry the UTC time', () => {
    expect(backupStamp(new Date('2026-03-29T01:05:09.999Z'))).toBe('20260329T010509Z')
  })
})
