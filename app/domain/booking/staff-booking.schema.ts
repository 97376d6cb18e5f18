import * as z from 'zod'
import { type PhoneCountry } from '#app/domain/shared/phone.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale, LOCALES } from '#app/i18n/locales.ts'
import { staffBookingMessages } from '#app/i18n/messages/index.ts'
import { patientDetailsSchema } from './booking.schema.ts'

/**
 * The forms of /staff/bookings/new (ADR 042): one schema each, in the browser (react-hook-form)
 * and in the action, with messages in the page's language.
 */

const uuid = /^[0-9a-f-]{36}$/

/** The page's query: which step's choices are made. Bad values are dropped, not refused. */
export const StaffBookingQuerySchema = z.object({
  patientId: z.string().regex(uuid).optional().catch(undefined),
  serviceId: z.string().min(1).max(64).optional().catch(undefined),
  practitionerId: z.string().regex(uuid).optional().catch(undefined),
  /** An instant from a free gap of the calendar (ISO 8601). */
  start: z.string().max(40).optional().catch(undefined),
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
  /** The booking just made: the page shows its summary. */
  booked: z.string().regex(uuid).optional().catch(undefined),
  override: z.literal('1').optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
})
export type StaffBookingQuery = z.infer<typeof StaffBookingQuerySchema>

/** Adding a caller who is not on file yet: the wizard's details, as the patient gives them. */
export function newCallerSchema(phoneCountry: PhoneCountry | undefined, locale: Locale = 'en') {
  return patientDetailsSchema(phoneCountry, locale).extend({ intent: z.literal('new-patient') })
}

/** The override reason: required when staff book outside the notice or advance limits. */
export const OVERRIDE_REASON_MAX = 500

/** Confirming the booking: the patient, the service and one offered time, and any override. */
export function confirmStaffBookingSchema(locale: Locale = 'en') {
  const t = translator(staffBookingMessages, locale)
  return z
    .object({
      intent: z.literal('book'),
      patientId: z
        .string({ error: t('patientMissing') })
        .regex(uuid, { error: t('patientMissing') }),
      serviceId: z
        .string({ error: t('serviceMissing') })
        .min(1, { error: t('serviceMissing') })
        .max(64),
      slot: z
        .string({ error: t('slotMissing') })
        .regex(/^[0-9a-f-]{36}@\d{13}$/, { error: t('slotMissing') })
        .transform((value) => {
          const [practitionerId, start] = value.split('@') as [string, string]
          return { practitionerId, startAt: Number(start) }
        }),
      /** The language the patient's emails and pages speak. */
      locale: z.enum(LOCALES, { error: t('localeMissing') }),
      override: z.literal('1').optional(),
      overrideReason: z
        .string()
        .trim()
        .max(OVERRIDE_REASON_MAX, { error: t('reasonTooLong', { max: OVERRIDE_REASON_MAX }) })
        .optional(),
    })
    .superRefine((value, ctx) => {
      if (value.override && !value.overrideReason)
        ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: t('reasonRequired') })
    })
}
export type ConfirmStaffBooking = z.infer<ReturnType<typeof confirmStaffBookingSchema>>
