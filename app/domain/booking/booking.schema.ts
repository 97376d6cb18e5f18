import * as z from 'zod'
import { WithdrawConsentSchema } from '#app/domain/consent/consent.schema.ts'
import {
  emailSchema,
  isoDateSchema,
  personNameSchema,
  phoneSchema,
} from '#app/domain/shared/fields.schema.ts'
import { type PhoneCountry } from '#app/domain/shared/phone.rules.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { detailsMessages, manageMessages, verifyMessages } from '#app/i18n/messages/index.ts'

/**
 * Booking states (docs/product.md section 4). "expired" is a hold that lapsed or was let go; it never
 * blocked anything after that moment. Bookings are never deleted.
 */
export const BOOKING_STATUSES = [
  'held',
  'pending_review',
  'confirmed',
  'declined',
  'cancelled',
  'completed',
  'no_show',
  'expired',
] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

/** States that occupy the practitioner's time: nothing else may overlap them. */
export const OCCUPYING_STATUSES = [
  'held',
  'pending_review',
  'confirmed',
] as const satisfies readonly BookingStatus[]

export const BOOKING_EVENT_ACTORS = ['patient', 'staff', 'system'] as const

/**
 * The patient's details step; numbers without a country code are the clinic's country's. Its
 * messages are in the page's language: the browser builds it with useLocale(), the action with
 * the request's language.
 */
export const patientDetailsSchema = (
  phoneCountry: PhoneCountry | undefined,
  locale: Locale = 'en',
) => {
  const t = translator(detailsMessages, locale)
  return z.object({
    fullName: personNameSchema(locale),
    email: emailSchema(locale),
    phone: phoneSchema(phoneCountry, locale),
    dateOfBirth: z
      .string({ error: t('dateOfBirthRequired') })
      .trim()
      .min(1, { error: t('dateOfBirthRequired') })
      .pipe(isoDateSchema(locale))
      .refine((value) => value < new Date().toISOString().slice(0, 10), {
        error: t('dateOfBirthFuture'),
      })
      .refine((value) => value >= '1900-01-01', { error: t('dateOfBirthYear') }),
  })
}
export type PatientDetails = z.infer<ReturnType<typeof patientDetailsSchema>>

/** The 6-digit code from an email (booking and "find my booking"), in the page's language. */
export const verificationCodeSchema = (locale: Locale = 'en') => {
  const message = translate(verifyMessages, locale, 'codeRequired')
  return z.object({
    code: z
      .string({ error: message })
      .trim()
      .regex(/^\d{6}$/, { error: message }),
  })
}

export const VerificationCodeSchema = verificationCodeSchema()

export const ChooseServiceSchema = z.object({
  serviceId: z
    .string({ error: 'Choose a treatment.' })
    .min(1, { error: 'Choose a treatment.' })
    .max(64),
})

/** A slot as the picker posts it: "<practitioner id>@<start, epoch ms>". */
export const SlotChoiceSchema = z.object({
  slot: z
    .string({ error: 'Choose a time.' })
    .regex(/^[0-9a-f-]{36}@\d{13}$/, { error: 'Choose one of the times shown.' })
    .transform((value) => {
      const [practitionerId, start] = value.split('@') as [string, string]
      return { practitionerId, startAt: Number(start) }
    }),
})

/**
 * "Find my booking": a reference and the email booked with, in the page's language. The email
 * field checks what EmailSchema (fields.schema.ts) checks, in this area's words, until that one
 * takes a locale.
 */
export function findBookingSchema(locale: Locale = 'en') {
  const t = translator(manageMessages, locale)
  return z.object({
    reference: z
      .string({ error: t('referenceMissing') })
      .trim()
      .toUpperCase()
      .regex(/^DD-[0-9A-Z]{6}$/, { error: t('referenceInvalid') }),
    email: emailSchema(locale),
  })
}

export const CancelBookingSchema = z.object({
  intent: z.literal('cancel'),
  reason: z.string().trim().max(500, { error: 'Use at most 500 characters.' }).optional(),
})

/** The booking page's forms: cancel the booking, or withdraw the consent for it. */
export const ManageBookingFormSchema = z.discriminatedUnion('intent', [
  CancelBookingSchema,
  WithdrawConsentSchema,
])

/** The email-code step: check the code, or send a new one. */
export const verifyStepSchema = (locale: Locale = 'en') =>
  z.discriminatedUnion('intent', [
    verificationCodeSchema(locale).extend({ intent: z.literal('verify') }),
    z.object({ intent: z.literal('resend') }),
  ])
export const VerifyStepSchema = verifyStepSchema()

/** The token of an emailed "manage your booking" link. */
export function manageLinkSchema(locale: Locale = 'en') {
  return z.object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, {
      error: translator(manageMessages, locale)('linkIncomplete'),
    }),
  })
}

/** A booking reference in a URL; anything else is "not found". */
export const BookingReferenceSchema = z.string().regex(/^DD-[0-9A-Z]{6}$/)
