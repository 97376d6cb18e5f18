import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookings, clinicClosures } from '#db/schema/index.ts'
import { insertBooking } from '#tests/factories/bookings.ts'
import { getClinicReport } from './reports.server.ts'
import { periodContaining } from './reports.rules.ts'

// A week the demo data leaves empty.
const WEEK = periodContaining('week', '2027-06-09')
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`)

describe('the clinic report', () => {
  test('counts one week’s bookings by practitioner and service, with utilisation', () => {
    const before = getClinicReport(WEEK, 'en')
    const marcoBefore = before.practitioners.find((p) => p.name === 'Marco Bianchi')!
    expect(marcoBefore.counts.bookings).toBe(0)
    expect(marcoBefore.openMinutes).toBeGreaterThan(0)

    insertBooking({
      practitioner: 'marco',
      service: 'skin-boost',
      startAt: at('2027-06-08', 8),
      status: 'completed',
    })
    insertBooking({
      practitioner: 'marco',
      service: 'skin-boost',
      startAt: at('2027-06-09', 8),
      status: 'completed',
    })
    const late = insertBooking({
      practitioner: 'marco',
      service: 'skin-boost',
      startAt: at('2027-06-10', 8),
    })
    getDb()
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: at('2027-06-10', 6) })
      .where(eq(bookings.id, late.id))
      .run()
    // Outside the week: not counted.
    insertBooking({ practitioner: 'marco', service: 'skin-boost', startAt: at('2027-06-14', 8) })

    const report = getClinicReport(WEEK, 'en')
    const marco = report.practitioners.find((p) => p.name === 'Marco Bianchi')!
    expect(marco.counts).toMatchObject({
      bookings: 3,
      completed: 2,
      cancelled: 1,
      lateCancellations: 1,
    })
    expect(marco.utilisation).toBeCloseTo(marco.counts.bookedMinutes / marco.openMinutes)
    expect(report.totals.bookings).toBe(3)
    expect(report.services.map((s) => s.counts.bookings)).toEqual([3])
    expect(report.pairs).toEqual([
      expect.objectContaining({
        practitionerName: 'Marco Bianchi',
        counts: expect.objectContaining({ bookings: 3 }),
      }),
    ])
  })

  test('a clinic closure takes its day out of the open hours', () => {
    const open = getClinicReport(WEEK, 'en').practitioners.find((p) => p.name === 'Marco Bianchi')!
    getDb().insert(clinicClosures).values({ date: '2027-06-09', reason: 'Inventory' }).run()
    const closed = getClinicReport(WEEK, 'en').practitioners.find(
      (p) => p.name === 'Marco Bianchi',
    )!
    expect(closed.openMinutes).toBeLessThan(open.openMinutes)
  })

  test('service names follow the language', () => {
    insertBooking({ practitioner: 'marco', service: 'skin-boost', startAt: at('2027-06-08', 8) })
    const en = getClinicReport(WEEK, 'en').services[0]!.name
    const it = getClinicReport(WEEK, 'it').services[0]!.name
    expect(en).toBe('Cosmetic skin boost')
    expect(it).not.toBe(en)
  })
})
