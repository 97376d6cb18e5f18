import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { countersignConsent } from '#app/domain/consent/consent-staff.server.ts'
import { getConsentStatus } from '#app/domain/consent/consent-status.server.ts'
import { withdrawConsent } from '#app/domain/consent/consent-withdrawal.server.ts'
import { decideReview } from '#app/domain/screening/screening-decisions.server.ts'
import { latestBookingSubmission } from '#app/domain/screening/screening.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  availabilityExceptions,
  bookings,
  clinicClosures,
  practitioners,
  userRoles,
  users,
} from '#db/schema/index.ts'
import {
  bookForPatient,
  firstFreeSlot,
  patientActor,
  PATIENT,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { insertPublishedVersion } from '#tests/support/consent-fixtures.ts'
import { PAST_COLD_SORE, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { getAgenda } from './agenda.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z') // a Wednesday; the first free times are Thursday
const DAY = 24 * 3600_000
const ZONE = 'Europe/Rome'

function staff(email: string): StaffUser {
  const db = getDb()
  const user = db.select().from(users).where(eq(users.email, email)).get()!
  const roles = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, user.id))
    .all()
    .map((r) => r.role)
  return { id: user.id, email: user.email, name: user.name, roles }
}
const MARCO = () => staff('marco.bianchi@dermadesk.example') // nurse: clinician only
const GIULIA = () => staff('giulia.romano@dermadesk.example') // doctor: clinician and admin
const ELENA = () => staff('elena.greco@dermadesk.example') // admin only

function practitionerOf(name: string): string {
  return getDb()
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.displayName, name))
    .get()!.id
}

function patient(n: number) {
  return {
    fullName: `Agenda Patient ${n}`,
    email: `agenda.patient${n}@example.com`,
    phone: '+393331234567',
    dateOfBirth: PATIENT.dateOfBirth,
  }
}

/** Books the first free time of a practitioner through the wizard (answers clear unless given). */
async function book(
  slug: string,
  practitioner: string,
  n: number,
  options: { from?: Date; answers?: typeof PAST_COLD_SORE } = {},
) {
  const now = NOW
  const slot = firstFreeSlot(slug, options.from ?? now, practitionerOf(practitioner))
  const details = patient(n)
  const { session, reference } = await bookForPatient(
    slug,
    slot,
    now,
    details,
    options.answers ? { ...options.answers, dateOfBirth: details.dateOfBirth } : undefined,
  )
  const row = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  return { session, reference, booking: row, date: localDateOf(slot.startAt, ZONE) }
}

function agendaOf(
  user: StaffUser,
  date: string,
  practitioner?: string,
  view: 'day' | 'week' = 'day',
) {
  return getAgenda({
    user,
    view,
    date,
    practitioner,
    ipAddress: '10.0.0.5',
    requestId: 'test',
    now: NOW,
  })
}

describe('agenda scope', () => {
  test('a clinician sees only their own appointments; an admin sees everyone and can filter', async () => {
    const marco = await book('medical-face', 'Marco Bianchi', 1)
    const giulia = await book('consultation', 'Dr Giulia Romano', 2)
    const week = marco.date

    const own = agendaOf(MARCO(), week, undefined, 'week')
    expect(own.appointments.map((a) => a.reference)).toEqual([marco.reference])
    expect(own.canChoosePractitioner).toBe(false)
    expect(own.practitioners).toEqual([])
    // Asking for someone else's agenda changes nothing for a clinician.
    const asked = agendaOf(MARCO(), week, practitionerOf('Dr Giulia Romano'), 'week')
    expect(asked.appointments.map((a) => a.reference)).toEqual([marco.reference])

    for (const admin of [GIULIA(), ELENA()]) {
      const all = agendaOf(admin, week, undefined, 'week')
      expect(all.canChoosePractitioner).toBe(true)
      expect(all.practitioners.map((p) => p.name)).toContain('Marco Bianchi')
      expect(new Set(all.appointments.map((a) => a.reference))).toEqual(
        new Set([marco.reference, giulia.reference]),
      )
      const filtered = agendaOf(admin, week, practitionerOf('Marco Bianchi'), 'week')
      expect(filtered.chosenPractitioner).toBe(practitionerOf('Marco Bianchi'))
      expect(filtered.appointments.map((a) => a.reference)).toEqual([marco.reference])
      // An unknown practitioner is everyone again.
      const unknown = agendaOf(admin, week, '00000000-0000-4000-8000-000000000000', 'week')
      expect(unknown.chosenPractitioner).toBeNull()
      expect(unknown.appointments).toHaveLength(2)
    }
  })

  test('a day view holds only that day; cancelled bookings and holds are not shown', async () => {
    const kept = await book('medical-face', 'Marco Bianchi', 1)
    const cancelled = await book('medical-face', 'Marco Bianchi', 2)
    getDb()
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: NOW })
      .where(eq(bookings.id, cancelled.booking.id))
      .run()
    const session = sessionWithDraft('medical-face', NOW)
    const slot = firstFreeSlot('medical-face', NOW, practitionerOf('Marco Bianchi'))
    expect(holdSlot({ session, ...slot, now: NOW, actor: patientActor }).ok).toBe(true)
    expect(localDateOf(slot.startAt, ZONE)).toBe(kept.date)

    const day = agendaOf(MARCO(), kept.date)
    expect(day.dates).toEqual([kept.date])
    expect(day.appointments.map((a) => a.reference)).toEqual([kept.reference])
    expect(
      agendaOf(MARCO(), localDateOf(Date.parse(kept.date) + 8 * DAY, ZONE)).appointments,
    ).toEqual([])
  })

  test('a user with no practitioner profile and no admin role sees nothing', () => {
    const user = { ...ELENA(), roles: ['clinician' as const] }
    const agenda = agendaOf(user, '2026-11-26')
    expect(agenda.hasPractitioner).toBe(false)
    expect(agenda.appointments).toEqual([])
  })
})

describe('closures and time off', () => {
  test('the week lists the clinic closures and the time off of the practitioners in scope, never the note', () => {
    const db = getDb()
    db.insert(clinicClosures).values({ date: '2026-11-30', reason: 'Sant’Ambrogio' }).run()
    db.insert(availabilityExceptions)
      .values([
        {
          practitionerId: practitionerOf('Marco Bianchi'),
          kind: 'time_off',
          date: '2026-12-01',
          note: 'private reason',
        },
        {
          practitionerId: practitionerOf('Dr Giulia Romano'),
          kind: 'time_off',
          date: '2026-12-02',
          startMinute: 540,
          endMinute: 780,
        },
        // Extra hours are not time off; a day outside the week is not listed.
        {
          practitionerId: practitionerOf('Marco Bianchi'),
          kind: 'extra_hours',
          date: '2026-12-03',
          startMinute: 1080,
          endMinute: 1200,
        },
        {
          practitionerId: practitionerOf('Marco Bianchi'),
          kind: 'time_off',
          date: '2026-12-08',
        },
      ])
      .run()

    const week = agendaOf(ELENA(), '2026-12-02', undefined, 'week')
    expect(week.closures).toEqual([{ date: '2026-11-30', reason: 'Sant’Ambrogio' }])
    expect(week.timeOff).toEqual([
      {
        date: '2026-12-01',
        practitionerId: practitionerOf('Marco Bianchi'),
        practitionerName: 'Marco Bianchi',
        startMinute: null,
        endMinute: null,
      },
      {
        date: '2026-12-02',
        practitionerId: practitionerOf('Dr Giulia Romano'),
        practitionerName: 'Dr Giulia Romano',
        startMinute: 540,
        endMinute: 780,
      },
    ])
    expect(JSON.stringify(week)).not.toContain('private reason')
    // A clinician sees their own time off only; the closure is everyone's.
    const own = agendaOf(MARCO(), '2026-12-02', undefined, 'week')
    expect(own.timeOff.map((t) => t.practitionerName)).toEqual(['Marco Bianchi'])
    expect(own.closures).toHaveLength(1)
    // A day view holds that day alone.
    expect(agendaOf(ELENA(), '2026-12-01').timeOff.map((t) => t.date)).toEqual(['2026-12-01'])
    expect(agendaOf(ELENA(), '2026-12-01').closures).toEqual([])
  })
})

describe('agenda badges', () => {
  test('clear answers, signed consent, first visit, session 1 of 3, confirmed', async () => {
    const { booking, date } = await book('medical-face', 'Marco Bianchi', 1)
    const [a] = agendaOf(MARCO(), date).appointments
    expect(a).toMatchObject({
      bookingId: booking.id,
      status: 'confirmed',
      patientName: 'Agenda Patient 1',
      serviceName: 'Medical microneedling, face',
      tier: 'medical',
      isConsultation: false,
      screening: 'clear',
      openQuestion: false,
      consent: 'signed',
      course: 'Session 1 of 3',
      firstVisit: true,
    })
  })

  test('consent countersigned, then withdrawn', async () => {
    const { booking, date, session, reference } = await book('medical-face', 'Marco Bianchi', 1)
    expect(
      countersignConsent({ bookingId: booking.id, clinicianUserId: MARCO().id, now: NOW }).ok,
    ).toBe(true)
    expect(agendaOf(MARCO(), date).appointments[0]!.consent).toBe('countersigned')
    const withdrawn = withdrawConsent({
      session,
      reference,
      reason: null,
      now: new Date(NOW.getTime() + 1000),
      ipAddress: null,
      userAgent: null,
      requestId: null,
    })
    expect(withdrawn.ok).toBe(true)
    expect(agendaOf(MARCO(), date).appointments[0]!.consent).toBe('withdrawn')
    // The batched statuses agree with the one-booking function the detail page uses.
    expect(getConsentStatus(booking.id)!.status).toBe('withdrawn')
  })

  test('consent missing when a new form version applies; consultations need neither', async () => {
    const treatment = await book('medical-face', 'Marco Bianchi', 1)
    const consultation = await book('consultation', 'Marco Bianchi', 2)
    insertPublishedVersion('medical', new Date(NOW.getTime() + 1000))
    const appointments = agendaOf(MARCO(), treatment.date, undefined, 'week').appointments
    const byRef = new Map(appointments.map((a) => [a.reference, a]))
    expect(byRef.get(treatment.reference)).toMatchObject({ consent: 'missing', screening: 'clear' })
    expect(byRef.get(consultation.reference)).toMatchObject({
      consent: 'not_required',
      screening: 'not_required',
      isConsultation: true,
      course: 'Single visit',
    })
  })

  test('review pending, then approved by a clinician', async () => {
    const { booking, date } = await book('medical-face', 'Marco Bianchi', 1, {
      answers: PAST_COLD_SORE,
    })
    expect(agendaOf(MARCO(), date).appointments[0]).toMatchObject({
      status: 'pending_review',
      screening: 'needs_review',
    })
    const submissionId = latestBookingSubmission(getDb(), booking.id)!.id
    expect(
      decideReview({
        bookingId: booking.id,
        decision: { intent: 'approve', submissionId, note: '' },
        actor: staffActorFor('marco.bianchi@dermadesk.example'),
        now: new Date(NOW.getTime() + 60_000),
      }),
    ).toEqual({ ok: true })
    expect(agendaOf(MARCO(), date).appointments[0]).toMatchObject({
      status: 'confirmed',
      screening: 'approved',
    })
  })

  test('answers given more than 30 days before the appointment are due for renewal', async () => {
    // Answered on 25 November for a visit after 30 December.
    const later = await book('medical-face', 'Marco Bianchi', 1, {
      from: new Date(NOW.getTime() + 35 * DAY),
    })
    expect(later.booking.startAt.getTime() - NOW.getTime()).toBeGreaterThan(30 * DAY)
    expect(agendaOf(MARCO(), later.date).appointments[0]!.screening).toBe('renewal_due')
  })

  test('a second session of a course after a completed visit: session 2 of 3, not a first visit', async () => {
    const second = await book('medical-face', 'Marco Bianchi', 1)
    const db = getDb()
    // The first session, four weeks earlier, was done.
    db.insert(bookings)
      .values({
        ...second.booking,
        id: crypto.randomUUID(),
        reference: 'DD-AGND01',
        status: 'completed',
        startAt: new Date(second.booking.startAt.getTime() - 28 * DAY),
        endAt: new Date(second.booking.endAt.getTime() - 28 * DAY),
        blockedUntil: new Date(second.booking.blockedUntil.getTime() - 28 * DAY),
        completedAt: new Date(second.booking.endAt.getTime() - 28 * DAY),
      })
      .run()
    db.update(bookings)
      .set({ courseSessionNumber: 2 })
      .where(eq(bookings.id, second.booking.id))
      .run()
    expect(agendaOf(MARCO(), second.date).appointments[0]).toMatchObject({
      course: 'Session 2 of 3',
      firstVisit: false,
    })
    // The completed visit itself is on its own day's agenda, and was the first.
    const earlier = agendaOf(
      MARCO(),
      localDateOf(second.booking.startAt.getTime() - 28 * DAY, ZONE),
    )
    expect(earlier.appointments[0]).toMatchObject({ status: 'completed', firstVisit: true })
  })
})

describe('agenda audit', () => {
  test('every view is audited with who, what and which bookings (no health details)', async () => {
    const { booking, date } = await book('medical-face', 'Marco Bianchi', 1)
    agendaOf(MARCO(), date)
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'agenda.viewed'), eq(auditEvents.actorId, MARCO().id)))
      .all()
    expect(rows).toHaveLength(1)
    const details = JSON.parse(rows[0]!.details) as Record<string, unknown>
    expect(details).toMatchObject({
      view: 'day',
      date,
      appointments: 1,
      bookingIds: [booking.id],
    })
    expect(rows[0]!.details).not.toMatch(/cold|skin|answers|Agenda Patient/i)
    expect(rows[0]).toMatchObject({ ipAddress: '10.0.0.5', requestId: 'test', actorType: 'staff' })
  })
})
