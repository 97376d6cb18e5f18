import { describe, expect, test } from 'vitest'
import { addDays, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { getDb } from '#db/client.server.ts'
import { clinicClosures, practitioners } from '#db/schema/index.ts'
import { serviceIdBySlug } from '#tests/support/booking-fixtures.ts'
import { describeSlots, getSlotPickerModel } from './slot-picker.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')

function closeClinic(fromDate: string, days: number) {
  getDb()
    .insert(clinicClosures)
    .values(
      Array.from({ length: days }, (_, i) => ({
        date: addDays(fromDate, i),
        reason: 'Refurbishment',
        createdAt: NOW,
      })),
    )
    // The demo clinic already closes on some holidays.
    .onConflictDoNothing()
    .run()
}

/** The picker as the page first shows it, and as it shows the same week when asked for it. */
function firstAndExplicit() {
  const serviceId = serviceIdBySlug('consultation')
  const opened = getSlotPickerModel({ serviceId, practitioner: 'any', now: NOW })
  const asked = getSlotPickerModel({
    serviceId,
    practitioner: 'any',
    from: opened.days[0]!.date,
    now: NOW,
  })
  return { opened, asked }
}

describe('getSlotPickerModel: the week it opens on', () => {
  test('opens on the first day with a free time, exactly as that week looks when asked for', () => {
    const { opened, asked } = firstAndExplicit()
    expect(opened.days).toHaveLength(7)
    expect(opened.days[0]!.slotCount).toBeGreaterThan(0)
    expect(opened).toEqual(asked)
  })

  test('a first free day late in the look-ahead still shows a whole week, the same as asked for', () => {
    // Closed for the next four weeks: the first free day is near the end of the 31-day look-ahead,
    // so its week runs past what was searched and must be searched on its own.
    const today = localDateOf(NOW.getTime(), getClinicSettings().timeZone)
    closeClinic(today, 28)
    const { opened, asked } = firstAndExplicit()
    expect(opened.days[0]!.date >= addDays(today, 28)).toBe(true)
    expect(opened.days).toHaveLength(7)
    expect(opened.days.some((day, i) => i > 3 && day.slotCount > 0)).toBe(true)
    expect(opened).toEqual(asked)
  })

  test('with nothing free in the look-ahead it opens on today, with empty days', () => {
    const today = localDateOf(NOW.getTime(), getClinicSettings().timeZone)
    closeClinic(today, 40)
    const { opened } = firstAndExplicit()
    expect(opened.days[0]!.date).toBe(today)
    expect(opened.days.every((day) => day.slotCount === 0)).toBe(true)
    expect(opened.selectedDate).toBeNull()
  })
})

describe('describeSlots: the nearest free times offered after a time was taken', () => {
  test('each time with its day, clock time and practitioner, in the order given', () => {
    const staff = getDb()
      .select({ id: practitioners.id, name: practitioners.displayName })
      .from(practitioners)
      .all()
      .slice(0, 2)
    expect(staff).toHaveLength(2)
    // 10:00 and 15:30 in Rome (UTC+1 in December).
    const slots = [
      { practitionerId: staff[1]!.id, startAt: Date.parse('2026-12-03T09:00:00Z') },
      { practitionerId: staff[0]!.id, startAt: Date.parse('2026-12-04T14:30:00Z') },
      { practitionerId: staff[1]!.id, startAt: Date.parse('2026-12-04T15:00:00Z') },
    ]
    expect(describeSlots(slots)).toEqual([
      {
        value: `${staff[1]!.id}@${slots[0]!.startAt}`,
        label: 'Thursday, 3 December 2026 at 10:00',
        practitionerName: staff[1]!.name,
      },
      {
        value: `${staff[0]!.id}@${slots[1]!.startAt}`,
        label: 'Friday, 4 December 2026 at 15:30',
        practitionerName: staff[0]!.name,
      },
      {
        value: `${staff[1]!.id}@${slots[2]!.startAt}`,
        label: 'Friday, 4 December 2026 at 16:00',
        practitionerName: staff[1]!.name,
      },
    ])
  })

  test('no times, no query', () => {
    expect(describeSlots([])).toEqual([])
  })
})
