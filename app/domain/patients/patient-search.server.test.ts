import { desc, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, patients, users } from '#db/schema/index.ts'
import { insertBooking } from '#tests/factories/bookings.ts'
import { searchPatients } from './patient-search.server.ts'

const NOW = new Date('2027-02-01T08:00:00Z')

function clinician(): StaffActor {
  const user = getDb().select({ id: users.id }).from(users).limit(1).get()
  return { userId: user!.id, ipAddress: '203.0.113.9', requestId: 'req-search' }
}

const search = (query: string, viewerRoles: ('clinician' | 'admin')[] = ['clinician']) =>
  searchPatients({ query, actor: clinician(), now: NOW, locale: 'en', viewerRoles })

function addPatient(fullName: string, phone: string, dateOfBirth = '1990-03-07') {
  return getDb()
    .insert(patients)
    .values({ email: `${phone.slice(-6)}@example.com`, fullName, phone, dateOfBirth })
    .returning({ id: patients.id })
    .get().id
}

describe('finding a patient', () => {
  test('a record restricted at the patient’s request is found by admins only', () => {
    const id = addPatient('Teresa Riservata', '+393331110077')
    getDb().update(patients).set({ restrictedAt: NOW }).where(eq(patients.id, id)).run()
    expect(search('teresa riservata').results).toEqual([])
    expect(search('teresa riservata', ['clinician', 'admin']).results.map((r) => r.id)).toEqual([
      id,
    ])
  })

  test('by name, without accents or case, each word starting a word of the name', () => {
    const nicolo = addPatient('Nicolò D’Amico', '+393331110001')
    addPatient('Anna Barossa', '+393331110002')
    expect(search('nicolo damico').results.map((r) => r.id)).toEqual([nicolo])
    expect(search('NICOLO amico').results.map((r) => r.id)).toEqual([nicolo])
    expect(search('ross').results.map((r) => r.fullName)).not.toContain('Anna Barossa')
  })

  test('by phone, typed in national or international form, or by part of its digits', () => {
    const id = addPatient('Paola Esposito', '+393471234567')
    expect(search('347 123 4567').results.map((r) => r.id)).toEqual([id])
    expect(search('+39 347 1234567').results.map((r) => r.id)).toEqual([id])
    expect(search('1234567').results.map((r) => r.id)).toEqual([id])
  })

  test('by date of birth, by email and by a booking reference', () => {
    const { reference } = insertBooking({
      practitioner: 'marco',
      service: 'skin-boost',
      startAt: new Date('2027-02-10T09:00:00Z'),
      patientName: 'Giorgia Valli',
    })
    const byReference = search(reference.toLowerCase())
    expect(byReference.kind).toBe('reference')
    expect(byReference.results).toHaveLength(1)
    const patient = byReference.results[0]!
    expect(patient).toMatchObject({ fullName: 'Giorgia Valli', bookingCount: 1 })
    expect(patient.next).toMatchObject({ reference, status: 'confirmed' })
    expect(search(patient.email.toUpperCase()).results.map((r) => r.id)).toEqual([patient.id])
    expect(search('12/04/1985').results.map((r) => r.id)).toContain(patient.id)
  })

  test('a booking in the past is not the next one', () => {
    insertBooking({
      practitioner: 'marco',
      service: 'skin-boost',
      startAt: new Date('2027-01-10T09:00:00Z'),
      status: 'completed',
      patientName: 'Ilaria Past',
    })
    const [patient] = search('ilaria past').results
    expect(patient).toMatchObject({ bookingCount: 1, next: null })
  })

  test('is audited by kind and count, never by the words typed', () => {
    addPatient('Ottavia Segreta', '+393331110009')
    search('ottavia')
    const row = getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()!
    expect(row.action).toBe('patient.searched')
    expect(JSON.parse(row.details)).toEqual({ kind: 'name', results: 1 })
    expect(JSON.stringify(row)).not.toMatch(/ottavia/i)
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: true })
  })

  test('shows at most 25 and says there were more', () => {
    for (let i = 0; i < 30; i += 1)
      addPatient(`Marta Moretti ${i}`, `+3933322200${String(i).padStart(2, '0')}`)
    const outcome = search('marta moretti')
    expect(outcome.results).toHaveLength(25)
    expect(outcome.truncated).toBe(true)
    expect(
      getDb().select().from(patients).where(eq(patients.fullName, 'Marta Moretti 0')).get(),
    ).toBeTruthy()
  })
})
