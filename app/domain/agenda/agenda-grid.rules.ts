import { DateTime } from 'luxon'
import {
  DAY_MS,
  instantAt,
  localDateOf,
  MINUTE_MS,
  weekdayOf,
} from '#app/domain/shared/calendar.rules.ts'
import { type AgendaClosure, type AgendaTimeOff } from './agenda.rules.ts'

/**
 * The agenda's calendar grid (ADR 043): time rows of a fixed step in the clinic's zone, one column
 * per practitioner (a day) or per date (one practitioner's week), and in each column what every
 * row holds: appointments as blocks placed by their start and length, shaded time (closed, time
 * off, outside the practitioner's hours) with its reason, or a free step. Pure: the page renders
 * what this returns as a table, one cell per free step and one spanning cell per block or shade.
 */

export const GRID_STEP_MINUTES = 15
/** The rows shown when nobody works and nothing is booked on the view's dates. */
export const DEFAULT_GRID_HOURS = { from: 8 * 60, to: 20 * 60 } as const

export type GridColumn = { key: string; date: string; practitionerId: string }

/** Weekly working hours (ISO weekday) and dated extra hours of the practitioners shown. */
export type GridHours = {
  practitionerId: string
  weekday: number
  startMinute: number
  endMinute: number
}
export type GridExtraHours = {
  practitionerId: string
  date: string
  startMinute: number
  endMinute: number
}

export type GridAppointment = {
  bookingId: string
  practitionerId: string
  startAt: number
  endAt: number
}

export type ShadeReason =
  { kind: 'closed'; reason: string } | { kind: 'time_off' } | { kind: 'outside_hours' }

export type GridBlock<T> = {
  appointment: T
  /** Where the block sits in its cell, in percent of the cell's height. */
  topPct: number
  heightPct: number
  /** Overlapping appointments share the cell side by side: lane 0 … lanes − 1. */
  lane: number
  lanes: number
}

export type GridCell<T> =
  | { kind: 'blocks'; row: number; rowSpan: number; blocks: GridBlock<T>[] }
  | { kind: 'shade'; row: number; rowSpan: number; shade: ShadeReason }
  | { kind: 'free'; row: number; rowSpan: 1; startAt: number }

export type AgendaGrid<T> = {
  step: number
  /** The minute of day each row starts at, in the clinic's zone. */
  rows: number[]
  columns: { column: GridColumn; cells: GridCell<T>[] }[]
  /** Where "now" falls: its row, how far into it (0–1), and the columns of today's date. */
  now: { row: number; fraction: number; minute: number; columnKeys: string[] } | null
}

/**
 * The clinic-local minute of day of an instant on `date` (the instant's own local date). Uses the
 * wall clock's instants, so it is exact on every day, daylight-saving days included.
 */
export function minuteOfDay(instant: number, date: string, timeZone: string): number {
  const midnight = instantAt(date, 0, timeZone)
  if (instantAt(date, 1440, timeZone) - midnight === DAY_MS)
    return Math.round((instant - midnight) / MINUTE_MS)
  const local = DateTime.fromMillis(instant, { zone: timeZone })
  return local.hour * 60 + local.minute
}

type Span = { from: number; to: number }

function openSpans(
  column: GridColumn,
  hours: readonly GridHours[],
  extra: readonly GridExtraHours[],
): Span[] {
  const weekday = weekdayOf(column.date)
  return [
    ...hours
      .filter((h) => h.practitionerId === column.practitionerId && h.weekday === weekday)
      .map((h) => ({ from: h.startMinute, to: h.endMinute })),
    ...extra
      .filter((h) => h.practitionerId === column.practitionerId && h.date === column.date)
      .map((h) => ({ from: h.startMinute, to: h.endMinute })),
  ]
}

const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to

/** What shades one step of a column, or null when it is open: closed, then time off, then hours. */
export function shadeOf(
  span: Span,
  column: GridColumn,
  input: {
    open: readonly Span[]
    closures: readonly AgendaClosure[]
    timeOff: readonly Pick<AgendaTimeOff, 'date' | 'practitionerId' | 'startMinute' | 'endMinute'>[]
  },
): ShadeReason | null {
  const closure = input.closures.find((c) => c.date === column.date)
  if (closure) return { kind: 'closed', reason: closure.reason }
  const off = input.timeOff.some(
    (t) =>
      t.date === column.date &&
      t.practitionerId === column.practitionerId &&
      (t.startMinute === null ||
        t.endMinute === null ||
        overlaps(span, { from: t.startMinute, to: t.endMinute })),
  )
  if (off) return { kind: 'time_off' }
  // Open only when one working interval covers the whole step.
  if (!input.open.some((o) => o.from <= span.from && o.to >= span.to))
    return { kind: 'outside_hours' }
  return null
}

const sameShade = (a: ShadeReason, b: ShadeReason) =>
  a.kind === b.kind && (a.kind !== 'closed' || a.reason === (b as typeof a).reason)

/** Assigns lanes to overlapping appointments, first come first lane (greedy interval colouring). */
export function assignLanes<T extends { startAt: number; endAt: number }>(
  appointments: readonly T[],
): { appointment: T; lane: number }[] {
  const laneEnds: number[] = []
  return [...appointments]
    .sort((a, b) => a.startAt - b.startAt || b.endAt - a.endAt)
    .map((appointment) => {
      let lane = laneEnds.findIndex((end) => end <= appointment.startAt)
      if (lane === -1) lane = laneEnds.length
      laneEnds[lane] = appointment.endAt
      return { appointment, lane }
    })
}

/** The grid of the view: rows, each column's cells, and the line at the current time. */
export function buildAgendaGrid<T extends GridAppointment>(input: {
  columns: readonly GridColumn[]
  appointments: readonly T[]
  timeZone: string
  hours: readonly GridHours[]
  extraHours?: readonly GridExtraHours[]
  closures: readonly AgendaClosure[]
  timeOff: readonly Pick<AgendaTimeOff, 'date' | 'practitionerId' | 'startMinute' | 'endMinute'>[]
  now: number
  step?: number
}): AgendaGrid<T> {
  const step = input.step ?? GRID_STEP_MINUTES
  const zone = input.timeZone
  const extra = input.extraHours ?? []
  // Each appointment's local date once (a zone look-up each), not once per column.
  const dated = input.appointments.map((a) => ({ a, date: localDateOf(a.startAt, zone) }))
  const placed = input.columns.map((column) => ({
    column,
    open: openSpans(column, input.hours, extra),
    appointments: dated
      .filter((d) => d.a.practitionerId === column.practitionerId && d.date === column.date)
      .map(({ a }) => {
        const from = minuteOfDay(a.startAt, column.date, zone)
        // A booking past midnight is drawn to the end of its day.
        return { a, from, to: Math.min(1440, from + Math.round((a.endAt - a.startAt) / MINUTE_MS)) }
      }),
  }))

  // The rows: whole hours from the earliest opening or appointment to the latest.
  let first = Infinity
  let last = -Infinity
  for (const p of placed) {
    for (const o of p.open) {
      first = Math.min(first, o.from)
      last = Math.max(last, o.to)
    }
    for (const x of p.appointments) {
      first = Math.min(first, x.from)
      last = Math.max(last, x.to)
    }
  }
  if (first === Infinity) {
    first = DEFAULT_GRID_HOURS.from
    last = DEFAULT_GRID_HOURS.to
  }
  first = Math.floor(first / 60) * 60
  last = Math.min(1440, Math.ceil(last / 60) * 60)
  if (last <= first) last = Math.min(1440, first + 60)
  const rows: number[] = []
  for (let m = first; m < last; m += step) rows.push(m)
  const rowOf = (minute: number) => Math.floor((minute - first) / step)
  const rowEndOf = (minute: number) => Math.ceil((minute - first) / step)

  const columns = placed.map(({ column, open, appointments }) => {
    // Clusters of appointments whose rows overlap share one spanning cell.
    const sorted = [...appointments].sort((x, y) => x.from - y.from || y.to - x.to)
    const clusters: { from: number; to: number; items: typeof sorted }[] = []
    for (const item of sorted) {
      const rowFrom = rowOf(item.from)
      const rowTo = Math.max(rowFrom + 1, rowEndOf(item.to))
      const current = clusters[clusters.length - 1]
      if (current && rowFrom < current.to) {
        current.to = Math.max(current.to, rowTo)
        current.items.push(item)
      } else clusters.push({ from: rowFrom, to: rowTo, items: [item] })
    }
    const cells: GridCell<T>[] = []
    let row = 0
    const pushOpenRows = (until: number) => {
      while (row < until) {
        const from = rows[row]!
        const shade = shadeOf({ from, to: from + step }, column, {
          open,
          closures: input.closures,
          timeOff: input.timeOff,
        })
        const previous = cells[cells.length - 1]
        if (!shade)
          cells.push({ kind: 'free', row, rowSpan: 1, startAt: instantAt(column.date, from, zone) })
        else if (
          previous?.kind === 'shade' &&
          previous.row + previous.rowSpan === row &&
          sameShade(previous.shade, shade)
        )
          previous.rowSpan += 1
        else cells.push({ kind: 'shade', row, rowSpan: 1, shade })
        row += 1
      }
    }
    for (const cluster of clusters) {
      pushOpenRows(cluster.from)
      const cellFrom = first + cluster.from * step
      const cellMinutes = (cluster.to - cluster.from) * step
      const lanes = assignLanes(
        cluster.items.map((item) => ({ ...item, startAt: item.from, endAt: item.to })),
      )
      const laneCount = Math.max(...lanes.map((l) => l.lane)) + 1
      cells.push({
        kind: 'blocks',
        row: cluster.from,
        rowSpan: cluster.to - cluster.from,
        blocks: lanes.map(({ appointment: item, lane }) => ({
          appointment: item.a,
          topPct: ((item.from - cellFrom) / cellMinutes) * 100,
          heightPct: (Math.max(item.to - item.from, 1) / cellMinutes) * 100,
          lane,
          lanes: laneCount,
        })),
      })
      row = cluster.to
    }
    pushOpenRows(rows.length)
    return { column, cells }
  })

  const today = localDateOf(input.now, zone)
  const todayColumns = input.columns.filter((c) => c.date === today).map((c) => c.key)
  let now: AgendaGrid<T>['now'] = null
  if (todayColumns.length > 0) {
    const minute = minuteOfDay(input.now, today, zone)
    if (minute >= first && minute < last)
      now = {
        row: rowOf(minute),
        fraction: ((minute - first) % step) / step,
        minute,
        columnKeys: todayColumns,
      }
  }
  return { step, rows, columns, now }
}
