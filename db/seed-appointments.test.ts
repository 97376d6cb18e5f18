import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getAgenda } from '#app/domain/agenda/agenda.server.ts'
import { instantAt, localDateOf, weekdayOf } from '#app/domain/shared/calendar.rules.ts'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { getConsentStatus } from '#app/domain/consent/consent-status.server.ts'
import { loadConsentRecordView } from '#app/domain/consent/consent-records.server.ts'
import { getBookingScreeningStatus } from '#app/domain/screening/screening-visit.server.ts'
import { getDb } from './client.server.ts'
import { bookings, consentRecords, userRoles, users, workingHours } from './schema/index.ts'
import { seedDemoAppointments } from './seed-appointments.ts'

// Wednesday 25 November 2026, 08:00 in Milan: Dr Romano, Marco Bianchi and Luca Ferrari work.
const NOW = new Date('2026-11-25T07:00:00Z')

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

describe('demo appointments', () => {
  test('give each clinician a useful agenda today, with every kind of badge', () => {
    const count = seedDemoAppointments(getDb(), NOW)
    expect(count).toBeGreaterThan(15)

    const giulia = getAgenda({
      user: staff('giulia.romano@dermadesk.example'),
      view: 'day',
      date: '2026-11-25',
      now: NOW,
    })
    // Three each for Giulia and Luca; two for Marco, who works only the morning on Wednesdays.
    expect(giulia.appointments.length).toBe(8)
    const marcoToday = getAgenda({
      user: staff('marco.bianchi@dermadesk.example'),
      view: 'day',
      date: '2026-11-25',
      now: NOW,
    }).appointments
    expect(
      marcoToday.map((a) => [a.screening, a.consent, a.course, a.firstVisit, a.status]),
    ).toEqual([
      ['clear', 'signed', 'Session 1 of 3', true, 'confirmed'],
      ['needs_review', 'signed', 'Session 1 of 3', true, 'pending_review'],
    ])
    const giuliaOwn = giulia.appointments.filter((a) => a.practitionerName === 'Dr Giulia Romano')
    expect(
      giuliaOwn.map((a) => [a.screening, a.consent, a.course, a.firstVisit, a.status]),
    ).toEqual([
      ['clear', 'signed', 'Session 1 of 3', true, 'confirmed'],
      ['needs_review', 'signed', 'Session 1 of 3', true, 'pending_review'],
      ['clear', 'countersigned', 'Session 2 of 3', false, 'confirmed'],
    ])

    const week = getAgenda({
      user: staff('elena.greco@dermadesk.example'),
      view: 'week',
      date: '2026-11-25',
      now: NOW,
    }).appointments
    const seen = new Set(week.map((a) => a.screening))
    for (const badge of ['clear', 'needs_review', 'approved', 'renewal_due', 'not_required'])
      expect(seen).toContain(badge)
    // Aestheticians (Sofia, Luca) get visits today only, so that their coming days stay free.
    const aestheticians = week.filter((a) =>
      ['Sofia Conti', 'Luca Ferrari'].includes(a.practitionerName),
    )
    expect(aestheticians.length).toBe(3)
    for (const a of aestheticians) expect(localDateOf(a.startAt, 'Europe/Rome')).toBe('2026-11-25')

    // The agenda's batched badges agree with the one-booking functions.
    for (const a of week) {
      expect(getConsentStatus(a.bookingId)!.status).toBe(a.consent)
      const screening = getBookingScreeningStatus(a.bookingId)!
      if (a.screening === 'renewal_due') expect(screening.validity).toBe('renewal_due')
      if (a.screening === 'not_required') expect(screening.required).toBe(false)
    }
  })

  test('are written like real ones: hashes that verify, an intact audit chain, inside working hours', () => {
    seedDemoAppointments(getDb(), NOW)
    expect(verifyAuditChain(getDb()).ok).toBe(true)
    for (const { id } of getDb().select({ id: consentRecords.id }).from(consentRecords).all())
      expect(loadConsentRecordView(getDb(), id)!.integrity).toEqual({
        textMatches: true,
        recordMatches: true,
      })
    const events = getDb()
      .$client.prepare(
        'SELECT count(*) AS n FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM booking_events e WHERE e.booking_id = b.id)',
      )
      .get() as { n: number }
    expect(events.n).toBe(0)
    // Every visit lies inside its practitioner's working hours that day (clinic zone).
    const rows = getDb().select().from(bookings).all()
    const hours = getDb().select().from(workingHours).all()
    for (const b of rows) {
      const date = localDateOf(b.startAt.getTime(), 'Europe/Rome')
      const from = (b.startAt.getTime() - instantAt(date, 0, 'Europe/Rome')) / 60_000
      const to = from + (b.endAt.getTime() - b.startAt.getTime()) / 60_000
      expect(
        hours.some(
          (h) =>
            h.practitionerId === b.practitionerId &&
            h.weekday === weekdayOf(date) &&
            h.startMinute <= from &&
            to <= h.endMinute,
        ),
        `${b.reference} at ${date} minute ${from}`,
      ).toBe(true)
    }
  })
})
