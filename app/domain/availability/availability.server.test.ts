import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { type BookingStatus } from '#app/domain/booking/booking.schema.ts'
import { getDb } from '#db/client.server.ts'
import {
  availabilityExceptions,
  bookings,
  patients,
  practitioners,
  practitionerServices,
  services,
} from '#db/schema/index.ts'
import { instantAt } from '#app/domain/shared/calendar.rules.ts'
import {
  checkSlot,
  findAvailableSlots,
  findNearestFreeSlots,
  listQualifiedPractitioners,
} from './availability.server.ts'
import { getBusyQueryPlan } from './slot-search.server.ts'
import { type Slot } from './slots.rules.ts'

// The demo clinic (db/seed.ts): Europe/Rome, 15-minute steps, 24 h notice, 180 days ahead.
const ROME = 'Europe/Rome'
const MINUTE = 60_000
const hm = (hours: number, minutes = 0) => hours * 60 + minutes
const rome = (date: string, hours: number, minutes = 0) => instantAt(date, hm(hours, minutes), ROME)
const iso = (instant: number) => new Date(instant).toISOString().slice(0, 16) + 'Z'
const startsOf = (slots: Slot[]) => slots.map((slot) => iso(slot.startAt))

const MONDAY = '2027-03-08'
const TUESDAY = '2027-03-09'
const WEDNESDAY = '2027-03-10'
/** A week before the dates above: far enough for the notice, near enough for the advance. */
const NOW = new Date('2027-03-01T08:00:00Z')

function serviceId(slug: string): string {
  return getDb().select({ id: services.id }).from(services).where(eq(services.slug, slug)).get()!.id
}

function practitionerId(displayName: string): string {
  return getDb()
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.displayName, displayName))
    .get()!.id
}

const giulia = () => practitionerId('Dr Giulia Romano')
const marco = () => practitionerId('Marco Bianchi')
const sofia = () => practitionerId('Sofia Conti')
const luca = () => practitionerId('Luca Ferrari')

let referenceCounter = 0

/** Writes a booking straight to the table; start and end are epoch ms, buffer in minutes. */
function insertBooking(input: {
  practitionerId: string
  serviceSlug?: string
  status: BookingStatus
  startAt: number
  minutes: number
  bufferMinutes?: number
  holdExpiresAt?: number
}): string {
  const db = getDb()
  let patientId: string | null = null
  if (input.status !== 'held' && input.status !== 'expired') {
    patientId = db
      .insert(patients)
      .values({
        email: `patient-${randomUUID()}@example.com`,
        fullName: 'Ada Test',
        phone: '+39 333 000 0000',
        dateOfBirth: '1990-04-25',
      })
      .returning({ id: patients.id })
      .get().id
  }
  const endAt = input.startAt + input.minutes * MINUTE
  referenceCounter += 1
  return db
    .insert(bookings)
    .values({
      reference: `DD-T${String(referenceCounter).padStart(5, '0')}`,
      serviceId: serviceId(input.serviceSlug ?? 'medical-face'),
      practitionerId: input.practitionerId,
      patientId,
      status: input.status,
      startAt: new Date(input.startAt),
      endAt: new Date(endAt),
      blockedUntil: new Date(endAt + (input.bufferMinutes ?? 15) * MINUTE),
      timeZone: ROME,
      holdExpiresAt: input.holdExpiresAt === undefined ? null : new Date(input.holdExpiresAt),
    })
    .returning({ id: bookings.id })
    .get().id
}

function insertException(
  practitionerId: string,
  kind: 'time_off' | 'extra_hours',
  date: string,
  hours: [number, number] | null,
) {
  getDb()
    .insert(availabilityExceptions)
    .values({
      practitionerId,
      kind,
      date,
      startMinute: hours ? hours[0] : null,
      endMinute: hours ? hours[1] : null,
    })
    .run()
}

function slotsOn(
  date: string,
  options: {
    slug?: string
    practitionerId?: string | 'any'
    now?: Date
    earliestStartAt?: number
    ignoreBookingId?: string
  } = {},
): Slot[] {
  const result = findAvailableSlots({
    serviceId: serviceId(options.slug ?? 'medical-face'),
    practitionerId: options.practitionerId ?? giulia(),
    fromDate: date,
    days: 1,
    now: options.now ?? NOW,
    earliestStartAt: options.earliestStartAt,
    ignoreBookingId: options.ignoreBookingId,
  })
  expect(result.days.map((day) => day.date)).toEqual([date])
  return result.days[0]!.slots
}

describe('listQualifiedPractitioners', () => {
  test('a medical-tier service lists only medical practitioners, by name', () => {
    expect(listQualifiedPractitioners(serviceId('medical-face'))).toEqual([
      expect.objectContaining({
        id: giulia(),
        displayName: 'Dr Giulia Romano',
        title: 'Doctor, dermatologist',
        registration: 'Ordine dei Medici di Milano n. 41873',
        photoKey: null,
      }),
      expect.objectContaining({ id: marco(), displayName: 'Marco Bianchi' }),
    ])
  })

  test('a cosmetic service lists whoever performs it, nurse included', () => {
    expect(listQualifiedPractitioners(serviceId('skin-boost')).map((p) => p.displayName)).toEqual([
      'Luca Ferrari',
      'Marco Bianchi',
      'Sofia Conti',
    ])
  })

  test('an aesthetician linked to a medical service by mistake is still never listed', () => {
    getDb()
      .insert(practitionerServices)
      .values({ practitionerId: sofia(), serviceId: serviceId('medical-face') })
      .run()
    expect(listQualifiedPractitioners(serviceId('medical-face')).map((p) => p.displayName)).toEqual(
      ['Dr Giulia Romano', 'Marco Bianchi'],
    )
  })

  test('inactive practitioners and inactive services list nobody', () => {
    const db = getDb()
    db.update(practitioners).set({ isActive: false }).where(eq(practitioners.id, marco())).run()
    expect(listQualifiedPractitioners(serviceId('medical-face')).map((p) => p.displayName)).toEqual(
      ['Dr Giulia Romano'],
    )
    db.update(services).set({ isActive: false }).where(eq(services.slug, 'eye-neck')).run()
    expect(listQualifiedPractitioners(serviceId('eye-neck'))).toEqual([])
  })
})

describe('findAvailableSlots: hours', () => {
  test('weekly hours with two intervals, stepped every 15 minutes', () => {
    const result = findAvailableSlots({
      serviceId: serviceId('medical-face'),
      practitionerId: giulia(),
      fromDate: MONDAY,
      days: 2,
      now: NOW,
    })
    expect(result.timeZone).toBe(ROME)
    expect(result.qualifiedPractitioners.map((p) => p.displayName)).toEqual([
      'Dr Giulia Romano',
      'Marco Bianchi',
    ])
    const [monday, tuesday] = result.days
    // 60-minute sessions: 09:00–12:00 and 14:00–17:00 Rome time (UTC+1) starts.
    expect(monday!.slots).toHaveLength(26)
    expect(monday!.slots[0]).toEqual({
      practitionerId: giulia(),
      startAt: rome(MONDAY, 9),
      endAt: rome(MONDAY, 10),
    })
    expect(iso(monday!.slots[0]!.startAt)).toBe('2027-03-08T08:00Z')
    expect(startsOf(monday!.slots)).not.toContain('2027-03-08T11:15Z')
    expect(startsOf(monday!.slots)).toContain('2027-03-08T13:00Z')
    expect(iso(monday!.slots.at(-1)!.startAt)).toBe('2027-03-08T16:00Z')
    // Giulia does not work on Tuesdays.
    expect(tuesday).toEqual({ date: TUESDAY, slots: [] })
  })

  test('extra hours open a Sunday', () => {
    insertException(giulia(), 'extra_hours', '2027-03-07', [hm(10), hm(12)])
    expect(startsOf(slotsOn('2027-03-07'))).toEqual([
      '2027-03-07T09:00Z',
      '2027-03-07T09:15Z',
      '2027-03-07T09:30Z',
      '2027-03-07T09:45Z',
      '2027-03-07T10:00Z',
    ])
  })

  test('partial time off cuts a hole; a session may not run into it, the buffer may', () => {
    insertException(giulia(), 'time_off', MONDAY, [hm(10), hm(11)])
    const morning = slotsOn(MONDAY).filter((slot) => slot.startAt < rome(MONDAY, 13))
    expect(morning.map((slot) => slot.startAt)).toEqual([
      rome(MONDAY, 9),
      rome(MONDAY, 11),
      rome(MONDAY, 11, 15),
      rome(MONDAY, 11, 30),
      rome(MONDAY, 11, 45),
      rome(MONDAY, 12),
    ])
  })

  test('a whole day off closes that day only', () => {
    insertException(giulia(), 'time_off', MONDAY, null)
    expect(slotsOn(MONDAY)).toEqual([])
    expect(slotsOn(WEDNESDAY)).toHaveLength(26)
  })

  test('clinic closures close the day for everyone', () => {
    // Easter Monday 2027.
    const now = new Date('2027-03-20T08:00:00Z')
    expect(slotsOn('2027-03-29', { now })).toEqual([])
    expect(slotsOn('2027-03-29', { now, practitionerId: 'any' })).toEqual([])
    expect(slotsOn('2027-03-31', { now })).toHaveLength(26)
  })
})

describe('findAvailableSlots: bookings and buffers', () => {
  test("a booking's buffer blocks the next start; a slot's buffer may not reach a booking", () => {
    // 10:00–11:00 plus a 15-minute buffer: Giulia is busy until 11:15.
    insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(MONDAY, 10),
      minutes: 60,
    })
    const morning = slotsOn(MONDAY).filter((slot) => slot.startAt < rome(MONDAY, 13))
    expect(morning.map((slot) => slot.startAt)).toEqual([
      rome(MONDAY, 11, 15),
      rome(MONDAY, 11, 30),
      rome(MONDAY, 11, 45),
      rome(MONDAY, 12),
    ])
  })

  test('the last slot ends at closing while its buffer runs past', () => {
    const slots = slotsOn(MONDAY)
    expect(slots.find((slot) => slot.startAt === rome(MONDAY, 12))?.endAt).toBe(rome(MONDAY, 13))
    expect(slots.at(-1)).toEqual({
      practitionerId: giulia(),
      startAt: rome(MONDAY, 17),
      endAt: rome(MONDAY, 18),
    })
  })

  test('a live hold blocks its time', () => {
    insertBooking({
      practitionerId: giulia(),
      status: 'held',
      startAt: rome(MONDAY, 9),
      minutes: 60,
      holdExpiresAt: NOW.getTime() + 5 * MINUTE,
    })
    expect(slotsOn(MONDAY).map((slot) => slot.startAt)).not.toContain(rome(MONDAY, 9))
    expect(slotsOn(MONDAY)[0]!.startAt).toBe(rome(MONDAY, 10, 15))
  })

  test('a lapsed hold blocks nothing', () => {
    insertBooking({
      practitionerId: giulia(),
      status: 'held',
      startAt: rome(MONDAY, 9),
      minutes: 60,
      holdExpiresAt: NOW.getTime() - MINUTE,
    })
    expect(slotsOn(MONDAY)).toHaveLength(26)
  })

  test('pending review blocks; cancelled, declined and expired do not', () => {
    insertBooking({
      practitionerId: giulia(),
      status: 'pending_review',
      startAt: rome(MONDAY, 14),
      minutes: 60,
    })
    insertBooking({
      practitionerId: giulia(),
      status: 'cancelled',
      startAt: rome(MONDAY, 9),
      minutes: 60,
    })
    insertBooking({
      practitionerId: giulia(),
      status: 'declined',
      startAt: rome(MONDAY, 10),
      minutes: 60,
    })
    insertBooking({
      practitionerId: giulia(),
      status: 'expired',
      startAt: rome(MONDAY, 11),
      minutes: 60,
    })
    const starts = slotsOn(MONDAY).map((slot) => slot.startAt)
    expect(starts).toContain(rome(MONDAY, 9))
    expect(starts).toContain(rome(MONDAY, 11))
    expect(starts).not.toContain(rome(MONDAY, 14))
  })

  test('the booking being moved (ignoreBookingId) does not block itself', () => {
    const id = insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(MONDAY, 9),
      minutes: 60,
    })
    expect(slotsOn(MONDAY)).toHaveLength(21)
    expect(slotsOn(MONDAY, { ignoreBookingId: id })).toHaveLength(26)
  })

  test("another practitioner's bookings and bookings on other days do not block", () => {
    insertBooking({
      practitionerId: marco(),
      status: 'confirmed',
      startAt: rome(WEDNESDAY, 9),
      minutes: 60,
    })
    insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome('2027-03-05', 17),
      minutes: 60,
    })
    expect(slotsOn(WEDNESDAY)).toHaveLength(26)
    expect(slotsOn(MONDAY)).toHaveLength(26)
  })

  test('a booking late the evening before still blocks an early start (by its buffer)', () => {
    const sunday = '2027-03-07'
    insertException(giulia(), 'extra_hours', sunday, [hm(22), 1440])
    insertException(giulia(), 'extra_hours', MONDAY, [hm(0), hm(2)])
    // 23:00–00:00 plus 15 minutes: busy until 00:15 on Monday.
    insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(sunday, 23),
      minutes: 60,
    })
    const night = slotsOn(MONDAY).filter((slot) => slot.startAt < rome(MONDAY, 2))
    expect(night.map((slot) => slot.startAt)).toEqual([
      rome(MONDAY, 0, 15),
      rome(MONDAY, 0, 30),
      rome(MONDAY, 0, 45),
      rome(MONDAY, 1),
    ])
  })

  test('a booking just after the searched range still blocks the last slot by its buffer', () => {
    insertException(giulia(), 'extra_hours', MONDAY, [hm(22), 1440])
    // Tuesday 00:00: outside the one-day search, but a 23:00 session's buffer reaches it.
    insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(TUESDAY, 0),
      minutes: 60,
    })
    const late = slotsOn(MONDAY).filter((slot) => slot.startAt >= rome(MONDAY, 22))
    expect(late.map((slot) => slot.startAt)).toEqual([
      rome(MONDAY, 22),
      rome(MONDAY, 22, 15),
      rome(MONDAY, 22, 30),
      rome(MONDAY, 22, 45),
    ])
  })

  test('the bookings fetch is a range scan of the covering index', () => {
    const plan = getBusyQueryPlan().join('\n')
    expect(plan).toMatch(
      /USING COVERING INDEX bookings_practitioner_time \(practitioner_id=\? AND start_at>\? AND start_at<\?\)/,
    )
    expect(plan).not.toMatch(/SCAN bookings/)
  })
})

describe('findAvailableSlots: when a patient may book', () => {
  test('minimum notice: nothing within 24 hours, then the next grid start', () => {
    // Sunday 10:07 Rome time.
    const now = new Date('2027-03-07T09:07:00Z')
    expect(slotsOn(MONDAY, { now })[0]!.startAt).toBe(rome(MONDAY, 10, 15))
  })

  test('maximum advance: nothing starts more than 90 days ahead', () => {
    getDb().$client.prepare('UPDATE clinic_settings SET max_advance_days = 90').run()
    // Tuesday 9 March, 10:07 Rome time; 90 days later is Monday 7 June, 10:07 summer time.
    const now = new Date('2027-03-09T09:07:00Z')
    const slots = slotsOn('2027-06-07', { now })
    expect(startsOf(slots)).toEqual([
      '2027-06-07T07:00Z',
      '2027-06-07T07:15Z',
      '2027-06-07T07:30Z',
      '2027-06-07T07:45Z',
      '2027-06-07T08:00Z',
    ])
    expect(slotsOn('2027-06-09', { now })).toEqual([])
  })

  test("the patient's own earliest allowed instant (e.g. a waiting window)", () => {
    const result = findAvailableSlots({
      serviceId: serviceId('medical-face'),
      practitionerId: giulia(),
      fromDate: MONDAY,
      days: 3,
      now: NOW,
      earliestStartAt: rome(WEDNESDAY, 11),
    })
    expect(result.days[0]!.slots).toEqual([])
    expect(result.days[2]!.slots[0]!.startAt).toBe(rome(WEDNESDAY, 11))
  })
})

describe('findAvailableSlots: practitioners', () => {
  test('a medical-tier service never offers an aesthetician, even when asked by id', () => {
    const result = findAvailableSlots({
      serviceId: serviceId('medical-face'),
      practitionerId: sofia(),
      fromDate: MONDAY,
      days: 7,
      now: NOW,
    })
    expect(result.days.flatMap((day) => day.slots)).toEqual([])
    expect(result.qualifiedPractitioners.map((p) => p.id)).not.toContain(sofia())
  })

  test('"any" for a medical service: one slot per start from Giulia or Marco, never Sofia', () => {
    const all = findAvailableSlots({
      serviceId: serviceId('medical-face'),
      practitionerId: 'any',
      fromDate: MONDAY,
      days: 7,
      now: NOW,
    }).days.flatMap((day) => day.slots)
    expect(new Set(all.map((slot) => slot.practitionerId))).toEqual(new Set([giulia(), marco()]))
    expect(new Set(all.map((slot) => slot.startAt)).size).toBe(all.length)
  })

  test('"any" picks the first free practitioner by name', () => {
    // Wednesday: Giulia and Marco both work 09:00–13:00.
    expect(
      slotsOn(WEDNESDAY, { practitionerId: 'any' })
        .filter((slot) => slot.startAt < rome(WEDNESDAY, 13))
        .every((slot) => slot.practitionerId === giulia()),
    ).toBe(true)
    insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(WEDNESDAY, 10),
      minutes: 60,
    })
    const at10 = slotsOn(WEDNESDAY, { practitionerId: 'any' }).find(
      (slot) => slot.startAt === rome(WEDNESDAY, 10),
    )
    expect(at10?.practitionerId).toBe(marco())
  })

  test('a cosmetic service offers whoever performs it: aestheticians and the nurse', () => {
    const tuesday = slotsOn(TUESDAY, { slug: 'skin-boost', practitionerId: 'any' })
    // Sofia from 09:30; at 10:00 Marco comes first by name; Luca does not work on Tuesdays.
    expect(tuesday[0]).toMatchObject({ practitionerId: sofia(), startAt: rome(TUESDAY, 9, 30) })
    expect(tuesday.find((slot) => slot.startAt === rome(TUESDAY, 10))?.practitionerId).toBe(marco())
    const wednesday = slotsOn(WEDNESDAY, { slug: 'skin-boost', practitionerId: 'any' })
    expect(new Set(wednesday.map((slot) => slot.practitionerId))).toEqual(
      new Set([luca(), marco()]),
    )
  })

  test('an unknown service gives empty days and nobody qualified', () => {
    const result = findAvailableSlots({
      serviceId: randomUUID(),
      practitionerId: 'any',
      fromDate: MONDAY,
      days: 2,
      now: NOW,
    })
    expect(result).toEqual({
      timeZone: ROME,
      qualifiedPractitioners: [],
      days: [
        { date: MONDAY, slots: [] },
        { date: TUESDAY, slots: [] },
      ],
    })
  })

  test('the range is 1 to 31 days of real dates', () => {
    const base = { serviceId: serviceId('medical-face'), practitionerId: 'any', now: NOW }
    expect(() => findAvailableSlots({ ...base, fromDate: MONDAY, days: 0 })).toThrow(RangeError)
    expect(() => findAvailableSlots({ ...base, fromDate: MONDAY, days: 32 })).toThrow(RangeError)
    expect(() => findAvailableSlots({ ...base, fromDate: '8/3/2027', days: 1 })).toThrow(RangeError)
    expect(findAvailableSlots({ ...base, fromDate: MONDAY, days: 31 }).days).toHaveLength(31)
  })
})

describe('findAvailableSlots: Europe/Rome daylight-saving days', () => {
  // Sundays, so only the extra hours below are open.
  const SPRING = '2027-03-28'
  const FALL = '2027-10-31'

  function openNightAndMorning(date: string) {
    insertException(giulia(), 'extra_hours', date, [hm(1), hm(4)])
    insertException(giulia(), 'extra_hours', date, [hm(9), hm(10)])
  }

  test('spring forward: real-time steps, none in the missing hour, 09:00 is 07:00Z', () => {
    openNightAndMorning(SPRING)
    const now = new Date('2027-03-20T08:00:00Z')
    const slots = slotsOn(SPRING, { slug: 'consultation', now })
    expect(startsOf(slots)).toEqual([
      // 01:00–01:45 winter time (UTC+1) …
      '2027-03-28T00:00Z',
      '2027-03-28T00:15Z',
      '2027-03-28T00:30Z',
      '2027-03-28T00:45Z',
      // … then 03:00–03:30 summer time (UTC+2): 02:00–03:00 never happens.
      '2027-03-28T01:00Z',
      '2027-03-28T01:15Z',
      '2027-03-28T01:30Z',
      // 09:00, 09:15, 09:30 summer time.
      '2027-03-28T07:00Z',
      '2027-03-28T07:15Z',
      '2027-03-28T07:30Z',
    ])
    const romeHour = new Intl.DateTimeFormat('en-GB', {
      timeZone: ROME,
      hour: '2-digit',
      hourCycle: 'h23',
    })
    for (const slot of slots) {
      expect(slot.endAt - slot.startAt).toBe(30 * MINUTE)
      expect(romeHour.format(slot.startAt)).not.toBe('02')
    }
  })

  test('spring forward: an hour-long session across the jump lasts sixty real minutes', () => {
    openNightAndMorning(SPRING)
    const now = new Date('2027-03-20T08:00:00Z')
    const night = slotsOn(SPRING, { now }).filter((slot) => slot.startAt < rome(SPRING, 5))
    // Two real hours open (01:00 winter to 04:00 summer time): starts 00:00Z … 01:00Z.
    expect(startsOf(night)).toEqual([
      '2027-03-28T00:00Z',
      '2027-03-28T00:15Z',
      '2027-03-28T00:30Z',
      '2027-03-28T00:45Z',
      '2027-03-28T01:00Z',
    ])
    // 01:45 winter time to 03:45 summer time on the wall clock.
    expect(night[3]!.endAt - night[3]!.startAt).toBe(60 * MINUTE)
    expect(iso(night[3]!.endAt)).toBe('2027-03-28T01:45Z')
  })

  test('fall back: the repeated hour is offered twice, in real time; 09:00 is 08:00Z', () => {
    openNightAndMorning(FALL)
    const now = new Date('2027-10-20T08:00:00Z')
    const slots = slotsOn(FALL, { slug: 'consultation', now })
    const night = startsOf(slots.filter((slot) => slot.startAt < rome(FALL, 5)))
    // 01:00 summer time (23:00Z) to 04:00 winter time (03:00Z): four real hours, 15 starts.
    expect(night).toEqual(
      Array.from({ length: 15 }, (_, i) =>
        iso(Date.parse('2027-10-30T23:00:00Z') + i * 15 * MINUTE),
      ),
    )
    expect(night).toContain('2027-10-31T00:00Z') // 02:00 summer time
    expect(night).toContain('2027-10-31T01:00Z') // 02:00 again, winter time
    expect(startsOf(slots.filter((slot) => slot.startAt >= rome(FALL, 5)))).toEqual([
      '2027-10-31T08:00Z',
      '2027-10-31T08:15Z',
      '2027-10-31T08:30Z',
    ])
    for (const slot of slots) expect(slot.endAt - slot.startAt).toBe(30 * MINUTE)
  })

  test('fall back: a booking in the first 02:00 does not block the second', () => {
    openNightAndMorning(FALL)
    const now = new Date('2027-10-20T08:00:00Z')
    insertBooking({
      practitionerId: giulia(),
      serviceSlug: 'consultation',
      status: 'confirmed',
      startAt: Date.parse('2027-10-31T00:00:00Z'),
      minutes: 30,
      bufferMinutes: 0,
    })
    const night = startsOf(slotsOn(FALL, { slug: 'consultation', now }))
    expect(night).not.toContain('2027-10-31T00:00Z')
    expect(night).not.toContain('2027-10-31T00:15Z')
    expect(night).toContain('2027-10-31T00:30Z')
    expect(night).toContain('2027-10-31T01:00Z')
  })

  test('an ordinary Monday 09:00 either side of the change', () => {
    const now = new Date('2027-03-20T08:00:00Z')
    expect(iso(slotsOn('2027-03-22', { now })[0]!.startAt)).toBe('2027-03-22T08:00Z')
    expect(iso(slotsOn('2027-04-05', { now })[0]!.startAt)).toBe('2027-04-05T07:00Z')
  })
})

describe('checkSlot', () => {
  const check = (
    overrides: Partial<Parameters<typeof checkSlot>[0]> = {},
    db?: Parameters<typeof checkSlot>[1],
  ) =>
    checkSlot(
      {
        serviceId: serviceId('medical-face'),
        practitionerId: giulia(),
        startAt: rome(MONDAY, 9),
        now: NOW,
        ...overrides,
      },
      db,
    )

  test('a free slot on the grid is ok, with the time the booking blocks', () => {
    expect(check()).toEqual({
      ok: true,
      slot: { practitionerId: giulia(), startAt: rome(MONDAY, 9), endAt: rome(MONDAY, 10) },
      blockedUntil: rome(MONDAY, 10, 15),
    })
  })

  test('unknown or inactive service', () => {
    expect(check({ serviceId: randomUUID() })).toEqual({ ok: false, reason: 'unknown-service' })
    getDb().update(services).set({ isActive: false }).where(eq(services.slug, 'medical-face')).run()
    expect(check()).toEqual({ ok: false, reason: 'unknown-service' })
  })

  test('a practitioner who may not perform the service', () => {
    expect(check({ practitionerId: sofia() })).toEqual({ ok: false, reason: 'not-qualified' })
    expect(check({ practitionerId: randomUUID() })).toEqual({ ok: false, reason: 'not-qualified' })
  })

  test('too soon and too far', () => {
    expect(check({ now: new Date(rome(MONDAY, 9) - 23 * 60 * MINUTE) })).toEqual({
      ok: false,
      reason: 'too-soon',
    })
    expect(check({ earliestStartAt: rome(MONDAY, 9, 1) })).toEqual({
      ok: false,
      reason: 'too-soon',
    })
    expect(check({ startAt: rome('2027-10-04', 9) })).toEqual({ ok: false, reason: 'too-far' })
  })

  test('not offered: off the grid, outside hours, a closure, running past closing', () => {
    for (const startAt of [
      rome(MONDAY, 9, 5),
      rome(MONDAY, 8),
      rome(MONDAY, 12, 15),
      rome(TUESDAY, 10),
      rome('2027-03-29', 9),
    ])
      expect(check({ startAt, now: new Date('2027-03-05T08:00:00Z') })).toEqual({
        ok: false,
        reason: 'not-offered',
      })
  })

  test('taken by a booking, by its buffer, or by a live hold; not by a lapsed one', () => {
    insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(MONDAY, 10),
      minutes: 60,
    })
    expect(check({ startAt: rome(MONDAY, 10) })).toEqual({ ok: false, reason: 'taken' })
    // 09:00–10:00 would need its buffer until 10:15.
    expect(check({ startAt: rome(MONDAY, 9) })).toEqual({ ok: false, reason: 'taken' })
    expect(check({ startAt: rome(MONDAY, 11) })).toEqual({ ok: false, reason: 'taken' })
    expect(check({ startAt: rome(MONDAY, 11, 15) }).ok).toBe(true)

    insertBooking({
      practitionerId: giulia(),
      status: 'held',
      startAt: rome(MONDAY, 14),
      minutes: 60,
      holdExpiresAt: NOW.getTime() + MINUTE,
    })
    expect(check({ startAt: rome(MONDAY, 14) })).toEqual({ ok: false, reason: 'taken' })
    expect(check({ startAt: rome(MONDAY, 14), now: new Date(NOW.getTime() + MINUTE) }).ok).toBe(
      true,
    )
  })

  test('the booking being moved does not take its own slot', () => {
    const id = insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(MONDAY, 9),
      minutes: 60,
    })
    expect(check()).toEqual({ ok: false, reason: 'taken' })
    expect(check({ ignoreBookingId: id }).ok).toBe(true)
  })

  test('inside a BEGIN IMMEDIATE transaction it sees the transaction’s own writes', () => {
    const db = getDb()
    const outcome = db.transaction(
      (tx) => {
        const before = check({}, tx)
        tx.insert(bookings)
          .values({
            reference: 'DD-TXTEST',
            serviceId: serviceId('medical-face'),
            practitionerId: giulia(),
            status: 'held',
            startAt: new Date(rome(MONDAY, 9)),
            endAt: new Date(rome(MONDAY, 10)),
            blockedUntil: new Date(rome(MONDAY, 10, 15)),
            timeZone: ROME,
            holdExpiresAt: new Date(NOW.getTime() + 10 * MINUTE),
          })
          .run()
        return { before, after: check({}, tx) }
      },
      { behavior: 'immediate' },
    )
    expect(outcome.before.ok).toBe(true)
    expect(outcome.after).toEqual({ ok: false, reason: 'taken' })
  })

  test('on daylight-saving days: ok in real time, not offered in the missing hour', () => {
    insertException(giulia(), 'extra_hours', '2027-03-28', [hm(1), hm(4)])
    const now = new Date('2027-03-20T08:00:00Z')
    const consultation = serviceId('consultation')
    const at = (instant: string) =>
      check({ serviceId: consultation, now, startAt: Date.parse(instant) })
    // 03:00 summer time, the first start after the jump, four real quarter hours after 01:00.
    expect(at('2027-03-28T01:00:00Z').ok).toBe(true)
    // Off the real-time grid.
    expect(at('2027-03-28T00:10:00Z')).toEqual({ ok: false, reason: 'not-offered' })
    // 03:45 summer time would end at 04:15, past closing.
    expect(at('2027-03-28T01:45:00Z')).toEqual({ ok: false, reason: 'not-offered' })
  })
})

describe('findNearestFreeSlots', () => {
  test('offers the free slots closest to a taken one', () => {
    insertBooking({
      practitionerId: giulia(),
      status: 'confirmed',
      startAt: rome(MONDAY, 10),
      minutes: 60,
    })
    const nearest = findNearestFreeSlots({
      serviceId: serviceId('medical-face'),
      practitionerId: giulia(),
      around: rome(MONDAY, 10),
      now: NOW,
    })
    expect(nearest.map((slot) => slot.startAt)).toEqual([
      rome(MONDAY, 11, 15),
      rome(MONDAY, 11, 30),
      rome(MONDAY, 11, 45),
    ])
  })

  test('looks across days and practitioners, and honours the count', () => {
    // Giulia's whole Monday is gone; the nearest "any" slots are on Saturday and Tuesday.
    insertException(giulia(), 'time_off', MONDAY, null)
    const nearest = findNearestFreeSlots({
      serviceId: serviceId('medical-face'),
      practitionerId: 'any',
      around: rome(MONDAY, 13),
      now: NOW,
      count: 2,
    })
    // Saturday 12:00 (Giulia) is 49 h before; Tuesday 10:00 (Marco) is 21 h after.
    expect(nearest).toEqual([
      { practitionerId: marco(), startAt: rome(TUESDAY, 10), endAt: rome(TUESDAY, 11) },
      { practitionerId: marco(), startAt: rome(TUESDAY, 10, 15), endAt: rome(TUESDAY, 11, 15) },
    ])
  })

  test('never offers what the notice forbids', () => {
    const now = new Date(rome(MONDAY, 9) - 24 * 60 * MINUTE)
    const nearest = findNearestFreeSlots({
      serviceId: serviceId('medical-face'),
      practitionerId: giulia(),
      around: rome('2027-03-06', 12),
      now,
      count: 3,
    })
    expect(nearest.map((slot) => slot.startAt)).toEqual([
      rome(MONDAY, 9),
      rome(MONDAY, 9, 15),
      rome(MONDAY, 9, 30),
    ])
  })
})
