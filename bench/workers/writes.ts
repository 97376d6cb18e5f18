// Goal (f): booking writes per second against raw better-sqlite3 single-row inserts into the same
// bookings table of the same file on the same connection (so the same pragmas: WAL,
// synchronous=FULL, foreign_keys, busy_timeout from db/client.server.ts). Pinned by the caller
// to the server's core. Config (argv[2], JSON), one of:
//   { mode: 'slots', db, serviceSlug, max }         distinct non-overlapping slots to hold
//   { mode: 'raw', db, rounds, roundMs, offset }    raw inserts only (the HTTP comparison)
//   { mode: 'in-process', db, serviceSlug, rounds, roundMs, maxHolds }
//     raw inserts and the real holdSlot (a BEGIN IMMEDIATE transaction: draft, lapsed holds,
//     checkSlot's search, insert, draft update, booking event, audit row) in alternating rounds.
// Prints one JSON line. Every loop is bounded by a time and a count.
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'

type Config =
  | { mode: 'slots'; db: string; serviceSlug: string; max: number }
  | { mode: 'raw'; db: string; rounds: number; roundMs: number; offset: number }
  | {
      mode: 'in-process'
      db: string
      serviceSlug: string
      rounds: number
      roundMs: number
      maxHolds: number
    }

const config = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Config
process.env.DATABASE_PATH = config.db
process.env.LOG_LEVEL = 'silent'

const { findAvailableSlots, listQualifiedPractitioners } =
  await import('#app/domain/availability/availability.server.ts')
const { addDays, localDateOf } = await import('#app/domain/availability/availability.rules.ts')
const { holdSlot, startBookingDraft } = await import('#app/domain/booking/booking-wizard.server.ts')
const { createPatientSession } = await import('#app/domain/patient/patient-sessions.server.ts')
const { getDb } = await import('#db/client.server.ts')
const { summarize } = await import('../lib/stats.ts')

const db = getDb()
const sqlite = db.$client

function serviceBySlug(slug: string) {
  const row = sqlite
    .prepare(
      'SELECT id, duration_minutes AS duration, buffer_after_minutes AS buffer FROM services WHERE slug = ?',
    )
    .get(slug) as { id: string; duration: number; buffer: number } | undefined
  if (!row) throw new Error(`No service ${slug} in ${config.db}`)
  return row
}

/** Every offered slot of the service, per practitioner, thinned so that no two overlap. */
function distinctSlots(slug: string, max: number): { practitionerId: string; startAt: number }[] {
  const service = serviceBySlug(slug)
  const blockedMs = (service.duration + service.buffer) * 60_000
  const settings = sqlite
    .prepare(
      'SELECT time_zone AS zone, max_advance_days AS days, min_notice_hours AS notice FROM clinic_settings',
    )
    .get() as { zone: string; days: number; notice: number }
  const now = new Date()
  // The slots are used minutes later: one that starts right at the notice boundary now would be
  // "too soon" by then (a 400, not a hold). Leave an hour's margin.
  const earliestUsable = now.getTime() + (settings.notice + 1) * 3_600_000
  const today = localDateOf(now.getTime(), settings.zone)
  const chosen: { practitionerId: string; startAt: number }[] = []
  for (const practitioner of listQualifiedPractitioners(service.id)) {
    let freeFrom = -Infinity
    for (let offset = 0; offset <= settings.days; offset += 31) {
      const { days } = findAvailableSlots({
        serviceId: service.id,
        practitionerId: practitioner.id,
        fromDate: addDays(today, offset),
        days: 31,
        now,
      })
      for (const slot of days.flatMap((day) => day.slots)) {
        if (slot.startAt < freeFrom || slot.startAt < earliestUsable) continue
        chosen.push({ practitionerId: slot.practitionerId, startAt: slot.startAt })
        freeFrom = slot.startAt + blockedMs
      }
    }
  }
  // Interleave practitioners' slots by time, as real demand would arrive.
  return chosen.sort((a, b) => a.startAt - b.startAt).slice(0, max)
}

/**
 * The baseline: one prepared INSERT of a held booking per statement, autocommit (one
 * transaction and one fsync each), far in the future so it never meets a real booking. The
 * overlap triggers and indexes of the table run as for any insert.
 */
function rawInserter(offset: number) {
  const practitioner = sqlite.prepare('SELECT id FROM practitioners ORDER BY id LIMIT 1').get() as {
    id: string
  }
  const service = sqlite.prepare('SELECT id FROM services ORDER BY id LIMIT 1').get() as {
    id: string
  }
  const insert = sqlite.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, status, start_at, end_at,
      blocked_until, time_zone, hold_expires_at, course_session_number, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'held', ?, ?, ?, 'Europe/Rome', ?, 1, ?, ?)`,
  )
  const base = Date.UTC(2031, 0, 1) + offset * 3_600_000
  let n = 0
  return () => {
    const startAt = base + n * 3_600_000
    const now = Date.now()
    insert.run(
      crypto.randomUUID(),
      `RAW-${offset}-${n}`,
      service.id,
      practitioner.id,
      startAt,
      startAt + 30 * 60_000,
      startAt + 30 * 60_000,
      now + 600_000,
      now,
      now,
    )
    n++
  }
}

type Round = { ops: number; ms: number; perSec: number }

/** Runs `op` until `ms` elapsed or `max` ops, whichever first; per-op times go to `latencies`. */
function round(op: (i: number) => void, ms: number, max: number, latencies?: number[]): Round {
  const started = performance.now()
  let ops = 0
  while (ops < max && performance.now() - started < ms) {
    const t = performance.now()
    op(ops)
    latencies?.push(performance.now() - t)
    ops++
  }
  const elapsed = performance.now() - started
  return { ops, ms: elapsed, perSec: (ops / elapsed) * 1000 }
}

if (config.mode === 'slots') {
  console.log(JSON.stringify({ slots: distinctSlots(config.serviceSlug, config.max) }))
} else if (config.mode === 'raw') {
  const insert = rawInserter(config.offset)
  round(insert, 200, 10_000) // warm-up
  const rounds = Array.from({ length: config.rounds }, () =>
    round(insert, config.roundMs, 1_000_000),
  )
  console.log(JSON.stringify({ raw: rounds }))
} else {
  const service = serviceBySlug(config.serviceSlug)
  const slots = distinctSlots(config.serviceSlug, config.maxHolds)
  // One patient session with a draft per hold, made before the clock starts.
  const sessions = slots.map(() => {
    const now = new Date()
    const { tokenHash } = createPatientSession(now)
    const session = { tokenHash, verifiedEmail: null, provenBy: null }
    const started = startBookingDraft({ session, serviceId: service.id, now })
    if (!started.ok) throw new Error('could not start a draft')
    return session
  })
  const actor = { type: 'patient' as const, ipAddress: '127.0.0.1', requestId: 'bench' }
  let nextHold = 0
  const failures: Record<string, number> = {}
  const hold = () => {
    const index = nextHold++
    const slot = slots[index]!
    const result = holdSlot({ session: sessions[index]!, ...slot, now: new Date(), actor })
    if (!result.ok) failures[result.reason] = (failures[result.reason] ?? 0) + 1
  }
  const insert = rawInserter(0)
  // Warm both paths up (JIT, statement caches), then alternate which goes first in each round.
  round(insert, 200, 200)
  round(hold, 200, 50)
  const raw: Round[] = []
  const holds: Round[] = []
  const latencies: number[] = []
  for (let r = 0; r < config.rounds; r++) {
    const left = () => slots.length - nextHold
    if (r % 2 === 0) {
      raw.push(round(insert, config.roundMs, 1_000_000))
      holds.push(round(hold, config.roundMs, left(), latencies))
    } else {
      holds.push(round(hold, config.roundMs, left(), latencies))
      raw.push(round(insert, config.roundMs, 1_000_000))
    }
  }
  console.log(
    JSON.stringify({
      service: config.serviceSlug,
      slotsAvailable: slots.length,
      holdsMade: nextHold,
      failures,
      raw,
      holds,
      holdLatencyMs: latencies.length > 0 ? summarize(latencies) : null,
    }),
  )
}
sqlite.close()
