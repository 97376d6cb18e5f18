import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, serviceTexts, users } from '#db/schema/index.ts'
import { applyPractitionerChange, createPractitioner } from './admin-practitioners.server.ts'
import { createService, updateService } from './admin-services.server.ts'
import {
  adminSchemas,
  PractitionerActionSchema,
  PractitionerProfileSchema,
  ServiceSchema,
  type StrandedAnswer,
} from './admin.schema.ts'
import { getAdminPractitioner, getAdminService } from './admin.server.ts'
import { listPublicServices, practitionerTextsIn } from './clinic.server.ts'
import { type StaffActor } from './stranding.server.ts'

const NOW = new Date('2027-02-01T08:00:00Z')
const ASK: StrandedAnswer = { choice: null, bookingIds: [], reason: null }

function admin(): StaffActor {
  const user = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'elena.greco@dermadesk.example'))
    .get()
  return { userId: user!.id, ipAddress: '203.0.113.9', requestId: 'req-admin-texts' }
}

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
  isActive: 'on',
}

const ITALIAN = {
  nameIt: 'Luce per il corpo',
  descriptionIt: 'Aghi corti per il corpo.',
  downtimeIt: 'Nessuno.',
}

function italianRowOf(serviceId: string) {
  return getDb()
    .select()
    .from(serviceTexts)
    .where(and(eq(serviceTexts.serviceId, serviceId), eq(serviceTexts.locale, 'it')))
    .get()
}

describe('a service’s words in Italian', () => {
  test('all three or none, with a message beside each missing one', () => {
    const issues = (values: Record<string, string>, locale: 'en' | 'it' = 'en') =>
      adminSchemas(locale)
        .ServiceSchema.safeParse(values)
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(issues({ ...BODY_GLOW, nameIt: 'Luce' })).toEqual([
      'descriptionIt: Write the name, description and downtime in Italian, or leave all three empty.',
      'downtimeIt: Write the name, description and downtime in Italian, or leave all three empty.',
    ])
    expect(issues({ ...BODY_GLOW, downtimeIt: 'Nessuno.' }, 'it')).toEqual([
      'nameIt: Scrivi in italiano nome, descrizione e tempi di recupero, oppure lascia vuoti tutti e tre.',
      'descriptionIt: Scrivi in italiano nome, descrizione e tempi di recupero, oppure lascia vuoti tutti e tre.',
    ])
    expect(ServiceSchema.parse({ ...BODY_GLOW, ...ITALIAN }).italian).toEqual({
      name: 'Luce per il corpo',
      description: 'Aghi corti per il corpo.',
      downtime: 'Nessuno.',
    })
    expect(
      ServiceSchema.parse({ ...BODY_GLOW, nameIt: ' ', descriptionIt: '', downtimeIt: '' }).italian,
    ).toBeNull()
    expect(ServiceSchema.parse(BODY_GLOW).italian).toBeUndefined()
  })

  test('creating writes the Italian row; patients reading Italian see it, English readers do not', () => {
    const { serviceId } = createService(
      ServiceSchema.parse({ ...BODY_GLOW, ...ITALIAN }),
      admin(),
      NOW,
    )
    expect(italianRowOf(serviceId)).toMatchObject({ name: 'Luce per il corpo' })
    expect(listPublicServices('it').find((s) => s.id === serviceId)).toMatchObject({
      name: 'Luce per il corpo',
      description: 'Aghi corti per il corpo.',
      downtime: 'Nessuno.',
    })
    expect(listPublicServices('en').find((s) => s.id === serviceId)?.name).toBe('Body glow')
    expect(getAdminService(serviceId)).toMatchObject(ITALIAN)
  })

  test('editing changes the Italian, emptying removes it, and the audit trail says so', () => {
    const { serviceId } = createService(ServiceSchema.parse(BODY_GLOW), admin(), NOW)
    expect(italianRowOf(serviceId)).toBeUndefined()
    const update = (values: Record<string, string>) =>
      updateService(serviceId, { ...ServiceSchema.parse(values), answer: ASK }, admin(), NOW)

    expect(update({ ...BODY_GLOW, ...ITALIAN })).toMatchObject({ ok: true })
    expect(listPublicServices('it').find((s) => s.id === serviceId)?.name).toBe('Luce per il corpo')
    expect(update({ ...BODY_GLOW, ...ITALIAN, nameIt: 'Corpo luminoso' })).toMatchObject({
      ok: true,
    })
    expect(italianRowOf(serviceId)).toMatchObject({ name: 'Corpo luminoso' })
    // A post without the Italian fields leaves them alone.
    expect(update({ ...BODY_GLOW, name: 'Body glow plus' })).toMatchObject({ ok: true })
    expect(italianRowOf(serviceId)).toMatchObject({ name: 'Corpo luminoso' })

    expect(update({ ...BODY_GLOW, nameIt: '', descriptionIt: '', downtimeIt: '' })).toMatchObject({
      ok: true,
    })
    expect(italianRowOf(serviceId)).toBeUndefined()
    expect(listPublicServices('it').find((s) => s.id === serviceId)?.name).toBe('Body glow')

    const changes = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, serviceId))
      .all()
      .filter((event) => event.action === 'admin.service.updated')
      .map((event) => JSON.parse(event.details).changes)
    expect(changes[0]).toEqual({
      nameIt: { from: null, to: 'Luce per il corpo' },
      descriptionIt: { from: null, to: 'Aghi corti per il corpo.' },
      downtimeIt: { from: null, to: 'Nessuno.' },
    })
    expect(changes[1]).toEqual({ nameIt: { from: 'Luce per il corpo', to: 'Corpo luminoso' } })
    expect(changes[2]).toEqual({ name: { from: 'Body glow', to: 'Body glow plus' } })
    expect(changes[3]).toEqual({
      name: { from: 'Body glow plus', to: 'Body glow' },
      nameIt: { from: 'Corpo luminoso', to: null },
      descriptionIt: { from: 'Aghi corti per il corpo.', to: null },
      downtimeIt: { from: 'Nessuno.', to: null },
    })
  })
})

describe('a practitioner’s title and bio in Italian', () => {
  const PROFILE = {
    displayName: 'Nina Rossi',
    title: 'Registered nurse',
    credential: 'medical',
    registration: 'OPI Milano n. 55555',
    maxNeedleDepthMm: '1.5',
    isActive: 'on',
  }

  test('a bio needs a title; the title alone is enough', () => {
    expect(
      PractitionerProfileSchema.safeParse({ ...PROFILE, bioIt: 'Infermiera dal 2016.' }).error
        ?.issues[0],
    ).toMatchObject({
      path: ['titleIt'],
      message: 'Write the title in Italian too, or leave the Italian bio empty.',
    })
    expect(
      PractitionerProfileSchema.parse({ ...PROFILE, titleIt: 'Infermiera', bioIt: '' }).italian,
    ).toEqual({ title: 'Infermiera', bio: null })
  })

  test('saving writes and clears the Italian row; the time step reads it', () => {
    const { practitionerId } = createPractitioner(
      PractitionerProfileSchema.parse({ ...PROFILE, titleIt: 'Infermiera' }),
      admin(),
      NOW,
    )
    expect(practitionerTextsIn('it').get(practitionerId)).toEqual({
      title: 'Infermiera',
      bio: null,
    })
    const profile = (values: Record<string, string>) =>
      applyPractitionerChange(
        practitionerId,
        PractitionerActionSchema.parse({
          intent: 'profile',
          acknowledgedBookingIds: [],
          ...PROFILE,
          ...values,
        }),
        admin(),
        NOW,
      )
    expect(
      profile({ titleIt: 'Infermiera professionale', bioIt: 'Infermiera dal 2016.' }),
    ).toMatchObject({ ok: true })
    expect(practitionerTextsIn('it').get(practitionerId)).toEqual({
      title: 'Infermiera professionale',
      bio: 'Infermiera dal 2016.',
    })
    expect(getAdminPractitioner(practitionerId, NOW)?.practitioner).toMatchObject({
      titleIt: 'Infermiera professionale',
      bioIt: 'Infermiera dal 2016.',
    })
    const refused = PractitionerActionSchema.safeParse({
      intent: 'profile',
      acknowledgedBookingIds: [],
      ...PROFILE,
      bioIt: 'Solo la bio.',
    })
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['titleIt'])

    expect(profile({ titleIt: '', bioIt: '' })).toMatchObject({ ok: true })
    expect(practitionerTextsIn('it').has(practitionerId)).toBe(false)
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, practitionerId))
      .all()
      .filter((event) => event.action === 'admin.practitioner.updated')
      .map((event) => JSON.parse(event.details).changes)
    expect(audit.at(-1)).toEqual({
      titleIt: { from: 'Infermiera professionale', to: null },
      bioIt: { from: 'Infermiera dal 2016.', to: null },
    })
  })
})
