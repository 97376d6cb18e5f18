import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { requestManageCode, verifyManageCode } from '#app/domain/booking/booking-manage.server.ts'
import { saveDraftDetails } from '#app/domain/booking/wizard/details.server.ts'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { resendBookingCode, verifyBookingEmail } from '#app/domain/booking/wizard/verify.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookings,
  clinicSettings,
  emailOutbox,
  emailVerifications,
} from '#db/schema/index.ts'
import {
  bookForPatient,
  firstFreeSlot,
  latestCodeSentTo,
  newPatientSession,
  PATIENT,
  sessionAfter,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { findAvailableSlots } from '#app/domain/availability/availability.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { serviceIdBySlug } from '#tests/support/booking-fixtures.ts'
import { LIVE_HOLDS_PER_IP } from './limits.rules.ts'
import { purgeLapsedCounters } from './limits.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)
const HOUR = 60 * 60_000

/** A client at its own IP address (each test's requests come from where it says). */
const from = (ipAddress: string) => ({ type: 'patient' as const, ipAddress, requestId: 'test' })

function refusals(): Record<string, unknown>[] {
  return getDb()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, 'limit.refused'))
    .all()
    .map((row) => ({ ...(JSON.parse(row.details) as Record<string, unknown>), ip: row.ipAddress }))
}

const count = (table: typeof emailOutbox | typeof emailVerifications | typeof bookings) =>
  getDb().select().from(table).all().length

let holdingClients = 0

/**
 * A draft at the details step, its time held from a client of its own (the hold limits per IP
 * are not what these tests are about).
 */
function draftAtDetails(at = NOW, slug = 'consultation') {
  const session = sessionWithDraft(slug, at)
  holdingClients += 1
  const slot = nthFreeSlot(slug, at, holdingClients * 7)
  const held = holdSlot({ session, ...slot, now: at, actor: from(`10.9.${holdingClients}.1`) })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  return session
}

/** The nth free slot of the next weeks (tests that hold many times need many slots). */
function nthFreeSlot(slug: string, at: Date, n: number) {
  const slots = findAvailableSlots({
    serviceId: serviceIdBySlug(slug),
    practitionerId: 'any',
    fromDate: localDateOf(at.getTime(), 'Europe/Rome'),
    days: 31,
    now: at,
  }).days.flatMap((day) => day.slots)
  return slots[n % slots.length]!
}

describe('email codes', () => {
  test('one address gets 5 codes an hour, whatever the cookie; the 6th is refused, audited, and writes nothing else', () => {
    for (let i = 0; i < 5; i++) {
      const session = draftAtDetails()
      expect(
        saveDraftDetails({
          session,
          details: PATIENT,
          now: NOW,
          actor: from(`198.51.100.${i + 1}`),
        }),
      ).toEqual({ ok: true, next: 'verify' })
    }
    const session = draftAtDetails()
    const before = { outbox: count(emailOutbox), codes: count(emailVerifications) }
    const refused = saveDraftDetails({
      session,
      details: PATIENT,
      now: minutes(30),
      actor: from('198.51.100.9'),
    })
    expect(refused).toEqual({ ok: false, reason: 'too-many-codes', retryAfterSeconds: 30 * 60 })
    expect({ outbox: count(emailOutbox), codes: count(emailVerifications) }).toEqual(before)
    // Nothing half-written: the details were not saved either.
    expect(refusals()).toEqual([
      {
        limit: 'codes-per-address-hour',
        on: 'email_code.booking',
        retryAfterSeconds: 1800,
        ip: '198.51.100.9',
      },
    ])
    // An hour later the address may have codes again, up to 10 a day.
    const later = draftAtDetails(minutes(61))
    expect(
      saveDraftDetails({
        session: later,
        details: PATIENT,
        now: minutes(61),
        actor: from('198.51.100.9'),
      }).ok,
    ).toBe(true)
  })

  test('one address gets 10 codes a day', () => {
    for (let i = 0; i < 10; i++) {
      const at = new Date(NOW.getTime() + Math.floor(i / 5) * 2 * HOUR)
      const session = draftAtDetails(at)
      expect(
        saveDraftDetails({ session, details: PATIENT, now: at, actor: from(`198.51.100.${i + 1}`) })
          .ok,
      ).toBe(true)
    }
    const at = new Date(NOW.getTime() + 5 * HOUR)
    const session = draftAtDetails(at)
    expect(
      saveDraftDetails({ session, details: PATIENT, now: at, actor: from('198.51.100.77') }),
    ).toMatchObject({ ok: false, reason: 'too-many-codes' })
    expect(refusals()[0]).toMatchObject({ limit: 'codes-per-address-day' })
  })

  test('one IP asks for 20 codes an hour, to any addresses', () => {
    for (let i = 0; i < 20; i++) {
      const session = draftAtDetails()
      const details = { ...PATIENT, email: `someone${i}@example.com` }
      expect(saveDraftDetails({ session, details, now: NOW, actor: from('203.0.113.5') }).ok).toBe(
        true,
      )
    }
    const session = draftAtDetails()
    const details = { ...PATIENT, email: 'one.more@example.com' }
    expect(
      saveDraftDetails({ session, details, now: NOW, actor: from('203.0.113.5') }),
    ).toMatchObject({ ok: false, reason: 'too-many-codes' })
    expect(refusals()[0]).toMatchObject({ limit: 'codes-per-ip-hour' })
    // Another client is not held back by that one.
    const other = draftAtDetails()
    expect(
      saveDraftDetails({ session: other, details, now: NOW, actor: from('203.0.113.6') }).ok,
    ).toBe(true)
  })

  test('resending counts like the first code', () => {
    const session = draftAtDetails()
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: from('198.51.100.1') })
    for (let i = 0; i < 4; i++)
      expect(resendBookingCode({ session, now: NOW, actor: from('198.51.100.1') })).toEqual({
        ok: true,
      })
    expect(resendBookingCode({ session, now: NOW, actor: from('198.51.100.1') })).toMatchObject({
      ok: false,
      reason: 'too-many-codes',
    })
  })

  test('"find my booking" codes for one reference: 10 a day, matched or not, so a refusal tells nothing', async () => {
    const { reference } = await bookForPatient(
      'skin-boost',
      firstFreeSlot('skin-boost', NOW),
      new Date(NOW.getTime() - 2 * 24 * HOUR),
    )
    for (let i = 0; i < 10; i++) {
      const email = i % 2 === 0 ? PATIENT.email : `guess${i}@example.com`
      const at = new Date(NOW.getTime() + Math.floor(i / 4) * 2 * HOUR)
      expect(
        requestManageCode({
          session: newPatientSession(at),
          reference,
          email,
          now: at,
          actor: from(`192.0.2.${i + 1}`),
        }),
      ).toEqual({ ok: true })
    }
    for (const email of [PATIENT.email, 'nobody@example.com']) {
      const at = new Date(NOW.getTime() + 7 * HOUR)
      expect(
        requestManageCode({
          session: newPatientSession(at),
          reference,
          email,
          now: at,
          actor: from('192.0.2.99'),
        }),
      ).toMatchObject({ ok: false, reason: 'too-many-codes' })
    }
    expect(refusals().map((row) => row.limit)).toEqual([
      'codes-per-reference-day',
      'codes-per-reference-day',
    ])
  })
})

describe('wrong codes', () => {
  test('20 wrong codes a day per address, across new sessions and IPs: then even the right code waits', async () => {
    const { reference } = await bookForPatient(
      'skin-boost',
      firstFreeSlot('skin-boost', NOW),
      new Date(NOW.getTime() - 2 * 24 * HOUR),
    )
    let wrongSoFar = 0
    // Each new cookie jar gets a new code with 5 tries: 4 jars × 5 wrong guesses = 20.
    for (let jar = 0; jar < 4; jar++) {
      const at = new Date(NOW.getTime() + jar * 2 * HOUR)
      const session = newPatientSession(at)
      const actor = from(`192.0.2.${jar + 1}`)
      requestManageCode({ session, reference, email: PATIENT.email, now: at, actor })
      const right = latestCodeSentTo(PATIENT.email)
      const wrong = right === '000000' ? '111111' : '000000'
      for (let i = 0; i < 5; i++) {
        expect(verifyManageCode({ session, code: wrong, now: at, actor })).toMatchObject({
          ok: false,
        })
        wrongSoFar += 1
      }
    }
    expect(wrongSoFar).toBe(20)
    const at = new Date(NOW.getTime() + 9 * HOUR)
    const session = newPatientSession(at)
    const actor = from('192.0.2.50')
    expect(requestManageCode({ session, reference, email: PATIENT.email, now: at, actor })).toEqual(
      {
        ok: true,
      },
    )
    const refused = verifyManageCode({
      session,
      code: latestCodeSentTo(PATIENT.email),
      now: at,
      actor,
    })
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringContaining('Too many wrong codes'),
      retryAfterSeconds: expect.any(Number),
    })
    expect(refusals().at(-1)).toMatchObject({
      limit: expect.stringMatching(/^wrong-codes-per-(address|booking)-day$/),
      on: 'email_code.verify_manage',
    })
    // The code was not used up by the refusal: tomorrow it is simply expired, not consumed.
    const stored = getDb().select().from(emailVerifications).all().at(-1)!
    expect(stored.consumedAt).toBeNull()
    expect(stored.failedAttempts).toBe(0)
  })

  test('a wrong code in the wizard counts against the address too', () => {
    const session = draftAtDetails()
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: from('198.51.100.1') })
    const right = latestCodeSentTo(PATIENT.email)
    const wrong = right === '000000' ? '111111' : '000000'
    verifyBookingEmail({ session, code: wrong, now: NOW, actor: from('198.51.100.1') })
    const counters = getDb()
      .$client.prepare('SELECT key, count FROM rate_limit_counters')
      .all() as {
      key: string
      count: number
    }[]
    expect(counters.filter((row) => row.key.startsWith('wrong-codes-per-'))).toHaveLength(2)
    // No address or IP in the clear.
    expect(JSON.stringify(counters)).not.toContain(PATIENT.email)
    expect(JSON.stringify(counters)).not.toContain('198.51.100.1')
  })
})

describe('holds', () => {
  test(`one IP holds at most ${LIVE_HOLDS_PER_IP} times at once, whatever the cookies; the next is refused and audited`, () => {
    const ip = '203.0.113.20'
    for (let i = 0; i < LIVE_HOLDS_PER_IP; i++) {
      const session = sessionWithDraft('consultation', NOW)
      expect(
        holdSlot({ session, ...nthFreeSlot('consultation', NOW, i * 3), now: NOW, actor: from(ip) })
          .ok,
      ).toBe(true)
    }
    const held = count(bookings)
    const session = sessionWithDraft('consultation', NOW)
    const refused = holdSlot({
      session,
      ...nthFreeSlot('consultation', NOW, 30),
      now: minutes(2),
      actor: from(ip),
    })
    expect(refused).toEqual({
      ok: false,
      reason: 'limited',
      limit: 'live-holds-per-ip',
      retryAfterSeconds: 8 * 60,
    })
    expect(count(bookings)).toBe(held)
    expect(refusals()).toEqual([
      { limit: 'live-holds-per-ip', on: 'booking.hold', retryAfterSeconds: 480, ip },
    ])
    // Another client may hold; and once the first holds lapse, so may this one.
    expect(
      holdSlot({
        session,
        ...nthFreeSlot('consultation', NOW, 30),
        now: minutes(2),
        actor: from('203.0.113.21'),
      }).ok,
    ).toBe(true)
    const again = sessionWithDraft('consultation', minutes(11))
    expect(
      holdSlot({
        session: again,
        ...nthFreeSlot('consultation', minutes(11), 33),
        now: minutes(11),
        actor: from(ip),
      }).ok,
    ).toBe(true)
  })

  test('holding another time lets go of the first: one live hold per session', () => {
    const session = sessionWithDraft('consultation', NOW)
    for (let i = 0; i < 6; i++)
      expect(
        holdSlot({
          session,
          ...nthFreeSlot('consultation', NOW, i * 2),
          now: NOW,
          actor: from('203.0.113.30'),
        }).ok,
      ).toBe(true)
    expect(getDb().select().from(bookings).where(eq(bookings.status, 'held')).all()).toHaveLength(1)
  })

  test('re-posting a time never renews its hold: it keeps the minutes of the first hold', () => {
    const session = sessionWithDraft('consultation', NOW)
    const a = nthFreeSlot('consultation', NOW, 0)
    const b = nthFreeSlot('consultation', NOW, 5)
    const actor = from('203.0.113.40')
    expect(holdSlot({ session, ...a, now: NOW, actor }).ok).toBe(true)
    expect(holdSlot({ session, ...b, now: minutes(4), actor }).ok).toBe(true)
    // Back to the first time after 8 minutes: held again, but only until 10 minutes after the first.
    expect(holdSlot({ session, ...a, now: minutes(8), actor }).ok).toBe(true)
    const hold = getDb().select().from(bookings).where(eq(bookings.status, 'held')).get()!
    expect(hold.holdExpiresAt!.getTime()).toBe(minutes(10).getTime())
    // The same time again once its minutes are up: refused for the rest of the hour.
    const refused = holdSlot({ session, ...a, now: minutes(12), actor })
    expect(refused).toEqual({
      ok: false,
      reason: 'limited',
      limit: 'hold-renewal',
      retryAfterSeconds: 48 * 60,
    })
    // Any other time is fine.
    expect(
      holdSlot({ session, ...nthFreeSlot('consultation', NOW, 9), now: minutes(12), actor }).ok,
    ).toBe(true)
  })
})

describe('bookings per address', () => {
  test('an address with 3 upcoming bookings (the clinic default) is told to call when proving a 4th', async () => {
    const DAY = 24 * HOUR
    for (let i = 0; i < 3; i++)
      await bookForPatient(
        'consultation',
        firstFreeSlot('consultation', new Date(NOW.getTime() + (1 + i * 3) * DAY)),
        NOW,
      )
    const session = draftAtDetails(minutes(90))
    saveDraftDetails({ session, details: PATIENT, now: minutes(90), actor: from('198.51.100.60') })
    const before = count(bookings)
    const refused = verifyBookingEmail({
      session,
      code: latestCodeSentTo(PATIENT.email),
      now: minutes(90),
      actor: from('198.51.100.60'),
    })
    expect(refused).toMatchObject({
      ok: false,
      reason: 'too-many-bookings',
      max: 3,
      clinicPhone: '+39 02 8295 4410',
      retryAfterSeconds: expect.any(Number),
    })
    expect(
      getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).all(),
    ).toHaveLength(3)
    expect(count(bookings)).toBe(before)
    expect(refusals().at(-1)).toMatchObject({ limit: 'upcoming-bookings-per-email' })

    // With a higher limit from the clinic, the same (now proven) browser books it.
    getDb().update(clinicSettings).set({ maxUpcomingBookingsPerEmail: 4 }).run()
    const booked = verifyBookingEmail({
      session: sessionAfter(session, refused.sessionToken, minutes(91)),
      code: '',
      now: minutes(91),
      actor: from('198.51.100.60'),
    })
    expect(booked).toMatchObject({ ok: true, reference: expect.stringMatching(/^DD-/) })
  })
})

describe('housekeeping', () => {
  test('counters whose window closed over a day ago are removed', () => {
    const session = draftAtDetails()
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: from('198.51.100.1') })
    const rows = () =>
      getDb().$client.prepare('SELECT count(*) AS n FROM rate_limit_counters').get()
    expect(rows()).not.toEqual({ n: 0 })
    expect(purgeLapsedCounters(new Date(NOW.getTime() + 47 * HOUR))).toBe(0)
    expect(purgeLapsedCounters(new Date(NOW.getTime() + 49 * HOUR))).toBeGreaterThan(0)
    expect(rows()).toEqual({ n: 0 })
  })
})
