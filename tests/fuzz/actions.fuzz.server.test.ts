import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { submitDraftScreening } from '#app/domain/booking/wizard/draft-screening.server.ts'
import { saveDraftDetails } from '#app/domain/booking/wizard/details.server.ts'
import { startBookingDraft } from '#app/domain/booking/wizard/draft.server.ts'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { verifyBookingEmail } from '#app/domain/booking/wizard/verify.server.ts'
import { hashSessionToken } from '#app/domain/auth/sessions.server.ts'
import { serializeSessionCookie } from '#app/utils/auth.server.ts'
import { getDb } from '#db/client.server.ts'
import { sessions } from '#db/schema/index.ts'
import { ensurePatientSession } from '#app/utils/patient-session.server.ts'
import {
  CLEAR_ANSWERS,
  latestCodeSentTo,
  patientActor,
  serviceIdBySlug,
} from '#tests/support/booking-fixtures.ts'
import { enrol, passwordStep } from '#tests/support/mfa-fixtures.ts'
import {
  buildWorld,
  callAction,
  firstFreeSlotAfter,
  type Outcome,
  requestTarget,
  type Role,
  ROLES,
  routeIdOf,
  type RouteModule,
  tableDigests,
  type World,
} from '#tests/support/route-fixtures.ts'
import { ROUTE_POLICY } from '#tests/access/route-policy.ts'

/**
 * Security goals C3 and D1 as properties: every route action (found on disk) gets malformed,
 * oversized and hostile form bodies from a caller who is allowed to use it. Whatever arrives, the
 * action answers with a Response (never a thrown error), never 5xx, and the database is exactly
 * as before (a SHA-256 of every table's rows), apart from the exceptions listed below.
 */
const MODULES = import.meta.glob<RouteModule>('../../app/routes/*.{ts,tsx}')

/** Wizard browsers at a given step, and a staff member between password and second factor. */
type Caller =
  | Role
  | 'wizard:screening'
  | 'wizard:details'
  | 'wizard:verify'
  | 'wizard:consent'
  | 'staff:pending'
  | 'staff:tablet'

/**
 * Who fuzzes an action when the access policy's 'allow' cells are not the right caller. The
 * default is every role the policy allows, preferring patient A over anonymous for public forms.
 */
const FUZZ_AS: Record<string, Caller[]> = {
  'book.screening.questions': ['wizard:screening'],
  'book.details': ['wizard:details'],
  'book.verify': ['wizard:verify'],
  'book.consent': ['wizard:consent'],
  'login_.verify': ['staff:pending'],
  // With a session, signing out ends it whatever the form says: that is its job.
  logout: ['anonymous'],
  login: ['anonymous'],
  // The catch-all 404 page: nobody "may" use it, everybody gets it.
  $: ['anonymous'],
  // The unlock form of a clinic tablet (ADR 045) works only on a locked staff session.
  'tablet._index': ['staff:tablet'],
  // Sends everyone to the tablet's page: nothing to post to.
  'tablet.return': ['anonymous'],
  // The language switch answers every body with a redirect; a signed-in staff member is the one
  // whose profile it may change.
  language: ['clinician'],
  // The waitlist's emailed links: whoever holds the token (ADR 044); the fuzz holds none.
  'waitlist.confirm': ['anonymous'],
  'waitlist.offer': ['anonymous'],
}

/**
 * Tables a REJECTED attempt may change, per action, and why. Everything else must stay as it was.
 */
const MAY_CHANGE: Record<string, Record<string, string>> = {
  language: {
    users: 'a body that happens to name a real language saves it as the profile language',
    audit_events: 'that change of profile language is audited',
  },
  'admin.audit': {
    audit_events:
      'its whole form is intent=verify (no other input), which the fuzz sends; each chain check is itself audited',
  },
  'staff.security': {
    // A wrong password when confirming "turn off two-step sign-in" or "new recovery codes" is
    // refused, and must still count towards the attempt limit and be audited (goals A3, E1).
    sign_in_throttles: 'a wrong re-entered password counts towards the attempt limit',
    audit_events: 'a wrong re-entered password is a security event',
  },
  'bookings.$reference.privacy-request': {
    // A second request of a kind already open (or an erasure after one was done) is refused, and
    // the refusal is audited (issue 19: "refused with a clear message, audited, nothing deleted").
    audit_events: 'a refused second request is audited',
  },
  'tablet._index': {
    // A wrong password on a locked tablet counts and is audited exactly like one at sign-in.
    sign_in_throttles: 'a wrong unlock password counts towards the attempt limit',
    audit_events: 'a wrong unlock password is a security event',
  },
}

/**
 * Columns no digest looks at: the sessions' last-seen time is written by any request (at most
 * once a minute) to run the idle timeout (goal B3), whether the form was good or not.
 */
const IGNORED_COLUMNS = { sessions: ['last_seen_at'], patient_sessions: ['last_seen_at'] }

/**
 * Rows a rejected attempt may add anywhere: an admin change that would strand bookings is refused
 * with the list of those bookings, and showing that list (patient names) is a view that must be
 * audited (goal E2). Whether a fuzzed change strands a booking depends on what earlier accepted
 * bodies and the clock did, so this is allowed for every action, not listed per action.
 */
const IGNORED_ROWS = { audit_events: "action = 'admin.stranded_bookings.shown'" }

function callersOf(id: string): Caller[] {
  if (FUZZ_AS[id]) return FUZZ_AS[id]
  const row = ROUTE_POLICY[id]?.action
  if (!row || row === 'no-handler') return []
  const allowed = ROLES.filter((role) => row[role] === 'allow')
  if (allowed.includes('patientA')) return ['patientA']
  return allowed
}

// Field names and literal values the app's schemas use, so bodies reach past the first check.
const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../app/domain')
const schemaSources = fs
  .readdirSync(SCHEMA_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.schema.ts'))
  .map((file) => fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'))
  .join('\n')
const FIELD_NAMES = [
  ...new Set([...schemaSources.matchAll(/^\s+([A-Za-z_]\w*): z\b/gm)].map((m) => m[1]!)),
]
const LITERALS = [
  ...new Set([...schemaSources.matchAll(/z\.literal\('([^']+)'\)/g)].map((m) => m[1]!)),
]

const INTENTS = [
  ...new Set([...schemaSources.matchAll(/intent: z\.literal\('([^']+)'\)/g)].map((m) => m[1]!)),
]

const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  "'; DROP TABLE bookings; --",
  'Robert"); DELETE FROM audit_events; --',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  '\r\n{"level":"info","msg":"forged"}',
  '\u0007\u001b[31m\u0008',
  '\uFEFF',
  '\uD800',
  '../../../etc/passwd',
  '%00',
  '${7*7}{{7*7}}',
  '💉🧴👩🏽‍⚕️',
  'e\u0301',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '2026-02-30',
  'true',
  'null',
  'undefined',
  '[]',
  '{"__proto__":{"admin":true}}',
  ' ',
  '',
]

/** Mass assignment (goal C3): fields no form has, with values that would matter. */
function injectedFields(world: World): [string, string][] {
  return [
    ['status', 'confirmed'],
    ['outcome', 'eligible'],
    ['eligibility', 'approved'],
    ['eligibilityDecision', 'approved'],
    ['patientId', world.params.bookingId!],
    ['practitionerId', world.params.practitionerId!],
    ['bookingId', world.params.bookingId!],
    ['reference', world.params.reference!],
    ['role', 'admin'],
    ['roles', 'admin'],
    ['verifiedEmail', world.patientA.email],
    ['__proto__', 'polluted'],
    ['__proto__[admin]', 'true'],
    ['constructor[prototype][admin]', 'true'],
    ['prototype', 'x'],
  ]
}

type Encoding = 'urlencoded' | 'multipart' | 'json' | 'text' | 'none' | 'broken'

function encode(
  fields: [string, string][],
  encoding: Encoding,
): { body: BodyInit; type: string | null } {
  switch (encoding) {
    case 'urlencoded':
      return {
        body: new URLSearchParams(fields).toString(),
        type: 'application/x-www-form-urlencoded',
      }
    case 'multipart': {
      const form = new FormData()
      for (const [key, value] of fields) form.append(key, value)
      return { body: form, type: null } // the Request sets the boundary
    }
    case 'json':
      return { body: JSON.stringify(Object.fromEntries(fields)), type: 'application/json' }
    case 'text':
      return { body: fields.map(([k, v]) => `${k}=${v}`).join('\n'), type: 'text/plain' }
    case 'none':
      return { body: new URLSearchParams(fields).toString(), type: null }
    case 'broken':
      return {
        body: `%E0%A4%A&=&&==%${new URLSearchParams(fields).toString()}%ZZ`,
        type: 'multipart/form-data; boundary=nothing-like-this',
      }
  }
}

function bodyArbitrary(world: World) {
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        'hasOwnProperty',
      ),
    },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  )
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 3, arbitrary: fc.constantFrom(...LITERALS) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(world.params)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  )
  const intent = fc.option(
    fc.constantFrom(...LITERALS).map((v): [string, string] => ['intent', v]),
    {
      nil: undefined,
    },
  )
  return fc.record({
    intent,
    fields: fc.array(fc.tuple(key, value), { maxLength: 25 }),
    injected: fc.subarray(injectedFields(world)),
    encoding: fc.constantFrom<Encoding>(
      'urlencoded',
      'urlencoded',
      'urlencoded',
      'multipart',
      'json',
      'text',
      'none',
      'broken',
    ),
  })
}

/**
 * Bodies sent once to every action: oversized ones, and Object's own names as field names under
 * every intent the schemas know (so each branch of a discriminated union meets them; random
 * sampling alone found the "toString" crash only now and then).
 */
function fixedBodies(): { name: string; fields: [string, string][] }[] {
  return [
    ...INTENTS.map((intent): { name: string; fields: [string, string][] } => ({
      name: `Object's names under intent=${intent}`,
      fields: [
        ['intent', intent],
        ...['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__', 'prototype'].map(
          (key): [string, string] => [key, '<b>nul\u0000</b>'],
        ),
      ],
    })),
    {
      name: '1 MB field',
      fields: [
        ['intent', 'x'],
        ['name', 'x'.repeat(1024 * 1024)],
      ],
    },
    {
      name: '10,000 fields',
      fields: Array.from({ length: 10_000 }, (_, i) => [`f${i}`, String(i)]),
    },
    {
      name: '10,000 duplicated keys',
      fields: Array.from({ length: 10_000 }, () => ['intent', 'cancel']),
    },
  ]
}

type FuzzWorld = World & { callerCookies: Record<Caller, string | null> }

/** A booking wizard browser with a treatment draft taken as far as `step`. */
async function wizardCookie(
  step: 'screening' | 'details' | 'verify' | 'consent',
  world: World,
  n: number,
) {
  const { session, setCookie } = await ensurePatientSession(new Request('http://localhost/'))
  const now = world.now
  const slug = 'medical-face'
  if (!startBookingDraft({ session, serviceId: serviceIdBySlug(slug), now }).ok)
    throw new Error('draft')
  const email = `wizard-${step}@example.com`
  if (step !== 'screening') {
    const screened = submitDraftScreening({
      session,
      answers: CLEAR_ANSWERS,
      now,
      actor: patientActor,
    })
    if (!screened.ok) throw new Error(screened.reason)
    const held = holdSlot({
      session,
      ...firstFreeSlotAfter(world, slug, 6 + 2 * n),
      now,
      actor: patientActor,
    })
    if (!held.ok) throw new Error(held.reason)
  }
  if (step === 'verify' || step === 'consent') {
    const details = {
      fullName: 'Paola Ricci',
      email,
      phone: '+393331112223',
      dateOfBirth: CLEAR_ANSWERS.dateOfBirth,
    }
    if (!saveDraftDetails({ session, details, now, actor: patientActor }).ok)
      throw new Error('details')
  }
  if (step === 'consent') {
    const verified = verifyBookingEmail({
      session,
      code: latestCodeSentTo(email),
      now,
      actor: patientActor,
    })
    if (!verified.ok) throw new Error('verify')
  }
  return setCookie!.split(';')[0]!
}

async function fuzzWorld(callers: Set<Caller>): Promise<FuzzWorld> {
  const world = await buildWorld()
  const callerCookies = { ...world.cookies } as Record<Caller, string | null>
  const steps = ['screening', 'details', 'verify', 'consent'] as const
  for (const [n, step] of steps.entries())
    if (callers.has(`wizard:${step}`))
      callerCookies[`wizard:${step}`] = await wizardCookie(step, world, n)
  if (callers.has('staff:pending')) {
    await enrol('sofia.conti@dermadesk.example')
    const pending = await passwordStep('sofia.conti@dermadesk.example')
    callerCookies['staff:pending'] = (await serializeSessionCookie(pending.sessionToken)).split(
      ';',
    )[0]!
  }
  if (callers.has('staff:tablet')) {
    // A staff session locked as a clinic tablet for the world's booking (ADR 045).
    const locked = await passwordStep('giulia.romano@dermadesk.example')
    getDb()
      .update(sessions)
      .set({ tabletBookingId: world.params.bookingId!, tabletLockedAt: new Date() })
      .where(eq(sessions.tokenHash, hashSessionToken(locked.sessionToken)))
      .run()
    callerCookies['staff:tablet'] = (await serializeSessionCookie(locked.sessionToken)).split(
      ';',
    )[0]!
  }
  return { ...world, callerCookies }
}

/**
 * A redirect is how an action says "done" (Post/Redirect/Get). Anything else (a 4xx, or a 200
 * that re-renders the form with its errors) is a rejection, which must change nothing.
 */
function accepted(outcome: Outcome) {
  return outcome.status >= 300 && outcome.status < 400
}

/** What goal C3 protects: who a booking belongs to, its status, screening outcomes, staff roles. */
function protectedColumns() {
  const client = getDb().$client
  return {
    bookings: new Map(
      (
        client.prepare('SELECT id, patient_id, status FROM bookings').all() as {
          id: string
          patient_id: string | null
          status: string
        }[]
      ).map((row) => [row.id, row]),
    ),
    outcomes: new Map(
      (
        client.prepare('SELECT id, outcome FROM screening_submissions').all() as {
          id: string
          outcome: string
        }[]
      ).map((row) => [row.id, row.outcome]),
    ),
    roles: JSON.stringify(client.prepare('SELECT * FROM user_roles ORDER BY 1, 2').all()),
  }
}

function protectedColumnChanges(before: ReturnType<typeof protectedColumns>): string[] {
  const after = protectedColumns()
  const changes: string[] = []
  for (const [id, row] of before.bookings) {
    const now = after.bookings.get(id)!
    if (now.patient_id !== row.patient_id) changes.push(`booking ${id} changed patient`)
    if (now.status !== row.status && now.status === 'confirmed' && row.status !== 'held')
      changes.push(`booking ${id} became confirmed from ${row.status}`)
  }
  for (const [id, outcome] of before.outcomes)
    if (after.outcomes.get(id) !== outcome) changes.push(`screening ${id} outcome changed`)
  if (after.roles !== before.roles) changes.push('staff roles changed')
  return changes
}

const stats = { accepted: 0, rejected: 0 }

function digest(id: string) {
  return tableDigests(new Set(Object.keys(MAY_CHANGE[id] ?? {})), IGNORED_COLUMNS, IGNORED_ROWS)
}

function describeOutcome(outcome: Outcome) {
  if (outcome.error)
    return `threw ${outcome.error instanceof Error ? outcome.error.stack : String(outcome.error)}`
  return `status ${outcome.status}`
}

const ACTIONS = await Promise.all(
  Object.entries(MODULES).map(async ([file, load]) => ({ id: routeIdOf(file), mod: await load() })),
).then((all) => all.filter(({ mod }) => mod.action))

const RUNS = Number(process.env.FUZZ_RUNS ?? 20)
/** FUZZ_SEED=<the seed fast-check printed> replays a failure. */
const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}

afterAll(() => {
  // How many generated bodies were valid forms (checked for mass assignment) or rejected.
  console.info(`action fuzz: ${stats.rejected} rejected bodies, ${stats.accepted} accepted`)
})

test('every action has a caller to fuzz it as', () => {
  const without = ACTIONS.filter(({ id }) => callersOf(id).length === 0).map(
    ({ id }) =>
      `${id}: no caller may use this action; give it one in FUZZ_AS (tests/fuzz/actions.fuzz.server.test.ts) or fix its row in tests/access/route-policy.ts`,
  )
  expect(without).toEqual([])
})

/** Each group shares one world (built once); a rejected body changes nothing, so that is safe. */
const GROUPS: [string, (id: string) => boolean][] = [
  ['admin console', (id) => id.startsWith('admin.')],
  [
    'staff area and sign-in',
    (id) => id.startsWith('staff.') || id.startsWith('login') || id === 'logout',
  ],
  ['booking wizard', (id) => id.startsWith('book.')],
  [
    'patient bookings and other public forms',
    (id) => !/^(admin\.|staff\.|login|logout$|book\.)/.test(id),
  ],
]

describe.each(GROUPS)('fuzz: %s', (_name, inGroup) => {
  const actions = ACTIONS.filter(({ id }) => inGroup(id))
  test('malformed, oversized and hostile bodies: a Response below 500 and no database change', async () => {
    const callers = new Set(actions.flatMap(({ id }) => callersOf(id)))
    const world = await fuzzWorld(callers)
    expect(actions.length).toBeGreaterThan(0)
    for (const { id, mod } of actions) {
      const target = requestTarget(id, world)
      for (const caller of callersOf(id)) {
        const cookie = world.callerCookies[caller]
        const check = async (fields: [string, string][], encoding: Encoding, what: string) => {
          const before = digest(id)
          const guarded = protectedColumns()
          const { body, type } = encode(fields, encoding)
          const outcome = await callAction(mod, target, cookie, body, type)
          const where = `${id} as ${caller} (${what}, ${encoding})`
          expect(outcome.error, `${where}: ${describeOutcome(outcome)}`).toBeUndefined()
          expect(outcome.status, `${where}: ${describeOutcome(outcome)}`).toBeLessThan(500)
          if (accepted(outcome)) {
            // A body that happens to be a valid form (e.g. intent=cancel) may do its job, but
            // the injected fields must not land (goal C3).
            stats.accepted += 1
            expect(protectedColumnChanges(guarded), `${where}: mass assignment`).toEqual([])
          } else {
            stats.rejected += 1
            expect(digest(id), `${where} changed the database`).toEqual(before)
          }
        }
        for (const { name, fields } of fixedBodies()) await check(fields, 'urlencoded', name)
        await fc.assert(
          fc.asyncProperty(bodyArbitrary(world), async ({ intent, fields, injected, encoding }) => {
            await check(
              [...(intent ? [intent] : []), ...fields, ...injected],
              encoding,
              'generated',
            )
          }),
          { numRuns: RUNS, ...SEED },
        )
      }
    }
  }, 120_000)
})
