import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  availabilityExceptions,
  bookingEvents,
  bookings,
  clinicClosures,
  clinicSettings,
  emailOutbox,
  practitioners,
  practitionerServices,
  services,
  users,
  workingHours,
} from '#db/schema/index.ts'
import { insertBooking, practitionerIdOf, serviceIdOf } from '#tests/factories/bookings.ts'
import { addClosure, updatePolicies } from './admin-clinic.server.ts'
import { applyPractitionerChange } from './admin-practitioners.server.ts'
import { updateService } from './admin-services.server.ts'
import {
  PoliciesSchema,
  PractitionerActionSchema,
  ServiceSchema,
  type StrandedAnswer,
} from './admin.schema.ts'
import { type StaffActor } from './stranding.server.ts'
import { type StrandReason } from './stranding.rules.ts'

/** Monday 1 February 2027, 09:00 in Rome. */
const NOW = new Date('2027-02-01T08:00:00Z')
/** Monday 8 February 2027, 10:00 in Rome (UTC+1): Dr Romano works 09:00–13:00. */
const MONDAY_10 = new Date('2027-02-08T09:00:00Z')
const MONDAY = '2027-02-08'

const ASK: StrandedAnswer = { choice: null, bookingIds: [], reason: null }
const keep = (bookingIds: string[]): StrandedAnswer => ({
  choice: 'keep',
  bookingIds,
  reason: null,
})
const cancel = (
  bookingIds: string[],
  reason: string | null = 'The doctor is away.',
): StrandedAnswer => ({
  choice: 'cancel',
  bookingIds,
  reason,
})

function admin(): StaffActor {
  const user = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'elena.greco@dermadesk.example'))
    .get()
  return { userId: user!.id, ipAddress: '203.0.113.9', requestId: 'req-admin-1' }
}

/** The answer fields as the confirmation form posts them. */
function answerFields(answer: StrandedAnswer) {
  return {
    ...(answer.choice ? { strandedChoice: answer.choice } : {}),
    acknowledgedBookingIds: answer.bookingIds,
    cancelReason: answer.reason ?? '',
  }
}

/** A post to the practitioner page, parsed by the same schema as the route. */
function postToPractitioner(
  who: Parameters<typeof practitionerIdOf>[0],
  values: Record<string, string | string[]>,
  answer: StrandedAnswer,
) {
  const action = PractitionerActionSchema.parse({ ...values, ...answerFields(answer) })
  return applyPractitionerChange(practitionerIdOf(who), action, admin(), NOW)
}

function giuliaProfile(overrides: Record<string, string | undefined> = {}) {
  const values: Record<string, string> = {
    intent: 'profile',
    displayName: 'Dr Giulia Romano',
    title: 'Doctor, dermatologist',
    credential: 'medical',
    registration: 'Ordine dei Medici di Milano n. 41873',
    maxNeedleDepthMm: '2',
    isActive: 'on',
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete values[key]
    else values[key] = value
  }
  return values
}

function serviceValues(slug: string, overrides: Record<string, string | undefined> = {}) {
  const row = getDb().select().from(services).where(eq(services.slug, slug)).get()!
  const values: Record<string, string> = {
    name: row.name,
    description: row.description,
    kind: row.kind,
    tier: row.tier,
    durationMinutes: String(row.durationMinutes),
    bufferAfterMinutes: String(row.bufferAfterMinutes),
    maxNeedleDepthMm: row.maxNeedleDepthUm === null ? '' : String(row.maxNeedleDepthUm / 1000),
    courseSessions: String(row.courseSessions),
    courseIntervalWeeks: String(row.courseIntervalWeeks),
    price: row.priceCents === null ? '' : String(row.priceCents / 100),
    downtime: row.downtime,
    isActive: row.isActive ? 'on' : '',
    sortOrder: String(row.sortOrder),
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete values[key]
    else values[key] = value
  }
  return values
}

function changeService(
  slug: string,
  overrides: Record<string, string | undefined>,
  answer: StrandedAnswer,
) {
  const fields = ServiceSchema.parse(serviceValues(slug, overrides))
  return updateService(serviceIdOf(slug), { ...fields, answer }, admin(), NOW)
}

function currentPolicies() {
  const row = getDb().select().from(clinicSettings).get()!
  return {
    timeZone: row.timeZone,
    slotStepMinutes: String(row.slotStepMinutes),
    minNoticeHours: String(row.minNoticeHours),
    maxAdvanceDays: String(row.maxAdvanceDays),
    holdMinutes: String(row.holdMinutes),
    cancellationWindowHours: String(row.cancellationWindowHours),
    minDaysBetweenNeedling: String(row.minDaysBetweenNeedling),
    maxUpcomingBookingsPerEmail: String(row.maxUpcomingBookingsPerEmail),
  }
}

function bookingRow(id: string) {
  return getDb().select().from(bookings).where(eq(bookings.id, id)).get()!
}

function auditActions(): string[] {
  return getDb()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(auditEvents.seq)
    .all()
    .map((row) => row.action)
}

function lastAudit(action: string) {
  const rows = getDb()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(auditEvents.seq)
    .all()
  const row = rows[rows.length - 1]
  return row ? { ...row, details: JSON.parse(row.details) as Record<string, unknown> } : undefined
}

/** Dr Romano's hours with Mondays taken out: every other day as in the demo clinic. */
const GIULIA_WITHOUT_MONDAYS = {
  intent: 'hours',
  start_3_0: '09:00',
  end_3_0: '13:00',
  start_3_1: '14:00',
  end_3_1: '18:00',
  start_5_0: '09:00',
  end_5_0: '13:00',
  start_5_1: '14:00',
  end_5_1: '18:00',
  start_6_0: '09:00',
  end_6_0: '13:00',
}

type StrandingCase = {
  name: string
  /** Books the appointment that the change would strand. */
  arrange: () => { id: string; reference: string }
  change: (answer: StrandedAnswer) => { ok: boolean }
  applied: () => boolean
  reasons: StrandReason[]
  action: string
}

const giuliaMonday = () =>
  insertBooking({
    practitioner: 'giulia',
    service: 'medical-face',
    startAt: MONDAY_10,
    patientName: 'Anna Verdi',
  })

const CASES: StrandingCase[] = [
  {
    name: 'replacing weekly hours',
    arrange: giuliaMonday,
    change: (answer) => postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, answer),
    applied: () =>
      getDb()
        .select()
        .from(workingHours)
        .where(eq(workingHours.practitionerId, practitionerIdOf('giulia')))
        .all()
        .every((row) => row.weekday !== 1),
    reasons: ['outside-hours'],
    action: 'admin.hours.replaced',
  },
  {
    name: 'adding time off',
    arrange: giuliaMonday,
    change: (answer) =>
      postToPractitioner(
        'giulia',
        {
          intent: 'add-exception',
          kind: 'time_off',
          date: MONDAY,
          wholeDay: 'on',
          note: 'Congress',
        },
        answer,
      ),
    applied: () => getDb().select().from(availabilityExceptions).all().length === 1,
    reasons: ['outside-hours'],
    action: 'admin.time_off.added',
  },
  {
    name: 'removing extra hours',
    arrange: () => {
      getDb()
        .insert(availabilityExceptions)
        .values({
          id: '00000000-0000-4000-8000-00000000e001',
          practitionerId: practitionerIdOf('giulia'),
          kind: 'extra_hours',
          date: '2027-02-07',
          startMinute: 600,
          endMinute: 720,
        })
        .run()
      // Sunday 7 February, 10:00 in Rome: only the extra hours make it possible.
      return insertBooking({
        practitioner: 'giulia',
        service: 'medical-face',
        startAt: new Date('2027-02-07T09:00:00Z'),
        patientName: 'Anna Verdi',
      })
    },
    change: (answer) =>
      postToPractitioner(
        'giulia',
        { intent: 'remove-exception', exceptionId: '00000000-0000-4000-8000-00000000e001' },
        answer,
      ),
    applied: () => getDb().select().from(availabilityExceptions).all().length === 0,
    reasons: ['outside-hours'],
    action: 'admin.extra_hours.removed',
  },
  {
    name: 'adding a clinic closure',
    arrange: giuliaMonday,
    change: (answer) => addClosure({ date: MONDAY, reason: 'Water leak', answer }, admin(), NOW),
    applied: () =>
      getDb().select().from(clinicClosures).where(eq(clinicClosures.date, MONDAY)).get() !==
      undefined,
    reasons: ['clinic-closed'],
    action: 'admin.closure.added',
  },
  {
    name: 'deactivating a practitioner',
    arrange: giuliaMonday,
    change: (answer) =>
      postToPractitioner('giulia', giuliaProfile({ isActive: undefined }), answer),
    applied: () =>
      getDb()
        .select()
        .from(practitioners)
        .where(eq(practitioners.id, practitionerIdOf('giulia')))
        .get()?.isActive === false,
    reasons: ['practitioner-inactive'],
    action: 'admin.practitioner.updated',
  },
  {
    name: 'removing a service from a practitioner',
    arrange: giuliaMonday,
    change: (answer) =>
      postToPractitioner(
        'giulia',
        {
          intent: 'services',
          serviceIds: ['acne-scars', 'stretch-marks', 'eye-neck', 'consultation'].map(serviceIdOf),
        },
        answer,
      ),
    applied: () =>
      getDb()
        .select()
        .from(practitionerServices)
        .where(eq(practitionerServices.serviceId, serviceIdOf('medical-face')))
        .all()
        .every((row) => row.practitionerId !== practitionerIdOf('giulia')),
    reasons: ['service-not-offered'],
    action: 'admin.practitioner.services_replaced',
  },
  {
    name: 'changing a practitioner to the aesthetic credential',
    arrange: giuliaMonday,
    change: (answer) =>
      postToPractitioner('giulia', giuliaProfile({ credential: 'aesthetic' }), answer),
    applied: () =>
      getDb()
        .select()
        .from(practitioners)
        .where(eq(practitioners.id, practitionerIdOf('giulia')))
        .get()?.credential === 'aesthetic',
    // Aesthetic practitioners lose their medical-tier services in the same change.
    reasons: ['service-not-offered', 'not-qualified'],
    action: 'admin.practitioner.updated',
  },
  {
    name: 'deactivating a service',
    arrange: giuliaMonday,
    change: (answer) => changeService('medical-face', { isActive: undefined }, answer),
    applied: () =>
      getDb().select().from(services).where(eq(services.slug, 'medical-face')).get()?.isActive ===
      false,
    reasons: ['service-inactive'],
    action: 'admin.service.updated',
  },
  {
    name: 'changing the clinic time zone',
    arrange: giuliaMonday,
    change: (answer) =>
      updatePolicies(
        { ...PoliciesSchema.parse({ ...currentPolicies(), timeZone: 'Europe/London' }), answer },
        admin(),
        NOW,
      ),
    applied: () => getDb().select().from(clinicSettings).get()?.timeZone === 'Europe/London',
    // 10:00 in Rome is 09:00 in London: it still fits the hours there, but it moved for the patient.
    reasons: ['time-zone-changed'],
    action: 'admin.policies.updated',
  },
]

describe.each(CASES)('stranded bookings: $name', (scenario) => {
  test('is refused with the list of affected bookings, and nothing changes', () => {
    const booking = scenario.arrange()
    const result = scenario.change(ASK)
    expect(result).toEqual({
      ok: false,
      reason: 'needs-confirmation',
      timeZone: 'Europe/Rome',
      listChanged: false,
      bookings: [
        expect.objectContaining({
          id: booking.id,
          reference: booking.reference,
          status: 'confirmed',
          patientName: 'Anna Verdi',
          practitionerName: 'Dr Giulia Romano',
          serviceName: 'Medical microneedling, face',
          reasons: scenario.reasons,
        }),
      ],
    })
    expect(scenario.applied()).toBe(false)
    expect(bookingRow(booking.id).status).toBe('confirmed')
    // Showing the list is audited; the change itself is not (it did not happen).
    expect(auditActions()).toEqual(['admin.stranded_bookings.shown'])
    expect(lastAudit('admin.stranded_bookings.shown')?.details).toMatchObject({
      change: scenario.action,
      bookingIds: [booking.id],
    })
  })

  test('"keep" applies the change and leaves the booking confirmed', () => {
    const booking = scenario.arrange()
    const result = scenario.change(keep([booking.id]))
    expect(result).toEqual({ ok: true, keptBookingIds: [booking.id], cancelledBookingIds: [] })
    expect(scenario.applied()).toBe(true)
    expect(bookingRow(booking.id).status).toBe('confirmed')
    expect(getDb().select().from(emailOutbox).all()).toEqual([])
    expect(lastAudit(scenario.action)?.details).toMatchObject({
      strandedBookings: { choice: 'keep', bookingIds: [booking.id] },
    })
    expect(lastAudit(scenario.action)?.actorType).toBe('staff')
  })

  test('"cancel" applies the change, cancels the booking, records the event and emails the patient', () => {
    const booking = scenario.arrange()
    const result = scenario.change(cancel([booking.id]))
    expect(result).toEqual({ ok: true, keptBookingIds: [], cancelledBookingIds: [booking.id] })
    expect(scenario.applied()).toBe(true)
    const row = bookingRow(booking.id)
    expect(row.status).toBe('cancelled')
    expect(row.cancellationReason).toBe('The doctor is away.')
    expect(row.cancelledAt?.getTime()).toBe(NOW.getTime())
    const events = getDb()
      .select()
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, booking.id))
      .all()
    expect(events).toEqual([
      expect.objectContaining({
        action: 'cancelled_by_clinic',
        actorType: 'staff',
        actorId: admin().userId,
        fromStatus: 'confirmed',
        toStatus: 'cancelled',
      }),
    ])
    const emails = getDb()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.bookingId, booking.id))
      .all()
    expect(emails).toHaveLength(1)
    expect(emails[0]!.subject).toBe(`Booking cancelled: ${booking.reference}`)
    expect(emails[0]!.textBody).toContain('Reason: The doctor is away.')
    expect(lastAudit(scenario.action)?.details).toMatchObject({
      strandedBookings: { choice: 'cancel', bookingIds: [booking.id] },
    })
    expect(auditActions()).toContain('booking.cancelled_by_clinic')
  })
})

describe('the affected list', () => {
  test('a list that changed since the admin saw it is shown again instead of applied', () => {
    const first = giuliaMonday()
    const asked = postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, ASK)
    expect(asked).toMatchObject({ reason: 'needs-confirmation', bookings: [{ id: first.id }] })

    // Meanwhile a patient books Monday afternoon.
    const second = insertBooking({
      practitioner: 'giulia',
      service: 'consultation',
      startAt: new Date('2027-02-08T14:00:00Z'),
    })
    const result = postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, cancel([first.id]))
    expect(result).toMatchObject({
      ok: false,
      reason: 'needs-confirmation',
      listChanged: true,
      bookings: [{ id: first.id }, { id: second.id }],
    })
    expect(bookingRow(first.id).status).toBe('confirmed')
    expect(bookingRow(second.id).status).toBe('confirmed')
    expect(getDb().select().from(emailOutbox).all()).toEqual([])
    expect(auditActions()).not.toContain('admin.hours.replaced')

    // A list that shrank is also a different list.
    getDb()
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: NOW })
      .where(eq(bookings.id, second.id))
      .run()
    const shrunk = postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, keep([first.id, second.id]))
    expect(shrunk).toMatchObject({ reason: 'needs-confirmation', listChanged: true })

    // Confirming exactly what is stranded now applies it.
    expect(postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, keep([first.id]))).toMatchObject({
      ok: true,
    })
  })

  test('a confirmation form sent without a choice asks again, unchanged', () => {
    const booking = giuliaMonday()
    const result = postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, {
      choice: null,
      bookingIds: [booking.id],
      reason: null,
    })
    expect(result).toMatchObject({ reason: 'needs-confirmation', listChanged: false })
  })

  test('only future pending-review and confirmed bookings of the practitioner count', () => {
    const pending = insertBooking({
      practitioner: 'giulia',
      service: 'medical-face',
      startAt: MONDAY_10,
      status: 'pending_review',
    })
    insertBooking({
      practitioner: 'giulia',
      service: 'medical-face',
      startAt: new Date('2027-02-08T11:00:00Z'),
      status: 'cancelled',
    })
    // Already past: Monday 1 February, 09:30 in Rome, before "now" would be 08:30 UTC.
    insertBooking({
      practitioner: 'giulia',
      service: 'consultation',
      startAt: new Date('2027-01-25T09:00:00Z'),
      status: 'completed',
    })
    // Marco's Tuesday booking is not Dr Romano's business.
    insertBooking({
      practitioner: 'marco',
      service: 'medical-face',
      startAt: new Date('2027-02-09T10:00:00Z'),
    })
    const result = postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, ASK)
    expect(result).toMatchObject({ bookings: [{ id: pending.id, status: 'pending_review' }] })
  })

  test('a change that strands nothing applies at once', () => {
    giuliaMonday()
    const result = postToPractitioner(
      'giulia',
      {
        intent: 'add-exception',
        kind: 'time_off',
        date: '2027-02-10',
        startTime: '14:00',
        endTime: '18:00',
        note: 'Dentist',
      },
      ASK,
    )
    expect(result).toEqual({ ok: true, keptBookingIds: [], cancelledBookingIds: [] })
    expect(auditActions()).toEqual(['admin.time_off.added'])
    expect(lastAudit('admin.time_off.added')?.details).toMatchObject({
      date: '2027-02-10',
      startMinute: 840,
      endMinute: 1080,
      note: 'Dentist',
    })
  })

  test('a booking kept outside the hours is not asked about again for an unrelated change', () => {
    const booking = giuliaMonday()
    expect(postToPractitioner('giulia', GIULIA_WITHOUT_MONDAYS, keep([booking.id]))).toMatchObject({
      ok: true,
    })
    const later = postToPractitioner(
      'giulia',
      { intent: 'add-exception', kind: 'time_off', date: '2027-02-12', wholeDay: 'on' },
      ASK,
    )
    expect(later).toMatchObject({ ok: true })
  })

  test('cancelling several bookings cancels them all in the one change', () => {
    const a = giuliaMonday()
    const b = insertBooking({
      practitioner: 'giulia',
      service: 'eye-neck',
      startAt: new Date('2027-02-08T13:00:00Z'),
    })
    const asked = postToPractitioner('giulia', giuliaProfile({ isActive: undefined }), ASK)
    expect(asked).toMatchObject({ bookings: [{ id: a.id }, { id: b.id }] })
    const result = postToPractitioner(
      'giulia',
      giuliaProfile({ isActive: undefined }),
      cancel([b.id, a.id], null),
    )
    expect(result).toMatchObject({ ok: true, cancelledBookingIds: [a.id, b.id] })
    expect(getDb().select().from(emailOutbox).all()).toHaveLength(2)
    expect(bookingRow(a.id).cancellationReason).toBeNull()
  })

  test('moving a service to the medical tier takes it from aesthetic practitioners, stranding their bookings', () => {
    const booking = insertBooking({
      practitioner: 'sofia',
      service: 'skin-boost',
      startAt: new Date('2027-02-08T10:00:00Z'),
    })
    const overrides = { tier: 'medical' }
    const asked = changeService('skin-boost', overrides, ASK)
    expect(asked).toMatchObject({
      reason: 'needs-confirmation',
      bookings: [{ id: booking.id, reasons: ['service-not-offered', 'not-qualified'] }],
    })
    expect(changeService('skin-boost', overrides, keep([booking.id]))).toMatchObject({ ok: true })
    const performers = getDb()
      .select()
      .from(practitionerServices)
      .where(eq(practitionerServices.serviceId, serviceIdOf('skin-boost')))
      .all()
      .map((row) => row.practitionerId)
    expect(performers).toEqual([practitionerIdOf('marco')])
  })
})
