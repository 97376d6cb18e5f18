import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale, LOCALES } from '#app/i18n/locales.ts'
import { adminFormsMessages } from '#app/i18n/messages/index.ts'
import {
  CheckboxSchema,
  emailSchema,
  isRealCalendarDate,
} from '#app/domain/shared/fields.schema.ts'
import {
  findOverlappingIntervals,
  isValidTimeZone,
  parseEurosToCents,
  parseMillimetresToUm,
  parseTimeOfDay,
} from './admin.rules.ts'
import {
  AVAILABILITY_EXCEPTION_KINDS,
  COSMETIC_MAX_DEPTH_UM,
  CREDENTIALS,
  SERVICE_KINDS,
  SERVICE_TIERS,
} from './clinic.schema.ts'
import { phoneCountryOf } from '#app/domain/shared/phone.rules.ts'
import { italianProfileOf, italianServiceOf } from './italian-texts.ts'
import { type ResolutionValues, STRANDED_CHOICES } from './stranded-answer.ts'
import {
  blankIfMissing,
  hoursFieldNames,
  MAX_INTERVALS_PER_DAY,
  TimeOfDaySchema,
  toWeeklyIntervals,
  WEEKDAYS,
  type WeeklyIntervalInput,
  WeeklyHoursFields,
} from './weekly-hours-form.ts'

/**
 * The admin console's forms: one schema per form, used by react-hook-form in the browser and by
 * the action on the server. Without JavaScript every value arrives as a string, so numbers, times,
 * depths and prices are parsed here from what people type. Each page with several forms posts a
 * hidden `intent`; the server parses the page's discriminated union of them.
 */

/** Practitioners never needle deeper than this (the database allows 0–3000 µm). */
export const MAX_PRACTITIONER_DEPTH_UM = 3000
/** A treatment's deepest needling: 0.1 mm to 3 mm (cosmetic at most 0.5 mm). */
export const MIN_SERVICE_DEPTH_UM = 100
export const MAX_SERVICE_DEPTH_UM = 3000

const ID_PATTERN = /^[0-9a-f-]{36}$/

const Checkbox = CheckboxSchema

// The re-post that says what to do with stranded bookings, and the weekly hours form's fields,
// have modules of their own; the admin pages still import them from here.
export {
  isMissingChoice,
  RESOLUTION_FIELDS,
  STRANDED_CHOICES,
  type StrandedAnswer,
  strandedAnswerOf,
  type StrandedChoice,
} from './stranded-answer.ts'
export { hoursFieldNames, MAX_INTERVALS_PER_DAY, WEEKDAYS } from './weekly-hours-form.ts'
export { type PractitionerItalian, type ServiceItalian } from './italian-texts.ts'

/** One line on the booking page: longer text would wrap into a paragraph on a phone. */
export const PRACTITIONER_BIO_MAX = 160

/** The fields a whole number is asked for in, each named in the message about it. */
type NumberField =
  | 'durationMinutes'
  | 'bufferAfterMinutes'
  | 'courseSessions'
  | 'courseIntervalWeeks'
  | 'sortOrder'
  | 'slotStepMinutes'
  | 'minNoticeHours'
  | 'maxAdvanceDays'
  | 'holdMinutes'
  | 'cancellationWindowHours'
  | 'minDaysBetweenNeedling'
  | 'maxUpcomingBookingsPerEmail'
type NumberUnit = 'minutes' | 'hours' | 'days' | 'sessions' | 'weeks' | 'bookings' | ''

/**
 * Every schema of the admin console, with its messages in one language. The same schema checks
 * a form in the browser (react-hook-form) and again in the action; `adminSchemas(locale)` builds
 * each language once.
 */
function buildAdminSchemas(locale: Locale) {
  const t = translator(adminFormsMessages, locale)

  // ——— Small field builders, each with a human message ———

  function requiredText(message: string, max: number) {
    return z
      .string({ error: message })
      .trim()
      .min(1, { error: message, abort: true })
      .max(max, { error: t('textTooLong', { max: String(max) }) })
  }

  /**
   * A field in another language: undefined when the form did not send it (nothing changes),
   * '' when sent empty (the text in that language is removed).
   */
  function translationText(max: number) {
    return z
      .string({ error: t('textInvalid') })
      .trim()
      .max(max, { error: t('textTooLong', { max: String(max) }) })
      .optional()
  }

  function optionalText(max: number) {
    return z.preprocess(
      blankIfMissing,
      z
        .string({ error: t('textInvalid') })
        .trim()
        .max(max, { error: t('textTooLong', { max: String(max) }) }),
    )
  }

  function wholeNumber(field: NumberField, min: number, max: number, unit: NumberUnit) {
    const message = t('numberWhole', { field })
    return z.preprocess(
      blankIfMissing,
      z
        .string({ error: message })
        .trim()
        .min(1, { error: t('numberRequired', { field }), abort: true })
        .regex(/^\d{1,6}$/, { error: message, abort: true })
        .transform(Number)
        .refine((value) => value >= min && value <= max, {
          error: t('numberRange', { min: String(min), max: String(max), unit }),
        }),
    )
  }

  function idOf(message: string) {
    return z.string({ error: message }).regex(ID_PATTERN, { error: message })
  }

  /** A checkbox group or repeated hidden field: absent, one value, or many, always an array. */
  function idList(message: string) {
    return z.preprocess(
      (value) =>
        value === undefined || value === null || value === false || value === ''
          ? []
          : (Array.isArray(value) ? value : [value]).filter((item) => typeof item === 'string'),
      z.array(idOf(message)).max(200, { error: message }),
    )
  }

  /** A calendar date from `<input type="date">`. Whether it is in the past is for the server. */
  const CalendarDateSchema = z.preprocess(
    blankIfMissing,
    z
      .string({ error: t('dateRequired') })
      .trim()
      .min(1, { error: t('dateRequired'), abort: true })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: t('dateFormat'), abort: true })
      .refine(isRealCalendarDate, { error: t('dateNotReal') }),
  )

  const ResolutionFields = {
    strandedChoice: z.enum(STRANDED_CHOICES, { error: t('strandedChoice') }).optional(),
    /** The bookings the admin was shown; the change applies only if they are still the ones. */
    acknowledgedBookingIds: idList(t('bookingListDamaged')),
    cancelReason: optionalText(500),
  }

  // ——— Route params ———

  const PractitionerParamsSchema = z.object({ practitionerId: idOf(t('unknownPractitioner')) })
  const ServiceParamsSchema = z.object({ serviceId: idOf(t('unknownService')) })

  // ——— Practitioners ———

  const DepthMmSchema = z.preprocess(
    blankIfMissing,
    z
      .string({ error: t('depthFormat') })
      .trim()
      .min(1, { error: t('depthFormat'), abort: true })
      .transform((value, ctx) => {
        const depthUm = parseMillimetresToUm(value)
        if (depthUm === null) {
          ctx.addIssue({ code: 'custom', message: t('depthFormat') })
          return z.NEVER
        }
        return depthUm
      }),
  )

  const PractitionerProfileFields = z.object({
    displayName: requiredText(t('nameRequired'), 120),
    title: requiredText(t('titleRequired'), 80),
    credential: z.enum(CREDENTIALS, { error: t('credentialRequired') }),
    registration: requiredText(t('registrationRequired'), 200),
    bio: optionalText(PRACTITIONER_BIO_MAX),
    maxNeedleDepthMm: DepthMmSchema.refine((um) => um <= MAX_PRACTITIONER_DEPTH_UM, {
      error: t('practitionerDepthRange'),
    }),
    isActive: Checkbox,
    titleIt: translationText(80),
    bioIt: translationText(PRACTITIONER_BIO_MAX),
  })

  function checkProfile(values: z.infer<typeof PractitionerProfileFields>, ctx: z.RefinementCtx) {
    if (values.bioIt && !values.titleIt)
      ctx.addIssue({ code: 'custom', path: ['titleIt'], message: t('italianTitleRequired') })
  }

  function toProfile<T extends z.infer<typeof PractitionerProfileFields>>({
    maxNeedleDepthMm,
    titleIt,
    bioIt,
    ...rest
  }: T) {
    return {
      ...rest,
      maxNeedleDepthUm: maxNeedleDepthMm,
      italian: italianProfileOf(titleIt, bioIt),
    }
  }

  /** Create a practitioner, and the profile form of an existing one. */
  const PractitionerProfileSchema =
    PractitionerProfileFields.superRefine(checkProfile).transform(toProfile)

  const PractitionerServicesSchema = z.object({
    serviceIds: idList(t('servicesFromList')),
  })

  function checkWeeklyHours(values: Record<string, string>, ctx: z.RefinementCtx) {
    for (const { weekday } of WEEKDAYS) {
      const day: (WeeklyIntervalInput & { field: string })[] = []
      for (let row = 0; row < MAX_INTERVALS_PER_DAY; row++) {
        const names = hoursFieldNames(weekday, row)
        const start = values[names.start] ?? ''
        const end = values[names.end] ?? ''
        if (!start && !end) continue
        const startMinute = start ? parseTimeOfDay(start) : null
        const endMinute = end ? parseTimeOfDay(end) : null
        if (!start)
          ctx.addIssue({ code: 'custom', path: [names.start], message: t('startTimeRequired') })
        else if (startMinute === null)
          ctx.addIssue({
            code: 'custom',
            path: [names.start],
            message: t('timeLike', { example: '09:00' }),
          })
        if (!end) ctx.addIssue({ code: 'custom', path: [names.end], message: t('endTimeRequired') })
        else if (endMinute === null)
          ctx.addIssue({
            code: 'custom',
            path: [names.end],
            message: t('timeLike', { example: '18:00' }),
          })
        if (startMinute === null || endMinute === null) continue
        if (endMinute <= startMinute) {
          ctx.addIssue({ code: 'custom', path: [names.end], message: t('endAfterStart') })
          continue
        }
        day.push({ weekday, startMinute, endMinute, field: names.start })
      }
      for (const index of findOverlappingIntervals(day)) {
        ctx.addIssue({
          code: 'custom',
          path: [day[index]!.field],
          message: t('intervalOverlaps', { weekday: String(weekday) }),
        })
      }
    }
  }

  /** The whole week: empty rows are ignored, a half-filled row is an error. */
  const WeeklyHoursSchema =
    WeeklyHoursFields.superRefine(checkWeeklyHours).transform(toWeeklyIntervals)

  const ExceptionFields = z.object({
    kind: z.enum(AVAILABILITY_EXCEPTION_KINDS, { error: t('exceptionKindRequired') }),
    date: CalendarDateSchema,
    wholeDay: Checkbox,
    startTime: TimeOfDaySchema,
    endTime: TimeOfDaySchema,
    note: optionalText(200),
  })

  function checkException(values: z.infer<typeof ExceptionFields>, ctx: z.RefinementCtx) {
    if (values.wholeDay) {
      if (values.kind === 'extra_hours')
        ctx.addIssue({ code: 'custom', path: ['wholeDay'], message: t('extraHoursNeedTimes') })
      return
    }
    const start = values.startTime ? parseTimeOfDay(values.startTime) : null
    const end = values.endTime ? parseTimeOfDay(values.endTime) : null
    if (!values.startTime)
      ctx.addIssue({ code: 'custom', path: ['startTime'], message: t('startTimeOrWholeDay') })
    else if (start === null)
      ctx.addIssue({
        code: 'custom',
        path: ['startTime'],
        message: t('timeLike', { example: '09:00' }),
      })
    if (!values.endTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: t('endTimeRequired') })
    else if (end === null)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: t('timeLike', { example: '13:00' }),
      })
    if (start !== null && end !== null && end <= start)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: t('endAfterStart') })
  }

  function toException({
    kind,
    date,
    wholeDay,
    startTime,
    endTime,
    note,
  }: z.infer<typeof ExceptionFields>) {
    return {
      kind,
      date,
      startMinute: wholeDay ? null : parseTimeOfDay(startTime),
      endMinute: wholeDay ? null : parseTimeOfDay(endTime),
      note,
    }
  }

  /** Time off (a whole day or from–to) or extra hours on one date. */
  const AddExceptionSchema = ExceptionFields.superRefine(checkException).transform(toException)

  const RemoveExceptionSchema = z.object({ exceptionId: idOf(t('exceptionGone')) })

  /** Every form on the practitioner page; the server parses a post with this. */
  const PractitionerActionSchema = z.discriminatedUnion(
    'intent',
    [
      PractitionerProfileFields.extend({
        intent: z.literal('profile'),
        ...ResolutionFields,
      })
        .superRefine(checkProfile)
        .transform((data) => toProfile(data)),
      PractitionerServicesSchema.extend({ intent: z.literal('services'), ...ResolutionFields }),
      WeeklyHoursFields.extend({ intent: z.literal('hours'), ...ResolutionFields })
        .superRefine((data, ctx) => checkWeeklyHours(data as Record<string, string>, ctx))
        .transform((data) => {
          // The hour fields are typed as an index signature; the named fields keep their types.
          const named = data as unknown as { intent: 'hours' } & ResolutionValues
          return {
            intent: named.intent,
            strandedChoice: named.strandedChoice,
            acknowledgedBookingIds: named.acknowledgedBookingIds,
            cancelReason: named.cancelReason,
            ...toWeeklyIntervals(data as Record<string, string>),
          }
        }),
      ExceptionFields.extend({ intent: z.literal('add-exception'), ...ResolutionFields })
        .superRefine(checkException)
        .transform((data) => ({
          intent: data.intent,
          strandedChoice: data.strandedChoice,
          acknowledgedBookingIds: data.acknowledgedBookingIds,
          cancelReason: data.cancelReason,
          ...toException(data),
        })),
      RemoveExceptionSchema.extend({ intent: z.literal('remove-exception'), ...ResolutionFields }),
    ],
    { error: t('unknownForm') },
  )

  // ——— Services ———

  const ServiceFields = z.object({
    name: requiredText(t('nameRequired'), 120),
    description: requiredText(t('descriptionRequired'), 2000),
    kind: z.enum(SERVICE_KINDS, { error: t('serviceKindRequired') }),
    tier: z.enum(SERVICE_TIERS, { error: t('tierRequired') }),
    durationMinutes: wholeNumber('durationMinutes', 5, 480, 'minutes'),
    bufferAfterMinutes: wholeNumber('bufferAfterMinutes', 0, 240, 'minutes'),
    maxNeedleDepthMm: z.preprocess(blankIfMissing, z.string().trim()),
    courseSessions: wholeNumber('courseSessions', 1, 12, 'sessions'),
    courseIntervalWeeks: wholeNumber('courseIntervalWeeks', 0, 52, 'weeks'),
    price: z.preprocess(blankIfMissing, z.string().trim()),
    downtime: requiredText(t('downtimeRequired'), 300),
    isActive: Checkbox,
    sortOrder: wholeNumber('sortOrder', 0, 999, ''),
    nameIt: translationText(120),
    descriptionIt: translationText(2000),
    downtimeIt: translationText(300),
  })

  function checkService(values: z.infer<typeof ServiceFields>, ctx: z.RefinementCtx) {
    const depth = values.maxNeedleDepthMm ? parseMillimetresToUm(values.maxNeedleDepthMm) : null
    const depthIssue = (message: string) =>
      ctx.addIssue({ code: 'custom', path: ['maxNeedleDepthMm'], message })
    if (values.kind === 'consultation') {
      if (values.maxNeedleDepthMm) depthIssue(t('consultationNoDepth'))
    } else if (!values.maxNeedleDepthMm) {
      depthIssue(t('serviceDepthRequired'))
    } else if (depth === null) {
      depthIssue(t('depthFormat'))
    } else if (depth < MIN_SERVICE_DEPTH_UM || depth > MAX_SERVICE_DEPTH_UM) {
      depthIssue(t('serviceDepthRange'))
    } else if (values.tier === 'cosmetic' && depth > COSMETIC_MAX_DEPTH_UM) {
      depthIssue(t('cosmeticTooDeep'))
    }
    if (values.price && parseEurosToCents(values.price) === null)
      ctx.addIssue({ code: 'custom', path: ['price'], message: t('priceFormat') })
    const italian = [values.nameIt, values.descriptionIt, values.downtimeIt]
    if (italian.some(Boolean))
      for (const key of ['nameIt', 'descriptionIt', 'downtimeIt'] as const)
        if (!values[key])
          ctx.addIssue({ code: 'custom', path: [key], message: t('italianServiceAllOrNone') })
    if (values.courseSessions > 1 && values.courseIntervalWeeks === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['courseIntervalWeeks'],
        message: t('courseIntervalRequired'),
      })
  }

  function toService({
    maxNeedleDepthMm,
    price,
    nameIt,
    descriptionIt,
    downtimeIt,
    ...rest
  }: z.infer<typeof ServiceFields>) {
    return {
      ...rest,
      italian: italianServiceOf(nameIt, descriptionIt, downtimeIt),
      maxNeedleDepthUm:
        rest.kind === 'consultation' ? null : parseMillimetresToUm(maxNeedleDepthMm),
      priceCents: price ? parseEurosToCents(price) : null,
    }
  }

  /** The create form (client and server). */
  const ServiceSchema = ServiceFields.superRefine(checkService).transform(toService)

  /** The edit form: the same fields, and an answer about stranded bookings when asked. */
  const ServiceUpdateSchema = ServiceFields.extend(ResolutionFields)
    .superRefine(checkService)
    .transform(({ strandedChoice, acknowledgedBookingIds, cancelReason, ...rest }) => ({
      strandedChoice,
      acknowledgedBookingIds,
      cancelReason,
      ...toService(rest),
    }))

  // ——— Closures ———

  const ClosureFields = z.object({
    date: CalendarDateSchema,
    reason: requiredText(t('closureReasonRequired'), 200),
  })

  const AddClosureSchema = ClosureFields
  const RemoveClosureSchema = z.object({ closureId: idOf(t('closureGone')) })

  const ClosureActionSchema = z.discriminatedUnion(
    'intent',
    [
      ClosureFields.extend({ intent: z.literal('add'), ...ResolutionFields }),
      RemoveClosureSchema.extend({ intent: z.literal('remove') }),
    ],
    { error: t('unknownForm') },
  )

  // ——— Booking policies ———

  const PoliciesFields = z.object({
    timeZone: z
      .string({ error: t('timeZoneRequired') })
      .trim()
      .refine(isValidTimeZone, { error: t('timeZoneFromList') }),
    slotStepMinutes: wholeNumber('slotStepMinutes', 5, 120, 'minutes'),
    minNoticeHours: wholeNumber('minNoticeHours', 0, 720, 'hours'),
    maxAdvanceDays: wholeNumber('maxAdvanceDays', 1, 730, 'days'),
    holdMinutes: wholeNumber('holdMinutes', 1, 60, 'minutes'),
    cancellationWindowHours: wholeNumber('cancellationWindowHours', 0, 720, 'hours'),
    minDaysBetweenNeedling: wholeNumber('minDaysBetweenNeedling', 0, 365, 'days'),
    maxUpcomingBookingsPerEmail: wholeNumber('maxUpcomingBookingsPerEmail', 1, 50, 'bookings'),
  })

  /** The clinic's own details, as patients read them on pages, emails and calendar files. */
  const ClinicDetailsSchema = z.object({
    name: z
      .string({ error: t('clinicNameRequired') })
      .trim()
      .min(2, { error: t('clinicNameRequired') })
      .max(120, { error: t('textTooLong', { max: '120' }) }),
    // Kept as the clinic writes it ("+39 02 8295 4410"): patients read it in every email. Its
    // country is the one patients' numbers without a code are read in (phone.rules.ts).
    phone: z
      .string({ error: t('clinicPhoneRequired') })
      .trim()
      .min(1, { error: t('clinicPhoneRequired') })
      .max(40, { error: t('textTooLong', { max: '40' }) })
      .refine((value) => phoneCountryOf(value) !== undefined, {
        error: t('clinicPhoneCountryCode'),
      }),
    email: emailSchema(locale),
    address: z
      .string({ error: t('clinicAddressRequired') })
      .trim()
      .min(5, { error: t('clinicAddressCity') })
      .max(300, { error: t('textTooLong', { max: '300' }) }),
    defaultLocale: z.enum(LOCALES, { error: t('defaultLocaleRequired') }),
  })

  const PoliciesUpdateSchema = PoliciesFields.extend(ResolutionFields)

  /** The photo page's two buttons; the file itself is read by the route (uploads.server.ts). */
  const PractitionerPhotoActionSchema = z.object({
    intent: z.enum(['photo-upload', 'photo-remove'], { error: t('photoRequired') }),
  })

  return {
    CalendarDateSchema,
    PractitionerParamsSchema,
    ServiceParamsSchema,
    PractitionerProfileSchema,
    PractitionerServicesSchema,
    WeeklyHoursSchema,
    AddExceptionSchema,
    RemoveExceptionSchema,
    PractitionerActionSchema,
    ServiceSchema,
    ServiceUpdateSchema,
    AddClosureSchema,
    RemoveClosureSchema,
    ClosureActionSchema,
    PoliciesSchema: PoliciesFields,
    PoliciesUpdateSchema,
    ClinicDetailsSchema,
    PractitionerPhotoActionSchema,
  }
}

export type AdminSchemas = ReturnType<typeof buildAdminSchemas>
const built = new Map<Locale, AdminSchemas>()

/** The admin console's schemas with messages in a language; built once per language. */
export function adminSchemas(locale: Locale = 'en'): AdminSchemas {
  let schemas = built.get(locale)
  if (!schemas) {
    schemas = buildAdminSchemas(locale)
    built.set(locale, schemas)
  }
  return schemas
}

// The English schemas under their own names, for tests and code without a page language.
const english = adminSchemas('en')
export const CalendarDateSchema = english.CalendarDateSchema
export const PractitionerParamsSchema = english.PractitionerParamsSchema
export const ServiceParamsSchema = english.ServiceParamsSchema
export const PractitionerProfileSchema = english.PractitionerProfileSchema
export type PractitionerProfile = z.infer<typeof PractitionerProfileSchema>
export const PractitionerServicesSchema = english.PractitionerServicesSchema
export const WeeklyHoursSchema = english.WeeklyHoursSchema
export const AddExceptionSchema = english.AddExceptionSchema
export const RemoveExceptionSchema = english.RemoveExceptionSchema
export const PractitionerActionSchema = english.PractitionerActionSchema
export type PractitionerAction = z.infer<typeof PractitionerActionSchema>
export type PractitionerIntent = PractitionerAction['intent']
export const ServiceSchema = english.ServiceSchema
export type ServiceInput = z.infer<typeof ServiceSchema>
export const ServiceUpdateSchema = english.ServiceUpdateSchema
export const AddClosureSchema = english.AddClosureSchema
export const RemoveClosureSchema = english.RemoveClosureSchema
export const ClosureActionSchema = english.ClosureActionSchema
export const PoliciesSchema = english.PoliciesSchema
export type Policies = z.infer<typeof PoliciesSchema>
export const PoliciesUpdateSchema = english.PoliciesUpdateSchema
export const ClinicDetailsSchema = english.ClinicDetailsSchema
export type ClinicDetails = z.infer<typeof ClinicDetailsSchema>
export const PractitionerPhotoActionSchema = english.PractitionerPhotoActionSchema
