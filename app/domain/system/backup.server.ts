import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { BUSY_TIMEOUT_MS, openDatabase } from '#db/client.server.ts'

/**
 * Online backups (`npm run db:backup`, docs/decisions/021-backups.md; security goal G4).
 * SQLite's backup API copies a consistent snapshot while the app keeps serving; copying the
 * live file (without its -wal) can give a corrupt or stale copy. Each copy is then opened and
 * checked like a restore would be: integrity_check, the audit chain, and row counts. The picture
 * store (clinical photos, portraits) is copied with it: every file the copy's rows name
 * (docs/decisions/047-clinical-photos.md).
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

/** The pictures a backup holds beside its database (`<backup dir>/media/`). */
export type MediaCopy = {
  /** Files the copy's rows name (clinical photos in two sizes, portraits). */
  files: number
  /** Of those, files copied this time (the others were there from an earlier backup). */
  copied: number
}

export type BackupResult =
  | ({ ok: true; file: string; bytes: number; ms: number; media: MediaCopy | null } & Extract<
      BackupCheck,
      { ok: true }
    >)
  | { ok: false; file: string | null; reason: string }

/** Where the picture store's files are kept: `<folder>/<SHA-256 of the bytes>.webp`. */
const MEDIA_FOLDERS = {
  clinical: [
    'SELECT display_key AS key FROM clinical_photos',
    'SELECT thumb_key AS key FROM clinical_photos',
  ],
  portraits: ['SELECT photo_key AS key FROM practitioners WHERE photo_key IS NOT NULL'],
} as const

/** Every picture a database's rows name, as `<folder>/<key>.webp` paths, without repeats. */
export function recordedMediaFiles(sqlite: Database.Database): string[] {
  const files = new Set<string>()
  for (const [folder, queries] of Object.entries(MEDIA_FOLDERS))
    for (const query of queries)
      for (const { key } of sqlite.prepare(query).all() as { key: string }[])
        files.add(path.join(folder, `${key}.webp`))
  return [...files].sort()
}

const sha256File = (file: string) =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/**
 * The restore drill's check of the pictures: every file the database's rows name is in
 * `mediaDir`, and each file's SHA-256 is its name. The reason names at most a few files.
 */
export function checkMediaFiles(
  databaseFile: string,
  mediaDir: string,
): { ok: true; files: number } | { ok: false; reason: string } {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(databaseFile, { fileMustExist: true, readonly: true })
    const files = recordedMediaFiles(sqlite)
    const missing: string[] = []
    const wrong: string[] = []
    for (const file of files) {
      const full = path.join(mediaDir, file)
      if (!fs.existsSync(full)) missing.push(file)
      else if (sha256File(full) !== path.basename(file, '.webp')) wrong.push(file)
    }
    if (missing.length > 0 || wrong.length > 0)
      return {
        ok: false,
        reason: [
          missing.length > 0
            ? `${missing.length} picture files missing (${missing.slice(0, 3).join(', ')})`
            : '',
          wrong.length > 0
            ? `${wrong.length} picture files do not match their hash (${wrong.slice(0, 3).join(', ')})`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
      }
    return { ok: true, files: files.length }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    sqlite?.close()
  }
}

/**
 * Copies every picture the backup's rows name from the live store into `<backup dir>/media/`.
 * Files are named by their hash and never rewritten, so a file copied by an earlier backup is
 * kept, and copying after the database snapshot is consistent: a file the snapshot names was
 * written before its row. Each copy goes to a temporary name, is checked against its hash, then
 * is renamed.
 */
function copyRecordedMedia(databaseFile: string, sourceDir: string, targetDir: string): number {
  const sqlite = new Database(databaseFile, { fileMustExist: true, readonly: true })
  let files: string[]
  try {
    files = recordedMediaFiles(sqlite)
  } finally {
    sqlite.close()
  }
  let copied = 0
  for (const file of files) {
    const target = path.join(targetDir, file)
    if (fs.existsSync(target)) continue
    const source = path.join(sourceDir, file)
    if (!fs.existsSync(source)) continue // reported by checkMediaFiles
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 })
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
    fs.copyFileSync(source, temporary)
    // A damaged file is not kept: checkMediaFiles then reports it missing, and a later backup
    // copies it again once the store is repaired.
    if (sha256File(temporary) !== path.basename(file, '.webp')) {
      fs.rmSync(temporary, { force: true })
      continue
    }
    fs.chmodSync(temporary, 0o600)
    fsyncPath(temporary)
    fs.renameSync(temporary, target)
    copied += 1
  }
  return copied
}

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
  /** The live picture store (mediaRoot()); its files the copy names go to `<backupDir>/media/`. */
  mediaDir?: string
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
  // The pictures the copy names, after the database: see copyRecordedMedia.
  let media: MediaCopy | null = null
  if (input.mediaDir) {
    const backupMedia = path.join(input.backupDir, 'media')
    let copied: number
    try {
      copied = copyRecordedMedia(partial, input.mediaDir, backupMedia)
    } catch (error) {
      fs.rmSync(partial, { force: true })
      return {
        ok: false,
        file: null,
        reason: error instanceof Error ? error.message : String(error),
      }
    }
    const mediaCheck = checkMediaFiles(partial, backupMedia)
    if (!mediaCheck.ok) {
      fs.rmSync(partial, { force: true })
      return { ok: false, file: null, reason: mediaCheck.reason }
    }
    media = { files: mediaCheck.files, copied }
  }
  fs.chmodSync(partial, 0o600)
  fsyncPath(partial)
  fs.renameSync(partial, file)
  try {
    fsyncPath(path.dirname(file)) // the rename itself survives a crash (Linux)
  } catch {
    // Some platforms cannot open a folder for fsync; the file itself is already synced.
  }
  return {
    ...check,
    ok: true,
    file,
    bytes: fs.statSync(file).size,
    media,
    ms: Date.now() - started,
  }
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
    ...(result.media
      ? [`${result.media.files} picture files checked (${result.media.copied} new)`]
      : []),
    `${result.ms} ms`,
  ].join(', ')
}
