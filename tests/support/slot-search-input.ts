import {
  type AvailabilityException,
  type WeeklyInterval,
} from '#app/domain/availability/availability.rules.ts'
import { addDays, instantAt, MINUTE_MS } from '#app/domain/shared/calendar.rules.ts'
import { type SlotSearchInput } from '#app/domain/availability/slots.rules.ts'

type MinuteSpan = { startMinute: number; endMinute: number }

/**
 * A random slot search as the property tests generate it (fast-check): the settings, and per
 * practitioner a week of hours, exceptions by day index and busy times in minutes from the
 * range's start. `closed` are day indexes.
 */
export type GeneratedSearch = {
  base: {
    zone: string
    fromDate: string
    days: number
    step: number
    duration: number
    buffer: number
    earliestOffset: number
    windowLength: number
    closed: number[]
  }
  schedules: {
    weekly: WeeklyInterval[]
    exceptions: {
      kind: 'time_off' | 'extra_hours'
      dayIndex: number
      span: MinuteSpan | null
    }[]
    busy: [offset: number, length: number][]
  }[]
}

/** The searchSlots input of a generated search (an exception without hours is a day off). */
export function slotSearchInputOf({ base, schedules }: GeneratedSearch): SlotSearchInput {
  const rangeStart = instantAt(base.fromDate, 0, base.zone)
  return {
    timeZone: base.zone,
    slotStepMinutes: base.step,
    service: { durationMinutes: base.duration, bufferAfterMinutes: base.buffer },
    fromDate: base.fromDate,
    days: base.days,
    earliestStartAt: rangeStart + base.earliestOffset,
    latestStartAt: rangeStart + base.earliestOffset + base.windowLength,
    closedDates: new Set(base.closed.map((index) => addDays(base.fromDate, index))),
    practitioners: schedules.map((schedule, index) => ({
      id: `p${index}`,
      weekly: schedule.weekly,
      exceptions: schedule.exceptions.map((exception): AvailabilityException => ({
        kind: exception.span === null ? 'time_off' : exception.kind,
        date: addDays(base.fromDate, exception.dayIndex),
        startMinute: exception.span?.startMinute ?? null,
        endMinute: exception.span?.endMinute ?? null,
      })),
      busy: schedule.busy
        .map(([offset, length]) => ({
          startAt: rangeStart + offset * MINUTE_MS,
          endAt: rangeStart + (offset + length) * MINUTE_MS,
        }))
        .sort((a, b) => a.startAt - b.startAt),
    })),
  }
}
