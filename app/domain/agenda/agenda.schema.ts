import * as z from 'zod'
import { isRealCalendarDate } from '#app/domain/shared/fields.schema.ts'
import { SlotChoiceSchema } from '#app/domain/booking/booking.schema.ts'

export const AGENDA_VIEWS = ['day', 'week'] as const
export type AgendaView = (typeof AGENDA_VIEWS)[number]

/**
 * How the agenda is laid out (ADR 048): the calendar grid, or a list per
 * practitioner (a day) or per date (a week) for phones. Only one is rendered per page.
 */
export const AGENDA_LAYOUTS = ['grid', 'list'] as const
export type AgendaLayout = (typeof AGENDA_LAYOUTS)[number]

/**
 * The agenda's query string (`?view=day|week&date=YYYY-MM-DD&practitioner=<id>&layout=list`).
 * These come from links and a GET form, so anything unexpected falls back instead of failing: the
 * view to "day", the date to today in the clinic's zone (the loader fills it in), the practitioner
 * to all, the layout to none chosen (the grid, or the list on a phone once scripts run).
 */
export const AgendaQuerySchema = z.object({
  view: z.enum(AGENDA_VIEWS).catch('day').default('day'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(isRealCalendarDate)
    .optional()
    .catch(undefined),
  practitioner: z
    .string()
    .regex(/^[0-9a-f-]{36}$/)
    .optional()
    .catch(undefined),
  layout: z.enum(AGENDA_LAYOUTS).optional().catch(undefined),
})
export type AgendaQuery = z.infer<typeof AgendaQuerySchema>

/** The link to an agenda page, keeping the view, the chosen practitioner and the layout. */
export function agendaHref(query: {
  view: AgendaView
  date?: string | null
  practitioner?: string | null
  layout?: AgendaLayout | null
}): string {
  const params = new URLSearchParams({ view: query.view })
  if (query.date) params.set('date', query.date)
  if (query.practitioner) params.set('practitioner', query.practitioner)
  if (query.layout) params.set('layout', query.layout)
  return `/staff/agenda?${params}`
}

/**
 * A staff move of a booking (ADR 043): the slot the move form or a drag on the grid chose, the same
 * field the patient's reschedule posts. `from=grid` asks for a JSON answer for the grid's fetcher
 * instead of the form page's redirect.
 */
export const MoveBookingSchema = SlotChoiceSchema.extend({
  from: z.enum(['grid']).optional().catch(undefined),
})
