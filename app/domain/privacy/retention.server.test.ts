import { randomUUID } from 'node:crypto'
import { eq, inArray, like } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { recordAuditEvent, verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookingDrafts,
  bookings,
  emailOutbox,
  emailVerifications,
  patients,
  patientSessions,
  retentionRuns,
} from '#db/schema/index.ts'
import { insertBooking, practitionerIdOf, serviceIdOf } from '#tests/factories/bookings.ts'
import {
  listRetentionJobStatus,
  purgeAbandonedDrafts,
  purgeExpiredEmailCodes,
  purgeUnverifiedPatients,
  reduceOldOutboxBodies,
  runRetentionJobs,
} from './retention.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 60 * 60_000
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY)

function retentionAudits(action: string) {
  return getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).all()
}

/** A patient session that is still open (drafts and codes hang off one). */
function openSession(): string {
  const tokenHash = randomUUID()
  getDb()
    .insert(patientSessions)
    .values({ tokenHash, lastSeenAt: NOW, absoluteExpiresAt: new Date(NOW.getTime() + DAY) })
    .run()
  return tokenHash
}

function insertDraft(updatedAt: Date, heldBookingId: string | null = null): string {
  return getDb()
    .insert(bookingDrafts)
    .values({
      sessionTokenHash: openSession(),
      serviceId: serviceIdOf('consultation'),
      heldBookingId,
      fullName: 'Chiara Esposito',
      email: 'chiara.esposito@example.com',
      createdAt: updatedAt,
      updatedAt,
    })
    .returning({ id: bookingDrafts.id })
    .get().id
}

let holdCounter = 0
/** A hold (no patient yet) that lapses at `expiresAt`, on a day of its own. */
function insertHold(expiresAt: Date, status: 'held' | 'expired' = 'held'): string {
  holdCounter += 1
  const startAt = new Date(Date.UTC(2026, 11, 1 + holdCounter, 9))
  return getDb()
    .insert(bookings)
    .values({
      reference: `DD-H${String(holdCounter).padStart(5, '0')}`,
      serviceId: serviceIdOf('consultation'),
      practitionerId: practitionerIdOf('giulia'),
      status,
      startAt,
      endAt: new Date(startAt.getTime() + 30 * 60_000),
      blockedUntil: new Date(startAt.getTime() + 30 * 60_000),
      timeZone: 'Europe/Rome',
      holdExpiresAt: expiresAt,
    })
    .returning({ id: bookings.id })
    .get().id
}

function insertPatient(createdAt: Date, email = `${randomUUID()}@example.com`): string {
  return getDb()
    .insert(patients)
    .values({
      email,
      fullName: 'Paola Neri',
      phone: '+390212345678',
      dateOfBirth: '1990-01-01',
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: patients.id })
    .get().id
}

describe('retention: abandoned drafts and lapsed holds', () => {
  test('drafts past 7 days go with their lapsed holds’ links; recent ones and the hold rows stay', () => {
    const old = insertDraft(daysAgo(8))
    const recent = insertDraft(daysAgo(2))
    const lapsedHold = insertHold(daysAgo(8), 'expired')
    const withLapsedHold = insertDraft(daysAgo(8), lapsedHold)
    const stillHeld = insertDraft(daysAgo(8), insertHold(daysAgo(3)))

    expect(purgeAbandonedDrafts(NOW)).toEqual({ drafts: 2, lapsedHolds: 1 })

    const left = getDb().select({ id: bookingDrafts.id }).from(bookingDrafts).all()
    expect(left.map((row) => row.id).sort()).toEqual([recent, stillHeld].sort())
    // The hold row is the booking's history: kept, and it names no one.
    const hold = getDb().select().from(bookings).where(eq(bookings.id, lapsedHold)).get()
    expect(hold).toMatchObject({ status: 'expired', patientId: null })

    const [audit] = retentionAudits('retention.drafts.ran')
    expect(JSON.parse(audit!.details)).toEqual({
      drafts: 2,
      lapsedHolds: 1,
      draftIds: expect.arrayContaining([old, withLapsedHold]),
    })
    expect(audit!.details).not.toMatch(/Chiara|example\.com/)

    // Idempotent: nothing more to remove, no second audit row, but the run is recorded.
    expect(purgeAbandonedDrafts(new Date(NOW.getTime() + 60_000))).toEqual({
      drafts: 0,
      lapsedHolds: 0,
    })
    expect(retentionAudits('retention.drafts.ran')).toHaveLength(1)
    expect(
      getDb().select().from(retentionRuns).where(eq(retentionRuns.job, 'drafts')).all(),
    ).toHaveLength(2)
  })
})

describe('retention: unverified patients', () => {
  test('a patient past 30 days whom nothing references goes; any reference keeps one', () => {
    const alone = insertPatient(daysAgo(31))
    const young = insertPatient(daysAgo(10))
    const booked = insertBooking({
      practitioner: 'marco',
      service: 'consultation',
      startAt: new Date('2026-10-01T09:00:00Z'),
    })
    const bookedPatient = getDb()
      .select({ id: bookings.patientId })
      .from(bookings)
      .where(eq(bookings.id, booked.id))
      .get()!.id!
    getDb()
      .update(patients)
      .set({ createdAt: daysAgo(60) })
      .where(eq(patients.id, bookedPatient))
      .run()
    // A merge (ADR 041): the survivor is referenced, the merged record points at it.
    const survivor = insertPatient(daysAgo(40))
    const merged = insertPatient(daysAgo(40))
    getDb()
      .update(patients)
      .set({ mergedIntoPatientId: survivor })
      .where(eq(patients.id, merged))
      .run()

    expect(purgeUnverifiedPatients(NOW)).toEqual({ patients: 1 })

    const left = getDb()
      .select({ id: patients.id })
      .from(patients)
      .where(inArray(patients.id, [alone, young, bookedPatient, survivor, merged]))
      .all()
      .map((row) => row.id)
    expect(left.sort()).toEqual([young, bookedPatient, survivor, merged].sort())
    const [audit] = retentionAudits('retention.unverified_patients.ran')
    expect(JSON.parse(audit!.details)).toEqual({ patients: 1, patientIds: [alone] })
    expect(purgeUnverifiedPatients(NOW)).toEqual({ patients: 0 })
    expect(retentionAudits('retention.unverified_patients.ran')).toHaveLength(1)
  })
})

describe('retention: email codes', () => {
  test('codes that expired more than a day ago go, used or not; fresher ones stay', () => {
    const session = openSession()
    const insertCode = (expiresAt: Date, consumedAt: Date | null = null) =>
      getDb()
        .insert(emailVerifications)
        .values({
          sessionTokenHash: session,
          email: 'chiara.esposito@example.com',
          purpose: 'booking',
          codeHash: randomUUID(),
          expiresAt,
          consumedAt,
          createdAt: new Date(expiresAt.getTime() - 10 * 60_000),
        })
        .returning({ id: emailVerifications.id })
        .get().id
    const old = insertCode(daysAgo(2))
    const oldUsed = insertCode(daysAgo(3), daysAgo(3))
    const fresh = insertCode(new Date(NOW.getTime() - 60 * 60_000))

    expect(purgeExpiredEmailCodes(NOW)).toEqual({ codes: 2 })
    const left = getDb().select({ id: emailVerifications.id }).from(emailVerifications).all()
    expect(left.map((row) => row.id)).toEqual([fresh])
    const [audit] = retentionAudits('retention.email_codes.ran')
    expect(JSON.parse(audit!.details)).toEqual({
      codes: 2,
      codeIds: expect.arrayContaining([old, oldUsed]),
    })
    expect(purgeExpiredEmailCodes(NOW)).toEqual({ codes: 0 })
  })
})

describe('retention: outbox bodies', () => {
  test('emails sent or failed more than 90 days ago keep their headers only', () => {
    const insertEmail = (values: {
      status: 'pending' | 'sent' | 'failed'
      createdAt: Date
      sentAt?: Date
    }) =>
      getDb()
        .insert(emailOutbox)
        .values({
          dedupeKey: `test:${randomUUID()}`,
          toAddress: 'chiara.esposito@example.com',
          subject: 'Your visit',
          textBody: 'See you on Tuesday, Chiara.',
          htmlBody: '<p>See you on Tuesday, Chiara.</p>',
          icsContent: 'BEGIN:VCALENDAR',
          icsFilename: 'visit.ics',
          nextAttemptAt: values.createdAt,
          messageId: `<${randomUUID()}@dermadesk>`,
          ...values,
        })
        .returning({ id: emailOutbox.id })
        .get().id
    const oldSent = insertEmail({ status: 'sent', createdAt: daysAgo(92), sentAt: daysAgo(91) })
    const recentSent = insertEmail({ status: 'sent', createdAt: daysAgo(11), sentAt: daysAgo(10) })
    const oldFailed = insertEmail({ status: 'failed', createdAt: daysAgo(100) })
    const oldPending = insertEmail({ status: 'pending', createdAt: daysAgo(100) })

    expect(reduceOldOutboxBodies(NOW)).toEqual({ emails: 2 })
    const rows = getDb()
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.dedupeKey, 'test:%'))
      .all()
    const byId = new Map(rows.map((row) => [row.id, row]))
    for (const id of [oldSent, oldFailed])
      expect(byId.get(id)).toMatchObject({
        toAddress: 'chiara.esposito@example.com',
        subject: 'Your visit',
        textBody: '',
        htmlBody: null,
        icsContent: null,
        icsFilename: null,
      })
    expect(byId.get(oldSent)!.sentAt).toEqual(daysAgo(91))
    for (const id of [recentSent, oldPending])
      expect(byId.get(id)).toMatchObject({ textBody: 'See you on Tuesday, Chiara.' })
    const [audit] = retentionAudits('retention.outbox_bodies.ran')
    expect(JSON.parse(audit!.details)).toEqual({
      emails: 2,
      emailIds: expect.arrayContaining([oldSent, oldFailed]),
    })
    expect(reduceOldOutboxBodies(NOW)).toEqual({ emails: 0 })
  })
})

describe('retention and the audit chain', () => {
  test('the chain verifies after the jobs removed rows that audit events are about', () => {
    const patientId = insertPatient(daysAgo(45), 'paola.neri@example.com')
    const draftId = insertDraft(daysAgo(9))
    recordAuditEvent(getDb(), {
      action: 'patient.viewed',
      actor: { type: 'staff', id: 'someone' },
      subjectType: 'patient',
      subjectId: patientId,
      patientId,
      at: daysAgo(44),
    })
    recordAuditEvent(getDb(), {
      action: 'booking.draft_started',
      actor: { type: 'patient' },
      subjectType: 'booking_draft',
      subjectId: draftId,
      at: daysAgo(9),
    })

    const first = runRetentionJobs(NOW)
    expect(first).toMatchObject({ drafts: 1, patients: 1 })
    expect(getDb().select().from(patients).where(eq(patients.id, patientId)).get()).toBeUndefined()
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: true })

    // What the chain says about the removed rows is ids only.
    const written = getDb()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(like(auditEvents.action, 'retention.%'))
      .all()
    expect(written.length).toBeGreaterThan(0)
    for (const row of written) expect(row.details).not.toMatch(/paola|Neri|Chiara|@/i)

    // A second run removes nothing.
    const second = runRetentionJobs(new Date(NOW.getTime() + 60 * 60_000))
    expect(Object.values(second).every((count) => count === 0)).toBe(true)
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: true })

    const status = listRetentionJobStatus()
    expect(status.map((s) => s.job)).toEqual([
      'drafts',
      'unverified_patients',
      'email_codes',
      'outbox_bodies',
    ])
    expect(status[0]!.lastRun).toEqual({
      ranAt: new Date(NOW.getTime() + 60 * 60_000),
      counts: { drafts: 0, lapsedHolds: 0 },
    })
  })
})
