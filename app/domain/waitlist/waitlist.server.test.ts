import { and, desc, eq, like } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { findAvailableSlots } from '#app/domain/availability/availability.server.ts'
import { cancelBookingInTx } from '#app/domain/booking/booking-state.server.ts'
import { submitDraftScreening } from '#app/domain/booking/wizard/draft-screening.server.ts'
import { saveDraftDetails } from '#app/domain/booking/wizard/details.server.ts'
import { getDraftRow } from '#app/domain/booking/wizard/draft.server.ts'
import { verifyBookingEmail } from '#app/domain/booking/wizard/verify.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookings,
  emailOutbox,
  waitlistEntries,
  waitlistOffers,
} from '#db/schema/index.ts'
import { DEMO_PRACTITIONERS, insertBooking, practitionerIdOf } from '#tests/factories/bookings.ts'
import { passCheckAndSign, signingContext } from '#tests/support/consent-fixtures.ts'
import {
  CLEAR_ANSWERS,
  firstFreeSlot,
  latestCodeSentTo,
  newPatientSession,
  patientActor,
  serviceIdBySlug,
  sessionAfter,
} from '#tests/support/booking-fixtures.ts'
import { localDateAndMinute, timeOfDayOf } from './waitlist.rules.ts'
import {
  acceptOffer,
  getOfferView,
  OFFER_HOLD_MINUTES,
  offerFreedTimes,
} from './waitlist-offers.server.ts'
import {
  confirmWaitlistEntry,
  joinWaitlist,
  listWaitlistForDay,
  removeWaitlistEntry,
} from './waitlist.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const ZONE = 'Europe/Rome'
const staff = { type: 'staff' as const, id: 'staff-test' }
const LATER = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

/**
 * A skin-boost day of one practitioner made full in one part of the day: every free time there
 * gets a booking. Returns the criteria and the bookings, to cancel one.
 */
function fullDay() {
  const first = firstFreeSlot('skin-boost', NOW)
  const key = (Object.keys(DEMO_PRACTITIONERS) as (keyof typeof DEMO_PRACTITIONERS)[]).find(
    (k) => practitionerIdOf(k) === first.practitionerId,
  )!
  const { date, minuteOfDay } = localDateAndMinute(first.startAt, ZONE)
  const timeOfDay = timeOfDayOf(minuteOfDay)
  const filled: { id: string; startAt: number }[] = []
  for (;;) {
    const free = findAvailableSlots({
      serviceId: serviceIdBySlug('skin-boost'),
      practitionerId: first.practitionerId,
      fromDate: date,
      days: 1,
      now: NOW,
    })
      .days.flatMap((day) => day.slots)
      .find((slot) => timeOfDayOf(localDateAndMinute(slot.startAt, ZONE).minuteOfDay) === timeOfDay)
    if (!free) break
    const booked = insertBooking({
      practitioner: key,
      service: 'skin-boost',
      startAt: new Date(free.startAt),
    })
    filled.push({ id: booked.id, startAt: free.startAt })
  }
  return {
    practitionerId: first.practitionerId,
    date,
    timeOfDay,
    filled,
  }
}

function join(
  day: ReturnType<typeof fullDay>,
  who: { name: string; email: string },
  options: { source?: 'online' | 'staff'; practitioner?: string; at?: Date } = {},
) {
  const result = joinWaitlist({
    serviceId: serviceIdBySlug('skin-boost'),
    data: {
      practitioner: options.practitioner ?? day.practitionerId,
      fromDate: day.date,
      toDate: day.date,
      timesOfDay: [day.timeOfDay],
      fullName: who.name,
      email: who.email,
    },
    source: options.source ?? 'staff',
    actor: staff,
    locale: 'en',
    now: options.at ?? NOW,
  })
  if (!result.ok) throw new Error(`join failed: ${result.reason}`)
  return result.entryId
}

function cancel(bookingId: string, at = NOW) {
  getDb().transaction(
    (tx) =>
      cancelBookingInTx(tx, {
        bookingId,
        actor: staff,
        reason: null,
        at,
        notifyPatient: false,
      }),
    { behavior: 'immediate' },
  )
}

/** The offer link's token in the newest offer email to an address. */
function offerTokenSentTo(email: string): string {
  const row = getDb()
    .select({ text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), like(emailOutbox.dedupeKey, 'waitlist-offer:%')))
    .orderBy(desc(emailOutbox.createdAt))
    .get()
  const token = row && /\/waitlist\/offer\?token=([A-Za-z0-9_-]{43})/.exec(row.text)?.[1]
  if (!token) throw new Error(`No offer was emailed to ${email}`)
  return token
}

function offersOf(entryId: string) {
  return getDb().select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId)).all()
}

describe('waitlist offers', () => {
  test('nothing is offered while the times are full; a cancellation is offered at once, held', () => {
    const day = fullDay()
    const entryId = join(day, { name: 'Anna Neri', email: 'anna@example.com' })
    expect(offerFreedTimes(NOW)).toEqual({ lapsed: 0, offered: 0 })

    const freed = day.filled[0]!
    cancel(freed.id)
    expect(offerFreedTimes(NOW).offered).toBe(1)
    const [offer] = offersOf(entryId)
    expect(offer).toMatchObject({ status: 'offered', practitionerId: day.practitionerId })
    expect(offer!.startAt.getTime()).toBe(freed.startAt)
    const hold = getDb().select().from(bookings).where(eq(bookings.id, offer!.bookingId)).get()!
    expect(hold.status).toBe('held')
    expect(hold.holdExpiresAt!.getTime()).toBe(NOW.getTime() + OFFER_HOLD_MINUTES * 60_000)

    const mail = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'anna@example.com'))
      .get()!
    expect(mail.subject).toMatch(/A time is free/)
    // No treatment and nothing about health in the email.
    expect(`${mail.subject} ${mail.textBody}`).not.toMatch(/skin boost|microneedl|needl/i)
    // Audited with ids only.
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'waitlist.offered'))
      .get()!
    expect(audit.details).not.toContain('anna')
    // A second run offers nothing new: the entry has an open offer.
    expect(offerFreedTimes(NOW).offered).toBe(0)
  })

  test('offers go in order of joining; a lapsed offer goes to the next, whose confirm wins', () => {
    const day = fullDay()
    const first = join(day, { name: 'Prima Rossi', email: 'prima@example.com' }, { at: LATER(-10) })
    const second = join(
      day,
      { name: 'Seconda Verdi', email: 'seconda@example.com' },
      { at: LATER(-5) },
    )
    cancel(day.filled.at(-1)!.id)
    offerFreedTimes(NOW)
    expect(offersOf(first)).toHaveLength(1)
    expect(offersOf(second)).toHaveLength(0)
    const firstToken = offerTokenSentTo('prima@example.com')

    // The first did not answer in time: the same time goes to the second.
    const after = LATER(OFFER_HOLD_MINUTES + 1)
    expect(offerFreedTimes(after)).toEqual({ lapsed: 1, offered: 1 })
    expect(offersOf(first)[0]!.status).toBe('lapsed')
    expect(offersOf(second)[0]!.startAt.getTime()).toBe(day.filled.at(-1)!.startAt)
    const secondToken = offerTokenSentTo('seconda@example.com')

    // The first's late confirm is refused and changes nothing.
    const late = newPatientSession(after)
    expect(
      acceptOffer({ token: firstToken, session: late, now: after, actor: patientActor }),
    ).toEqual({
      ok: false,
      reason: 'taken',
    })
    expect(getDraftRow(getDb(), late.tokenHash)).toBeUndefined()
    expect(getOfferView({ token: firstToken, now: after, locale: 'en' })?.state).toBe('taken')

    // The second confirms: the wizard starts holding that time, screening first.
    const browser = newPatientSession(after)
    const accepted = acceptOffer({
      token: secondToken,
      session: browser,
      now: after,
      actor: patientActor,
    })
    expect(accepted).toEqual({ ok: true, next: '/book/screening' })
    const draft = getDraftRow(getDb(), browser.tokenHash)!
    expect(draft.heldBookingId).toBe(offersOf(second)[0]!.bookingId)
    expect(draft.email).toBe('seconda@example.com')
    // Nobody else can take it up now; no new offer goes out for that time.
    const other = newPatientSession(after)
    expect(
      acceptOffer({ token: secondToken, session: other, now: after, actor: patientActor }),
    ).toEqual({
      ok: false,
      reason: 'accepted',
    })
    expect(offerFreedTimes(after).offered).toBe(0)
  })

  test('a confirm after the offer lapsed is refused, nothing changed, even while the time is free', () => {
    const day = fullDay()
    const entryId = join(day, { name: 'Lia Bruno', email: 'lia@example.com' })
    cancel(day.filled[0]!.id)
    offerFreedTimes(NOW)
    const token = offerTokenSentTo('lia@example.com')
    const after = LATER(OFFER_HOLD_MINUTES + 1)
    const session = newPatientSession(after)
    expect(acceptOffer({ token, session, now: after, actor: patientActor })).toEqual({
      ok: false,
      reason: 'lapsed',
    })
    expect(getDraftRow(getDb(), session.tokenHash)).toBeUndefined()
    expect(offersOf(entryId)[0]!.status).toBe('offered')
  })

  test('the accepted offer books through screening, details, email code and consent', async () => {
    const day = fullDay()
    join(day, { name: 'Chiara Esposito', email: 'chiara@example.com' })
    cancel(day.filled[0]!.id)
    offerFreedTimes(NOW)
    const token = offerTokenSentTo('chiara@example.com')
    const session = newPatientSession(NOW)
    expect(acceptOffer({ token, session, now: NOW, actor: patientActor }).ok).toBe(true)
    const hold = getDraftRow(getDb(), session.tokenHash)!.heldBookingId!
    expect(
      submitDraftScreening({ session, answers: CLEAR_ANSWERS, now: NOW, actor: patientActor }).ok,
    ).toBe(true)
    const details = {
      fullName: 'Chiara Esposito',
      email: 'chiara@example.com',
      phone: '+39 333 123 4567',
      dateOfBirth: CLEAR_ANSWERS.dateOfBirth ?? '1988-03-14',
    }
    expect(saveDraftDetails({ session, details, now: NOW, actor: patientActor }).ok).toBe(true)
    const verified = verifyBookingEmail({
      session,
      code: latestCodeSentTo('chiara@example.com'),
      now: NOW,
      actor: patientActor,
    })
    expect(verified.ok).toBe(true)
    const signed = await passCheckAndSign(
      signingContext(sessionAfter(session, verified.sessionToken, NOW), NOW),
    )
    expect(signed.bookedReference).toBeTruthy()
    const booking = getDb().select().from(bookings).where(eq(bookings.id, hold)).get()!
    expect(booking.reference).toBe(signed.bookedReference)
    expect(booking.status).toBe('confirmed')
  })
})

describe('joining and the staff view', () => {
  test('an online entry waits for its email to be confirmed before any offer', () => {
    const day = fullDay()
    cancel(day.filled[0]!.id)
    const entryId = join(day, { name: 'Eva Gallo', email: 'eva@example.com' }, { source: 'online' })
    expect(offerFreedTimes(NOW).offered).toBe(0)
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, `waitlist:${entryId}:confirm`))
      .get()!
    const token = /\/waitlist\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail.textBody)![1]!
    expect(confirmWaitlistEntry({ token: 'wrong', now: NOW, actor: patientActor }).ok).toBe(false)
    expect(confirmWaitlistEntry({ token, now: NOW, actor: patientActor }).ok).toBe(true)
    expect(offerFreedTimes(NOW).offered).toBe(1)
  })

  test('dates in the past or reversed are refused, and nothing is written', () => {
    const base = {
      serviceId: serviceIdBySlug('skin-boost'),
      source: 'staff' as const,
      actor: staff,
      locale: 'en' as const,
      now: NOW,
    }
    const data = {
      practitioner: 'any',
      timesOfDay: ['morning' as const],
      fullName: 'Ada Riva',
      email: 'ada@example.com',
    }
    expect(
      joinWaitlist({ ...base, data: { ...data, fromDate: '2026-11-01', toDate: '2026-11-10' } }),
    ).toEqual({ ok: false, reason: 'past' })
    expect(
      joinWaitlist({ ...base, data: { ...data, fromDate: '2026-12-10', toDate: '2026-12-01' } }),
    ).toEqual({ ok: false, reason: 'reversed' })
    expect(
      joinWaitlist({
        ...base,
        data: { ...data, practitioner: 'nobody', fromDate: '2026-12-01', toDate: '2026-12-10' },
      }),
    ).toEqual({ ok: false, reason: 'unknown-practitioner' })
    expect(listWaitlistForDay({ date: '2026-12-05', locale: 'en' })).toEqual([])
  })

  test('online entries are limited per address and per client IP; a refusal writes no entry and no email', () => {
    const add = (source: 'online' | 'staff', email: string, ipAddress: string) =>
      joinWaitlist({
        serviceId: serviceIdBySlug('skin-boost'),
        source,
        actor: { type: 'anonymous', ipAddress, requestId: null },
        locale: 'en',
        now: NOW,
        data: {
          practitioner: 'any',
          timesOfDay: ['morning'],
          fullName: 'Ada Riva',
          email,
          fromDate: '2026-12-01',
          toDate: '2026-12-10',
        },
      })
    const online = (email: string, ipAddress: string) => add('online', email, ipAddress)
    const entries = () => getDb().select().from(waitlistEntries).all().length
    const emails = () => getDb().select().from(emailOutbox).all().length
    // Five a day for one address, whatever the IP (the address is compared in lower case).
    for (let i = 0; i < 5; i++) expect(online('Ada@Example.com', `10.0.0.${i}`).ok).toBe(true)
    const before = { entries: entries(), emails: emails() }
    const refused = online('ada@example.com', '10.0.1.1')
    expect(refused).toMatchObject({ ok: false, reason: 'too-many' })
    expect(
      refused.ok === false && 'retryAfterSeconds' in refused && refused.retryAfterSeconds,
    ).toBeGreaterThan(3600)
    expect({ entries: entries(), emails: emails() }).toEqual(before)
    // Ten an hour from one IP, whatever the address.
    for (let i = 0; i < 10; i++) expect(online(`p${i}@example.com`, '10.0.2.2').ok).toBe(true)
    expect(online('p10@example.com', '10.0.2.2')).toMatchObject({ ok: false, reason: 'too-many' })
    // Staff entries have no limit.
    for (let i = 0; i < 12; i++) expect(add('staff', 'ada@example.com', '10.0.2.2').ok).toBe(true)
  })

  test('staff see the day’s entries with their offers, and removing one lets its held time go', () => {
    const day = fullDay()
    const entryId = join(day, { name: 'Bruno Sala', email: 'bruno@example.com' })
    cancel(day.filled[0]!.id)
    offerFreedTimes(NOW)
    const [row] = listWaitlistForDay({ date: day.date, locale: 'en' })
    expect(row).toMatchObject({ id: entryId, fullName: 'Bruno Sala', status: 'active' })
    expect(row!.offers).toEqual([{ status: 'offered', when: expect.any(String) }])
    expect(listWaitlistForDay({ date: '2030-01-01', locale: 'en' })).toEqual([])

    expect(removeWaitlistEntry({ entryId, actor: staff, now: NOW })).toEqual({ ok: true })
    const offer = offersOf(entryId)[0]!
    expect(offer.status).toBe('withdrawn')
    expect(
      getDb().select().from(bookings).where(eq(bookings.id, offer.bookingId)).get()!.status,
    ).toBe('expired')
    expect(listWaitlistForDay({ date: day.date, locale: 'en' })).toEqual([])
    expect(removeWaitlistEntry({ entryId, actor: staff, now: NOW }).ok).toBe(false)
  })
})
