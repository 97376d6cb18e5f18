import { count, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { findAvailableSlots } from '#app/domain/availability/availability.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { updatePatientScreening } from '#app/domain/screening/screening-booking.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookings,
  emailOutbox,
  patients,
  screeningSubmissions,
} from '#db/schema/index.ts'
import {
  CLEAR_ANSWERS,
  firstFreeSlot,
  latestManageTokenSentTo,
  newPatientSession,
  PATIENT,
  patientActor,
  serviceIdBySlug,
  sessionAfter,
} from '#tests/support/booking-fixtures.ts'
import { passCheckAndSign, signingContext } from '#tests/support/consent-fixtures.ts'
import { DEMO_CLINICIAN, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { openManageLink } from './booking-manage.server.ts'
import { changeBookingStatus } from './booking-state.server.ts'
import {
  addCallerPatient,
  bookForCaller,
  bookingAwaitsForms,
  queueFormsReminders,
} from './staff-booking.server.ts'

// A Monday morning in Milan (08:00): the clinic is open later today and all week.
const NOW = new Date('2027-03-08T07:00:00Z')
const HOUR = 3600_000
const SLUG = 'skin-boost'

const actor = () => staffActorFor(DEMO_CLINICIAN)

function addChiara() {
  const added = addCallerPatient({ details: PATIENT, actor: actor(), now: NOW })
  if (!added.ok) throw new Error('not added')
  return added.patientId
}

function book(
  patientId: string,
  slot: { practitionerId: string; startAt: number },
  reason?: string,
) {
  return bookForCaller({
    patientId,
    serviceId: serviceIdBySlug(SLUG),
    ...slot,
    overrideReason: reason ?? null,
    locale: 'it',
    actor: actor(),
    now: NOW,
  })
}

const bookingCount = () => getDb().select({ n: count() }).from(bookings).get()!.n
const outboxKeys = () =>
  getDb()
    .select({ key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .all()
    .map((row) => row.key)

describe('finding or adding the caller', () => {
  test('a second patient with the same email and date of birth is refused, pointing at the first', () => {
    const first = addChiara()
    const again = addCallerPatient({
      details: { ...PATIENT, fullName: 'Chiara E.', email: PATIENT.email },
      actor: actor(),
      now: NOW,
    })
    expect(again).toEqual({
      ok: false,
      reason: 'duplicate',
      existing: { id: first, fullName: PATIENT.fullName },
    })
    const same = getDb().select().from(patients).where(eq(patients.email, PATIENT.email)).all()
    expect(same).toHaveLength(1)
    // Someone else sharing the family address is another patient.
    const sibling = addCallerPatient({
      details: { ...PATIENT, fullName: 'Luca Esposito', dateOfBirth: '1990-01-02' },
      actor: actor(),
      now: NOW,
    })
    expect(sibling.ok).toBe(true)
  })
})

describe('booking for the caller', () => {
  test('books a free time, awaiting the patient’s forms, emails the link and audits who booked', () => {
    const patientId = addChiara()
    const slot = firstFreeSlot(SLUG, NOW)
    const result = book(patientId, slot)
    if (!result.ok) throw new Error(result.reason)
    const row = getDb().select().from(bookings).where(eq(bookings.id, result.bookingId)).get()!
    expect(row).toMatchObject({
      status: 'confirmed',
      patientId,
      bookedByUserId: actor().userId,
      policyOverrideReason: null,
      locale: 'it',
    })
    expect(bookingAwaitsForms(result.bookingId)).toBe(true)
    expect(outboxKeys()).toContain(`booking:${result.bookingId}:booked`)
    expect(latestManageTokenSentTo(PATIENT.email)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'booking.staff_booked'))
      .get()!
    expect(audit).toMatchObject({ actorId: actor().userId, subjectId: result.bookingId })
    expect(JSON.parse(audit.details)).toEqual({ reference: row.reference, overrideReason: null })
  })

  test('no double booking through this path: the same time for another caller is refused', () => {
    const slot = firstFreeSlot(SLUG, NOW)
    expect(book(addChiara(), slot).ok).toBe(true)
    const other = addCallerPatient({
      details: { ...PATIENT, email: 'other@example.com' },
      actor: actor(),
      now: NOW,
    })
    if (!other.ok) throw new Error('not added')
    const before = bookingCount()
    const again = book(other.patientId, slot)
    expect(again).toMatchObject({ ok: false, reason: 'taken' })
    expect(bookingCount()).toBe(before)
  })

  test('inside the notice limit: refused without a reason, booked with one', () => {
    const settings = getClinicSettings()
    const today = localDateOf(NOW.getTime(), settings.timeZone)
    const soon = findAvailableSlots({
      serviceId: serviceIdBySlug(SLUG),
      practitionerId: 'any',
      fromDate: today,
      days: 1,
      now: NOW,
      policyOverride: true,
    }).days[0]!.slots.find((s) => s.startAt < NOW.getTime() + settings.minNoticeHours * HOUR)
    if (!soon) throw new Error('no time today')
    const patientId = addChiara()
    const before = bookingCount()
    expect(book(patientId, soon)).toEqual({
      ok: false,
      reason: 'outside-policy',
      limit: 'too-soon',
    })
    expect(bookingCount()).toBe(before)
    const booked = book(patientId, soon, 'Dr Romano agreed to see her today')
    if (!booked.ok) throw new Error(booked.reason)
    const row = getDb().select().from(bookings).where(eq(bookings.id, booked.bookingId)).get()!
    expect(row.policyOverrideReason).toBe('Dr Romano agreed to see her today')
  })

  test('an override never books outside opening hours', () => {
    const patientId = addChiara()
    // 03:00 in Milan, a week ahead: never offered.
    const night = {
      practitionerId: firstFreeSlot(SLUG, NOW).practitionerId,
      startAt: NOW.getTime() + 7 * 24 * HOUR - 5 * HOUR,
    }
    expect(book(patientId, night, 'Please')).toEqual({ ok: false, reason: 'not-offered' })
  })
})

describe('the patient completes the forms from home', () => {
  test('the first answers are booking version 1, then the consent; the booking no longer waits', async () => {
    const patientId = addChiara()
    const result = book(patientId, firstFreeSlot(SLUG, NOW))
    if (!result.ok) throw new Error(result.reason)
    const browser = newPatientSession(NOW)
    const opened = openManageLink({
      session: browser,
      token: latestManageTokenSentTo(PATIENT.email),
      now: NOW,
      actor: patientActor,
    })
    if (!opened.ok) throw new Error('link refused')
    const session = sessionAfter(browser, opened.sessionToken, NOW)
    const answered = updatePatientScreening({
      session,
      reference: result.reference,
      answers: CLEAR_ANSWERS,
      now: NOW,
      actor: patientActor,
      locale: 'it',
    })
    expect(answered).toEqual({ ok: true, outcome: 'eligible', status: 'confirmed' })
    const submission = getDb()
      .select()
      .from(screeningSubmissions)
      .where(eq(screeningSubmissions.bookingId, result.bookingId))
      .get()!
    expect(submission.bookingVersion).toBe(1)
    expect(bookingAwaitsForms(result.bookingId)).toBe(true)
    await passCheckAndSign(signingContext(session, NOW), {
      kind: 'booking',
      reference: result.reference,
    })
    expect(bookingAwaitsForms(result.bookingId)).toBe(false)
  })
})

describe('reminders for missing forms', () => {
  function bookAhead() {
    const patientId = addChiara()
    // A time at least four days ahead, so both reminders lie after the booking was made.
    const slot = firstFreeSlot(SLUG, new Date(NOW.getTime() + 4 * 24 * HOUR))
    const result = book(patientId, slot)
    if (!result.ok) throw new Error(result.reason)
    return { ...result, startAt: slot.startAt }
  }
  const at = (startAt: number, hoursBefore: number) => new Date(startAt - hoursBefore * HOUR)
  const reminders = (bookingId: string) =>
    outboxKeys().filter((key) => key.startsWith(`booking:${bookingId}:forms_reminder`))

  test('at 72 and 24 hours before, each once however often the job runs', () => {
    const { bookingId, startAt } = bookAhead()
    expect(queueFormsReminders(at(startAt, 80)).formsRemindersQueued).toBe(0)
    expect(queueFormsReminders(at(startAt, 71)).formsRemindersQueued).toBe(1)
    expect(queueFormsReminders(at(startAt, 70)).formsRemindersQueued).toBe(0)
    expect(queueFormsReminders(at(startAt, 23)).formsRemindersQueued).toBe(1)
    // A restart runs the job again: the outbox already has both.
    expect(queueFormsReminders(at(startAt, 22)).formsRemindersQueued).toBe(0)
    expect(reminders(bookingId).sort()).toEqual([
      `booking:${bookingId}:forms_reminder_24h`,
      `booking:${bookingId}:forms_reminder_72h`,
    ])
    const email = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `booking:${bookingId}:forms_reminder_24h`))
      .get()!
    expect(email.toAddress).toBe(PATIENT.email)
    expect(email.textBody).toContain('/bookings/manage?token=')
  })

  test('none once the booking is cancelled', () => {
    const { bookingId, startAt } = bookAhead()
    getDb().transaction((tx) => {
      const row = tx.select().from(bookings).where(eq(bookings.id, bookingId)).get()!
      changeBookingStatus(tx, {
        booking: row,
        to: 'cancelled',
        actor: { type: 'staff', id: actor().userId },
        action: 'cancelled_by_clinic',
        at: NOW,
      })
    })
    expect(queueFormsReminders(at(startAt, 71)).formsRemindersQueued).toBe(0)
    expect(reminders(bookingId)).toEqual([])
  })

  test('none once the forms are done', async () => {
    const { bookingId, reference, startAt } = bookAhead()
    const browser = newPatientSession(NOW)
    const opened = openManageLink({
      session: browser,
      token: latestManageTokenSentTo(PATIENT.email),
      now: NOW,
      actor: patientActor,
    })
    if (!opened.ok) throw new Error('link refused')
    const session = sessionAfter(browser, opened.sessionToken, NOW)
    updatePatientScreening({
      session,
      reference,
      answers: CLEAR_ANSWERS,
      now: NOW,
      actor: patientActor,
    })
    await passCheckAndSign(signingContext(session, NOW), { kind: 'booking', reference })
    expect(queueFormsReminders(at(startAt, 71)).formsRemindersQueued).toBe(0)
    expect(queueFormsReminders(at(startAt, 23)).formsRemindersQueued).toBe(0)
    expect(reminders(bookingId)).toEqual([])
  })
})
