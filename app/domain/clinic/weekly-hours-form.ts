import * as z from 'zod'
import { parseTimeOfDay } from './admin.rules.ts'

/**
 * The weekly hours form's fields: one start and end per row, a few rows per weekday, read into
 * sorted intervals. Its messages and checks are in admin.schema.ts. Client-safe.
 */

export const WEEKDAYS = [
  { weekday: 1, name: 'Monday' },
  { weekday: 2, name: 'Tuesday' },
  { weekday: 3, name: 'Wednesday' },
  { weekday: 4, name: 'Thursday' },
  { weekday: 5, name: 'Friday' },
  { weekday: 6, name: 'Saturday' },
  { weekday: 7, name: 'Sunday' },
] as const

/** Rows per day in the weekly hours form (existing intervals plus at least one empty row). */
export const MAX_INTERVALS_PER_DAY = 4

/** Values a form may leave out entirely (an unticked box, an unrendered row) read as ''. */
export const blankIfMissing = (value: unknown) =>
  value === undefined || value === null ? '' : value

export const TimeOfDaySchema = z.preprocess(blankIfMissing, z.string().trim())

/** Field names of one row of the weekly hours form. */
export function hoursFieldNames(weekday: number, row: number) {
  return { start: `start_${weekday}_${row}`, end: `end_${weekday}_${row}` }
}

const hoursFieldShape: Record<string, typeof TimeOfDaySchema> = {}
for (const { weekday } of WEEKDAYS) {
  for (let row = 0; row < MAX_INTERVALS_PER_DAY; row++) {
    const names = hoursFieldNames(weekday, row)
    hoursFieldShape[names.start] = TimeOfDaySchema
    hoursFieldShape[names.end] = TimeOfDaySchema
  }
}
export const WeeklyHoursFields = z.object(hoursFieldShape)

export type WeeklyIntervalInput = { weekday: number; startMinute: number; endMinute: number }

export function toWeeklyIntervals(values: Record<string, string>): {
  intervals: WeeklyIntervalInput[]
} {
  const intervals: WeeklyIntervalInput[] = []
  for (const { weekday } of WEEKDAYS) {
    for (let row = 0; row < MAX_INTERVALS_PER_DAY; row++) {
      const names = hoursFieldNames(weekday, row)
      const startMinute = parseTimeOfDay(values[names.start] ?? '')
      const endMinute = parseTimeOfDay(values[names.end] ?? '')
      if (startMinute !== null && endMinute !== null)
        intervals.push({ weekday, startMinute, endMinute })
    }
  }
  return {
    intervals: intervals.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute),
  }
}
