import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookingDrafts,
  bookings,
  emailOutbox,
  emailVerifications,
  patients,
  patientSessions,
  privacyRequests,
  waitlistEntries,
} from '#db/schema/index.ts'
import { insertBooking, serviceIdOf } from '#tests/factories/bookings.ts'
import { DEMO_ADMIN, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { PATIENT_REFERENCES } from './erasure.rules.ts'
import { patientReferences, previewErasure } from './erasure.server.ts'
import {
  decidePrivacyRequest,
  getPatientPrivacyRequests,
  makePrivacyRequest,
} from './privacy-requests.server.ts'
import { setRecordRetentionYears } from './record-retention.server.ts'
import { mayOpenBookingOf, mayOpenPatient, setLegalHold } from './restriction.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000

function patientWith(status: 'confirmed' | 'completed' | 'cancelled', days: number) {
  const booking = insertBooking({
    practitioner: 'giulia',
    service: 'skin-boost',
    startAt: new Date(NOW.getTime() + days * DAY),
    status,
    patientName: `Erasable ${randomUUID().slice(0, 6)}`,
  })
  const row = getDb()
    .select({ patientId: bookings.patientId, email: patients.email, name: patients.fullName })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(eq(bookings.id, booking.id))
    .get()!
  return { ...booking, patientId: row.patientId!, email: row.email, name: row.name }
}

const sessionOf = (email: string): PatientSession => ({
  tokenHash: 'test',
  verifiedEmail: email,
  provenBy: 'email_code',
  provenBookingId: null,
})
const patientActor = { type: 'patient' as const, ipAddress: '127.0.0.1', requestId: 'test' }
function admin(): AuditActor & { id: string } {
  return { type: 'staff', id: staffActorFor(DEMO_ADMIN).userId }
}

function ask(
  p: { email: string; reference: string },
  kind: 'erasure' | 'restriction' | 'correction',
  at = NOW,
) {
  return makePrivacyRequest({
    session: sessionOf(p.email),
    reference: p.reference,
    now: at,
    actor: patientActor,
    kind,
    details: kind === 'correction' ? 'My phone is wrong: zebra.' : '',
  })
}

/** The non-clinical data a patient leaves behind: a draft, a waitlist entry, a code, an email. */
function leaveTraces(email: string) {
  const db = getDb()
  const tokenHash = randomUUID()
  db.insert(patientSessions)
    .values({
      tokenHash,
      verifiedEmail: email,
      provenBy: 'email_code',
      lastSeenAt: NOW,
      absoluteExpiresAt: new Date(NOW.getTime() + DAY),
    })
    .run()
  db.insert(bookingDrafts)
    .values({ sessionTokenHash: tokenHash, serviceId: serviceIdOf('skin-boost'), email })
    .run()
  db.insert(emailVerifications)
    .values({
      sessionTokenHash: tokenHash,
      email,
      purpose: 'manage',
      codeHash: 'x',
      expiresAt: new Date(NOW.getTime() + DAY),
    })
    .run()
  db.insert(waitlistEntries)
    .values({
      serviceId: serviceIdOf('skin-boost'),
      fromDate: '2026-12-01',
      toDate: '2026-12-31',
      timesOfDay: 'morning',
      fullName: 'Somebody',
      email,
      locale: 'it',
      status: 'active',
      source: 'online',
    })
    .run()
  db.insert(emailOutbox)
    .values({
      dedupeKey: randomUUID(),
      toAddress: email,
      subject: 'Your booking',
      textBody: 'Hello',
      nextAttemptAt: NOW,
      messageId: randomUUID(),
    })
    .run()
}

function traces(email: string) {
  const db = getDb()
  return {
    drafts: db.select().from(bookingDrafts).where(eq(bookingDrafts.email, email)).all().length,
    waitlist: db.select().from(waitlistEntries).where(eq(waitlistEntries.email, email)).all()
      .length,
    codes: db.select().from(emailVerifications).where(eq(emailVerifications.email, email)).all()
      .length,
    sessions: db
      .select()
      .from(patientSessions)
      .where(eq(patientSessions.verifiedEmail, email))
      .all().length,
    emails: db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).all().length,
  }
}

const patientRow = (id: string) => getDb().select().from(patients).where(eq(patients.id, id)).get()!

describe('privacy requests', () => {
  test('a request is due one calendar month later; a second open one of the kind is refused, audited, nothing written', () => {
    const p = patientWith('confirmed', 30)
    const first = ask(p, 'correction')
    expect(first).toMatchObject({ ok: true, dueAt: new Date('2026-12-25T08:00:00Z') })
    expect(ask(p, 'correction')).toEqual({ ok: false, reason: 'already-open' })
    const rows = getDb()
      .select()
      .from(privacyRequests)
      .where(eq(privacyRequests.patientId, p.patientId))
      .all()
    expect(rows).toHaveLength(1)
    const actions = getDb()
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.patientId, p.patientId))
      .all()
    expect(actions.map((a) => a.action)).toEqual([
      'privacy_request.made',
      'privacy_request.refused',
    ])
    // The patient's words are in the request, never in the audit.
    expect(JSON.stringify(actions)).not.toContain('zebra')
    // The clinic is told, without the patient's words.
    const notice = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `privacy-request:${rows[0]!.id}`))
      .get()!
    expect(notice.textBody).not.toContain('zebra')
    expect(notice.textBody).not.toContain(p.name)
  })

  test('another patient’s booking: not found, nothing written', () => {
    const mine = patientWith('confirmed', 31)
    const theirs = patientWith('confirmed', 32)
    expect(ask({ email: mine.email, reference: theirs.reference }, 'erasure')).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(
      getPatientPrivacyRequests({
        session: sessionOf(mine.email),
        reference: theirs.reference,
        now: NOW,
        actor: patientActor,
      }),
    ).toBeNull()
  })

  test('erasure of a patient who never came: contact details gone, traces cleared, bookings kept, chain verifies', () => {
    const p = patientWith('cancelled', 10)
    leaveTraces(p.email)
    const made = ask(p, 'erasure')
    if (!made.ok) throw new Error('not made')
    expect(previewErasure(p.patientId, NOW)!.plan.outcome).toBe('granted')
    const result = decidePrivacyRequest({
      requestId: made.requestId,
      decision: 'grant',
      reason: 'Erased: you never came to the clinic.',
      actor: admin(),
      now: NOW,
    })
    expect(result).toMatchObject({ ok: true, status: 'granted' })
    const row = patientRow(p.patientId)
    expect(row.fullName).toBe('—')
    expect(row.email).toMatch(/@erased\.invalid$/)
    expect(row.phone).toBe('')
    expect(row.erasedAt).toEqual(NOW)
    expect(traces(p.email)).toEqual({ drafts: 0, waitlist: 0, codes: 0, sessions: 0, emails: 0 })
    expect(getDb().select().from(bookings).where(eq(bookings.id, p.id)).get()!.patientId).toBe(
      p.patientId,
    )
    const audit = JSON.stringify(
      getDb().select().from(auditEvents).where(eq(auditEvents.patientId, p.patientId)).all(),
    )
    expect(audit).not.toContain(p.name)
    expect(audit).not.toContain(p.email)
    expect(verifyAuditChain(getDb()).ok).toBe(true)
  })

  test('erasure of a treated patient: clinical record kept, contact restricted, traces cleared but sessions kept', () => {
    const p = patientWith('completed', -30)
    leaveTraces(p.email)
    const made = ask(p, 'erasure')
    if (!made.ok) throw new Error('not made')
    const result = decidePrivacyRequest({
      requestId: made.requestId,
      decision: 'grant',
      reason: 'We keep your clinical record as the law requires.',
      actor: admin(),
      now: NOW,
    })
    expect(result).toMatchObject({ ok: true, status: 'partly_granted' })
    const row = patientRow(p.patientId)
    expect(row.fullName).toBe(p.name)
    expect(row.restrictedAt).toEqual(NOW)
    expect(row.erasedAt).toBeNull()
    expect(traces(p.email)).toMatchObject({ drafts: 0, waitlist: 0, codes: 0, sessions: 1 })
    const mine = getPatientPrivacyRequests({
      session: sessionOf(p.email),
      reference: p.reference,
      now: NOW,
      actor: patientActor,
    })!
    // Ten years (the default) after the visit.
    expect(mine.requests[0]).toMatchObject({
      status: 'partly_granted',
      keepUntil: new Date('2036-10-26T08:00:00Z'),
    })
    // Restricted: only admins open the record.
    expect(mayOpenPatient(['clinician'], p.patientId)).toBe(false)
    expect(mayOpenPatient(['reception'], p.patientId)).toBe(false)
    expect(mayOpenPatient(['admin'], p.patientId)).toBe(true)
    expect(mayOpenBookingOf(['clinician'], p.id)).toBe(false)
    expect(mayOpenBookingOf(['admin', 'clinician'], p.id)).toBe(true)
    // A second erasure request is refused: one was partly granted.
    expect(ask(p, 'erasure')).toEqual({ ok: false, reason: 'already-erased' })
    expect(verifyAuditChain(getDb()).ok).toBe(true)
  })

  test('under a legal hold: refused with the reason, nothing changed', () => {
    const p = patientWith('cancelled', 12)
    leaveTraces(p.email)
    const made = ask(p, 'erasure')
    if (!made.ok) throw new Error('not made')
    setLegalHold({ patientId: p.patientId, reason: 'Claim 2026/14', actor: admin(), now: NOW })
    const result = decidePrivacyRequest({
      requestId: made.requestId,
      decision: 'grant',
      reason: 'Kept for a legal claim.',
      actor: admin(),
      now: NOW,
    })
    expect(result).toMatchObject({ ok: true, status: 'refused' })
    expect(patientRow(p.patientId)).toMatchObject({ fullName: p.name, erasedAt: null })
    expect(traces(p.email)).toEqual({ drafts: 1, waitlist: 1, codes: 1, sessions: 1, emails: 1 })
    const decided = getDb()
      .select()
      .from(privacyRequests)
      .where(eq(privacyRequests.id, made.requestId))
      .get()!
    expect(JSON.parse(decided.outcome!)).toEqual({ refusal: 'legal-hold' })
    // Decided once.
    expect(
      decidePrivacyRequest({
        requestId: made.requestId,
        decision: 'refuse',
        reason: 'Again',
        actor: admin(),
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: 'already-decided' })
  })

  test('a second erasure of an erased record is refused', () => {
    const p = patientWith('cancelled', 14)
    const made = ask(p, 'erasure')
    if (!made.ok) throw new Error('not made')
    decidePrivacyRequest({
      requestId: made.requestId,
      decision: 'grant',
      reason: 'Erased.',
      actor: admin(),
      now: NOW,
    })
    expect(previewErasure(p.patientId, NOW)!.plan).toEqual({
      outcome: 'refused',
      reason: 'already-erased',
    })
  })

  test('a restriction, granted, keeps everyone but admins out', () => {
    const p = patientWith('confirmed', 40)
    const made = ask(p, 'restriction')
    if (!made.ok) throw new Error('not made')
    expect(mayOpenPatient(['reception'], p.patientId)).toBe(true)
    decidePrivacyRequest({
      requestId: made.requestId,
      decision: 'grant',
      reason: 'Restricted while we check your details.',
      actor: admin(),
      now: NOW,
    })
    expect(mayOpenPatient(['reception'], p.patientId)).toBe(false)
    expect(mayOpenPatient(['clinician'], p.patientId)).toBe(false)
    expect(mayOpenPatient(['admin'], p.patientId)).toBe(true)
  })

  test('the clinic’s retention period sets how long a treated patient’s record is kept', () => {
    setRecordRetentionYears({ years: 5, actor: admin(), now: NOW })
    const p = patientWith('completed', -30)
    expect(previewErasure(p.patientId, NOW)!.plan).toMatchObject({
      outcome: 'partly_granted',
      keepUntil: new Date('2031-10-26T08:00:00Z'),
    })
    setRecordRetentionYears({ years: 10, actor: admin(), now: NOW })
  })

  test('every table with a key to patients is declared: handled by erasure or kept as a clinical record', () => {
    const tables = [...new Set(patientReferences().map((ref) => ref.table))].sort()
    expect(tables).toEqual(Object.keys(PATIENT_REFERENCES).sort())
  })
})
