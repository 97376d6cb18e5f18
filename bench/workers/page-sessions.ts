// What the page benchmark needs beyond the demo clinic, written into its own database before its
// server starts: a week of demo appointments (db/seed-appointments.ts, as `npm start` seeds), a
// patient session that proved the address of a booked patient with an email code, and a staff
// session of a clinician. Sessions are rows as the app writes them (only the token's hash is
// stored); the cookies are serialised as the app serialises them.
// Config (argv[2], JSON): { db, secureCookies } (secureCookies as the server's SECURE_COOKIES:
// production names its cookies __Host-…). Prints { patientCookie, reference, staffCookie, staffEmail,
// adminCookie, agendaDate }.
//
// The agenda grid's day (ADR 043): 30 confirmed consultations for each of the demo clinic's four
// practitioners on one day 40 days ahead (one patient each, every 30 minutes from 05:00), and an
// admin's session, who sees every practitioner's column.
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import {
  PATIENT_SESSION_ABSOLUTE_MS,
  hashPatientToken,
} from '#app/domain/patient/patient-sessions.server.ts'
import { STAFF_SESSION_ABSOLUTE_MS, hashSessionToken } from '#app/domain/auth/sessions.server.ts'
import { openDatabase } from '#db/client.server.ts'
import { patientSessions, sessions } from '#db/schema/index.ts'
import { addDays, instantAt, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { seedDemoAppointments } from '#db/seed-appointments.ts'

const config = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as {
  db: string
  secureCookies: boolean
}
// Before the app's modules read their environment (getEnv caches it on first use).
process.env.SECURE_COOKIES = String(config.secureCookies)
const { serializeSessionCookie } = await import('#app/utils/auth.server.ts')
const { patientSessionCookie } = await import('#app/utils/patient-session.server.ts')
const file = config.db
const db = openDatabase(file)
const now = new Date()
seedDemoAppointments(db, now)

/** The `name=value` pair a browser sends back for a Set-Cookie header. */
const cookiePair = (setCookie: string) => setCookie.split(';')[0]!

// A confirmed upcoming booking of a patient: the page a patient opens from the bookings list.
const booking = db.$client
  .prepare(
    `SELECT b.reference, p.email FROM bookings b JOIN patients p ON p.id = b.patient_id
     WHERE b.status = 'confirmed' AND b.start_at > ? ORDER BY b.start_at LIMIT 1`,
  )
  .get(now.getTime()) as { reference: string; email: string } | undefined
if (!booking) throw new Error('the demo appointments have no upcoming confirmed booking')
const patientToken = randomBytes(32).toString('base64url')
db.insert(patientSessions)
  .values({
    tokenHash: hashPatientToken(patientToken),
    verifiedEmail: booking.email,
    provenBy: 'email_code',
    provenBookingId: null,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: new Date(now.getTime() + PATIENT_SESSION_ABSOLUTE_MS),
  })
  .run()

// The clinician with the most visits from today on: their agenda is the fullest.
const clinician = db.$client
  .prepare(
    `SELECT u.id, u.email FROM users u
       JOIN user_roles r ON r.user_id = u.id AND r.role = 'clinician'
       JOIN practitioners pr ON pr.user_id = u.id
       LEFT JOIN bookings b ON b.practitioner_id = pr.id AND b.start_at >= ?
     GROUP BY u.id ORDER BY count(b.id) DESC, u.email LIMIT 1`,
  )
  .get(now.getTime() - 86_400_000) as { id: string; email: string } | undefined
if (!clinician) throw new Error('the demo clinic has no clinician with a practitioner profile')
const staffToken = randomBytes(32).toString('base64url')
db.insert(sessions)
  .values({
    tokenHash: hashSessionToken(staffToken),
    userId: clinician.id,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: new Date(now.getTime() + STAFF_SESSION_ABSOLUTE_MS),
    ipAddress: '127.0.0.1',
    userAgent: 'dermadesk bench',
    authLevel: 'mfa',
  })
  .run()
// The agenda grid's day: 4 practitioners × 30 bookings.
const zone = (
  db.$client.prepare('SELECT time_zone AS zone FROM clinic_settings').get() as {
    zone: string
  }
).zone
const agendaDate = addDays(localDateOf(now.getTime(), zone), 40)
const consultation = db.$client
  .prepare("SELECT id, duration_minutes AS duration FROM services WHERE slug = 'consultation'")
  .get() as { id: string; duration: number }
const gridPractitioners = db.$client.prepare('SELECT id FROM practitioners').all() as {
  id: string
}[]
if (gridPractitioners.length < 4) throw new Error('the demo clinic has fewer than 4 practitioners')
const insertPatient = db.$client.prepare(
  `INSERT INTO patients (id, email, full_name, phone, date_of_birth, created_at, updated_at)
   VALUES (?, ?, ?, '+390212345678', '1985-06-02', ?, ?)`,
)
const insertBooking = db.$client.prepare(
  `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
     end_at, blocked_until, time_zone, course_session_number, confirmed_at, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, 1, ?, ?, ?)`,
)
db.$client.transaction(() => {
  gridPractitioners.slice(0, 4).forEach((practitioner, p) => {
    for (let i = 0; i < 30; i += 1) {
      const patientId = randomUUID()
      const at = now.getTime()
      insertPatient.run(patientId, `grid-${p}-${i}@bench.example`, `Grid Patient ${p}-${i}`, at, at)
      const startAt = instantAt(agendaDate, 300 + i * 30, zone)
      const endAt = startAt + consultation.duration * 60_000
      insertBooking.run(
        randomUUID(),
        `DD-${randomBytes(3).toString('hex').toUpperCase()}`,
        consultation.id,
        practitioner.id,
        patientId,
        startAt,
        endAt,
        endAt,
        zone,
        at,
        at,
        at,
      )
    }
  })
})()
const admin = db.$client
  .prepare(
    `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'
     ORDER BY u.email LIMIT 1`,
  )
  .get() as { id: string } | undefined
if (!admin) throw new Error('the demo clinic has no admin')
const adminToken = randomBytes(32).toString('base64url')
db.insert(sessions)
  .values({
    tokenHash: hashSessionToken(adminToken),
    userId: admin.id,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: new Date(now.getTime() + STAFF_SESSION_ABSOLUTE_MS),
    ipAddress: '127.0.0.1',
    userAgent: 'dermadesk bench',
    authLevel: 'mfa',
  })
  .run()
db.$client.pragma('journal_mode = DELETE')
db.$client.close()

console.log(
  JSON.stringify({
    patientCookie: cookiePair(await patientSessionCookie(patientToken)),
    reference: booking.reference,
    staffCookie: cookiePair(await serializeSessionCookie(staffToken)),
    staffEmail: clinician.email,
    adminCookie: cookiePair(await serializeSessionCookie(adminToken)),
    agendaDate,
  }),
)
