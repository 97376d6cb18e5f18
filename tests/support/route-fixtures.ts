import { createHash } from 'node:crypto'
import { type ActionFunction, type LoaderFunction } from '@remix-run/node'
import { and, eq, isNotNull } from 'drizzle-orm'
import { findAvailableSlots } from '#app/domain/availability/availability.server.ts'
import { getCurrentPrivacyNotice } from '#app/domain/privacy/privacy-notice.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { startBookingDraft } from '#app/domain/booking/wizard/draft.server.ts'
import { setPractitionerPhoto } from '#app/domain/clinic/practitioner-photo.server.ts'
import { addClinicalPhoto } from '#app/domain/photos/clinical-photos.server.ts'
import { proveSessionEmail } from '#app/domain/patient/patient-sessions.server.ts'
import { serializeSessionCookie } from '#app/utils/auth.server.ts'
import { ensurePatientSession, patientSessionCookie } from '#app/utils/patient-session.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  bookings,
  consentDocumentVersions,
  consentRecords,
  emailOutbox,
  privacyRequests,
  practitioners,
  services,
  users,
} from '#db/schema/index.ts'
import {
  bookForPatient,
  firstFreeSlot,
  PATIENT,
  serviceIdBySlug,
} from '#tests/support/booking-fixtures.ts'
import { plainPng } from '#tests/support/image-fixtures.ts'
import { passwordStep } from '#tests/support/mfa-fixtures.ts'

/**
 * Helpers for the proof suites that call every route module directly (the access-control
 * matrix and the action fuzz): the six callers, a world with real records for the path
 * params, and one way to call a loader or action and read what it did.
 */

export type RouteModule = { loader?: LoaderFunction; action?: ActionFunction }

export const ROLES = [
  'anonymous',
  'patientA',
  'patientB',
  'clinician',
  'admin',
  'reception',
] as const
export type Role = (typeof ROLES)[number]

/** The demo users behind the staff roles: one role each, so a 403 cannot hide behind the other. */
export const CLINICIAN_EMAIL = 'marco.bianchi@dermadesk.example'
export const ADMIN_EMAIL = 'elena.greco@dermadesk.example'
export const RECEPTION_EMAIL = 'chiara.conti@dermadesk.example'

export const PATIENT_B = {
  fullName: 'Luca Ferrari',
  email: 'luca.ferrari@example.com',
  phone: '+393339876543',
  dateOfBirth: '1990-07-02',
} as const

export type World = {
  now: Date
  /** The Cookie header each caller sends (null: none). */
  cookies: Record<Role, string | null>
  /** Real ids for every path param a route may have. */
  params: Record<string, string>
  /** Patient A's booking, owned by patientA. */
  booking: { id: string; reference: string }
  patientA: { tokenHash: string; email: string }
  patientB: { tokenHash: string; email: string }
}

/** A patient browser that has proved it reads `email` (as after "find my booking" + code). */
async function verifiedPatientCookie(email: string) {
  const { session } = await ensurePatientSession(new Request('http://localhost/'))
  const proven = getDb().transaction(
    (tx) => proveSessionEmail(tx, session, { email, provenBy: 'email_code' }, new Date()),
    { behavior: 'immediate' },
  )
  const setCookie = await patientSessionCookie(proven.token)
  return { cookie: setCookie.split(';')[0]!, tokenHash: proven.session.tokenHash }
}

async function staffCookie(email: string) {
  const signedIn = await passwordStep(email)
  if (signedIn.nextStep !== 'done') throw new Error(`${email} is not fully signed in`)
  return (await serializeSessionCookie(signedIn.sessionToken)).split(';')[0]!
}

/**
 * The demo clinic plus: patient A with a booked needling treatment (screened, consent signed) and
 * a browser that proved A's email and has started a new draft (so wizard pages have a caller
 * who may see them); patient B with a booking of their own and a browser that proved B's email;
 * a clinician (no admin role) and an admin (no clinician role) signed in with the password
 * (two-factor is not required outside production unless REQUIRE_STAFF_MFA is set).
 */
export async function buildWorld(now = new Date()): Promise<World> {
  const db = getDb()
  // Four days ahead: outside the 48-hour cancellation window, so A may still move or cancel it.
  const slotA = firstFreeSlot('medical-face', new Date(now.getTime() + 4 * 24 * 3600_000))
  const a = await bookForPatient('medical-face', slotA, now)
  const slotB = firstFreeSlot('skin-boost', new Date(slotA.startAt + 24 * 3600_000))
  await bookForPatient('skin-boost', slotB, now, PATIENT_B)

  const cookieA = await verifiedPatientCookie(PATIENT.email)
  const draft = startBookingDraft({
    session: {
      tokenHash: cookieA.tokenHash,
      verifiedEmail: PATIENT.email,
      provenBy: 'email_code',
      provenBookingId: null,
    },
    serviceId: serviceIdBySlug('consultation'),
    now,
  })
  if (!draft.ok) throw new Error('could not start a draft for patient A')
  const cookieB = await verifiedPatientCookie(PATIENT_B.email)

  const booking = db
    .select({ id: bookings.id, reference: bookings.reference, patientId: bookings.patientId })
    .from(bookings)
    .where(eq(bookings.reference, a.reference))
    .get()!
  const email = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.bookingId, booking.id), isNotNull(emailOutbox.icsContent)))
    .get()
  if (!email) throw new Error('patient A has no booking email with a calendar file')
  // The published version A signed for this booking.
  const version = db
    .select({ id: consentDocumentVersions.id })
    .from(consentRecords)
    .innerJoin(
      consentDocumentVersions,
      eq(consentDocumentVersions.id, consentRecords.documentVersionId),
    )
    .where(eq(consentRecords.bookingId, booking.id))
    .get()!
  const practitioner = db.select({ id: practitioners.id }).from(practitioners).get()!
  const service = db.select({ id: services.id }).from(services).get()!
  const portrait = await setPractitionerPhoto(practitioner.id, await plainPng(), {
    userId: 'route-matrix',
    ipAddress: null,
    requestId: null,
  })
  if (!portrait.ok) throw new Error(`The route matrix's portrait was refused: ${portrait.reason}`)
  // A clinical photo of A's visit (A's consent says yes to clinical photos).
  const clinicianId = db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, CLINICIAN_EMAIL))
    .get()!.id
  const photo = await addClinicalPhoto({
    bookingId: booking.id,
    patientId: booking.patientId!,
    area: 'cheeks',
    view: 'front',
    stage: 'before',
    marketingUse: false,
    upload: await plainPng({ width: 64, height: 64 }),
    actor: { userId: clinicianId, ipAddress: null, requestId: null },
    now,
  })
  if (!photo.ok) throw new Error(`The route matrix's clinical photo was refused: ${photo.reason}`)

  // A privacy request of A's, for the admin's request page.
  const privacyRequest = db
    .insert(privacyRequests)
    .values({
      patientId: booking.patientId!,
      bookingId: booking.id,
      kind: 'correction',
      details: 'My phone number is wrong.',
      dueAt: new Date(now.getTime() + 30 * 24 * 3600_000),
    })
    .returning({ id: privacyRequests.id })
    .get()

  return {
    now,
    cookies: {
      anonymous: null,
      patientA: cookieA.cookie,
      patientB: cookieB.cookie,
      clinician: await staffCookie(CLINICIAN_EMAIL),
      admin: await staffCookie(ADMIN_EMAIL),
      reception: await staffCookie(RECEPTION_EMAIL),
    },
    params: {
      reference: booking.reference,
      bookingId: booking.id,
      emailId: email.id,
      versionId: version.id,
      // The privacy notice that ships with the app (migration 0029).
      noticeId: getCurrentPrivacyNotice().id,
      practitionerId: practitioner.id,
      serviceId: service.id,
      photoKey: portrait.photoKey!,
      photoId: photo.photoId,
      size: 'thumb',
      patientId: booking.patientId!,
      userId: clinicianId,
      requestId: privacyRequest.id,
    },
    booking,
    patientA: { tokenHash: cookieA.tokenHash, email: PATIENT.email },
    patientB: { tokenHash: cookieB.tokenHash, email: PATIENT_B.email },
  }
}

/** "../../app/routes/admin.emails.$emailId.ics.tsx" → "admin.emails.$emailId.ics". */
export function routeIdOf(file: string): string {
  return file
    .replace(/^.*\/app\/routes\//, '')
    .replace(/\/route\.tsx?$/, '')
    .replace(/\.tsx?$/, '')
}

/**
 * The URL and params Remix would give a route module, with the world's real ids in the dynamic
 * segments ("bookings.$reference.consent[.]pdf" → "/bookings/AB12-CD34/consent.pdf").
 */
export function requestTarget(routeId: string, world: World) {
  const params: Record<string, string> = {}
  const segments = routeId
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== '_index' && !segment.startsWith('_'))
    .map((segment) => {
      if (segment === '$') {
        params['*'] = 'no/such/page'
        return 'no/such/page'
      }
      if (segment.startsWith('$')) {
        // "$practitionerId_" is the param practitionerId, outside its parent's layout.
        const name = segment.slice(1).replace(/_$/, '')
        const value = world.params[name]
        if (!value)
          throw new Error(
            `No id for the path param $${name} of ${routeId}: add one to buildWorld() in tests/support/route-fixtures.ts`,
          )
        params[name] = value
        return encodeURIComponent(value)
      }
      return segment.replace(/\[(.+?)\]/g, '$1').replace(/_$/, '')
    })
  return { url: `http://localhost/${segments.join('/')}`, params }
}

export type Outcome = {
  status: number
  location: string | null
  /** A thrown value that is not a Response (a bug: Remix would answer 500). */
  error?: unknown
}

/** What a loader or action did: its thrown or returned Response, or the data() status. */
export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown
  try {
    value = await run()
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get('Location') }
    if (
      thrown &&
      typeof thrown === 'object' &&
      'type' in thrown &&
      thrown.type === 'DataWithResponseInit'
    )
      value = thrown
    else return { status: 500, location: null, error: thrown }
  }
  if (value instanceof Response)
    return { status: value.status, location: value.headers.get('Location') }
  if (value && typeof value === 'object' && 'init' in value) {
    const init = (value as { init?: { status?: number; headers?: HeadersInit } | null }).init
    const location = init?.headers ? new Headers(init.headers).get('Location') : null
    return { status: init?.status ?? 200, location }
  }
  return { status: 200, location: null }
}

export const CONTEXT = { clientIp: '203.0.113.9', requestId: 'req-proof', cspNonce: 'n' }

export async function callLoader(
  mod: RouteModule,
  target: { url: string; params: Record<string, string> },
  cookie: string | null,
): Promise<Outcome> {
  const request = new Request(target.url, { headers: cookie ? { Cookie: cookie } : {} })
  return outcomeOf(async () =>
    mod.loader!({ request, params: target.params, context: { ...CONTEXT } }),
  )
}

export async function callAction(
  mod: RouteModule,
  target: { url: string; params: Record<string, string> },
  cookie: string | null,
  body: BodyInit,
  contentType: string | null = 'application/x-www-form-urlencoded',
): Promise<Outcome> {
  const headers: Record<string, string> = { Origin: 'http://localhost' }
  if (cookie) headers.Cookie = cookie
  if (contentType) headers['Content-Type'] = contentType
  const request = new Request(target.url, { method: 'POST', headers, body })
  return outcomeOf(async () =>
    mod.action!({ request, params: target.params, context: { ...CONTEXT } }),
  )
}

/**
 * SHA-256 over every row of every table (rows sorted, so the order of reads never matters),
 * except the `exclude`d tables and the `ignoreColumns` of a table.
 */
export function tableDigests(
  exclude: ReadonlySet<string> = new Set(),
  ignoreColumns: Record<string, string[]> = {},
  /** Per table, an SQL condition for rows left out of the digest. */
  ignoreRows: Record<string, string> = {},
): Record<string, string> {
  const client = getDb().$client
  const tables = client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[]
  const digests: Record<string, string> = {}
  for (const { name } of tables) {
    if (exclude.has(name)) continue
    const ignored = ignoreColumns[name] ?? []
    const columns = (client.pragma(`table_info("${name}")`) as { name: string }[])
      .map((column) => column.name)
      .filter((column) => !ignored.includes(column))
    const where = ignoreRows[name] ? ` WHERE NOT (${ignoreRows[name]})` : ''
    const rows = client
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}"${where}`)
      .raw()
      .all()
      .map((row) => JSON.stringify(row, (_key, value: unknown) => jsonSafe(value)))
      .sort()
    digests[name] = createHash('sha256').update(rows.join('\n')).digest('hex')
  }
  return digests
}

function jsonSafe(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('hex')
  if (typeof value === 'bigint') return String(value)
  return value
}

/**
 * The first slot for a service that is free now (holds and bookings count), on or after the day
 * `days` days after the world's clock.
 */
export function firstFreeSlotAfter(world: World, slug: string, days: number) {
  const result = findAvailableSlots({
    serviceId: serviceIdBySlug(slug),
    practitionerId: 'any',
    fromDate: localDateOf(world.now.getTime() + days * 24 * 3600_000, 'Europe/Rome'),
    days: 31,
    now: world.now,
  })
  const slot = result.days.flatMap((day) => day.slots)[0]
  if (!slot) throw new Error(`No free slot for ${slug}`)
  return slot
}
