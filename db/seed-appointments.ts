import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import {
  addDays,
  instantAt,
  localDateOf,
  weekdayOf,
} from '#app/domain/availability/availability.rules.ts'
import { recordBookingEvent } from '#app/domain/booking/booking-state.server.ts'
import { type BookingStatus } from '#app/domain/booking/booking.schema.ts'
import {
  currentTextValues,
  listPublishedVersions,
  sha256Hex,
} from '#app/domain/consent/consent-documents.server.ts'
import { insertConsentRecord } from '#app/domain/consent/consent-records.server.ts'
import { canonicalCountersignature, requiredVersionFor } from '#app/domain/consent/consent.rules.ts'
import { evaluateScreening } from '#app/domain/screening/screening.rules.ts'
import {
  SCREENING_QUESTIONNAIRE_VERSION,
  type ScreeningAnswers,
} from '#app/domain/screening/screening.schema.ts'
import { getCurrentRuleSet } from '#app/domain/screening/screening.server.ts'
import { type Db, type Tx } from './client.server.ts'
import {
  bookings,
  checkIns,
  clinicClosures,
  clinicSettings,
  consentCheckAttempts,
  consentCountersignatures,
  patients,
  practitioners,
  practitionerServices,
  screeningReviewEvents,
  screeningSubmissions,
  services,
  treatmentRecords,
  workingHours,
} from './schema/index.ts'

/**
 * Demo appointments, so that the clinicians' agenda is useful on the day the app first starts:
 * for today and the next six days, two or three visits per practitioner on each day they work,
 * cycling through the cases a clinic meets (clear answers, answers waiting for a clinician,
 * answers a clinician approved, the second session of a course, a consultation, answers too old
 * for the visit). Everything is placed relative to `now` in the clinic's zone, inside working
 * hours, so the same date always gives the same agenda. Rows are written as the booking,
 * screening and consent code writes them (same rules, hashes, booking events and audit rows).
 *
 * Only `npm start` and `npm run db:seed` call this, never the test databases: their base file is
 * built once and reused on later days, so dated rows would drift (tests/setup/global-setup.ts).
 */

const DAY_MS = 24 * 3600_000

const SCENARIOS = ['clear', 'review', 'course', 'consultation', 'approved', 'renewal'] as const
type Scenario = (typeof SCENARIOS)[number]

const DEMO_PATIENTS = [
  ['Alessandra Ricci', '1985-06-12'],
  ['Davide Marino', '1979-02-03'],
  ['Francesca Gallo', '1992-09-27'],
  ['Lorenzo Costa', '1988-12-15'],
  ['Martina Fontana', '1990-04-08'],
  ['Giorgio Moretti', '1975-07-21'],
  ['Beatrice Lombardi', '1996-01-30'],
  ['Simone Barbieri', '1983-11-11'],
  ['Elisa Rinaldi', '1987-05-19'],
  ['Tommaso Caruso', '1994-03-02'],
  ['Valentina Ferri', '1981-08-25'],
  ['Nicola Santoro', '1977-10-06'],
  ['Chiara Marchetti', '1991-12-01'],
  ['Andrea Leone', '1986-06-29'],
  ['Giada Longo', '1993-02-14'],
  ['Matteo Gentile', '1980-09-09'],
  ['Sara Martinelli', '1989-07-04'],
  ['Federico Vitale', '1984-04-22'],
  ['Ilaria Serra', '1995-11-17'],
  ['Riccardo Coppola', '1978-03-28'],
] as const

function clearAnswers(dateOfBirth: string): ScreeningAnswers {
  return {
    dateOfBirth,
    areas: ['face'],
    skinType: 'III',
    skinNow: [],
    history: [],
    medicines: [],
    allergies: [],
    pregnancy: 'no',
    procedures: [],
  }
}

type Context = {
  tx: Tx
  zone: string
  ruleSet: ReturnType<typeof getCurrentRuleSet>
  patientIndex: number
  referenceIndex: number
}

type PractitionerRow = {
  id: string
  userId: string | null
  services: { id: string; slug: string; kind: string; tier: 'medical' | 'cosmetic' }[]
}

function system(): AuditActor {
  return { type: 'system', id: null, ipAddress: null, requestId: 'demo-seed' }
}

function nextPatient(ctx: Context, at: Date) {
  const [fullName, dateOfBirth] = DEMO_PATIENTS[ctx.patientIndex % DEMO_PATIENTS.length]!
  const round = Math.floor(ctx.patientIndex / DEMO_PATIENTS.length)
  ctx.patientIndex += 1
  const email = `${fullName.toLowerCase().replace(/\s+/g, '.')}${round ? round + 1 : ''}@patients.example`
  const id = ctx.tx
    .insert(patients)
    .values({
      email,
      fullName,
      phone: '+39 02 5550 0100',
      dateOfBirth,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: patients.id })
    .get().id
  return { id, fullName, email, dateOfBirth }
}

function insertBooking(
  ctx: Context,
  input: {
    service: { id: string; durationMinutes: number; bufferAfterMinutes: number }
    practitionerId: string
    patientId: string
    startAt: number
    status: BookingStatus
    courseSessionNumber: number
    bookedAt: Date
  },
) {
  ctx.referenceIndex += 1
  const endAt = input.startAt + input.service.durationMinutes * 60_000
  const row = ctx.tx
    .insert(bookings)
    .values({
      reference: `DD-DEMO${ctx.referenceIndex.toString(36).toUpperCase().padStart(2, '0')}`,
      serviceId: input.service.id,
      practitionerId: input.practitionerId,
      patientId: input.patientId,
      status: input.status,
      startAt: new Date(input.startAt),
      endAt: new Date(endAt),
      blockedUntil: new Date(endAt + input.service.bufferAfterMinutes * 60_000),
      timeZone: ctx.zone,
      courseSessionNumber: input.courseSessionNumber,
      confirmedAt: input.status === 'pending_review' ? null : input.bookedAt,
      completedAt: input.status === 'completed' ? new Date(endAt) : null,
      createdAt: input.bookedAt,
      updatedAt: input.bookedAt,
    })
    .returning()
    .get()
  recordBookingEvent(ctx.tx, {
    booking: row,
    actor: { type: 'patient', id: input.patientId, requestId: 'demo-seed' },
    action: 'created',
    fromStatus: null,
    toStatus: input.status === 'completed' ? 'confirmed' : input.status,
    at: input.bookedAt,
    details: { demo: true },
  })
  if (input.status === 'completed')
    recordBookingEvent(ctx.tx, {
      booking: row,
      actor: { type: 'system', requestId: 'demo-seed' },
      action: 'completed',
      fromStatus: 'confirmed',
      toStatus: 'completed',
      at: new Date(endAt),
      details: { demo: true },
    })
  return row
}

function insertAnswers(
  ctx: Context,
  input: {
    answers: ScreeningAnswers
    patientId: string
    bookingId: string
    version: number
    at: Date
  },
) {
  const result = evaluateScreening(
    input.answers,
    ctx.ruleSet.settings,
    localDateOf(input.at.getTime(), ctx.zone),
  )
  const row = ctx.tx
    .insert(screeningSubmissions)
    .values({
      questionnaireVersion: SCREENING_QUESTIONNAIRE_VERSION,
      ruleSetId: ctx.ruleSet.id,
      ruleSetVersion: ctx.ruleSet.version,
      answers: JSON.stringify(input.answers),
      outcome: result.outcome,
      waitUntil: result.waitUntil,
      findings: JSON.stringify(result.findings),
      source: input.version === 1 ? 'booking' : 'patient_update',
      patientId: input.patientId,
      bookingId: input.bookingId,
      bookingVersion: input.version,
      submittedAt: input.at,
    })
    .returning()
    .get()
  recordAuditEvent(ctx.tx, {
    action: 'screening.submitted',
    actor: { ...system(), type: 'patient', id: input.patientId },
    subjectType: 'screening_submission',
    subjectId: row.id,
    patientId: input.patientId,
    details: { source: row.source, bookingId: input.bookingId, outcome: row.outcome, demo: true },
    at: input.at,
  })
  return row
}

/** A consent signed as the wizard signs it: a passed check, then the hashed record. */
function signConsent(
  ctx: Context,
  input: {
    patient: { id: string; fullName: string; email: string }
    bookingId: string
    tier: 'medical' | 'cosmetic'
    sessionStartAt: number
    at: Date
  },
) {
  const version = requiredVersionFor(
    listPublishedVersions(ctx.tx, input.tier),
    input.sessionStartAt,
  )
  if (!version) throw new Error(`No published ${input.tier} consent form to sign`)
  const answers = Object.fromEntries(version.content.questions.map((q) => [q.key, q.answer]))
  const sessionTokenHash = sha256Hex(`demo-seed:${input.bookingId}`)
  const attemptId = randomUUID()
  ctx.tx
    .insert(consentCheckAttempts)
    .values({
      id: attemptId,
      sessionTokenHash,
      patientId: input.patient.id,
      bookingId: input.bookingId,
      documentVersionId: version.id,
      answers: JSON.stringify(answers),
      wrongQuestionKeys: '[]',
      passed: true,
      createdAt: input.at,
    })
    .run()
  return insertConsentRecord(ctx.tx, {
    patientId: input.patient.id,
    bookingId: input.bookingId,
    tier: input.tier,
    version,
    values: currentTextValues(ctx.tx),
    attempt: { id: attemptId, answers },
    typedName: input.patient.fullName,
    drawnSignature: null,
    photoClinical: true,
    photoMarketing: false,
    signedAt: input.at,
    ipAddress: null,
    userAgent: 'Demo data',
    emailProvenBy: 'email_code',
    verifiedEmail: input.patient.email,
    sessionTokenHash,
    actor: { ...system(), type: 'patient', id: input.patient.id },
  })
}

/** The first session of a course, done four weeks ago: check-in, countersignature, record. */
function completedFirstSession(
  ctx: Context,
  input: {
    practitioner: PractitionerRow & { userId: string; maxNeedleDepthUm: number }
    service: typeof services.$inferSelect
    patient: ReturnType<typeof nextPatient>
    startAt: number
  },
) {
  const bookedAt = new Date(input.startAt - 9 * DAY_MS)
  const booking = insertBooking(ctx, {
    service: input.service,
    practitionerId: input.practitioner.id,
    patientId: input.patient.id,
    startAt: input.startAt,
    status: 'completed',
    courseSessionNumber: 1,
    bookedAt,
  })
  insertAnswers(ctx, {
    answers: clearAnswers(input.patient.dateOfBirth),
    patientId: input.patient.id,
    bookingId: booking.id,
    version: 1,
    at: bookedAt,
  })
  const record = signConsent(ctx, {
    patient: input.patient,
    bookingId: booking.id,
    tier: input.service.tier,
    sessionStartAt: input.startAt,
    at: bookedAt,
  })
  const checkedInAt = new Date(input.startAt - 5 * 60_000)
  ctx.tx
    .insert(checkIns)
    .values({
      bookingId: booking.id,
      clinicianUserId: input.practitioner.userId,
      identityMethod: 'photo_id',
      healthUnchanged: true,
      checkedInAt,
    })
    .run()
  const fields = {
    id: randomUUID(),
    consentRecordId: record.id,
    consentRecordSha256: record.recordSha256,
    bookingId: booking.id,
    clinicianUserId: input.practitioner.userId,
    practitionerId: input.practitioner.id,
    countersignedAt: checkedInAt.getTime(),
    ipAddress: null,
    userAgent: 'Demo data',
  }
  ctx.tx
    .insert(consentCountersignatures)
    .values({
      id: fields.id,
      consentRecordId: record.id,
      bookingId: booking.id,
      clinicianUserId: fields.clinicianUserId,
      practitionerId: fields.practitionerId,
      countersignedAt: checkedInAt,
      ipAddress: null,
      userAgent: fields.userAgent,
      recordSha256: sha256Hex(canonicalCountersignature(fields)),
    })
    .run()
  const depthUm = Math.min(
    input.service.maxNeedleDepthUm ?? 500,
    input.practitioner.maxNeedleDepthUm,
    1000,
  )
  ctx.tx
    .insert(treatmentRecords)
    .values({
      bookingId: booking.id,
      practitionerId: input.practitioner.id,
      recordedByUserId: input.practitioner.userId,
      areas: JSON.stringify([
        { area: 'forehead', depthUm: Math.min(depthUm, 500) },
        { area: 'cheeks', depthUm },
      ]),
      maxDepthUm: depthUm,
      device: 'Demo needling pen',
      cartridgeLot: 'DEMO-LOT-0001',
      anaesthetic: 'lidocaine_cream',
      anaestheticMinutes: 30,
      rednessGrade: 2,
      bleeding: 'pinpoint',
      notes: 'Demo record: tolerated well.',
      recordedAt: new Date(booking.endAt.getTime()),
    })
    .run()
}

/** One demo visit of a scenario. Returns false when the practitioner cannot offer it. */
function addVisit(
  ctx: Context,
  input: {
    scenario: Scenario
    practitioner: PractitionerRow & { maxNeedleDepthUm: number }
    startAt: number
    now: number
  },
): void {
  const { practitioner, startAt } = input
  const consultation = practitioner.services.find((s) => s.kind === 'consultation')
  const treatment = practitioner.services.find((s) => s.kind === 'treatment')!
  let scenario = input.scenario
  if (scenario === 'consultation' && !consultation) scenario = 'clear'
  if (scenario === 'course' && !practitioner.userId) scenario = 'clear'
  const serviceRef = scenario === 'consultation' ? consultation! : treatment
  const service = ctx.tx.select().from(services).where(eq(services.id, serviceRef.id)).get()!
  const bookedAt = new Date(
    Math.min(input.now, startAt) - (scenario === 'renewal' ? 40 : 6) * DAY_MS,
  )
  const patient = nextPatient(ctx, bookedAt)
  if (scenario === 'course')
    completedFirstSession(ctx, {
      practitioner: { ...practitioner, userId: practitioner.userId! },
      service,
      patient,
      startAt: instantAt(
        addDays(localDateOf(startAt, ctx.zone), -28),
        minutesOfDay(startAt, ctx.zone),
        ctx.zone,
      ),
    })
  const needsClinician = scenario === 'review' || scenario === 'approved'
  const booking = insertBooking(ctx, {
    service,
    practitionerId: practitioner.id,
    patientId: patient.id,
    startAt,
    status: scenario === 'review' ? 'pending_review' : 'confirmed',
    courseSessionNumber: scenario === 'course' ? 2 : 1,
    bookedAt,
  })
  if (scenario === 'consultation') return
  const answers = needsClinician
    ? { ...clearAnswers(patient.dateOfBirth), history: ['cold_sores' as const] }
    : clearAnswers(patient.dateOfBirth)
  const submission = insertAnswers(ctx, {
    answers,
    patientId: patient.id,
    bookingId: booking.id,
    version: 1,
    at: bookedAt,
  })
  if (scenario === 'approved') {
    const reviewer = practitioner.userId
    if (reviewer) {
      const at = new Date(bookedAt.getTime() + DAY_MS)
      ctx.tx
        .insert(screeningReviewEvents)
        .values({
          bookingId: booking.id,
          submissionId: submission.id,
          kind: 'approved',
          actorType: 'staff',
          actorId: reviewer,
          message: 'No cold sore for two years; antiviral cover discussed.',
          occurredAt: at,
          createdAt: at,
        })
        .run()
    }
  }
  // A course's consent covers its later sessions: only a new patient signs for this visit.
  if (scenario !== 'course')
    signConsent(ctx, {
      patient,
      bookingId: booking.id,
      tier: service.tier,
      sessionStartAt: startAt,
      at: bookedAt,
    })
}

function minutesOfDay(instant: number, zone: string): number {
  const date = localDateOf(instant, zone)
  return Math.round((instant - instantAt(date, 0, zone)) / 60_000)
}

/** Adds the demo appointments (see above) for the week starting on `now`'s clinic date. */
export function seedDemoAppointments(db: Db, now: Date = new Date()): number {
  return db.transaction(
    (tx) => {
      const zone = tx.select().from(clinicSettings).get()!.timeZone
      const ctx: Context = {
        tx,
        zone,
        ruleSet: getCurrentRuleSet(tx),
        patientIndex: 0,
        referenceIndex: 0,
      }
      const closed = new Set(
        tx
          .select({ date: clinicClosures.date })
          .from(clinicClosures)
          .all()
          .map((r) => r.date),
      )
      const rows = tx
        .select()
        .from(practitioners)
        .where(eq(practitioners.isActive, true))
        .orderBy(asc(practitioners.displayName))
        .all()
      const list = rows.map((p) => ({
        id: p.id,
        userId: p.userId,
        maxNeedleDepthUm: p.maxNeedleDepthUm,
        services: tx
          .select({
            id: services.id,
            slug: services.slug,
            kind: services.kind,
            tier: services.tier,
          })
          .from(practitionerServices)
          .innerJoin(services, eq(services.id, practitionerServices.serviceId))
          .where(eq(practitionerServices.practitionerId, p.id))
          .orderBy(asc(services.sortOrder))
          .all(),
        hours: tx
          .select()
          .from(workingHours)
          .where(eq(workingHours.practitionerId, p.id))
          .orderBy(asc(workingHours.weekday), asc(workingHours.startMinute))
          .all(),
        visits: 0,
      }))
      const today = localDateOf(now.getTime(), zone)
      let count = 0
      for (let offset = 0; offset < 7; offset += 1) {
        const date = addDays(today, offset)
        if (closed.has(date)) continue
        for (const practitioner of list) {
          if (!practitioner.services.some((s) => s.kind === 'treatment')) continue
          const intervals = practitioner.hours.filter((h) => h.weekday === weekdayOf(date))
          if (intervals.length === 0) continue
          // Two visits in the first stretch of the day and one after the break: never the very
          // first or last minutes, and at most 90 minutes each (75 + buffer) so all fit.
          const starts = [intervals[0]!.startMinute, intervals[0]!.startMinute + 120]
          if (intervals[1]) starts.push(intervals[1].startMinute + 60)
          for (const minute of starts) {
            addVisit(ctx, {
              scenario: SCENARIOS[practitioner.visits % SCENARIOS.length]!,
              practitioner,
              startAt: instantAt(date, minute, zone),
              now: now.getTime(),
            })
            practitioner.visits += 1
            count += 1
          }
        }
      }
      return count
    },
    { behavior: 'immediate' },
  )
}
