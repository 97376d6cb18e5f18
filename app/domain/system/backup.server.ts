import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { BUSY_TIMEOUT_MS, openDatabase } from '#db/client.server.ts'

/**
 * Online backups (`npm run db:backup`, docs/decisions/021-backups.md; security goal G4).
 * SQLite's backup API copies a consistent snapshot while the app keeps serving; copying the
 * live file (without its -wal) can give a corrupt or stale copy. Each copy is then opened and
 * checked like a restore would be: integrity_check, the audit chain, and row counts.
 */

export const DEFAULT_BACKUP_DIR = 'data/backups'

export type BackupCheck =
  | {
      ok: true
      integrity: 'ok'
      auditRows: number
      auditHead: string
      /** Rows per table in the copy. */
      counts: Record<string, number>
    }
  | { ok: false; reason: string }

export type BackupResult =
  | ({ ok: true; file: string; bytes: number; ms: number } & Extract<BackupCheck, { ok: true }>)
  | { ok: false; file: string | null; reason: string }

/** "20261125T093007Z": sorts by time, and is safe in every file system. */
export function backupStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

/** Rows in every table of a database (migrations bookkeeping included). */
export function countRows(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[]
  return Object.fromEntries(
    tables.map(({ name }) => {
      const quoted = `"${name.replace(/"/g, '""')}"`
      const row = sqlite.prepare(`SELECT count(*) AS n FROM ${quoted}`).get() as { n: number }
      return [name, row.n]
    }),
  )
}

/** Opens a database file on its own and checks it as a restore drill would. */
export function checkDatabaseFile(file: string): BackupCheck {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return { ok: false, reason: `integrity_check: ${String(integrity)}` }
    const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[]
    if (foreignKeys.length > 0)
      return { ok: false, reason: `foreign_key_check: ${foreignKeys.length} broken references` }
    const chain = verifyAuditChain({ $client: sqlite })
    if (!chain.ok)
      return {
        ok: false,
        reason: `audit chain breaks at seq ${chain.firstBadSeq} (${chain.reason})`,
      }
    return {
      ok: true,
      integrity: 'ok',
      auditRows: chain.rows,
      auditHead: chain.head,
      counts: countRows(sqlite),
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    sqlite?.close()
  }
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Copies the database at `databasePath` into `backupDir` as dermadesk-<UTC stamp>.db, then
 * checks the copy. The copy is written under a temporary name and renamed only once it passed,
 * so a file named like a backup is always a checked, complete one.
 */
export async function backupDatabase(input: {
  databasePath: string
  backupDir: string
  now?: Date
}): Promise<BackupResult> {
  const started = Date.now()
  if (!fs.existsSync(input.databasePath))
    return { ok: false, file: null, reason: `no database at ${input.databasePath}` }
  // Backups hold patient data: only the account that runs the app may read them.
  fs.mkdirSync(input.backupDir, { recursive: true, mode: 0o700 })
  const stamp = backupStamp(input.now ?? new Date())
  let file = path.join(input.backupDir, `dermadesk-${stamp}.db`)
  for (let n = 2; fs.existsSync(file); n++)
    file = path.join(input.backupDir, `dermadesk-${stamp}-${n}.db`)
  const partial = `${file}.partial`

  const source = openDatabase(input.databasePath)
  try {
    // All remaining pages in one step: one read snapshot, so writes by the app (other
    // connections) cannot restart the copy over and over. In WAL mode this blocks no writer.
    await source.$client.backup(partial, { progress: () => 0x7fffffff })
  } catch (error) {
    fs.rmSync(partial, { force: true })
    return { ok: false, file: null, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    source.$client.close()
  }

  // The copy keeps the source's WAL flag; make it a single self-contained file.
  const copy = new Database(partial, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
  copy.pragma('journal_mode = DELETE')
  copy.close()

  const check = checkDatabaseFile(partial)
  if (!check.ok) {
    fs.rmSync(partial, { force: true })
    return { ok: false, file: null, reason: check.reason }
  }
  fs.chmodSync(partial, 0o600)
  fsyncPath(partial)
  fs.renameSync(partial, file)
  try {
    fsyncPath(path.dirname(file)) // the rename itself survives a crash (Linux)
  } catch {
    // Some platforms cannot open a folder for fsync; the file itself is already synced.
  }
  return { ...check, ok: true, file, bytes: fs.statSync(file).size, ms: Date.now() - started }
}

/** The one line `npm run db:backup` prints. */
export function describeBackup(result: BackupResult): string {
  if (!result.ok) return `FAILED: backup not written: ${result.reason}`
  const megabytes = (result.bytes / (1024 * 1024)).toFixed(1)
  return [
    `OK: ${result.file}`,
    `${megabytes} MB`,
    'integrity ok',
    `${result.auditRows} audit rows, head ${result.auditHead.slice(0, 16)}…`,
    `${result.counts.bookings ?? 0} bookings`,
    `${result.ms} ms`,
  ].join(', ')
}
