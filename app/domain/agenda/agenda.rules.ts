import { addDays, weekdayOf } from '#app/domain/availability/availability.rules.ts'

export const AGENDA_VIEWS = ['day', 'week'] as const
export type AgendaView = (typeof AGENDA_VIEWS)[number]

/** The calendar dates an agenda view covers: one day, or Monday to Sunday of that date's week. */
export function agendaDates(view: AgendaView, date: string): string[] {
  if (view === 'day') return [date]
  const monday = addDays(date, 1 - weekdayOf(date))
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index))
}

/** The dates the "previous" and "next" links go to. */
export function agendaNeighbours(
  view: AgendaView,
  date: string,
): { previous: string; next: string } {
  const step = view === 'day' ? 1 : 7
  return { previous: addDays(date, -step), next: addDays(date, step) }
}
