import { describe, expect, test } from 'vitest'
import { translator } from '#app/i18n/catalogue.ts'
import { adminFormsMessages } from '#app/i18n/messages/index.ts'
import { adminSchemas, ClinicDetailsSchema, ServiceSchema } from './admin.schema.ts'

/** The admin forms speak the page's language; their English is the English they always had. */
describe('admin schemas in a language', () => {
  const service = {
    name: 'Scalp',
    description: 'Short needles.',
    kind: 'treatment',
    tier: 'cosmetic',
    durationMinutes: '600',
    bufferAfterMinutes: '10',
    maxNeedleDepthMm: '1.5',
    courseSessions: '1',
    courseIntervalWeeks: '0',
    price: '12,x',
    downtime: 'None',
    sortOrder: '1',
  }
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((issue) => issue.message).sort()

  test('English is unchanged, numbers and all', () => {
    expect(messages(ServiceSchema.safeParse(service))).toEqual([
      'Cosmetic needling goes no deeper than 0.5 mm. Choose the medical tier for deeper work.',
      'Enter a price in euros, like 250 or 89.50, or leave it empty.',
      'Use between 5 and 480 minutes.',
    ])
    expect(messages(ClinicDetailsSchema.safeParse({ name: '', defaultLocale: 'it' }))).toContain(
      "Enter the clinic's name.",
    )
  })

  test('Italian says the same in Italian', () => {
    expect(messages(adminSchemas('it').ServiceSchema.safeParse(service))).toEqual([
      'Il microneedling estetico non supera 0,5 mm. Per andare più in profondità scegli il livello medico.',
      'Inserisci un prezzo in euro, per esempio 250 o 89,50, oppure lascialo vuoto.',
      'Usa un valore tra 5 e 480 minuti.',
    ])
    const hours = adminSchemas('it').WeeklyHoursSchema.safeParse({
      start_1_0: '13:00',
      end_1_0: '10:00',
    })
    expect(messages(hours)).toEqual(['L’ora di fine deve essere dopo l’ora di inizio.'])
  })

  test('each language is built once', () => {
    expect(adminSchemas('it')).toBe(adminSchemas('it'))
    expect(adminSchemas('en').ServiceSchema).toBe(ServiceSchema)
  })

  test('English gets its ASCII apostrophe back, values are left as typed', () => {
    expect(translator(adminFormsMessages, 'en')('clinicNameRequired')).toBe(
      "Enter the clinic's name.",
    )
    expect(translator(adminFormsMessages, 'it')('clinicAddressRequired')).toBe(
      'Inserisci l’indirizzo della clinica.',
    )
  })
})
