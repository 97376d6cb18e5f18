import * as z from 'zod'

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** Rows on one page of the admin "Sent emails" list. */
export const OUTBOX_PAGE_SIZE = 50

/** `?page=` on the list: anything that is not a page number shows the first page. */
export const OutboxPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
})

/** The `$emailId` in admin URLs: outbox ids are UUIDs; anything else is simply not found. */
export const OutboxEmailParamsSchema = z.object({
  emailId: z.uuid(),
})
