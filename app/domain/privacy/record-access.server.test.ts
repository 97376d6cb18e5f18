import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { mergePatients } from '#app/domain/patients/patient-merge.server.ts'
import { getAppointmentDetail } from '#app/domain/treatment/appointment-detail.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, patients } from '#db/schema/index.ts'
import { insertBooking } from '#tests/factories/bookings.ts'
import { DEMO_ADMIN, DEMO_CLINICIAN, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { getPatientRecordAccess, getRecordAccessForStaff } from './record-access.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const RECEPTIONIST = 'chiara.conti@dermadesk.example'
const DAY = 24 * 3600_000

function visit(name: string, days = 3) {
  const booking = insertBooking({
    practitioner: 'giulia',
    service: 'skin-boost',
    startAt: new Date(NOW.getTime() + days * DAY),
    patientName: name,
  })
  const row = getDb()
    .select({ patientId: bookings.patientId, email: patients.email })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(eq(bookings.id, booking.id))
    .get()!
  return { ...booking, patientId: row.patientId!, email: row.email }
}

function open(bookingId: string, email: string, roles: ('clinician' | 'reception')[], at = NOW) {
  getAppointmentDetail({ bookingId, actor: staffActorFor(email), viewerRoles: roles, now: at })
}

const sessionOf = (email: string): PatientSession => ({
  tokenHash: 'test',
  verifiedEmail: email,
  provenBy: 'email_code',
  provenBookingId: null,
})
const patientActor = { type: 'patient' as const, ipAddress: '127.0.0.1', requestId: 'test' }

describe('who looked at my record', () => {
  test('lists the clinician’s and the receptionist’s views, newest first, with their roles', () => {
    const mine = visit('Anna Rossi')
    open(mine.id, RECEPTIONIST, ['reception'], new Date(NOW.getTime() - 2 * 60_000))
    open(mine.id, DEMO_CLINICIAN, ['clinician'], new Date(NOW.getTime() - 60_000))

    const report = getPatientRecordAccess({
      session: sessionOf(mine.email),
      reference: mine.reference,
      now: NOW,
      actor: patientActor,
    })!
    expect(
      report.entries
        .filter((entry) => entry.action === 'visit.viewed')
        .map(({ action, subjectType, staffName, roles }) => ({
          action,
          subjectType,
          staffName,
          roles,
        })),
    ).toEqual([
      {
        action: 'visit.viewed',
        subjectType: 'booking',
        staffName: 'Marco Bianchi',
        roles: ['clinician'],
      },
      {
        action: 'visit.viewed',
        subjectType: 'booking',
        staffName: 'Chiara Conti',
        roles: ['reception'],
      },
    ])
    expect(report).toMatchObject({ truncated: false, reference: mine.reference })
    // No details leave the domain: only the action and record names.
    expect(Object.keys(report.entries[0]!).sort()).toEqual(
      ['action', 'at', 'roles', 'seq', 'staffName', 'subjectType'].sort(),
    )
  })

  test('another patient’s accesses are not listed, and the patient’s own views are not either', () => {
    const mine = visit('Anna Rossi')
    const theirs = visit('Bruno Verdi', 4)
    open(theirs.id, DEMO_CLINICIAN, ['clinician'])
    const query = { session: sessionOf(mine.email), reference: mine.reference, actor: patientActor }
    // The patient reads the list twice: their own reads are never entries.
    getPatientRecordAccess({ ...query, now: NOW })
    expect(
      getPatientRecordAccess({ ...query, now: new Date(NOW.getTime() + 1000) })!.entries,
    ).toEqual([])
  })

  test('a patient proven for one booking cannot read another patient’s list', () => {
    const mine = visit('Anna Rossi')
    const theirs = visit('Bruno Verdi', 4)
    expect(
      getPatientRecordAccess({
        session: sessionOf(mine.email),
        reference: theirs.reference,
        now: NOW,
        actor: patientActor,
      }),
    ).toBeNull()
  })

  test('entries older than 12 months are left out', () => {
    const mine = visit('Anna Rossi')
    open(mine.id, DEMO_CLINICIAN, ['clinician'], new Date(NOW.getTime() - 400 * DAY))
    const report = getRecordAccessForStaff({
      patientId: mine.patientId,
      actor: { type: 'staff', id: staffActorFor(DEMO_ADMIN).userId },
      now: NOW,
    })
    expect(report.ok && report.report.entries).toEqual([])
  })

  test('a merged record’s accesses are on the survivor’s list, for staff and for the patient', () => {
    const survivor = visit('Anna Rossi')
    const duplicate = visit('Anna Rossi', 5)
    open(duplicate.id, DEMO_CLINICIAN, ['clinician'], new Date(NOW.getTime() - 60_000))
    const admin = staffActorFor(DEMO_ADMIN)
    expect(
      mergePatients({
        survivorId: survivor.patientId,
        duplicateId: duplicate.patientId,
        actor: admin,
        now: new Date(NOW.getTime() - 30_000),
      }).ok,
    ).toBe(true)

    const staff = getRecordAccessForStaff({
      patientId: survivor.patientId,
      actor: { type: 'staff', id: admin.userId },
      now: NOW,
    })
    const actions = staff.ok ? staff.report.entries.map((entry) => entry.action) : []
    expect(actions[0]).toBe('patient.merged')
    expect(actions).toContain('visit.viewed')
    // The duplicate's id answers with the survivor.
    expect(
      getRecordAccessForStaff({
        patientId: duplicate.patientId,
        actor: { type: 'staff', id: admin.userId },
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: 'merged', survivorId: survivor.patientId })
    // The patient, from the duplicate's booking, sees the whole list too.
    const own = getPatientRecordAccess({
      session: sessionOf(duplicate.email),
      reference: duplicate.reference,
      now: new Date(NOW.getTime() + 1000),
      actor: patientActor,
    })!
    expect(own.entries.map((entry) => entry.action)).toEqual([
      'privacy.access_report.viewed',
      ...actions,
    ])
  })

  test('each read of the list is audited, and an unknown patient is not found', () => {
    const mine = visit('Anna Rossi')
    const admin = staffActorFor(DEMO_ADMIN)
    getRecordAccessForStaff({
      patientId: mine.patientId,
      actor: { type: 'staff', id: admin.userId },
      now: NOW,
    })
    getPatientRecordAccess({
      session: sessionOf(mine.email),
      reference: mine.reference,
      now: NOW,
      actor: patientActor,
    })
    const rows = getDb()
      .select({ actorType: auditEvents.actorType, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'privacy.access_report.viewed'),
          eq(auditEvents.patientId, mine.patientId),
        ),
      )
      .all()
    expect(rows).toEqual([
      { actorType: 'staff', actorId: admin.userId },
      { actorType: 'patient', actorId: mine.patientId },
    ])
    expect(
      getRecordAccessForStaff({
        patientId: 'nobody',
        actor: { type: 'staff', id: admin.userId },
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: 'not-found' })
    expect(verifyAuditChain(getDb()).ok).toBe(true)
  })
})
