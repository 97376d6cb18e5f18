import {
  findAvailableSlots,
  MAX_SEARCH_DAYS,
  POLICY_OVERRIDE_MAX_ADVANCE_DAYS,
} from '#app/domain/availability/availability.server.ts'
import { addDays, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { getClinicSettings, practitionerTextsIn } from '#app/domain/clinic/clinic.server.ts'
import { practitionerPhotoUrl } from '#app/domain/clinic/practitioner-photo.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  describeTimeZone,
  formatDateAndTime,
  formatDateInZone,
  formatShortDateInZone,
  formatTimeInZone,
} from '#app/utils/format.ts'
import { preparedStatement, inJsonList } from '#db/prepared.server.ts'
import { practitioners } from '#db/schema/index.ts'

/** Days shown at once in the picker. */
export const PICKER_WINDOW_DAYS = 7
/** Without a chosen week, look this far ahead for the first day with a free time. */
const FIRST_FREE_LOOKAHEAD_DAYS = MAX_SEARCH_DAYS

export type SlotPickerModel = {
  timeZoneLabel: string
  practitioners: {
    id: string
    name: string
    title: string
    registration: string
    bio: string
    photoUrl: string | null
  }[]
  selectedPractitioner: string
  days: { date: string; label: string; slotCount: number }[]
  selectedDate: string | null
  selectedDateLabel: string | null
  slots: { value: string; time: string; practitionerName: string }[]
  earlierFrom: string | null
  laterFrom: string | null
}

/**
 * The day and time picker for a service, shaped for the page: a week of days with their number of
 * free times, and the free times of one chosen day. Used by booking and by rescheduling.
 */
export function getSlotPickerModel(input: {
  serviceId: string
  practitioner: string
  from?: string
  date?: string
  now: Date
  earliestStartAt?: number | null
  ignoreBookingId?: string | null
  /** The page's language, for the day and time labels. */
  locale?: Locale
  /** Staff booking for a caller lift the notice and advance limits (ADR 042). */
  policyOverride?: boolean
}): SlotPickerModel {
  const locale = input.locale ?? 'en'
  const settings = getClinicSettings()
  const zone = settings.timeZone
  const today = localDateOf(input.now.getTime(), zone)
  const lastDay = addDays(
    today,
    input.policyOverride ? POLICY_OVERRIDE_MAX_ADVANCE_DAYS : settings.maxAdvanceDays,
  )
  // Nothing can be offered before the patient's earliest allowed day (a waiting window may put it
  // months ahead): the picker starts there, not on an empty week.
  const firstDay =
    input.earliestStartAt && localDateOf(input.earliestStartAt, zone) > today
      ? localDateOf(input.earliestStartAt, zone)
      : today
  const search = (fromDate: string, days: number) =>
    findAvailableSlots({
      serviceId: input.serviceId,
      practitionerId: input.practitioner,
      fromDate,
      days,
      now: input.now,
      earliestStartAt: input.earliestStartAt ?? undefined,
      ignoreBookingId: input.ignoreBookingId ?? undefined,
      policyOverride: input.policyOverride,
    })

  // No week chosen (or one out of range): open on the first week that has a free time. That week
  // usually lies inside the look-ahead already searched, so it is taken from there rather than
  // searched twice (the same search over a longer range offers the same slots per day).
  let from: string
  let result: ReturnType<typeof search>
  if (input.from && input.from >= firstDay && input.from <= lastDay) {
    from = input.from
    result = search(from, PICKER_WINDOW_DAYS)
  } else {
    const ahead = search(firstDay, FIRST_FREE_LOOKAHEAD_DAYS)
    const start = Math.max(
      0,
      ahead.days.findIndex((day) => day.slots.length > 0),
    )
    from = ahead.days[start]?.date ?? firstDay
    result =
      start + PICKER_WINDOW_DAYS <= ahead.days.length
        ? { ...ahead, days: ahead.days.slice(start, start + PICKER_WINDOW_DAYS) }
        : search(from, PICKER_WINDOW_DAYS)
  }
  const names = new Map(result.qualifiedPractitioners.map((p) => [p.id, p.displayName]))
  const texts = practitionerTextsIn(locale)
  const days = result.days
    .filter((day) => day.date <= lastDay)
    .map((day) => ({
      date: day.date,
      label: formatShortDateInZone(Date.parse(`${day.date}T12:00:00Z`), 'UTC', locale),
      slotCount: day.slots.length,
    }))
  const chosen =
    result.days.find((day) => day.date === input.date && day.slots.length > 0) ??
    result.days.find((day) => day.slots.length > 0)
  const earlier = addDays(from, -PICKER_WINDOW_DAYS)
  const later = addDays(from, PICKER_WINDOW_DAYS)
  return {
    timeZoneLabel: describeTimeZone(zone, locale),
    practitioners: result.qualifiedPractitioners.map((p) => ({
      id: p.id,
      name: p.displayName,
      title: texts.get(p.id)?.title ?? p.title,
      registration: p.registration,
      bio: texts.get(p.id)?.bio ?? p.bio,
      photoUrl: practitionerPhotoUrl(p.photoKey),
    })),
    selectedPractitioner: result.qualifiedPractitioners.some((p) => p.id === input.practitioner)
      ? input.practitioner
      : 'any',
    days,
    selectedDate: chosen?.date ?? null,
    selectedDateLabel: chosen
      ? formatDateInZone(Date.parse(`${chosen.date}T12:00:00Z`), 'UTC', locale)
      : null,
    slots: (chosen?.slots ?? []).map((slot) => ({
      value: `${slot.practitionerId}@${slot.startAt}`,
      time: formatTimeInZone(slot.startAt, zone, locale),
      practitionerName: names.get(slot.practitionerId) ?? '',
    })),
    earlierFrom: from > firstDay ? (earlier < firstDay ? firstDay : earlier) : null,
    laterFrom: later <= lastDay ? later : null,
  }
}

/** Nearest free times ("just taken" answers), shaped like the picker's buttons. */
// On the path of every patient who just lost a time to someone else (the one-slot race).
const practitionerNamesQuery = preparedStatement((db) =>
  db
    .select({ id: practitioners.id, name: practitioners.displayName })
    .from(practitioners)
    .where(inJsonList(practitioners.id, 'ids'))
    .prepare(),
)

export function describeSlots(
  slots: { practitionerId: string; startAt: number }[],
  locale: Locale = 'en',
) {
  const zone = getClinicSettings().timeZone
  const ids = [...new Set(slots.map((slot) => slot.practitionerId))]
  const rows = ids.length ? practitionerNamesQuery().all({ ids: JSON.stringify(ids) }) : []
  const names = new Map(rows.map((row) => [row.id, row.name]))
  return slots.map((slot) => ({
    value: `${slot.practitionerId}@${slot.startAt}`,
    label: formatDateAndTime(slot.startAt, zone, locale),
    practitionerName: names.get(slot.practitionerId) ?? '',
  }))
}
