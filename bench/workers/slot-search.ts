// Goal (b): slot search server time on generated databases, run pinned to the server's core.
// Config (argv[2], JSON): { dir, seed, iterations: { full, sweep, common } }. Prints one JSON line.
//
// "Server-side" is the real use case, findAvailableSlots ("any practitioner", the patient's
// default), which reads settings, service, practitioners, hours, exceptions, closures and one
// index range scan per practitioner, then searches. It accepts at most 31 days, so 90 days are
// three 30-day windows, as a client asking for a whole quarter would call it. "Compute" is the
// pure searchSlots over all days in one call, on the same data read beforehand; its
// stats.comparisons is the noise-free work count. Both must offer the very same slots. (The
// search returns its slots as flat arrays; the Slot objects a caller shows are built by
// toDaySlots, which the server path includes and compute does not.)
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { addDays, instantAt } from '#app/domain/shared/calendar.rules.ts'
import { findAvailableSlots } from '#app/domain/availability/availability.server.ts'
import {
  bookingWindow,
  collapseToAnyPractitioner,
  type PractitionerSchedule,
  searchSlots,
  type SlotSearchInput,
  toDaySlots,
} from '#app/domain/availability/slots.rules.ts'
import { type Db, openDatabase } from '#db/client.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import {
  DAY_END_MINUTE,
  DAY_START_MINUTE,
  type DataSpec,
  planBookings,
  SEARCHED_SERVICE_MINUTES,
  STEP_MINUTES,
} from '../lib/slot-data.ts'
import { type Summary, summarize } from '../lib/stats.ts'

type Config = {
  dir: string
  seed: number
  iterations: { full: number; sweep: number; common: number }
}
const config = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Config

const TIME_ZONE = 'Europe/Rome'
/** A Monday; 90 days from here cross the spring daylight-saving change (2027-03-28). */
const FROM_DATE = '2027-01-11'
/** Midnight the day before: with 24 h notice the first bookable start is FROM_DATE 00:00. */
const NOW = instantAt(addDays(FROM_DATE, -1), 0, TIME_ZONE)
const WINDOW_DAYS = 30
const SERVICE_ID = uuid(1)
const LONG_SERVICE_ID = uuid(2)

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
}

function template(): string {
  const file = path.join(config.dir, 'search-template.db')
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  const db = openDatabase(file)
  migrateDatabase(db)
  db.$client.pragma('journal_mode = DELETE')
  db.$client.close()
  return file
}

/** Writes the spec's clinic into a copy of the migrated template with raw prepared inserts. */
function generate(templateFile: string, spec: DataSpec): string {
  const file = path.join(
    config.dir,
    `search-${spec.practitioners}p-${spec.days}d-${spec.bookings}b.db`,
  )
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  fs.copyFileSync(templateFile, file)
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF') // setup only; the measurements reopen with the app's pragmas
  sqlite.pragma('foreign_keys = ON')
  const now = NOW
  let nextId = 1000
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO clinic_settings (id, name, phone, email, address, time_zone, slot_step_minutes,
          min_notice_hours, max_advance_days, hold_minutes, cancellation_window_hours,
          min_days_between_needling, updated_at)
         VALUES ('clinic', 'Benchmark clinic', '+39 02 0000 0000', 'bench@dermadesk.example',
          'Via Benchmark 1, Milano', ?, ?, 24, 180, 10, 48, 28, ?)`,
      )
      .run(TIME_ZONE, STEP_MINUTES, now)
    const insertService = sqlite.prepare(
      `INSERT INTO services (id, slug, name, description, kind, tier, duration_minutes,
        buffer_after_minutes, max_needle_depth_um, course_sessions, course_interval_weeks,
        price_cents, downtime, is_active, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, 'Benchmark service', 'consultation', 'medical', ?, 0, NULL, 1, 0, 5000,
        'None.', 1, 0, ?, ?)`,
    )
    insertService.run(SERVICE_ID, 'bench-30', 'Thirty minutes', SEARCHED_SERVICE_MINUTES, now, now)
    insertService.run(LONG_SERVICE_ID, 'bench-60', 'Sixty minutes', 60, now, now)
    const insertPractitioner = sqlite.prepare(
      `INSERT INTO practitioners (id, user_id, display_name, title, credential, registration,
        max_needle_depth_um, is_active, created_at, updated_at)
       VALUES (?, NULL, ?, 'Doctor', 'medical', 'Benchmark register', 2000, 1, ?, ?)`,
    )
    const insertLink = sqlite.prepare(
      'INSERT INTO practitioner_services (practitioner_id, service_id) VALUES (?, ?)',
    )
    const insertHours = sqlite.prepare(
      `INSERT INTO working_hours (id, practitioner_id, weekday, start_minute, end_minute)
       VALUES (?, ?, ?, ?, ?)`,
    )
    const practitionerIds: string[] = []
    for (let p = 0; p < spec.practitioners; p++) {
      const id = uuid(100_000 + p)
      practitionerIds.push(id)
      insertPractitioner.run(id, `Practitioner ${String(p + 1).padStart(3, '0')}`, now, now)
      insertLink.run(id, SERVICE_ID)
      insertLink.run(id, LONG_SERVICE_ID)
      for (let weekday = 1; weekday <= 7; weekday++)
        insertHours.run(uuid(nextId++), id, weekday, DAY_START_MINUTE, DAY_END_MINUTE)
    }
    const insertPatient = sqlite.prepare(
      `INSERT INTO patients (id, email, full_name, phone, date_of_birth, created_at, updated_at)
       VALUES (?, ?, ?, '+390000000000', '1980-01-01', ?, ?)`,
    )
    const patientIds: string[] = []
    for (let i = 0; i < 200; i++) {
      const id = uuid(200_000 + i)
      patientIds.push(id)
      insertPatient.run(id, `patient${i}@bench.example`, `Patient ${i}`, now, now)
    }
    const insertBooking = sqlite.prepare(
      `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status,
        start_at, end_at, blocked_until, time_zone, hold_expires_at, course_session_number,
        confirmed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?, ?)`,
    )
    planBookings(spec, config.seed).forEach((booking, index) => {
      const startAt = instantAt(addDays(FROM_DATE, booking.day), booking.startMinute, TIME_ZONE)
      const endAt = startAt + booking.durationMinutes * 60_000
      insertBooking.run(
        uuid(1_000_000 + index),
        `DD-B${index.toString(36).toUpperCase().padStart(5, '0')}`,
        booking.durationMinutes === 30 ? SERVICE_ID : LONG_SERVICE_ID,
        practitionerIds[booking.practitioner],
        patientIds[index % patientIds.length],
        booking.status,
        startAt,
        endAt,
        endAt,
        TIME_ZONE,
        booking.status === 'confirmed' ? now : null,
        now,
        now,
      )
    })
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  return file
}

function time(fn: () => unknown, warmup: number, iterations: number): number[] {
  for (let i = 0; i < warmup; i++) fn()
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    fn()
    samples.push(performance.now() - started)
  }
  return samples
}

/** The real use case over `days` days, in windows of at most 30: "any practitioner" slots. */
function serverSearch(db: Db, days: number, practitionerId: string | 'any' = 'any') {
  const slots = []
  for (let offset = 0; offset < days; offset += WINDOW_DAYS) {
    const result = findAvailableSlots(
      {
        serviceId: SERVICE_ID,
        practitionerId,
        fromDate: addDays(FROM_DATE, offset),
        days: Math.min(WINDOW_DAYS, days - offset),
        now: new Date(NOW),
      },
      db,
    )
    for (const day of result.days) slots.push(...day.slots)
  }
  return slots
}

/** The pure search's input, read once with plain SQL (the same rows the use case reads). */
function computeInput(db: Db, days: number): SlotSearchInput {
  const sqlite = db.$client
  const practitioners = sqlite
    .prepare('SELECT id FROM practitioners ORDER BY display_name, id')
    .all() as { id: string }[]
  const hours = sqlite.prepare(
    'SELECT weekday, start_minute AS startMinute, end_minute AS endMinute FROM working_hours WHERE practitioner_id = ?',
  )
  const busy = sqlite.prepare(
    `SELECT start_at AS startAt, blocked_until AS endAt FROM bookings
     WHERE practitioner_id = ? AND status IN ('held', 'pending_review', 'confirmed')
     ORDER BY start_at`,
  )
  const schedules: PractitionerSchedule[] = practitioners.map(({ id }) => ({
    id,
    weekly: hours.all(id) as PractitionerSchedule['weekly'],
    exceptions: [],
    busy: busy.all(id) as PractitionerSchedule['busy'],
  }))
  const window = bookingWindow({
    now: NOW,
    timeZone: TIME_ZONE,
    minNoticeHours: 24,
    maxAdvanceDays: 180,
  })
  return {
    timeZone: TIME_ZONE,
    slotStepMinutes: STEP_MINUTES,
    service: { durationMinutes: SEARCHED_SERVICE_MINUTES, bufferAfterMinutes: 0 },
    fromDate: FROM_DATE,
    days,
    earliestStartAt: window.earliestStartAt,
    latestStartAt: window.latestStartAt,
    closedDates: new Set(),
    practitioners: schedules,
  }
}

type Point = {
  spec: DataSpec
  candidates: number
  busyIntervals: number
  comparisons: number
  slotsOffered: number
  consistent: boolean
  server: Summary
  compute: Summary
}

function measure(file: string, spec: DataSpec, iterations: number): Point {
  const db = openDatabase(file)
  try {
    const input = computeInput(db, spec.days)
    const computed = searchSlots(input)
    const served = serverSearch(db, spec.days)
    // Every practitioner's slots as objects, collapsed the plain way: the server path collapses
    // on its own (toDaySlots with anyPractitioner), so this also checks that shortcut.
    const collapsed = toDaySlots(input, computed).flatMap((day) =>
      collapseToAnyPractitioner(day.slots),
    )
    // Both paths must offer exactly the same slots, or the comparison would mean nothing.
    const consistent =
      collapsed.length === served.length &&
      collapsed.every(
        (slot, i) =>
          slot.startAt === served[i]!.startAt && slot.practitionerId === served[i]!.practitionerId,
      )
    const warmup = Math.max(3, Math.ceil(iterations / 10))
    return {
      spec,
      candidates: computed.stats.candidates,
      busyIntervals: computed.stats.busyIntervals,
      comparisons: computed.stats.comparisons,
      slotsOffered: served.length,
      consistent,
      server: summarize(time(() => serverSearch(db, spec.days), warmup, iterations)),
      compute: summarize(time(() => searchSlots(input), warmup, iterations)),
    }
  } finally {
    db.$client.close()
  }
}

const started = performance.now()
const templateFile = template()
const FULL: DataSpec = { practitioners: 50, days: 90, bookings: 10_000 }
const BASE: DataSpec = { practitioners: 50, days: 90, bookings: 1_000 }
const sweeps = {
  practitioners: [5, 10, 20, 50].map((p) => ({ ...BASE, practitioners: p })),
  days: [9, 18, 36, 90].map((d) => ({ ...BASE, days: d })),
  bookings: [1_000, 2_000, 4_000, 10_000].map((b) => ({ ...BASE, bookings: b })),
}
const files = new Map<string, string>()
const fileFor = (spec: DataSpec) => {
  const key = JSON.stringify(spec)
  let file = files.get(key)
  if (!file) files.set(key, (file = generate(templateFile, spec)))
  return file
}
for (const spec of [FULL, ...Object.values(sweeps).flat()]) fileFor(spec)
const generateMs = performance.now() - started

const full = measure(fileFor(FULL), FULL, config.iterations.full)
const sweepPoints = Object.fromEntries(
  Object.entries(sweeps).map(([dimension, specs]) => [
    dimension,
    specs.map((spec) => measure(fileFor(spec), spec, config.iterations.sweep)),
  ]),
)
// The everyday query: one practitioner, one week, on the big calendar.
const commonDb = openDatabase(fileFor(FULL))
const firstPractitioner = uuid(100_000)
const common = summarize(
  time(() => serverSearch(commonDb, 7, firstPractitioner), 20, config.iterations.common),
)
commonDb.$client.close()

console.log(
  JSON.stringify({
    fromDate: FROM_DATE,
    timeZone: TIME_ZONE,
    seed: config.seed,
    generateMs,
    full,
    sweeps: sweepPoints,
    common,
  }),
)
