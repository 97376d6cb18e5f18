import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, consentRecords, patients } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot, PATIENT } from '#tests/support/booking-fixtures.ts'
import { DEMO_ADMIN, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { getPatientChart } from './patient-chart.server.ts'
import {
  getMergeSurvivor,
  mergedInto,
  mergePatients,
  previewPatientMerge,
} from './patient-merge.server.ts'
import { searchPatients } from './patient-search.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000

/** The same person booked a second time with another email: a duplicate record. */
const SAME_PERSON = {
  fullName: 'Chiara Esposito',
  email: 'chiara.e@example.net',
  phone: '+393331234567',
  dateOfBirth: PATIENT.dateOfBirth,
}
/** Someone else entirely. */
const OTHER = {
  fullName: 'Paolo Neri',
  email: 'paolo.neri@example.com',
  phone: '+393401112233',
  dateOfBirth: '1975-01-20',
}

const idOf = (email: string) =>
  getDb().select({ id: patients.id }).from(patients).where(eq(patients.email, email)).get()!.id

async function twoRecordsOfOnePerson() {
  const first = firstFreeSlot('medical-face', NOW)
  const a = await bookForPatient('medical-face', first, NOW)
  const second = firstFreeSlot('skin-boost', new Date(first.startAt + DAY))
  const b = await bookForPatient('skin-boost', second, NOW, SAME_PERSON)
  return {
    survivorId: idOf(PATIENT.email),
    duplicateId: idOf(SAME_PERSON.email),
    references: [a.reference, b.reference],
  }
}

const admin = () => staffActorFor(DEMO_ADMIN)

describe('merging two records of one person', () => {
  test('the preview counts what will show in the survivor’s chart', async () => {
    const { survivorId, duplicateId } = await twoRecordsOfOnePerson()
    const preview = previewPatientMerge({ survivorId, duplicateId })
    expect(preview).toMatchObject({
      ok: true,
      preview: {
        survivor: { id: survivorId, email: PATIENT.email },
        duplicate: { id: duplicateId, email: SAME_PERSON.email },
        moves: { bookings: 1, screenings: 1, consents: 1 },
      },
    })
  })

  test('marks the duplicate only; the survivor’s chart and search show both histories', async () => {
    const { survivorId, duplicateId, references } = await twoRecordsOfOnePerson()
    const db = getDb()
    const bookingsBefore = db.select().from(bookings).all()
    const consentsBefore = db.select().from(consentRecords).all()

    expect(mergePatients({ survivorId, duplicateId, actor: admin(), now: NOW }).ok).toBe(true)

    // Nothing rewritten: every booking and consent keeps the patient it was written for.
    expect(db.select().from(bookings).all()).toEqual(bookingsBefore)
    expect(db.select().from(consentRecords).all()).toEqual(consentsBefore)
    expect(db.select().from(patients).where(eq(patients.id, duplicateId)).get()).toMatchObject({
      mergedIntoPatientId: survivorId,
      email: SAME_PERSON.email,
    })

    expect(mergedInto(duplicateId)).toBe(survivorId)
    expect(mergedInto(survivorId)).toBeNull()
    const chart = getPatientChart({
      patientId: survivorId,
      actor: admin(),
      viewerRoles: ['admin'],
      now: NOW,
      locale: 'en',
    })!
    expect(chart.upcoming.map((b) => b.reference).sort()).toEqual([...references].sort())
    expect(chart.mergedRecords).toEqual([expect.objectContaining({ email: SAME_PERSON.email })])
    expect(
      chart.timeline.filter((entry) => entry.kind === 'consent_signed').map((e) => e.reference),
    ).toEqual(expect.arrayContaining(references))

    // The old email still finds the person, once, as the survivor.
    for (const query of [SAME_PERSON.email, PATIENT.email, 'Chiara Esposito']) {
      const found = searchPatients({
        query,
        actor: admin(),
        now: NOW,
        locale: 'en',
        viewerRoles: ['admin'],
      })
      expect(found.results).toEqual([
        expect.objectContaining({ id: survivorId, bookingCount: 2, mergedRecords: 1 }),
      ])
    }

    const audit = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'patient.merged'))
      .all()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ subjectId: duplicateId, patientId: survivorId })
    // Ids only: no name, email or anything typed.
    expect(JSON.parse(audit[0]!.details!)).toEqual({ survivorId, duplicateId })
    expect(verifyAuditChain(db)).toMatchObject({ ok: true })
  })

  test('refuses a record with itself, a record already merged and a merged survivor', async () => {
    const { survivorId, duplicateId } = await twoRecordsOfOnePerson()
    const slot = firstFreeSlot('consultation', new Date(NOW.getTime() + 3 * DAY))
    await bookForPatient('consultation', slot, NOW, OTHER)
    const otherId = idOf(OTHER.email)
    const merge = (survivor: string, duplicate: string) =>
      mergePatients({ survivorId: survivor, duplicateId: duplicate, actor: admin(), now: NOW })

    expect(merge(survivorId, survivorId)).toEqual({ ok: false, reason: 'same-record' })
    expect(merge(survivorId, 'no-such-record')).toEqual({ ok: false, reason: 'not-found' })
    expect(merge(survivorId, duplicateId).ok).toBe(true)
    expect(merge(survivorId, duplicateId)).toEqual({ ok: false, reason: 'duplicate-merged' })
    expect(merge(otherId, duplicateId)).toEqual({ ok: false, reason: 'duplicate-merged' })
    expect(merge(duplicateId, otherId)).toEqual({ ok: false, reason: 'survivor-merged' })
    expect(getMergeSurvivor(duplicateId)).toEqual({ ok: false, reason: 'survivor-merged' })
    expect(
      getDb().select().from(auditEvents).where(eq(auditEvents.action, 'patient.merged')).all(),
    ).toHaveLength(1)
    expect(mergedInto(otherId)).toBeNull()
  })
})
