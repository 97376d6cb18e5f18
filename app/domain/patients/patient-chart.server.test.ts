import { desc, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, patients } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot, PATIENT } from '#tests/support/booking-fixtures.ts'
import { DEMO_CLINICIAN, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { completeBookingForTest } from '#tests/support/treatment-fixtures.ts'
import { getPatientChart } from './patient-chart.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000

function chartOf(email: string, now: Date) {
  const patient = getDb().select().from(patients).where(eq(patients.email, email)).get()!
  return getPatientChart({
    patientId: patient.id,
    actor: staffActorFor(DEMO_CLINICIAN),
    viewerRoles: ['clinician'],
    now,
    locale: 'en',
  })!
}

describe('a patient’s chart', () => {
  test('shows a booked treatment with its screening, consent, timeline and course', async () => {
    const slot = firstFreeSlot('medical-face', NOW)
    const { reference } = await bookForPatient('medical-face', slot, NOW)
    const chart = chartOf(PATIENT.email, NOW)

    expect(chart.patient).toMatchObject({ fullName: PATIENT.fullName, email: PATIENT.email })
    expect(chart.upcoming).toHaveLength(1)
    expect(chart.upcoming[0]).toMatchObject({
      reference,
      kind: 'treatment',
      screening: 'clear',
      consent: 'signed',
      blockers: [],
    })
    const kinds = chart.timeline.map((entry) => entry.kind)
    expect(kinds).toEqual(
      expect.arrayContaining(['booked', 'screening', 'consent_signed', 'message']),
    )
    // Newest first.
    const times = chart.timeline.map((entry) => entry.at)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(chart.courses).toEqual([
      expect.objectContaining({ tier: 'medical', done: 0, booked: 1, plan: { min: 3, max: 6 } }),
    ])
  })

  test('after a completed session, the next may not start before the healing gap', async () => {
    const slot = firstFreeSlot('medical-face', NOW)
    const { reference } = await bookForPatient('medical-face', slot, NOW)
    completeBookingForTest(reference, new Date(slot.startAt + 3600_000))
    const later = new Date(slot.startAt + 2 * DAY)
    const chart = chartOf(PATIENT.email, later)
    expect(chart.upcoming).toEqual([])
    expect(chart.past[0]).toMatchObject({ reference, status: 'completed' })
    expect(chart.courses[0]).toMatchObject({
      done: 1,
      booked: 0,
      nextFrom: slot.startAt + 28 * DAY,
    })
  })

  test('an upcoming session without a valid consent names what blocks it', async () => {
    const slot = firstFreeSlot('medical-face', NOW)
    const { reference } = await bookForPatient('medical-face', slot, NOW)
    // Nine months on the consent has lapsed for a session booked a year out.
    const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
    const farStart = new Date(booking.startAt.getTime() + 400 * DAY)
    getDb()
      .update(bookings)
      .set({
        startAt: farStart,
        endAt: new Date(farStart.getTime() + 3600_000),
        blockedUntil: new Date(farStart.getTime() + 3600_000),
      })
      .where(eq(bookings.id, booking.id))
      .run()
    const [upcoming] = chartOf(PATIENT.email, NOW).upcoming
    expect(upcoming!.blockers).toEqual(expect.arrayContaining(['screening', 'consent']))
  })

  test('every view is audited against the patient, and the chain verifies', async () => {
    const slot = firstFreeSlot('medical-face', NOW)
    await bookForPatient('medical-face', slot, NOW)
    const chart = chartOf(PATIENT.email, NOW)
    const row = getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()!
    expect(row).toMatchObject({
      action: 'patient.chart_viewed',
      patientId: chart.patient.id,
      subjectId: chart.patient.id,
      actorType: 'staff',
    })
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: true })
  })

  test('an unknown patient has no chart', () => {
    expect(
      getPatientChart({
        patientId: 'nobody',
        actor: staffActorFor(DEMO_CLINICIAN),
        viewerRoles: ['clinician'],
        now: NOW,
        locale: 'en',
      }),
    ).toBeNull()
  })
})
