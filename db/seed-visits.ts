import { randomUUID } from 'node:crypto'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
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
import { type getCurrentRuleSet } from '#app/domain/screening/screening.server.ts'
import { type Tx } from './client.server.ts'
import {
  bookings,
  checkIns,
  consentCheckAttempts,
  consentCountersignatures,
  patients,
  screeningSubmissions,
  type services,
  treatmentRecords,
} from './schema/index.ts'

/**
 * Writers for the demo appointments (seed-appointments.ts): each row as the booking, screening
 * and consent code writes it (same rules, hashes, booking events and audit rows).
 */

const DAY_MS = 24 * 3600_000

export const DEMO_PATIENTS = [
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

export function clearAnswers(dateOfBirth: string): ScreeningAnswers {
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

export type Context = {
  tx: Tx
  zone: string
  ruleSet: ReturnType<typeof getCurrentRuleSet>
  patientIndex: number
  referenceIndex: number
}

export type PractitionerRow = {
  id: string
  userId: string | null
  services: { id: string; slug: string; kind: string; tier: 'medical' | 'cosmetic' }[]
}

function system(): AuditActor {
  return { type: 'system', id: null, ipAddress: null, requestId: 'demo-seed' }
}

export function nextPatient(ctx: Context, at: Date) {
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

export function insertBooking(
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

export function insertAnswers(
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
export function signConsent(
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
export function completedFirstSession(
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
      passes: 3,
      skinProducts: JSON.stringify(['hyaluronic_acid']),
      aftercareProduct: 'soothing_cream',
      aftercareProductName: 'Demo soothing cream',
      recordedAt: new Date(booking.endAt.getTime()),
    })
    .run()
}
