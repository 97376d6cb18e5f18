import { eq, like } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cancelPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import { preVisitAdvice } from '#app/domain/clinical-content/tier-content.ts'
import { getDb } from '#db/client.server.ts'
import { bookings, emailOutbox, services } from '#db/schema/index.ts'
import {
  bookForPatient,
  firstFreeSlot,
  PATIENT,
  patientActor,
} from '#tests/support/booking-fixtures.ts'
import { completeBookingForTest, markNoShowForTest } from '#tests/support/treatment-fixtures.ts'
import { queueDueClinicalMessages } from './scheduled-messages.server.ts'

const HOUR = 3600_000
const DAY = 24 * HOUR

let patientCount = 0
/** A patient of their own for each booking: two needling visits of one patient are 28 days apart. */
function patient(label: string) {
  patientCount += 1
  return { ...PATIENT, fullName: `Anna Rossi`, email: `${label}.${patientCount}@example.com` }
}

/** Books a visit at the first free time from `from`, made at `bookedAt` (default: 4 days before). */
async function book(slug: string, from: Date, options: { bookedAt?: Date; email?: string } = {}) {
  const slot = firstFreeSlot(slug, from)
  const details = options.email ? { ...patient('x'), email: options.email } : patient(slug)
  const bookedAt = options.bookedAt ?? new Date(slot.startAt - 4 * DAY)
  const { session, reference } = await bookForPatient(slug, slot, bookedAt, details)
  return { session, reference, startAt: slot.startAt, email: details.email }
}

/** The clinical messages queued for a booking: the part of the dedupe key after the booking id. */
function queuedKinds(reference: string): string[] {
  const booking = getDb()
    .select({ id: bookings.id })
    .from(bookings)
    .where(eq(bookings.reference, reference))
    .get()!
  const prefix = `booking:${booking.id}:`
  return getDb()
    .select({ key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(like(emailOutbox.dedupeKey, `${prefix}%`))
    .all()
    .map((row) => row.key.slice(prefix.length))
    .filter((kind) => /^(reminder_48h|aftercare_day\d|next_session|maintenance)$/.test(kind))
    .sort()
}

function outboxRow(reference: string, kind: string) {
  const booking = getDb()
    .select({ id: bookings.id })
    .from(bookings)
    .where(eq(bookings.reference, reference))
    .get()!
  return getDb()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.dedupeKey, `booking:${booking.id}:${kind}`))
    .get()
}

const at = (ms: number) => new Date(ms)
// Three working days ahead: far enough for a 48-hour reminder of a booking made "now".
const AHEAD = () => new Date(Date.now() + 3 * DAY)

describe('the 48-hour reminder', () => {
  test('goes once, 48 hours before, with the pre-visit advice and a manage link', async () => {
    const visit = await book('medical-face', AHEAD())

    expect(queueDueClinicalMessages(at(visit.startAt - 48 * HOUR - 60_000)).queued).toBe(0)
    expect(queuedKinds(visit.reference)).toEqual([])

    expect(queueDueClinicalMessages(at(visit.startAt - 48 * HOUR)).queued).toBe(1)
    expect(queuedKinds(visit.reference)).toEqual(['reminder_48h'])
    const row = outboxRow(visit.reference, 'reminder_48h')!
    expect(row.toAddress).toBe(visit.email)
    expect(row.subject).toMatch(/^Reminder: your appointment on /)
    const visitMinutes = 60 // medical-face in the seed
    for (const line of preVisitAdvice({ tier: 'medical', isConsultation: false, visitMinutes }))
      expect(row.textBody).toContain(line)
    expect(row.textBody).toContain(`Allow ${visitMinutes} minutes for the visit.`)
    expect(row.textBody).not.toMatch(/about an hour/)
    expect(row.textBody).toMatch(/\/bookings\/manage\?token=[A-Za-z0-9_-]{43}/)
    expect(row.nextAttemptAt.getTime()).toBe(visit.startAt - 48 * HOUR)

    // Running again, then again a day later, queues nothing more.
    expect(queueDueClinicalMessages(at(visit.startAt - 48 * HOUR)).queued).toBe(0)
    expect(queueDueClinicalMessages(at(visit.startAt - 24 * HOUR)).queued).toBe(0)
    expect(queuedKinds(visit.reference)).toEqual(['reminder_48h'])
  })

  test('is not sent for a visit booked less than 48 hours ahead', async () => {
    const from = AHEAD()
    const slot = firstFreeSlot('medical-face', from)
    const visit = await book('medical-face', from, { bookedAt: at(slot.startAt - 30 * HOUR) })
    for (const hoursBefore of [29, 24, 12, 3])
      queueDueClinicalMessages(at(visit.startAt - hoursBefore * HOUR))
    expect(queuedKinds(visit.reference)).toEqual([])
  })

  test('is not sent for a cancelled visit', async () => {
    const visit = await book('medical-face', AHEAD())
    const cancelled = cancelPatientBooking({
      session: visit.session,
      reference: visit.reference,
      reason: null,
      now: at(visit.startAt - 72 * HOUR),
      actor: patientActor,
    })
    expect(cancelled.ok).toBe(true)
    queueDueClinicalMessages(at(visit.startAt - 47 * HOUR))
    expect(queuedKinds(visit.reference)).toEqual([])
  })
})

describe('aftercare on day 1, 3 and 7', () => {
  test('each goes once, on its day, counted from the completion', async () => {
    const visit = await book('medical-face', AHEAD())
    const done = visit.startAt + HOUR
    completeBookingForTest(visit.reference, at(done))

    expect(queueDueClinicalMessages(at(done + DAY - 60_000)).queued).toBe(0)
    for (const day of [1, 3, 7]) {
      expect(queueDueClinicalMessages(at(done + day * DAY)).queued, `day ${day}`).toBe(1)
      expect(queueDueClinicalMessages(at(done + day * DAY + HOUR)).queued, `day ${day}`).toBe(0)
      const row = outboxRow(visit.reference, `aftercare_day${day}`)!
      expect(row.subject).toBe(`Your skin after the treatment: day ${day}`)
      expect(row.toAddress).toBe(visit.email)
      expect(row.textBody).toContain('+39 02 8295 4410')
      expect(row.textBody).toMatch(/\/bookings\/manage\?token=[A-Za-z0-9_-]{43}/)
      // Not a change of the appointment: no calendar file.
      expect(row.icsContent).toBeNull()
    }
    expect(queueDueClinicalMessages(at(done + 2 * DAY)).queued).toBe(0)
    expect(queuedKinds(visit.reference)).toEqual([
      'aftercare_day1',
      'aftercare_day3',
      'aftercare_day7',
    ])
  })

  test('the manage link in the day-7 message still opens the booking weeks later', async () => {
    const visit = await book('skin-boost', AHEAD())
    const done = visit.startAt + HOUR
    completeBookingForTest(visit.reference, at(done))
    queueDueClinicalMessages(at(done + 7 * DAY))
    const token = /token=([A-Za-z0-9_-]{43})/.exec(
      outboxRow(visit.reference, 'aftercare_day7')!.textBody,
    )![1]!
    const { findBookingIdForManageToken } =
      await import('#app/domain/booking/manage-links.server.ts')
    expect(findBookingIdForManageToken(getDb(), token, at(done + 30 * DAY))).not.toBeNull()
  })

  test('no aftercare after a no-show, a cancellation or a consultation', async () => {
    const noShow = await book('skin-boost', AHEAD())
    markNoShowForTest(noShow.reference, at(noShow.startAt + HOUR))

    const cancelled = await book('medical-face', AHEAD())
    cancelPatientBooking({
      session: cancelled.session,
      reference: cancelled.reference,
      reason: null,
      now: at(cancelled.startAt - 72 * HOUR),
      actor: patientActor,
    })

    const consultation = await book('consultation', AHEAD())
    completeBookingForTest(consultation.reference, at(consultation.startAt + HOUR))

    for (const visit of [noShow, cancelled, consultation]) {
      for (let t = visit.startAt; t < visit.startAt + 130 * DAY; t += 6 * HOUR)
        queueDueClinicalMessages(at(t))
    }
    expect(queuedKinds(noShow.reference)).toEqual([])
    expect(queuedKinds(cancelled.reference)).toEqual([])
    expect(queuedKinds(consultation.reference)).toEqual([])
  })
})

describe('course prompts', () => {
  test('session 1 of 3 prompts the next one a week before the planned 4-week gap ends', async () => {
    const visit = await book('medical-face', AHEAD())
    const done = visit.startAt + HOUR
    completeBookingForTest(visit.reference, at(done))

    queueDueClinicalMessages(at(done + 21 * DAY - HOUR))
    expect(queuedKinds(visit.reference)).not.toContain('next_session')
    expect(queueDueClinicalMessages(at(done + 21 * DAY)).queued).toBe(1)
    expect(queueDueClinicalMessages(at(done + 24 * DAY)).queued).toBe(0)
    const row = outboxRow(visit.reference, 'next_session')!
    expect(row.subject).toBe('Time to book your next session')
    expect(row.textBody).toContain('/book')
    // Not the last session: no maintenance prompt later.
    queueDueClinicalMessages(at(done + 120 * DAY))
    expect(queuedKinds(visit.reference)).not.toContain('maintenance')
  })

  test('no prompt when the next session is already booked', async () => {
    const first = await book('medical-face', AHEAD())
    const done = first.startAt + HOUR
    completeBookingForTest(first.reference, at(done))
    // The patient books session 2 at the visit, five weeks on.
    const second = await book('medical-face', at(first.startAt + 35 * DAY), {
      email: first.email,
      bookedAt: at(done + HOUR),
    })
    expect(
      getDb()
        .select({ n: bookings.courseSessionNumber })
        .from(bookings)
        .where(eq(bookings.reference, second.reference))
        .get()?.n,
    ).toBe(2)

    for (let t = done; t < done + 28 * DAY; t += 12 * HOUR) queueDueClinicalMessages(at(t))
    expect(queuedKinds(first.reference)).not.toContain('next_session')
  })

  test('the last session of a course prompts maintenance about four months later, once', async () => {
    const visit = await book('medical-face', AHEAD())
    // Arrange: this visit is the third and last session of the course.
    const course = getDb()
      .select({ sessions: services.courseSessions })
      .from(services)
      .where(eq(services.slug, 'medical-face'))
      .get()!
    getDb()
      .update(bookings)
      .set({ courseSessionNumber: course.sessions })
      .where(eq(bookings.reference, visit.reference))
      .run()
    const done = visit.startAt + HOUR
    completeBookingForTest(visit.reference, at(done))

    for (let t = done; t < done + 119 * DAY; t += DAY) queueDueClinicalMessages(at(t))
    expect(queuedKinds(visit.reference)).toEqual([
      'aftercare_day1',
      'aftercare_day3',
      'aftercare_day7',
    ])
    expect(queueDueClinicalMessages(at(done + 120 * DAY)).queued).toBe(1)
    expect(queueDueClinicalMessages(at(done + 121 * DAY)).queued).toBe(0)
    expect(outboxRow(visit.reference, 'maintenance')!.subject).toBe('Keeping your results')
  })
})

describe('every scheduled message', () => {
  test('is queued once however often the job runs, and carries no health detail', async () => {
    const upcoming = await book('acne-scars', AHEAD())
    const course = await book('medical-face', AHEAD())
    const last = await book('skin-boost', AHEAD())
    getDb()
      .update(bookings)
      .set({ courseSessionNumber: 4 })
      .where(eq(bookings.reference, last.reference))
      .run()
    const toComplete = [course, last]

    // Every 3 hours for five months, each moment twice (two processes, or a restart). Visits are
    // completed an hour after they start, as the clock passes.
    const from = Math.min(upcoming.startAt, course.startAt, last.startAt) - 3 * DAY
    let queued = 0
    for (let t = from; t < from + 150 * DAY; t += 3 * HOUR) {
      for (const visit of toComplete.splice(0)) {
        if (t >= visit.startAt + HOUR) completeBookingForTest(visit.reference, at(t))
        else toComplete.push(visit)
      }
      queued += queueDueClinicalMessages(at(t)).queued
      expect(queueDueClinicalMessages(at(t)).queued).toBe(0)
    }
    expect(queuedKinds(upcoming.reference)).toEqual(['reminder_48h'])
    expect(queuedKinds(course.reference)).toEqual([
      'aftercare_day1',
      'aftercare_day3',
      'aftercare_day7',
      'next_session',
      'reminder_48h',
    ])
    expect(queuedKinds(last.reference)).toEqual([
      'aftercare_day1',
      'aftercare_day3',
      'aftercare_day7',
      'maintenance',
      'reminder_48h',
    ])
    expect(queued).toBe(11)

    const rows = getDb()
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.dedupeKey, 'booking:%'))
      .all()
      // The clinical messages only: confirmations are checked by the booking tests.
      .filter((row) =>
        /:(reminder_48h|aftercare_day\d|next_session|maintenance)$/.test(row.dedupeKey),
      )
    expect(rows).toHaveLength(11)
    const serviceNames = getDb()
      .select({ name: services.name })
      .from(services)
      .all()
      .map((s) => s.name)
    for (const row of rows) {
      const everything = [row.subject, row.textBody, row.htmlBody ?? '', row.icsContent ?? '']
      // A link's random token is not words: "…AI0MM" once read as a depth ("0 mm").
      for (const text of everything.map((part) => part.replace(/token=[\w-]+/g, 'token=…'))) {
        for (const name of serviceNames)
          expect(text.toLowerCase()).not.toContain(name.toLowerCase())
        // Treatment names and kinds, tiers, depths, screening answers.
        expect(text).not.toMatch(
          /needl|acne|scar|stretch|collagen|medical|cosmetic|\d\s?mm\b|depth|skin type|fitzpatrick|pregnan|1988-03-14|14\/03\/1988/i,
        )
      }
    }
  })
})
