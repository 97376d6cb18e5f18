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

export { slotQueryHref } from './slot-query-href.ts'
