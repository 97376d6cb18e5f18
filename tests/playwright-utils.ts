import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { test as base, type BrowserContext, expect, type Page, type Route } from '@playwright/test'
import { createCookie } from '@remix-run/node'
import Database from 'better-sqlite3'
import { readDemoSignIns } from '#db/demo-data.ts'
import { serverNow } from './test-clock.ts'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const E2E_PORT = process.env.E2E_PORT ?? '3101'
/** Files of the server that tests/setup/e2e-server.mjs starts (keyed by port, like the config). */
export const E2E_DB = path.join(ROOT, 'tests', '.db', `e2e-${E2E_PORT}.db`)
export const E2E_LOG = path.join(ROOT, 'test-results', `e2e-server-${E2E_PORT}.log`)
/** The production build sets the __Host- cookie (Secure is allowed on http://localhost). */
export const SESSION_COOKIE = '__Host-dermadesk_session'

export const DEMO_STAFF = {
  doctorAdmin: 'giulia.romano@dermadesk.example',
  nurse: 'marco.bianchi@dermadesk.example',
  aesthetician: 'sofia.conti@dermadesk.example',
  admin: 'elena.greco@dermadesk.example',
  receptionist: 'chiara.conti@dermadesk.example',
} as const
export type DemoStaff = keyof typeof DEMO_STAFF

/**
 * The e2e server's demo staff passwords: generated for its database at seeding, like every
 * install's, and read from the sign-ins file beside it (db/demo-data.ts).
 */
export function demoPassword(email: string): string {
  const signIn = readDemoSignIns(E2E_DB).find((entry) => entry.email === email)
  if (!signIn) throw new Error(`No demo sign-in for ${email} beside ${E2E_DB}`)
  return signIn.password
}

/** The e2e server's database, for arranging data and checking what was (not) written. */
export function openE2eDb() {
  const db = new Database(E2E_DB, { timeout: 5000 })
  db.pragma('foreign_keys = ON')
  return db
}

/**
 * A patient written straight into the e2e database, as tests arrange their own people. A phone and
 * a date of birth are made up when not given; `at` is both creation and update time.
 */
export function insertE2ePatient(
  db: ReturnType<typeof openE2eDb>,
  patient: { id: string; email: string; name: string; phone?: string; dateOfBirth?: string },
  at: number,
) {
  db.prepare(
    `INSERT INTO patients (id, email, full_name, phone, date_of_birth, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    patient.id,
    patient.email,
    patient.name,
    patient.phone ?? '+390212345678',
    patient.dateOfBirth ?? '1988-03-14',
    at,
    at,
  )
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A random start 120–300 days after `now`, on a five-minute step of the day: far from the days
 * other tests use, but another test's random booking can still meet it (insertE2eBooking then
 * draws again).
 */
export function farFutureStart(now: number, days: [number, number] = [120, 300]): number {
  return (
    Math.floor((now + randomInt(days[0], days[1]) * DAY_MS) / DAY_MS) * DAY_MS +
    randomInt(0, 60) * 300_000
  )
}

/**
 * A confirmed booking written straight into the e2e database with Marco Bianchi (or the given
 * practitioner) for the medical face service (or the given one). `startAt` may be a function: a
 * drawn time that meets another test's booking for the same practitioner (the database refuses
 * it with booking_overlap) is then drawn again. Returns the booking's ids, time and service.
 */
export function insertE2eBooking(
  db: ReturnType<typeof openE2eDb>,
  booking: {
    patientId: string
    startAt: number | (() => number)
    now: number
    id?: string
    reference?: string
    serviceSlug?: string
    practitionerName?: string
    courseSessionNumber?: number
  },
) {
  const service = db
    .prepare('SELECT id, duration_minutes AS duration FROM services WHERE slug = ?')
    .get(booking.serviceSlug ?? 'medical-face') as { id: string; duration: number }
  const practitioner = db
    .prepare('SELECT id FROM practitioners WHERE display_name = ?')
    .get(booking.practitionerName ?? 'Marco Bianchi') as { id: string }
  const id = booking.id ?? randomUUID()
  const reference = booking.reference ?? `DD-${randomBytes(3).toString('hex').toUpperCase()}`
  const insert = db.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
       end_at, blocked_until, time_zone, course_session_number, confirmed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, 'Europe/Rome', ?, ?, ?, ?)`,
  )
  const draw = booking.startAt
  for (let attempt = 0; ; attempt += 1) {
    const startAt = typeof draw === 'function' ? draw() : draw
    const endAt = startAt + service.duration * 60_000
    try {
      insert.run(
        id,
        reference,
        service.id,
        practitioner.id,
        booking.patientId,
        startAt,
        endAt,
        endAt,
        booking.courseSessionNumber ?? 1,
        booking.now,
        booking.now,
        booking.now,
      )
      return {
        id,
        reference,
        startAt,
        endAt,
        serviceId: service.id,
        practitionerId: practitioner.id,
      }
    } catch (error) {
      const again =
        typeof draw === 'function' && attempt < 20 && String(error).includes('booking_overlap')
      if (!again) throw error
    }
  }
}

/**
 * Health answers written straight into the e2e database for a booking, as the wizard stores them
 * (its first version), under the newest screening rule set. `answers` is the stored JSON's
 * object: tests that only need answers to exist pass `{}`.
 */
export function insertE2eScreening(
  db: ReturnType<typeof openE2eDb>,
  submission: {
    patientId: string
    bookingId: string
    submittedAt: number
    answers: object
    outcome?: string
  },
) {
  const ruleSet = db
    .prepare('SELECT id, version FROM screening_rule_sets ORDER BY version DESC LIMIT 1')
    .get() as { id: string; version: number }
  db.prepare(
    `INSERT INTO screening_submissions (id, questionnaire_version, rule_set_id, rule_set_version,
       answers, outcome, wait_until, findings, source, patient_id, booking_id, booking_version,
       submitted_at)
     VALUES (?, 1, ?, ?, ?, ?, NULL, '[]', 'booking', ?, ?, 1, ?)`,
  ).run(
    randomUUID(),
    ruleSet.id,
    ruleSet.version,
    JSON.stringify(submission.answers),
    submission.outcome ?? 'eligible',
    submission.patientId,
    submission.bookingId,
    submission.submittedAt,
  )
}

/**
 * Axe on the page as it is now: WCAG 2.0–2.2 A and AA rules. Every test calls this on every
 * page it visits. A page state already found clean in this run (the same markup but for the
 * words and values in it: another patient's name, another day) is not checked again.
 */
export async function expectAccessible(page: Page) {
  const state = pageState(await page.content(), page.viewportSize(), javaScriptIsOn())
  if (cleanPageStates.has(state)) return
  const results = javaScriptIsOn() ? await runAxe(page) : await runAxeOnCopy(page)
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
  cleanPageStates.add(state)
}

/** Page states axe found clean in this worker. */
const cleanPageStates = new Set<string>()

/** Attributes that carry data (names, dates, links, form values), not structure or styling. */
const DATA_ATTRIBUTES =
  /\s(nonce|value|href|action|content|datetime|src|srcset|placeholder|min|max|aria-label|title|alt|data-[\w-]+)="[^"]*"/g

/**
 * A fingerprint of what axe judges: the markup with its text and data attributes reduced to
 * whether they are there. Tags, classes, roles, ids, label links and ARIA states stay, so any
 * change of structure or styling is a new state, and empty text still differs from some text.
 */
export function pageState(
  html: string,
  viewport: { width: number; height: number } | null,
  javaScript: boolean,
): string {
  const structure = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style>')
    .replace(DATA_ATTRIBUTES, (_all, name: string) => ` ${name}=${_all.endsWith('=""') ? '' : 'V'}`)
    .replace(/>([^<]*)</g, (_all, text: string) => (text.trim() ? '>T<' : '><'))
  return createHash('sha256')
    .update(`${viewport?.width}x${viewport?.height}:${javaScript}:${structure}`)
    .digest('base64url')
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

function runAxe(page: Page) {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
}

function javaScriptIsOn() {
  return test.info().project.use.javaScriptEnabled !== false
}

/**
 * Axe is JavaScript, so it cannot run in a page with JavaScript off. Check the same markup and
 * styles instead: copy the page (without its scripts) into a JavaScript-enabled page on the
 * same origin, so that the stylesheets load and colour contrast is judged as the user sees it.
 * One copy page serves all the checks of a test (it lives as long as the test's own browser
 * context): a new context per check cost about a second each, and a test checks 20 pages.
 */
async function runAxeOnCopy(page: Page) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  const copy = await copyPageFor(page)
  const url = page.url()
  // Serve the copied markup for the page's own address; stylesheets come from the real server.
  const serveCopy = (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html })
  const exactly = (candidate: URL) => candidate.href === url
  await copy.route(exactly, serveCopy)
  try {
    await copy.goto(url)
    return await runAxe(copy)
  } finally {
    await copy.unroute(exactly, serveCopy)
  }
}

/** The copy pages of the running test, one per page checked; closed when the test ends. */
const copyPages = new Map<Page, Promise<{ context: BrowserContext; page: Page }>>()

async function copyPageFor(page: Page): Promise<Page> {
  let copy = copyPages.get(page)
  if (!copy) {
    copy = (async () => {
      const browser = page.context().browser()
      if (!browser) throw new Error('No browser for the accessibility copy')
      const context = await browser.newContext({
        viewport: page.viewportSize(),
        javaScriptEnabled: true,
      })
      return { context, page: await context.newPage() }
    })()
    copyPages.set(page, copy)
  }
  return (await copy).page
}

async function closeCopyPages() {
  const copies = [...copyPages.values()]
  copyPages.clear()
  for (const copy of copies) await (await copy).context.close()
}

/**
 * A staff session for a demo user, written into the e2e database as the sign-in would write it
 * (only the token's SHA-256 stored, times on the server's clock), and its cookie set in the
 * browser context. Faster than the form post, and no sign-in throttle to share between tests.
 */
export async function signInAs(context: BrowserContext, who: DemoStaff) {
  const db = openE2eDb()
  const user = db.prepare('SELECT id FROM users WHERE email = ?').get(DEMO_STAFF[who]) as
    { id: string } | undefined
  if (!user) throw new Error(`No demo user ${who}`)
  // Every test starts from the demo's staff, who have chosen no language: a test that chooses
  // one (the profile page, or the switch, which saves it) must not change another test's pages.
  db.prepare('UPDATE users SET locale = NULL WHERE id = ?').run(user.id)
  db.close()
  await signInAsUser(context, user.id)
}

/** A password-level staff session for any account (one a test made itself, for instance). */
export async function signInAsUser(context: BrowserContext, userId: string) {
  const token = randomBytes(32).toString('base64url')
  const now = serverNow().getTime()
  const db = openE2eDb()
  db.prepare(
    `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, absolute_expires_at, auth_level)
     VALUES (?, ?, ?, ?, ?, 'password')`,
  ).run(createHash('sha256').update(token).digest('hex'), userId, now, now, now + 12 * 3600_000)
  db.close()
  const serialized = await createCookie(SESSION_COOKIE).serialize(token)
  const value = serialized.slice(SESSION_COOKIE.length + 1, serialized.indexOf(';'))
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value,
      // An https URL: Chromium refuses a Secure __Host- cookie set for http, and sends it to
      // http://localhost anyway (localhost counts as a secure origin).
      url: `https://localhost:${E2E_PORT}`,
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
    },
  ])
}

let clients = 0

/**
 * A client address of this test's own: the server trusts X-Forwarded-For in the end-to-end run,
 * so the limits per client IP (holds, email codes) count each test apart. Unique per worker
 * process and test; 10.x.y.z is never a real client here.
 */
export function uniqueClientIp(): string {
  clients += 1
  return `10.${process.pid % 250}.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`
}

export const test = base.extend<{
  /**
   * Signs a demo staff member in, in this browser context, by writing their session (the sign-in
   * forms themselves are covered by tests/e2e/staff-sign-in.test.ts and staff-mfa.test.ts).
   */
  login: (who: DemoStaff) => Promise<void>
  /** Closes the accessibility checks' copy pages when the test ends. */
  accessibilityCopies: void
}>({
  accessibilityCopies: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test asks for from this pattern
    async ({}, use) => {
      await use()
      await closeCopyPages()
    },
    { auto: true },
  ],
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, 'X-Forwarded-For': uniqueClientIp() })
  },
  login: async ({ context }, use) => {
    await use((who) => signInAs(context, who))
  },
})

export { expect }

/**
 * English words that Italian never uses: one on an Italian page is a sentence left untranslated.
 * Email addresses and links are left out (their words are not the page's).
 */
const ENGLISH_WORDS = /\b(the|your|you|please|with|and|this|that|will|we|our|from|here)\b/i
/** A catalogue key shown instead of its message: camelCase or dotted ("findHeading", "status.held"). */
const CATALOGUE_KEY = /\b(?:[a-z]+[A-Z][A-Za-z]*|[a-z]+(?:\.[a-z_]+)+)\b/

/** Fails with the offending lines when an Italian page shows English or a catalogue key. */
export async function expectNoEnglish(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')
  const lines = (await page.locator('body').innerText())
    .split('\n')
    .map((line) =>
      line
        .replace(/\S+@\S+/g, '')
        .replace(/https?:\/\/\S+/g, '')
        .trim(),
    )
    .filter(Boolean)
  const english = lines.filter((line) => ENGLISH_WORDS.test(line))
  const keys = lines.filter((line) => CATALOGUE_KEY.test(line))
  expect({ english, keys }, `on ${page.url()}`).toEqual({ english: [], keys: [] })
}
