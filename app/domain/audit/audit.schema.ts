import * as z from 'zod'
import { IsoDateSchema } from '#app/domain/shared/fields.schema.ts'

/** Who acted: a staff user, a patient proven by email code, or the system itself. */
export const AUDIT_ACTOR_TYPES = ['staff', 'patient', 'anonymous', 'system'] as const
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

export type AuditActor = {
  type: AuditActorType
  id?: string | null
  ipAddress?: string | null
  requestId?: string | null
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system' }

/** The first row's previous hash: 64 zeros. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64)

/** Rows on one page of the admin audit log. */
export const AUDIT_PAGE_SIZE = 50

const optionalFilter = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .optional()
    .transform((value) => value || undefined)

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(IsoDateSchema.optional())

const cursor = z.coerce
  .number()
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .optional()
  .catch(undefined)

/**
 * The filters of /admin/audit, read from the query string (a GET form). Dates are calendar days
 * in the clinic's zone, both ends included. `before` and `after` page through by sequence number.
 */
export const AuditFilterSchema = z
  .object({
    action: optionalFilter(100, 'Use at most 100 characters.').pipe(
      z
        .string()
        .regex(/^[a-z0-9_.]+$/, {
          error: 'Actions look like auth.sign_in or booking: lower-case letters, digits, dots.',
        })
        .optional(),
    ),
    actor: optionalFilter(254, 'Use at most 254 characters.'),
    patient: optionalFilter(64, 'Use at most 64 characters.'),
    subjectType: optionalFilter(40, 'Use at most 40 characters.'),
    subjectId: optionalFilter(64, 'Use at most 64 characters.'),
    from: optionalDate,
    to: optionalDate,
    before: cursor,
    after: cursor,
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    error: 'The end date must be on or after the start date.',
    path: ['to'],
  })
export type AuditFilters = z.output<typeof AuditFilterSchema>

/** The field names of the filter form (what a page link keeps). */
export const AUDIT_FILTER_FIELDS = [
  'action',
  'actor',
  'patient',
  'subjectType',
  'subjectId',
  'from',
  'to',
] as const

/** The one form posted to /admin/audit: check the whole chain now. */
export const AuditActionSchema = z.object({ intent: z.literal('verify') })
