import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  clinicClosures,
  practitioners,
  practitionerServices,
  services,
  users,
  workingHours,
} from '#db/schema/index.ts'
import { insertBooking, practitionerIdOf, serviceIdOf } from '#tests/factories/bookings.ts'
import { addClosure, removeClosure, updatePolicies } from './admin-clinic.server.ts'
import { listPublicServices } from './clinic.server.ts'
import { applyPractitionerChange, createPractitioner } from './admin-practitioners.server.ts'
import { createService, updateService } from './admin-services.server.ts'
import {
  ClinicDetailsSchema,
  PoliciesSchema,
  PractitionerActionSchema,
  PractitionerProfileSchema,
  ServiceSchema,
  type StrandedAnswer,
} from './admin.schema.ts'
import { getAdminPractitioner, listUpcomingClosures } from './admin.server.ts'
import { type StaffActor } from './stranding.server.ts'

const NOW = new Date('2027-02-01T08:00:00Z')
const ASK: StrandedAnswer = { choice: null, bookingIds: [], reason: null }

function admin(): StaffActor {
  const user = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'elena.greco@dermadesk.example'))
    .get()
  return { userId: user!.id, ipAddress: '203.0.113.9', requestId: 'req-admin-2' }
}

/** Everything an admin change can touch, to prove a refused change wrote nothing. */
function fingerprint() {
  const sqlite = getDb().$client
  const tables = [
    'clinic_settings',
    'practitioners',
    'practitioner_services',
    'working_hours',
    'availability_exceptions',
    'clinic_closures',
    'services',
    'bookings',
    'booking_events',
    'email_outbox',
    'audit_events',
  ]
  return Object.fromEntries(
    tables.map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]),
  )
}

function post(who: Parameters<typeof practitionerIdOf>[0], values: Record<string, unknown>) {
  return applyPractitionerChange(
    practitionerIdOf(who),
    PractitionerActionSchema.parse({ acknowledgedBookingIds: [], ...values }),
    admin(),
    NOW,
  )
}

/** The service form as an admin fills it in for a cosmetic body treatment (the posted strings). */
const BODY_GLOW = {
  name: 'Body glow',
  description: 'Short needles for the body.',
  kind: 'treatment',
  tier: 'cosmetic',
  durationMinutes: '45',
  bufferAfterMinutes: '10',
  maxNeedleDepthMm: '0.5',
  courseSessions: '1',
  courseIntervalWeeks: '0',
  price: '',
  downtime: 'None.',
  sortOrder: '10',
}

describe('refused changes write nothing', () => {
  test('a medical-tier service cannot be given to an aesthetician', () => {
    const before = fingerprint()
    const result = post('sofia', {
      intent: 'services',
      serviceIds: [
        serviceIdOf('skin-boost'),
        serviceIdOf('acne-scars'),
        serviceIdOf('consultation'),
      ],
    })
    expect(result).toEqual({
      ok: false,
      reason: 'not-qualified',
      serviceNames: ['Acne scar microneedling', 'Skin consultation'],
    })
    expect(fingerprint()).toEqual(before)
  })

  test('an unknown service id is refused', () => {
    const before = fingerprint()
    expect(
      post('marco', { intent: 'services', serviceIds: ['00000000-0000-4000-8000-000000000000'] }),
    ).toEqual({ ok: false, reason: 'unknown-service' })
    expect(fingerprint()).toEqual(before)
  })

  test('time off on a date already past is refused', () => {
    const before = fingerprint()
    expect(
      post('giulia', {
        intent: 'add-exception',
        kind: 'time_off',
        date: '2027-01-31',
        wholeDay: 'on',
      }),
    ).toEqual({ ok: false, reason: 'date-in-past' })
    expect(fingerprint()).toEqual(before)
  })

  test('an unknown practitioner or entry is refused', () => {
    const before = fingerprint()
    const unknown = applyPractitionerChange(
      '00000000-0000-4000-8000-000000000000',
      PractitionerActionSchema.parse({ intent: 'hours', acknowledgedBookingIds: [] }),
      admin(),
      NOW,
    )
    expect(unknown).toEqual({ ok: false, reason: 'not-found' })
    expect(
      post('giulia', {
        intent: 'remove-exception',
        exceptionId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toEqual({ ok: false, reason: 'exception-not-found' })
    expect(fingerprint()).toEqual(before)
  })

  test('a second closure on the same date, or one in the past, is refused', () => {
    const before = fingerprint()
    expect(addClosure({ date: '2027-04-25', reason: 'Again', answer: ASK }, admin(), NOW)).toEqual({
      ok: false,
      reason: 'duplicate-date',
      existingReason: 'Liberation Day',
    })
    expect(addClosure({ date: '2027-01-06', reason: 'Late', answer: ASK }, admin(), NOW)).toEqual({
      ok: false,
      reason: 'date-in-past',
    })
    expect(fingerprint()).toEqual(before)
  })

  test('a refused change with stranded bookings writes only the audit row of the view', () => {
    insertBooking({
      practitioner: 'giulia',
      service: 'medical-face',
      startAt: new Date('2027-02-08T09:00:00Z'),
    })
    const before = fingerprint()
    expect(post('giulia', { intent: 'hours' })).toMatchObject({ reason: 'needs-confirmation' })
    const after = fingerprint()
    expect({ ...after, audit_events: [] }).toEqual({ ...before, audit_events: [] })
    expect(after.audit_events).toHaveLength(before.audit_events!.length + 1)
  })
})

describe('form validation (the same schemas the routes use)', () => {
  test('the clinic’s default language is one the product speaks', () => {
    const details = {
      name: 'Clinica Test',
      phone: '+39 02 1234 5678',
      email: 'info@clinica.example',
      address: 'Via Roma 1, Milano',
    }
    expect(ClinicDetailsSchema.parse({ ...details, defaultLocale: 'it' }).defaultLocale).toBe('it')
    const unknown = ClinicDetailsSchema.safeParse({ ...details, defaultLocale: 'fr' })
    expect(unknown.error?.issues[0]).toMatchObject({
      path: ['defaultLocale'],
      message: 'Choose Italian or English.',
    })
  })

  test('the bio is one line of at most 160 characters, and optional', () => {
    const profile = {
      displayName: 'Nina Rossi',
      title: 'Registered nurse',
      credential: 'medical',
      registration: 'OPI 1',
      maxNeedleDepthMm: '1.5',
    }
    expect(PractitionerProfileSchema.parse(profile).bio).toBe('')
    expect(PractitionerProfileSchema.parse({ ...profile, bio: '  Nurse since 2016. ' }).bio).toBe(
      'Nurse since 2016.',
    )
    const tooLong = PractitionerProfileSchema.safeParse({ ...profile, bio: 'x'.repeat(161) })
    expect(tooLong.success).toBe(false)
    expect(tooLong.error?.issues[0]).toMatchObject({
      path: ['bio'],
      message: 'Use at most 160 characters.',
    })
  })

  test('weekly hours: half-filled rows, end before start and overlaps get messages per field', () => {
    const result = PractitionerActionSchema.safeParse({
      intent: 'hours',
      start_1_0: '09:00',
      end_1_0: '13:00',
      start_1_1: '12:00',
      end_1_1: '15:00',
      start_2_0: '10:00',
      end_3_0: '12:00',
      start_4_0: '18:00',
      end_4_0: '09:00',
      start_5_0: 'nine',
      end_5_0: '12:00',
    })
    expect(result.success).toBe(false)
    const messages = Object.fromEntries(
      result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
    )
    expect(messages).toEqual({
      start_1_1: 'This overlaps another interval on Monday.',
      end_2_0: 'Enter an end time.',
      start_3_0: 'Enter a start time.',
      end_4_0: 'End time must be after the start time.',
      start_5_0: 'Enter a time like 09:00.',
    })
  })

  test('time off needs a whole day or both times; extra hours always need times', () => {
    const partial = PractitionerActionSchema.safeParse({
      intent: 'add-exception',
      kind: 'time_off',
      date: '2027-02-08',
      startTime: '14:00',
    })
    expect(partial.error?.issues.map((i) => i.message)).toEqual(['Enter an end time.'])
    const extra = PractitionerActionSchema.safeParse({
      intent: 'add-exception',
      kind: 'extra_hours',
      date: '2027-02-08',
      wholeDay: 'on',
    })
    expect(extra.error?.issues[0]?.path).toEqual(['wholeDay'])
    const noDate = PractitionerActionSchema.safeParse({
      intent: 'add-exception',
      kind: 'time_off',
      wholeDay: 'on',
    })
    expect(noDate.error?.issues.map((i) => i.message)).toEqual(['Enter a date.'])
  })

  test('services: cosmetic depth at most 0.5 mm, consultations have none, prices in euros', () => {
    const base = { ...BODY_GLOW, maxNeedleDepthMm: '1.0', price: '89,50' }
    const messages = (values: Record<string, string>) =>
      ServiceSchema.safeParse(values).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages(base)).toEqual([
      'maxNeedleDepthMm: Cosmetic needling goes no deeper than 0.5 mm. Choose the medical tier for deeper work.',
    ])
    expect(messages({ ...base, kind: 'consultation', maxNeedleDepthMm: '0.5' })).toEqual([
      'maxNeedleDepthMm: A consultation has no needling: leave the depth empty.',
    ])
    expect(
      messages({ ...base, maxNeedleDepthMm: '0.5', price: 'free', courseSessions: '3' }),
    ).toEqual([
      'price: Enter a price in euros, like 250 or 89.50, or leave it empty.',
      'courseIntervalWeeks: Enter the weeks between sessions of the course.',
    ])
    expect(ServiceSchema.parse({ ...base, maxNeedleDepthMm: '0.5' })).toMatchObject({
      maxNeedleDepthUm: 500,
      priceCents: 8950,
      isActive: false,
    })
  })

  test('policies: a real IANA zone and numbers within range', () => {
    const result = PoliciesSchema.safeParse({
      timeZone: 'Europe/Atlantis',
      slotStepMinutes: '3',
      minNoticeHours: '24',
      maxAdvanceDays: '90',
      holdMinutes: '61',
      cancellationWindowHours: 'two days',
      minDaysBetweenNeedling: '28',
      maxUpcomingBookingsPerEmail: '3',
    })
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'timeZone: Choose a time zone from the list, like Europe/Rome.',
      'slotStepMinutes: Use between 5 and 120 minutes.',
      'holdMinutes: Use between 1 and 60 minutes.',
      'cancellationWindowHours: Enter the cancellation window in hours as a whole number.',
    ])
  })

  test('tampered extra fields are dropped', () => {
    const parsed = PractitionerProfileSchema.parse({
      displayName: 'Nina Rossi',
      title: 'Registered nurse',
      credential: 'medical',
      registration: 'OPI 1',
      maxNeedleDepthMm: '1.5',
      userId: 'someone-else',
      id: 'chosen-id',
    })
    expect(parsed).toEqual({
      displayName: 'Nina Rossi',
      title: 'Registered nurse',
      credential: 'medical',
      registration: 'OPI 1',
      bio: '',
      maxNeedleDepthUm: 1500,
      isActive: false,
    })
  })
})

describe('changes that strand nothing', () => {
  test('creating a practitioner, then giving them services and hours', () => {
    const created = createPractitioner(
      PractitionerProfileSchema.parse({
        displayName: 'Nina Rossi',
        title: 'Registered nurse',
        credential: 'medical',
        registration: 'OPI Milano n. 55555',
        maxNeedleDepthMm: '1,5',
        isActive: 'on',
      }),
      admin(),
      NOW,
    )
    const id = created.practitionerId
    expect(
      applyPractitionerChange(
        id,
        PractitionerActionSchema.parse({
          intent: 'services',
          serviceIds: serviceIdOf('medical-face'),
        }),
        admin(),
        NOW,
      ),
    ).toMatchObject({ ok: true })
    expect(
      applyPractitionerChange(
        id,
        PractitionerActionSchema.parse({
          intent: 'hours',
          start_2_0: '08:30',
          end_2_0: '12:30',
          start_7_0: '10:00',
          end_7_0: '14:00',
        }),
        admin(),
        NOW,
      ),
    ).toMatchObject({ ok: true })
    const page = getAdminPractitioner(id, NOW)!
    expect(page.practitioner).toMatchObject({
      maxNeedleDepthUm: 1500,
      isActive: true,
      hasSignIn: false,
    })
    expect(page.serviceIds).toEqual([serviceIdOf('medical-face')])
    expect(page.weekly).toEqual([
      { weekday: 2, startMinute: 510, endMinute: 750 },
      { weekday: 7, startMinute: 600, endMinute: 840 },
    ])
    const actions = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .orderBy(auditEvents.seq)
      .all()
    expect(actions.map((a) => a.action)).toEqual([
      'admin.practitioner.created',
      'admin.practitioner.services_replaced',
      'admin.hours.replaced',
    ])
  })

  test('a practitioner changed to aesthetic loses their medical-tier services', () => {
    const marco = practitionerIdOf('marco')
    const result = applyPractitionerChange(
      marco,
      PractitionerActionSchema.parse({
        intent: 'profile',
        displayName: 'Marco Bianchi',
        title: 'Aesthetician',
        credential: 'aesthetic',
        registration: 'Estetista n. 1',
        maxNeedleDepthMm: '0.5',
        isActive: 'on',
      }),
      admin(),
      NOW,
    )
    expect(result).toMatchObject({ ok: true })
    const remaining = getDb()
      .select({ serviceId: practitionerServices.serviceId })
      .from(practitionerServices)
      .where(eq(practitionerServices.practitionerId, marco))
      .all()
    expect(remaining).toEqual([{ serviceId: serviceIdOf('skin-boost') }])
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'admin.practitioner.updated'))
      .get()!
    expect(JSON.parse(audit.details)).toMatchObject({
      changes: {
        credential: { from: 'medical', to: 'aesthetic' },
        maxNeedleDepthUm: { from: 1500, to: 500 },
      },
    })
  })

  test('creating and editing a service keeps its URL name', () => {
    const values = { ...BODY_GLOW, isActive: 'on' }
    const { serviceId } = createService(ServiceSchema.parse(values), admin(), NOW)
    const again = createService(ServiceSchema.parse(values), admin(), NOW)
    const slugs = getDb()
      .select({ slug: services.slug })
      .from(services)
      .all()
      .map((s) => s.slug)
    expect(slugs).toEqual(expect.arrayContaining(['body-glow', 'body-glow-2']))
    expect(
      updateService(
        serviceId,
        {
          ...ServiceSchema.parse({ ...values, name: 'Body glow deluxe', price: '120' }),
          answer: ASK,
        },
        admin(),
        NOW,
      ),
    ).toMatchObject({ ok: true })
    const row = getDb().select().from(services).where(eq(services.id, serviceId)).get()!
    expect(row).toMatchObject({ slug: 'body-glow', name: 'Body glow deluxe', priceCents: 12000 })
    expect(again.serviceId).not.toBe(serviceId)
  })

  test('renaming a demo service shows the new name to patients reading English', () => {
    const id = serviceIdOf('skin-boost')
    const current = getDb().select().from(services).where(eq(services.id, id)).get()!
    expect(
      updateService(
        id,
        {
          ...ServiceSchema.parse({
            ...BODY_GLOW,
            name: 'Skin boost, renamed',
            description: current.description,
            downtime: current.downtime,
            isActive: 'on',
          }),
          answer: ASK,
        },
        admin(),
        NOW,
      ),
    ).toMatchObject({ ok: true })
    expect(listPublicServices('en').find((s) => s.id === id)?.name).toBe('Skin boost, renamed')
  })

  test('closures: add on a free day, list from today, remove', () => {
    expect(
      addClosure({ date: '2027-02-15', reason: 'Staff training', answer: ASK }, admin(), NOW),
    ).toMatchObject({
      ok: true,
    })
    const listed = listUpcomingClosures(NOW)
    expect(listed.today).toBe('2027-02-01')
    expect(listed.closures[0]).toMatchObject({ date: '2027-02-15', reason: 'Staff training' })
    expect(listed.closures.every((c) => c.date >= '2027-02-01')).toBe(true)
    expect(removeClosure(listed.closures[0]!.id, admin(), NOW)).toEqual({ ok: true })
    expect(removeClosure(listed.closures[0]!.id, admin(), NOW)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(
      getDb().select().from(clinicClosures).where(eq(clinicClosures.date, '2027-02-15')).get(),
    ).toBeUndefined()
  })

  test('policies other than the time zone apply without asking, even with bookings', () => {
    insertBooking({
      practitioner: 'giulia',
      service: 'medical-face',
      startAt: new Date('2027-02-08T09:00:00Z'),
    })
    const result = updatePolicies(
      {
        ...PoliciesSchema.parse({
          timeZone: 'Europe/Rome',
          slotStepMinutes: '30',
          minNoticeHours: '12',
          maxAdvanceDays: '120',
          holdMinutes: '5',
          cancellationWindowHours: '24',
          minDaysBetweenNeedling: '30',
          maxUpcomingBookingsPerEmail: '5',
        }),
        answer: ASK,
      },
      admin(),
      NOW,
    )
    expect(result).toEqual({ ok: true, keptBookingIds: [], cancelledBookingIds: [] })
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'admin.policies.updated'))
      .get()!
    expect(JSON.parse(audit.details).changes).toEqual({
      slotStepMinutes: { from: 15, to: 30 },
      minNoticeHours: { from: 24, to: 12 },
      maxAdvanceDays: { from: 180, to: 120 },
      holdMinutes: { from: 10, to: 5 },
      cancellationWindowHours: { from: 48, to: 24 },
      minDaysBetweenNeedling: { from: 28, to: 30 },
      maxUpcomingBookingsPerEmail: { from: 3, to: 5 },
    })
  })

  test('replacing hours with the same hours writes the audit row and keeps the rows', () => {
    const giulia = practitionerIdOf('giulia')
    const count = () =>
      getDb().select().from(workingHours).where(eq(workingHours.practitionerId, giulia)).all()
        .length
    const before = count()
    expect(
      post('giulia', {
        intent: 'hours',
        start_1_0: '09:00',
        end_1_0: '13:00',
        start_1_1: '14:00',
        end_1_1: '18:00',
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
      }),
    ).toMatchObject({ ok: true })
    expect(count()).toBe(before)
    expect(
      getDb().select().from(practitioners).where(eq(practitioners.id, giulia)).get()?.isActive,
    ).toBe(true)
  })
})
