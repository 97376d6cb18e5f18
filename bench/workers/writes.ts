// Goal (f): booking writes per second against raw better-sqlite3 single-row inserts into the same
// bookings table of the same file on the same connection (so the same pragmas: WAL,
// synchronous=FULL, foreign_keys, busy_timeout from db/client.server.ts). Pinned by the caller
// to the server's core. Config (argv[2], JSON), one of:
//   { mode: 'slots', db, serviceSlug, max }         distinct non-overlapping slots to hold
//   { mode: 'raw', db, rounds, roundMs, offset }    raw inserts only (the HTTP comparison)
//   { mode: 'in-process', db, serviceSlug, rounds, roundMs, maxHolds }
//     raw inserts, the same rows as a hold written raw (rawHoldWriter), and the real holdSlot (a
//     BEGIN IMMEDIATE transaction: draft, lapsed holds, checkSlot's search, insert, draft update,
//     booking event, audit row) in rotating rounds.
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
const { addDays, localDateOf } = await import('#app/domain/shared/calendar.rules.ts')
const { startBookingDraft } = await import('#app/domain/booking/wizard/draft.server.ts')
const { holdSlot } = await import('#app/domain/booking/wizard/hold.server.ts')
const { createPatientSession } = await import('#app/domain/patient/patient-sessions.server.ts')
const { getDb } = await import('#db/client.server.ts')
const auditModule = await import('#app/domain/audit/audit.server.ts')
const { AUDIT_GENESIS_HASH } = await import('#app/domain/audit/audit.schema.ts')
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

/**
 * A second baseline: what a hold writes, as raw prepared statements in one BEGIN IMMEDIATE
 * transaction, with no drizzle and no rules: read the draft, the bounded overlap check, insert
 * the held booking, point the draft at it, append its booking event and its audit row (hash
 * chained as the app does, so the file still verifies). It is the floor of a hold's cost on
 * this file and these pragmas; the single-row insert above is the goal's baseline.
 */
function rawHoldWriter(offset: number, draftId: string) {
  const { hashAuditRow } = auditModule
  const practitioner = sqlite.prepare('SELECT id FROM practitioners ORDER BY id LIMIT 1').get() as {
    id: string
  }
  const service = sqlite.prepare('SELECT id FROM services ORDER BY id LIMIT 1').get() as {
    id: string
  }
  const readDraft = sqlite.prepare(
    'SELECT id, held_booking_id FROM booking_drafts WHERE id = ? AND completed_booking_id IS NULL',
  )
  const overlap = sqlite.prepare(
    `SELECT 1 FROM bookings WHERE practitioner_id = ? AND start_at < ? AND blocked_until > ?
       AND start_at > ? AND status IN ('held', 'pending_review', 'confirmed') LIMIT 1`,
  )
  const insertBooking = sqlite.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, status, start_at, end_at,
      blocked_until, time_zone, hold_expires_at, course_session_number, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'held', ?, ?, ?, 'Europe/Rome', ?, 1, ?, ?)`,
  )
  const pointDraft = sqlite.prepare(
    'UPDATE booking_drafts SET held_booking_id = ?, updated_at = ? WHERE id = ?',
  )
  const insertEvent = sqlite.prepare(
    `INSERT INTO booking_events (id, booking_id, occurred_at, actor_type, actor_id, action,
      from_status, to_status, details) VALUES (?, ?, ?, 'patient', NULL, 'held', NULL, 'held', '{}')`,
  )
  const chainHead = sqlite.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')
  const insertAudit = sqlite.prepare(
    `INSERT INTO audit_events (seq, occurred_at, action, actor_type, actor_id, subject_type,
      subject_id, patient_id, ip_address, request_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  )
  // Years after the raw inserts (one an hour from 2031), so the two never meet.
  const base = Date.UTC(2045, 0, 1) + offset * 3_600_000
  let n = 0
  const write = sqlite.transaction(() => {
    const startAt = base + n * 3_600_000
    const endAt = startAt + 30 * 60_000
    const now = Date.now()
    readDraft.get(draftId)
    overlap.get(practitioner.id, endAt, startAt, startAt - 86_400_000)
    const bookingId = crypto.randomUUID()
    insertBooking.run(
      bookingId,
      `RAWHOLD-${offset}-${n}`,
      service.id,
      practitioner.id,
      startAt,
      endAt,
      endAt,
      now + 600_000,
      now,
      now,
    )
    pointDraft.run(bookingId, now, draftId)
    insertEvent.run(crypto.randomUUID(), bookingId, now)
    const last = chainHead.get() as { seq: number; hash: string } | undefined
    const row = {
      seq: (last?.seq ?? 0) + 1,
      occurredAt: now,
      action: 'booking.held',
      actorType: 'patient',
      actorId: null,
      subjectType: 'booking',
      subjectId: bookingId,
      patientId: null,
      ipAddress: '127.0.0.1',
      requestId: 'bench',
      details: JSON.stringify({ fromStatus: null, toStatus: 'held' }),
    }
    const prevHash = last?.hash ?? AUDIT_GENESIS_HASH
    insertAudit.run(
      row.seq,
      row.occurredAt,
      row.action,
      row.actorType,
      row.subjectType,
      row.subjectId,
      row.ipAddress,
      row.requestId,
      row.details,
      prevHash,
      hashAuditRow(prevHash, row),
    )
    n++
  })
  return () => write.immediate()
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
    const session = { tokenHash, verifiedEmail: null, provenBy: null, provenBookingId: null }
    const started = startBookingDraft({ session, serviceId: service.id, now })
    if (!started.ok) throw new Error('could not start a draft')
    return session
  })
  // Each hold is a patient of its own on an address of its own, as over HTTP (load.mjs): the
  // live holds per client IP are limited (ADR 027), and one address holding thousands of slots
  // would be refused, which measures the refusal instead of the hold.
  const actorOf = (i: number) => ({
    type: 'patient' as const,
    ipAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    requestId: 'bench',
  })
  let nextHold = 0
  const failures: Record<string, number> = {}
  const hold = () => {
    const index = nextHold++
    const slot = slots[index]!
    const actor = actorOf(index)
    const result = holdSlot({ session: sessions[index]!, ...slot, now: new Date(), actor })
    if (!result.ok) failures[result.reason] = (failures[result.reason] ?? 0) + 1
  }
  const insert = rawInserter(0)
  // The same-rows baseline holds for its own patient, far in the future.
  const baselineSession = {
    ...createPatientSession(new Date()),
    verifiedEmail: null,
    provenBy: null,
    provenBookingId: null,
  }
  const baselineDraft = startBookingDraft({
    session: baselineSession,
    serviceId: service.id,
    now: new Date(),
  })
  if (!baselineDraft.ok) throw new Error('could not start the baseline draft')
  const draftRow = sqlite
    .prepare('SELECT id FROM booking_drafts WHERE session_token_hash = ?')
    .get(baselineSession.tokenHash) as { id: string }
  const rawHold = rawHoldWriter(0, draftRow.id)
  // Warm the paths up (JIT, statement caches), then rotate which goes first in each round.
  round(insert, 200, 200)
  round(rawHold, 200, 200)
  round(hold, 200, 50)
  const raw: Round[] = []
  const rawHolds: Round[] = []
  const holds: Round[] = []
  const latencies: number[] = []
  // Each round gets its share of the free slots, so a fast hold path cannot use them all up
  // before the last round (a round ends on time or on count; its rate is per elapsed time).
  const perRound = Math.floor((slots.length - nextHold) / config.rounds)
  for (let r = 0; r < config.rounds; r++) {
    const left = () => Math.min(perRound, slots.length - nextHold)
    const runs = [
      () => raw.push(round(insert, config.roundMs, 1_000_000)),
      () => rawHolds.push(round(rawHold, config.roundMs, 1_000_000)),
      () => holds.push(round(hold, config.roundMs, left(), latencies)),
    ]
    for (let i = 0; i < runs.length; i++) runs[(r + i) % runs.length]!()
  }
  console.log(
    JSON.stringify({
      service: config.serviceSlug,
      slotsAvailable: slots.length,
      holdsMade: nextHold,
      failures,
      raw,
      rawHolds,
      holds,
      holdLatencyMs: latencies.length > 0 ? summarize(latencies) : null,
    }),
  )
}
sqlite.close()
