import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { build } from 'esbuild'
import { type Context } from './context.ts'
import { startProcess, stopProcess, waitForHttp } from './processes.ts'

/**
 * The floor app (bench/floor-app, docs/decisions/031-floor-relative-budgets.md): a minimal Remix
 * page built and served as the app is, so each page of the app can be read as a share of what
 * this stack serves at best on this machine, in the same run.
 *
 * Built on every run into bench/.tmp/floor/ (git ignores it): `remix build` with the floor's own
 * remix.config.js, its server bundled by esbuild as scripts/build-server.mjs bundles the app's
 * (npm packages stay external), and a one-table SQLite file for its one prepared read.
 */

export type FloorApp = { dir: string; server: string; database: string }

export async function buildFloorApp(context: Context): Promise<FloorApp> {
  const dir = path.join(context.tmpDir, 'floor')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const remix = spawnSync(
    process.execPath,
    [
      path.join(context.root, 'node_modules/@remix-run/dev/dist/cli.js'),
      'build',
      path.join(context.root, 'bench/floor-app'),
    ],
    {
      cwd: context.root,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
  if (remix.status !== 0)
    throw new Error(`remix build of the floor app failed:\n${remix.stdout}\n${remix.stderr}`)

  const pkg = JSON.parse(fs.readFileSync(path.join(context.root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
  }
  const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  const server = path.join(dir, 'server.mjs')
  await build({
    entryPoints: [path.join(context.root, 'bench/workers/floor-server.ts')],
    outfile: server,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: context.root,
    external: packages.flatMap((name) => [name, `${name}/*`]),
  })

  const database = path.join(dir, 'floor.db')
  const db = new Database(database)
  try {
    db.pragma('journal_mode = WAL')
    db.exec(
      'CREATE TABLE clinic (id INTEGER PRIMARY KEY, name TEXT NOT NULL, tagline TEXT NOT NULL)',
    )
    db.prepare('INSERT INTO clinic (id, name, tagline) VALUES (?, ?, ?)').run(
      1,
      'Dermadesk floor',
      'One route, one prepared read, the framework’s scripts.',
    )
  } finally {
    db.close()
  }
  return { dir, server, database }
}

/** The floor app on its port, pinned like the app, NODE_ENV=production. */
export async function startFloor(
  context: Context,
  floor: FloorApp,
  port: number,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const started = startProcess({
    pinning: context.pinning,
    role: 'server',
    command: process.execPath,
    args: [floor.server],
    env: {
      PORT: String(port),
      NODE_ENV: 'production',
      FLOOR_DIR: floor.dir,
      FLOOR_DATABASE_PATH: floor.database,
    },
    logFile: path.join(context.tmpDir, 'floor.out'),
  })
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/`, started)
  return { url, pid: started.child.pid!, stop: () => stopProcess(started) }
}
