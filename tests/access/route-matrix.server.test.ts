import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import {
  buildWorld,
  callAction,
  callLoader,
  type Outcome,
  requestTarget,
  type Role,
  ROLES,
  routeIdOf,
  type RouteModule,
} from '#tests/support/route-fixtures.ts'
import { type Expected, ROUTE_POLICY } from './route-policy.ts'

/**
 * Security goals C1 and C2 as a matrix: every route module in app/routes/ (found on disk, so a
 * new route fails here until it has a policy row), loader and action, called as each of
 * anonymous, patient A, patient B, a clinician, an admin and a receptionist, with real ids in the URL. Each
 * answer must be what tests/access/route-policy.ts says.
 */
const MODULES = import.meta.glob<RouteModule>([
  '../../app/routes/*.{ts,tsx}',
  '../../app/routes/*/route.{ts,tsx}',
])

const ROUTES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../app/routes')

/** The route ids on disk, read with fs (a second opinion on the glob). */
function routeIdsOnDisk(): string[] {
  return fs
    .readdirSync(ROUTES_DIR, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
        return [entry.name.replace(/\.tsx?$/, '')]
      if (
        entry.isDirectory() &&
        fs.readdirSync(path.join(ROUTES_DIR, entry.name)).some((f) => /^route\.tsx?$/.test(f))
      )
        return [entry.name]
      return []
    })
    .sort()
}

/** The policy vocabulary for what a handler did. */
function labelOf(kind: 'loader' | 'action', outcome: Outcome): string {
  if (outcome.error)
    return `threw ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`
  const { status, location } = outcome
  if (status >= 300 && status < 400 && location) {
    const target = location.split('?')[0]!
    return target === '/login' ? 'login' : `redirect:${target}`
  }
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (kind === 'loader' && status === 200) return 'allow'
  if (kind === 'action' && [200, 400, 409].includes(status)) return 'allow'
  return `status ${status}`
}

test('every route module on disk has a policy row, and every policy row a module', () => {
  const globbed = Object.keys(MODULES).map(routeIdOf).sort()
  expect(globbed).toEqual(routeIdsOnDisk())
  const missing = globbed.filter((id) => !(id in ROUTE_POLICY))
  expect(
    missing.map(
      (id) =>
        `app/routes/${id}.tsx has no policy: add a row for '${id}' to tests/access/route-policy.ts`,
    ),
  ).toEqual([])
  const stale = Object.keys(ROUTE_POLICY).filter((id) => !globbed.includes(id))
  expect(
    stale.map(
      (id) =>
        `tests/access/route-policy.ts has a row for '${id}', but app/routes/ has no such module`,
    ),
  ).toEqual([])
})

test('every loader and action answers each caller as the policy says', async () => {
  const world = await buildWorld()
  const mismatches: string[] = []
  const cells: { id: string; kind: 'loader' | 'action'; role: Role; expected: Expected }[] = []
  const modules = new Map<string, RouteModule>()

  for (const [file, load] of Object.entries(MODULES)) {
    const id = routeIdOf(file)
    const policy = ROUTE_POLICY[id]
    if (!policy) continue // reported by the test above
    const mod = await load()
    modules.set(id, mod)
    for (const kind of ['loader', 'action'] as const) {
      const row = policy[kind]
      if (row === 'no-handler') {
        if (mod[kind])
          mismatches.push(`${kind} ${id}: the module exports a ${kind}, the policy says no-handler`)
        continue
      }
      if (!mod[kind]) {
        mismatches.push(`${kind} ${id}: the policy has a row, the module exports no ${kind}`)
        continue
      }
      for (const role of ROLES) cells.push({ id, kind, role, expected: row[role] })
    }
  }
  // Loaders first, then actions; signing out (which ends the caller's session) last of all.
  const rank = (cell: (typeof cells)[number]) =>
    cell.kind === 'loader' ? 0 : cell.id === 'logout' ? 2 : 1
  cells.sort((a, b) => rank(a) - rank(b))

  const auditAboutA = () =>
    getDb()
      .$client.prepare(
        `SELECT count(*) AS n FROM audit_events WHERE actor_type = 'patient' AND (subject_id = ? OR patient_id = (SELECT patient_id FROM bookings WHERE id = ?))`,
      )
      .get(world.booking.id, world.booking.id) as { n: number }

  for (const cell of cells) {
    const mod = modules.get(cell.id)!
    const target = requestTarget(cell.id, world)
    const cookie = world.cookies[cell.role]
    const before = cell.role === 'patientB' ? auditAboutA().n : 0
    const outcome =
      cell.kind === 'loader'
        ? await callLoader(mod, target, cookie)
        : await callAction(mod, target, cookie, 'intent=nothing')
    const actual = labelOf(cell.kind, outcome)
    if (actual !== cell.expected)
      mismatches.push(
        `${cell.kind} ${cell.id} as ${cell.role}: expected ${cell.expected}, got ${actual}`,
      )
    // C2: another patient's request leaves no trace of having seen A's records.
    if (cell.role === 'patientB' && auditAboutA().n !== before)
      mismatches.push(`${cell.kind} ${cell.id} as patientB wrote an audit row about patient A`)
  }

  expect(cells.length).toBeGreaterThan(200)
  expect(mismatches).toEqual([])
})
