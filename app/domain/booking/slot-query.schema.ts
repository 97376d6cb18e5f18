import * as z from 'zod'

/**
 * The picker's query string. Anything unexpected falls back to a default instead of failing:
 * these come from links, and a stale or edited link should still show a usable page.
 */
export const SlotQuerySchema = z.object({
  practitioner: z
    .string()
    .regex(/^(any|[0-9a-f-]{36})$/)
    .catch('any')
    .default('any'),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
})
export type SlotQuery = z.infer<typeof SlotQuerySchema>

/** The link to a day (or week) of the picker, keeping the chosen practitioner. */
export function slotQueryHref(
  path: string,
  query: { practitioner: string; from?: string | null; date?: string | null },
): string {
  const params = new URLSearchParams({ practitioner: query.practitioner })
  if (query.from) params.set('from', query.from)
  if (query.date) params.set('date', query.date)
  return `${path}?${params}`
}
