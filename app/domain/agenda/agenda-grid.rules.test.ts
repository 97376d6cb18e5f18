import { describe, expect, test } from 'vitest'
import { instantAt } from '#app/domain/shared/calendar.rules.ts'
import { assignLanes, buildAgendaGrid, minuteOfDay, shadeOf } from './agenda-grid.rules.ts'

const ZONE = 'Europe/Rome'
// A Wednesday.
const DATE = '2026-12-09'
const at = (minute: number, date = DATE) => instantAt(date, minute, ZONE)
const ANNA = 'anna'
const BRUNO = 'bruno'
const columns = [
  { key: ANNA, date: DATE, practitionerId: ANNA },
  { key: BRUNO, date: DATE, practitionerId: BRUNO },
]
// Anna works 9–13 and 14–18 on Wednesdays; Bruno 10–16.
const hours = [
  { practitionerId: ANNA, weekday: 3, startMinute: 540, endMinute: 780 },
  { practitionerId: ANNA, weekday: 3, startMinute: 840, endMinute: 1080 },
  { practitionerId: BRUNO, weekday: 3, startMinute: 600, endMinute: 960 },
]
const booking = (id: string, practitionerId: string, from: number, minutes: number) => ({
  bookingId: id,
  practitionerId,
  startAt: at(from),
  endAt: at(from + minutes),
})
const base = { columns, timeZone: ZONE, hours, closures: [], timeOff: [], now: at(0, '2026-01-01') }

describe('the agenda grid', () => {
  test('rows run in 15-minute steps from the first opening to the last, on whole hours', () => {
    const grid = buildAgendaGrid({ ...base, appointments: [] })
    expect(grid.rows[0]).toBe(540)
    expect(grid.rows[grid.rows.length - 1]).toBe(1065)
    expect(grid.rows).toHaveLength(36)
    // An appointment before the hours widens the grid to its whole hour.
    const early = buildAgendaGrid({ ...base, appointments: [booking('b', BRUNO, 465, 30)] })
    expect(early.rows[0]).toBe(420)
    // Nobody working and nothing booked: 08:00–20:00.
    const empty = buildAgendaGrid({ ...base, hours: [], appointments: [] })
    expect([empty.rows[0], empty.rows.length]).toEqual([480, 48])
  })

  test('a block spans the rows it touches and sits at its minute inside them', () => {
    const grid = buildAgendaGrid({ ...base, appointments: [booking('b1', ANNA, 610, 45)] })
    const cell = grid.columns[0]!.cells.find((c) => c.kind === 'blocks')!
    // 10:10–10:55 covers the rows of 10:00, 10:15, 10:30 and 10:45.
    expect(cell).toMatchObject({ row: 4, rowSpan: 4 })
    if (cell.kind !== 'blocks') throw new Error()
    expect(cell.blocks[0]!.topPct).toBeCloseTo((10 / 60) * 100)
    expect(cell.blocks[0]!.heightPct).toBeCloseTo((45 / 60) * 100)
    // Every row is covered exactly once in each column.
    for (const column of grid.columns)
      expect(column.cells.reduce((sum, c) => sum + c.rowSpan, 0)).toBe(grid.rows.length)
  })

  test('overlapping appointments share one cell in lanes side by side', () => {
    const grid = buildAgendaGrid({
      ...base,
      appointments: [
        booking('b1', ANNA, 600, 60),
        booking('b2', ANNA, 630, 60),
        booking('b3', ANNA, 720, 30),
      ],
    })
    const blocks = grid.columns[0]!.cells.filter((c) => c.kind === 'blocks')
    expect(blocks).toHaveLength(2)
    const [shared, alone] = blocks
    expect(shared).toMatchObject({ row: 4, rowSpan: 6 })
    if (shared?.kind !== 'blocks' || alone?.kind !== 'blocks') throw new Error()
    expect(shared.blocks.map((b) => [b.appointment.bookingId, b.lane, b.lanes])).toEqual([
      ['b1', 0, 2],
      ['b2', 1, 2],
    ])
    expect(alone.blocks[0]).toMatchObject({ lane: 0, lanes: 1 })
    expect(
      assignLanes([
        { startAt: 0, endAt: 10 },
        { startAt: 10, endAt: 20 },
      ]).map((l) => l.lane),
    ).toEqual([0, 0])
  })

  test('outside hours, time off and closures are shaded, merged into one cell per stretch', () => {
    const grid = buildAgendaGrid({
      ...base,
      appointments: [],
      timeOff: [{ date: DATE, practitionerId: BRUNO, startMinute: 720, endMinute: 780 }],
    })
    const anna = grid.columns[0]!.cells
    // 13:00–14:00 is Anna's lunch: four rows, one shaded cell.
    expect(anna.find((c) => c.kind === 'shade' && c.row === 16)).toMatchObject({
      rowSpan: 4,
      shade: { kind: 'outside_hours' },
    })
    const bruno = grid.columns[1]!.cells
    expect(bruno[0]).toMatchObject({
      kind: 'shade',
      row: 0,
      rowSpan: 4,
      shade: { kind: 'outside_hours' },
    })
    expect(bruno.find((c) => c.row === 12)).toMatchObject({
      kind: 'shade',
      rowSpan: 4,
      shade: { kind: 'time_off' },
    })
    const free = bruno.find((c) => c.kind === 'free')!
    expect(free).toMatchObject({ row: 4, startAt: at(600) })

    const closed = buildAgendaGrid({
      ...base,
      appointments: [],
      closures: [{ date: DATE, reason: 'Holiday' }],
    })
    expect(closed.columns[0]!.cells).toEqual([
      { kind: 'shade', row: 0, rowSpan: 36, shade: { kind: 'closed', reason: 'Holiday' } },
    ])
    // Time off all day.
    expect(
      shadeOf({ from: 600, to: 615 }, columns[0]!, {
        open: [{ from: 540, to: 780 }],
        closures: [],
        timeOff: [{ date: DATE, practitionerId: ANNA, startMinute: null, endMinute: null }],
      }),
    ).toEqual({ kind: 'time_off' })
  })

  test('the line at the current time: its row and how far into it, only on today’s columns', () => {
    const grid = buildAgendaGrid({ ...base, appointments: [], now: at(607) })
    expect(grid.now).toEqual({ row: 4, fraction: 7 / 15, minute: 607, columnKeys: [ANNA, BRUNO] })
    expect(buildAgendaGrid({ ...base, appointments: [], now: at(100) }).now).toBeNull()
  })

  test('a week of one practitioner: columns by date, hours by weekday', () => {
    const week = ['2026-12-07', '2026-12-08', '2026-12-09'].map((date) => ({
      key: date,
      date,
      practitionerId: BRUNO,
    }))
    const grid = buildAgendaGrid({
      ...base,
      columns: week,
      hours: [{ practitionerId: BRUNO, weekday: 2, startMinute: 600, endMinute: 660 }],
      appointments: [booking('b1', BRUNO, 600, 30)],
    })
    expect(grid.columns.map((c) => c.cells.some((cell) => cell.kind === 'free'))).toEqual([
      false,
      true,
      false,
    ])
    expect(grid.columns[2]!.cells.some((c) => c.kind === 'blocks')).toBe(true)
  })

  test('minutes of day are right on the daylight-saving days', () => {
    expect(minuteOfDay(instantAt('2026-03-29', 600, ZONE), '2026-03-29', ZONE)).toBe(600)
    expect(minuteOfDay(instantAt('2026-10-25', 600, ZONE), '2026-10-25', ZONE)).toBe(600)
  })
})
