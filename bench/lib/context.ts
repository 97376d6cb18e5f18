import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { type Figures, type Unmeasured } from './budgets.ts'
import {
  type Pinning,
  runJson,
  type Started,
  startProcess,
  stopProcess,
  waitForHttp,
} from './processes.ts'

/** What every benchmark section shares: where things go, how long to run, what was measured. */

export type Mode = 'quick' | 'default' | 'full'

export type Context = {
  root: string
  tmpDir: string
  pinning: Pinning
  mode: Mode
  /** A migrated database with the demo clinic; copied for every server. */
  demoDb: string
  figures: Figures
  unmeasured: Unmeasured
  log: (line: string) => void
}

/** Picks a value by run mode. */
export function byMode<T>(context: Context, values: Record<Mode, T>): T {
  return values[context.mode]
}

export type AppServer = { url: string; dbFile: string; pid: number; stop: () => Promise<void> }

/**
 * The built app on a fresh copy of the demo database, pinned to the server core, logging at
 * info level to a file as in production (one line per request), with the mail scheduler off.
 * `prepare` writes into that copy before the server opens it; `env` adds to the environment.
 */
export async function startApp(
  context: Context,
  name: string,
  port: number,
  options: { prepare?: (dbFile: string) => Promise<void>; env?: Record<string, string> } = {},
): Promise<AppServer> {
  const dbFile = path.join(context.tmpDir, `${name}.db`)
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true })
  fs.copyFileSync(context.demoDb, dbFile)
  await options.prepare?.(dbFile)
  const started = startProcess({
    pinning: context.pinning,
    role: 'server',
    command: process.execPath,
    args: [path.join(context.root, 'bench/workers/app.mjs')],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dbFile,
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      // The load generator gives each simulated patient its own address (X-Forwarded-For).
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
      LOG_FILE: path.join(context.tmpDir, `${name}.log`),
      SCHEDULER: 'false',
      ...options.env,
    },
    logFile: path.join(context.tmpDir, `${name}.out`),
  })
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/healthz`, started)
  return { url, dbFile, pid: started.child.pid!, stop: () => stopProcess(started) }
}

/** The bare node:http hello world, pinned like the app. */
export async function startHello(
  context: Context,
  port: number,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const started: Started = startProcess({
    pinning: context.pinning,
    role: 'server',
    command: process.execPath,
    args: [path.join(context.root, 'bench/workers/hello.mjs')],
    env: { PORT: String(port) },
    logFile: path.join(context.tmpDir, 'hello.out'),
  })
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(url, started)
  return { url, pid: started.child.pid!, stop: () => stopProcess(started) }
}

export type LoadConfig = {
  url: string
  connections: number
  durationSec?: number
  warmupSec?: number
  amount?: number
  method?: string
  headers?: Record<string, string>
  body?: string
  timeoutSec?: number
  /**
   * Request i carries cookies[i] (and bodies[i]) from the client address clients[i], or from an
   * address of its own derived from i (bench/workers/load.mjs).
   */
  perRequest?: { cookies: string[]; bodies?: string[]; clients?: string[] }
}

export type LoadResult = {
  connections: number
  durationSec: number
  reqPerSec: number
  requestsTotal: number
  responses: number
  latencyMs: { p50: number; p97_5: number; p99: number; max: number; mean: number }
  bytesPerResponse: number | null
  statusCounts: Record<string, number>
  non2xx: number
  errors: number
  timeouts: number
  /** Requests answered during the warm-up, before the measured run. */
  warmupRequests?: number
  statuses?: (number | null)[]
}

let loadRuns = 0

/** autocannon in its own process on the client core; bounded by duration or amount. */
export async function runLoad(context: Context, config: LoadConfig): Promise<LoadResult> {
  const file = path.join(context.tmpDir, `load-${++loadRuns}.json`)
  fs.writeFileSync(file, JSON.stringify(config))
  // A duration-bounded run ends on time; a count-bounded one ends when every request has an
  // answer or timed out: at worst (requests per connection) × (request timeout).
  const requests = config.amount ?? config.perRequest?.cookies.length ?? 0
  const worstCase = Math.ceil(requests / config.connections) * (config.timeoutSec ?? 10)
  const seconds = (config.warmupSec ?? 0) + (config.durationSec ?? 0) + worstCase
  return runJson<LoadResult>({
    pinning: context.pinning,
    role: 'client',
    command: process.execPath,
    args: [path.join(context.root, 'bench/workers/load.mjs'), file],
    timeoutMs: (seconds + 60) * 1000,
  })
}

/** A tsx worker (bench/workers/*.ts) on the server core, with its config in a JSON file. */
export async function runWorker<T>(
  context: Context,
  worker: string,
  config: unknown,
  timeoutMs: number,
  nodeFlags: string[] = [],
): Promise<T> {
  const file = path.join(context.tmpDir, `${worker}-${Date.now()}.json`)
  fs.writeFileSync(file, JSON.stringify(config))
  return runJson<T>({
    pinning: context.pinning,
    role: 'server',
    command: process.execPath,
    args: [
      ...nodeFlags,
      '--import',
      'tsx',
      path.join(context.root, `bench/workers/${worker}.ts`),
      file,
    ],
    timeoutMs,
  })
}

/** A read-only look into a server's database file (WAL lets us read while it serves). */
export function withDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

export function serviceIdBySlug(file: string, slug: string): string {
  const row = withDatabase(file, (db) =>
    db.prepare('SELECT id FROM services WHERE slug = ?').get(slug),
  ) as { id: string } | undefined
  if (!row) throw new Error(`No service ${slug} in ${file}`)
  return row.id
}
