/**
 * The link to a day (or week) of the picker, keeping the chosen practitioner. Apart from
 * slot-query.schema.ts (which re-exports it) so that the picker pages can build their links in
 * the browser without loading zod.
 */
export function slotQueryHref(
  path: string,
  query: { practitioner: string; from?: string | null; date?: string | null },
): string {
  const params = new URLSearchParams({ practitioner: query.practitioner })
  if (query.from) params.set('from', query.from)
  if (query.date) params.set('date', query.date)
  return `${path}?${params}`
}
