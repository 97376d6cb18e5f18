import fs from 'node:fs'
import path from 'node:path'
import { inArray } from 'drizzle-orm'
import { type Db, DEFAULT_DATABASE_PATH } from './client.server.ts'
import { users } from './schema/index.ts'
import { DEMO_STAFF_EMAILS, type DemoSignIn } from './seed.ts'

/**
 * When the demo clinic is loaded, and where its sign-ins are kept. A real deployment must never
 * get demo accounts by accident (docs/decisions/027-safe-by-default.md): the demo is seeded only
 * for the local try-out on the default database path, or when SEED_DEMO=true asks for it.
 */

export function shouldSeedDemo(input: {
  seedDemo: boolean | undefined
  databasePath: string
  cwd?: string
}): boolean {
  if (input.seedDemo !== undefined) return input.seedDemo
  const cwd = input.cwd ?? process.cwd()
  return path.resolve(cwd, input.databasePath) === path.resolve(cwd, DEFAULT_DATABASE_PATH)
}

/** A file beside the database: data/dermadesk.db → data/dermadesk.<suffix>. */
export function besideDatabase(databasePath: string, suffix: string): string {
  const { dir, name } = path.parse(databasePath)
  return path.join(dir, `${name}.${suffix}`)
}

export function demoSignInsFile(databasePath: string): string {
  return besideDatabase(databasePath, 'demo-sign-ins.txt')
}

/** True when the demo staff accounts are in this database. */
export function hasDemoData(db: Db): boolean {
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, [...DEMO_STAFF_EMAILS]))
      .get() !== undefined
  )
}

/** True when anyone can sign in to this database at all. */
export function hasStaffAccount(db: Db): boolean {
  return db.select({ id: users.id }).from(users).limit(1).get() !== undefined
}

/**
 * Writes the generated sign-ins beside the database, readable by its owner only (mode 0600).
 * The start output shows them once; this file is where to find them again.
 */
export function writeDemoSignIns(databasePath: string, signIns: DemoSignIn[]): string {
  const file = demoSignInsFile(databasePath)
  const lines = [
    `# Demo staff sign-ins for ${databasePath}: a made-up clinic, passwords generated for this`,
    '# database only. Delete the database (npm run db:reset) to start again with new ones.',
    ...signIns.map((signIn) => `${signIn.email}\t${signIn.password}\t${signIn.roles}`),
  ]
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.rmSync(file, { force: true })
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600, flag: 'wx' })
  return file
}

/** The sign-ins file as written above (tests read their server's passwords from it). */
export function readDemoSignIns(databasePath: string): DemoSignIn[] {
  return fs
    .readFileSync(demoSignInsFile(databasePath), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [email, password, roles] = line.split('\t')
      return { email: email!, password: password!, roles: roles ?? '' }
    })
}

/** The lines the start prints: the sign-ins once, when just seeded; later where they are kept. */
export function describeDemoData(input: {
  databasePath: string
  seededNow: DemoSignIn[] | null
}): string[] {
  const file = demoSignInsFile(input.databasePath)
  const lines = [
    `Demo data loaded (a made-up clinic and staff; sign-ins in ${file}). To start clean: ` +
      'SEED_DEMO=false npm run db:reset, then npm run staff:create -- --email you@your-clinic --role admin',
  ]
  if (input.seededNow) {
    lines.push('Demo staff sign-ins (shown once; kept in the file above):')
    for (const signIn of input.seededNow)
      lines.push(`  ${signIn.roles.padEnd(18)} ${signIn.email.padEnd(34)} ${signIn.password}`)
  }
  return lines
}
