import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { checkMediaFiles } from '#app/domain/system/backup.server.ts'
import { openDatabase } from '#db/client.server.ts'
import { BASE_DEMO_DB } from '#tests/setup/test-databases.ts'

/**
 * Security goal G2: every acknowledged commit survives `kill -9`, and the database is never
 * corrupt. A child process (tests/support/crash-writer.ts) books visits and signs consents
 * and adds clinical photos through the real domain functions on one database file and prints
 * each id after its commit.
 * We SIGKILL it at a random moment, reopen the file (SQLite recovers from the WAL), check it,
 * and start the next writer on the same file: CRASH_ITERATIONS times (default 50).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const WRITER = path.join(ROOT, 'tests/support/crash-writer.ts')
const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 50)
/** The kill lands this long (uniformly random) after the writer said it was ready. */
const MAX_DELAY_MS = Number(process.env.CRASH_MAX_DELAY_MS ?? 1200)
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31)

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with CRASH_SEED. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Acknowledged = { bookings: string[]; consents: string[]; photos: string[] }

/** Runs one writer until a random moment, kills it with SIGKILL, returns what it acknowledged. */
function runAndKill(databasePath: string, iteration: number, delayMs: number) {
  return new Promise<Acknowledged & { stderr: string; signal: string | null }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: databasePath, CRASH_PREFIX: String(iteration) },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const acknowledged: Acknowledged = { bookings: [], consents: [], photos: [] }
      let stdout = ''
      let stderr = ''
      let timer: NodeJS.Timeout | undefined
      child.stdout.setEncoding('utf8')
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk
        const lines = stdout.split('\n')
        stdout = lines.pop()!
        for (const line of lines) {
          const [kind, id] = line.split(' ')
          if (kind === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
          else if (kind === 'booking') acknowledged.bookings.push(id!)
          else if (kind === 'consent') acknowledged.consents.push(id!)
          else if (kind === 'photo') acknowledged.photos.push(id!)
        }
      })
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (chunk: string) => (stderr += chunk))
      child.on('error', reject)
      child.on('exit', (_code, signal) => {
        clearTimeout(timer)
        // A whole line is written with one write(2) before the next transaction starts; a partial
        // line can only be an id that was being printed when the kill came, i.e. already committed.
        if (stdout.startsWith('booking ') && stdout.length === 'booking '.length + 36)
          acknowledged.bookings.push(stdout.slice('booking '.length))
        resolve({ ...acknowledged, stderr, signal })
      })
    },
  )
}

function check(databasePath: string, all: Acknowledged): string[] {
  const db = openDatabase(databasePath)
  const client = db.$client
  const problems: string[] = []
  try {
    const integrity = client.pragma('integrity_check') as { integrity_check: string }[]
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
      problems.push(`integrity_check: ${JSON.stringify(integrity)}`)
    const foreignKeys = client.pragma('foreign_key_check') as unknown[]
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys)}`)
    const booking = client.prepare('SELECT status FROM bookings WHERE id = ?')
    const audited = client.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE subject_id = ? AND action LIKE 'booking.%'",
    )
    for (const id of all.bookings) {
      const row = booking.get(id) as { status: string } | undefined
      if (!row) problems.push(`acknowledged booking ${id} is missing`)
      else if (row.status === 'held') problems.push(`acknowledged booking ${id} is only held`)
      if ((audited.get(id) as { n: number }).n === 0)
        problems.push(`acknowledged booking ${id} has no audit row`)
    }
    const consent = client.prepare('SELECT 1 FROM consent_records WHERE id = ?')
    for (const id of all.consents)
      if (!consent.get(id)) problems.push(`acknowledged consent ${id} is missing`)
    const photo = client.prepare('SELECT 1 FROM clinical_photos WHERE id = ?')
    for (const id of all.photos)
      if (!photo.get(id)) problems.push(`acknowledged photo ${id} is missing`)
    // Files are written before their row: no row, acknowledged or not, points at a missing file.
    const media = checkMediaFiles(databasePath, path.join(path.dirname(databasePath), 'media'))
    if (!media.ok) problems.push(`photo store: ${media.reason}`)
    const chain = verifyAuditChain(db)
    if (!chain.ok) problems.push(`audit chain breaks at seq ${chain.firstBadSeq}: ${chain.reason}`)
  } finally {
    client.close()
  }
  return problems
}

test(`SIGKILL during booking, consent and photo writes, ${ITERATIONS} times: no acknowledged write lost, no corruption`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-crash-'))
  const databasePath = path.join(dir, 'crash.db')
  fs.copyFileSync(BASE_DEMO_DB, databasePath)
  const next = random(SEED)
  const all: Acknowledged = { bookings: [], consents: [], photos: [] }
  let killedMidRun = 0
  try {
    for (let iteration = 1; iteration <= ITERATIONS; iteration++) {
      const run = await runAndKill(databasePath, iteration, Math.floor(next() * MAX_DELAY_MS))
      // The writer never stops by itself: anything but SIGKILL is a crash of the writer.
      expect(run.signal, `iteration ${iteration} (seed ${SEED}): ${run.stderr}`).toBe('SIGKILL')
      if (run.bookings.length + run.consents.length > 0) killedMidRun += 1
      all.bookings.push(...run.bookings)
      all.consents.push(...run.consents)
      all.photos.push(...run.photos)
      expect(check(databasePath, all), `after kill ${iteration} (seed ${SEED})`).toEqual([])
    }
    console.info(
      `crash test (seed ${SEED}): ${ITERATIONS} kills, ${all.bookings.length} bookings, ${all.consents.length} consents and ${all.photos.length} photos acknowledged, ${killedMidRun} writers had acknowledged writes when killed`,
    )
    expect(all.bookings.length).toBeGreaterThan(ITERATIONS / 4)
    expect(all.consents.length).toBeGreaterThan(0)
    expect(all.photos.length).toBeGreaterThan(0)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 240_000)
