import * as z from 'zod'
import { LOCALES } from '#app/i18n/locales.ts'
import {
  CheckboxSchema,
  EmailSchema,
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

/**
 * The admin console's forms: one schema per form, used by react-hook-form in the browser and by
 * the action on the server. Without JavaScript every value arrives as a string, so numbers, times,
 * depths and prices are parsed here from what people type. Each page with several forms posts a
 * hidden `intent`; the server parses the page's discriminated union of them.
 */

export const WEEKDAYS = [
  { weekday: 1, name: 'Monday' },
  { weekday: 2, name: 'Tuesday' },
  { weekday: 3, name: 'Wednesday' },
  { weekday: 4, name: 'Thursday' },
  { weekday: 5, name: 'Friday' },
  { weekday: 6, name: 'Saturday' },
  { weekday: 7, name: 'Sunday' },
] as const

/** Rows per day in the weekly hours form (existing intervals plus at least one empty row). */
export const MAX_INTERVALS_PER_DAY = 4

/** Practitioners never needle deeper than this (the database allows 0–3000 µm). */
export const MAX_PRACTITIONER_DEPTH_UM = 3000
/** A treatment's deepest needling: 0.1 mm to 3 mm (cosmetic at most 0.5 mm). */
export const MIN_SERVICE_DEPTH_UM = 100
export const MAX_SERVICE_DEPTH_UM = 3000

const ID_PATTERN = /^[0-9a-f-]{36}$/

// ——— Small field builders, each with a human message ———

/** Values a form may leave out entirely (an unticked box, an unrendered row) read as ''. */
const blankIfMissing = (value: unknown) => (value === undefined || value === null ? '' : value)

function requiredText(message: string, max: number) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .max(max, { error: `Use at most ${max} characters.` })
}

function optionalText(max: number) {
  return z.preprocess(
    blankIfMissing,
    z
      .string({ error: 'Enter text here.' })
      .trim()
      .max(max, { error: `Use at most ${max} characters.` }),
  )
}

function wholeNumber(label: string, min: number, max: number, unit: string) {
  const message = `Enter ${label} as a whole number.`
  return z.preprocess(
    blankIfMissing,
    z
      .string({ error: message })
      .trim()
      .min(1, { error: `Enter ${label}.`, abort: true })
      .regex(/^\d{1,6}$/, { error: message, abort: true })
      .transform(Number)
      .refine((value) => value >= min && value <= max, {
        error: `Use between ${min} and ${max}${unit ? ` ${unit}` : ''}.`,
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
export const CalendarDateSchema = z.preprocess(
  blankIfMissing,
  z
    .string({ error: 'Enter a date.' })
    .trim()
    .min(1, { error: 'Enter a date.', abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      error: 'Enter the date as YYYY-MM-DD, for example 2027-08-16.',
      abort: true,
    })
    .refine(isRealCalendarDate, { error: 'That date does not exist.' }),
)

const TimeOfDaySchema = z.preprocess(blankIfMissing, z.string().trim())

const Checkbox = CheckboxSchema

// ——— Stranded bookings: the re-post that says what to do with them ———

export const STRANDED_CHOICES = ['keep', 'cancel'] as const
export type StrandedChoice = (typeof STRANDED_CHOICES)[number]

/** Field names of the confirmation form; a page echoes every other posted field back unchanged. */
export const RESOLUTION_FIELDS = [
  'strandedChoice',
  'acknowledgedBookingIds',
  'cancelReason',
] as const

const ResolutionFields = {
  strandedChoice: z
    .enum(STRANDED_CHOICES, { error: 'Choose whether to keep or cancel these bookings.' })
    .optional(),
  /** The bookings the admin was shown; the change applies only if they are still the ones. */
  acknowledgedBookingIds: idList('The list of bookings was damaged. Go back and try again.'),
  cancelReason: optionalText(500),
}

/**
 * The admin's answer about stranded bookings: which ones they were shown, and keep or cancel.
 * `choice` is null on the first post (nobody has been asked yet) or when they did not choose.
 */
type ResolutionValues = {
  strandedChoice?: StrandedChoice
  acknowledgedBookingIds: string[]
  cancelReason: string
}

export type StrandedAnswer = {
  choice: StrandedChoice | null
  bookingIds: string[]
  reason: string | null
}

export function strandedAnswerOf(data: ResolutionValues): StrandedAnswer {
  return {
    choice: data.strandedChoice ?? null,
    bookingIds: data.acknowledgedBookingIds,
    reason: data.cancelReason || null,
  }
}

/** True when the admin sent the confirmation form without choosing keep or cancel. */
export function isMissingChoice(answer: StrandedAnswer): boolean {
  return answer.choice === null && answer.bookingIds.length > 0
}

// ——— Route params ———

export const PractitionerParamsSchema = z.object({ practitionerId: idOf('Unknown practitioner') })
export const ServiceParamsSchema = z.object({ serviceId: idOf('Unknown service') })

// ——— Practitioners ———

const DepthMmSchema = z.preprocess(
  blankIfMissing,
  z
    .string({ error: 'Enter a depth in millimetres, like 1.5.' })
    .trim()
    .min(1, { error: 'Enter a depth in millimetres, like 1.5.', abort: true })
    .transform((value, ctx) => {
      const depthUm = parseMillimetresToUm(value)
      if (depthUm === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter a depth in millimetres, like 1.5.' })
        return z.NEVER
      }
      return depthUm
    }),
)

/** One line on the booking page: longer text would wrap into a paragraph on a phone. */
export const PRACTITIONER_BIO_MAX = 160

const PractitionerProfileFields = z.object({
  displayName: requiredText('Enter a name.', 120),
  title: requiredText('Enter a title, like Doctor or Registered nurse.', 80),
  credential: z.enum(CREDENTIALS, { error: 'Choose medical or aesthetic.' }),
  registration: requiredText('Enter the professional register and number.', 200),
  bio: optionalText(PRACTITIONER_BIO_MAX),
  maxNeedleDepthMm: DepthMmSchema.refine((um) => um <= MAX_PRACTITIONER_DEPTH_UM, {
    error: 'Use a depth between 0 and 3 mm.',
  }),
  isActive: Checkbox,
})

function toProfile<T extends z.infer<typeof PractitionerProfileFields>>({
  maxNeedleDepthMm,
  ...rest
}: T) {
  return { ...rest, maxNeedleDepthUm: maxNeedleDepthMm }
}

/** Create a practitioner, and the profile form of an existing one. */
export const PractitionerProfileSchema = PractitionerProfileFields.transform(toProfile)
export type PractitionerProfile = z.infer<typeof PractitionerProfileSchema>

export const PractitionerServicesSchema = z.object({
  serviceIds: idList('Choose services from the list.'),
})

/** Field names of one row of the weekly hours form. */
export function hoursFieldNames(weekday: number, row: number) {
  return { start: `start_${weekday}_${row}`, end: `end_${weekday}_${row}` }
}

const hoursFieldShape: Record<string, typeof TimeOfDaySchema> = {}
for (const { weekday } of WEEKDAYS) {
  for (let row = 0; row < MAX_INTERVALS_PER_DAY; row++) {
    const names = hoursFieldNames(weekday, row)
    hoursFieldShape[names.start] = TimeOfDaySchema
    hoursFieldShape[names.end] = TimeOfDaySchema
  }
}
const WeeklyHoursFields = z.object(hoursFieldShape)

type WeeklyIntervalInput = { weekday: number; startMinute: number; endMinute: number }

function checkWeeklyHours(values: Record<string, string>, ctx: z.RefinementCtx) {
  for (const { weekday, name } of WEEKDAYS) {
    const day: (WeeklyIntervalInput & { field: string })[] = []
    for (let row = 0; row < MAX_INTERVALS_PER_DAY; row++) {
      const names = hoursFieldNames(weekday, row)
      const start = values[names.start] ?? ''
      const end = values[names.end] ?? ''
      if (!start && !end) continue
      const startMinute = start ? parseTimeOfDay(start) : null
      const endMinute = end ? parseTimeOfDay(end) : null
      if (!start)
        ctx.addIssue({ code: 'custom', path: [names.start], message: 'Enter a start time.' })
      else if (startMinute === null)
        ctx.addIssue({ code: 'custom', path: [names.start], message: 'Enter a time like 09:00.' })
      if (!end) ctx.addIssue({ code: 'custom', path: [names.end], message: 'Enter an end time.' })
      else if (endMinute === null)
        ctx.addIssue({ code: 'custom', path: [names.end], message: 'Enter a time like 18:00.' })
      if (startMinute === null || endMinute === null) continue
      if (endMinute <= startMinute) {
        ctx.addIssue({
          code: 'custom',
          path: [names.end],
          message: 'End time must be after the start time.',
        })
        continue
      }
      day.push({ weekday, startMinute, endMinute, field: names.start })
    }
    for (const index of findOverlappingIntervals(day)) {
      ctx.addIssue({
        code: 'custom',
        path: [day[index]!.field],
        message: `This overlaps another interval on ${name}.`,
      })
    }
  }
}

function toWeeklyIntervals(values: Record<string, string>): { intervals: WeeklyIntervalInput[] } {
  const intervals: WeeklyIntervalInput[] = []
  for (const { weekday } of WEEKDAYS) {
    for (let row = 0; row < MAX_INTERVALS_PER_DAY; row++) {
      const names = hoursFieldNames(weekday, row)
      const startMinute = parseTimeOfDay(values[names.start] ?? '')
      const endMinute = parseTimeOfDay(values[names.end] ?? '')
      if (startMinute !== null && endMinute !== null)
        intervals.push({ weekday, startMinute, endMinute })
    }
  }
  return {
    intervals: intervals.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute),
  }
}

/** The whole week: empty rows are ignored, a half-filled row is an error. */
export const WeeklyHoursSchema =
  WeeklyHoursFields.superRefine(checkWeeklyHours).transform(toWeeklyIntervals)

const ExceptionFields = z.object({
  kind: z.enum(AVAILABILITY_EXCEPTION_KINDS, { error: 'Choose time off or extra hours.' }),
  date: CalendarDateSchema,
  wholeDay: Checkbox,
  startTime: TimeOfDaySchema,
  endTime: TimeOfDaySchema,
  note: optionalText(200),
})

function checkException(values: z.infer<typeof ExceptionFields>, ctx: z.RefinementCtx) {
  if (values.wholeDay) {
    if (values.kind === 'extra_hours')
      ctx.addIssue({
        code: 'custom',
        path: ['wholeDay'],
        message: 'Extra hours need a start and an end time. Untick "Whole day".',
      })
    return
  }
  const start = values.startTime ? parseTimeOfDay(values.startTime) : null
  const end = values.endTime ? parseTimeOfDay(values.endTime) : null
  if (!values.startTime)
    ctx.addIssue({
      code: 'custom',
      path: ['startTime'],
      message: 'Enter a start time, or tick "Whole day".',
    })
  else if (start === null)
    ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'Enter a time like 09:00.' })
  if (!values.endTime)
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Enter an end time.' })
  else if (end === null)
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Enter a time like 13:00.' })
  if (start !== null && end !== null && end <= start)
    ctx.addIssue({
      code: 'custom',
      path: ['endTime'],
      message: 'End time must be after the start time.',
    })
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
export const AddExceptionSchema = ExceptionFields.superRefine(checkException).transform(toException)

export const RemoveExceptionSchema = z.object({
  exceptionId: idOf('That entry no longer exists. Reload the page.'),
})

/** Every form on the practitioner page; the server parses a post with this. */
export const PractitionerActionSchema = z.discriminatedUnion(
  'intent',
  [
    PractitionerProfileFields.extend({
      intent: z.literal('profile'),
      ...ResolutionFields,
    }).transform((data) => toProfile(data)),
    PractitionerServicesSchema.extend({ intent: z.literal('services'), ...ResolutionFields }),
    WeeklyHoursFields.extend({ intent: z.literal('hours'), ...ResolutionFields })
      .superRefine((data, ctx) => checkWeeklyHours(data as Record<string, string>, ctx))
      .transform((data) => {
        // The hour fields are typed as an index signature; the named fields keep their own types.
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
  { error: 'We could not tell which form was sent. Reload the page and try again.' },
)
export type PractitionerAction = z.infer<typeof PractitionerActionSchema>
export type PractitionerIntent = PractitionerAction['intent']

// ——— Services ———

const ServiceFields = z.object({
  name: requiredText('Enter a name.', 120),
  description: requiredText('Enter a description for patients.', 2000),
  kind: z.enum(SERVICE_KINDS, { error: 'Choose treatment or consultation.' }),
  tier: z.enum(SERVICE_TIERS, { error: 'Choose medical or cosmetic.' }),
  durationMinutes: wholeNumber('the length in minutes', 5, 480, 'minutes'),
  bufferAfterMinutes: wholeNumber('the buffer in minutes', 0, 240, 'minutes'),
  maxNeedleDepthMm: z.preprocess(blankIfMissing, z.string().trim()),
  courseSessions: wholeNumber('the number of sessions', 1, 12, 'sessions'),
  courseIntervalWeeks: wholeNumber('the weeks between sessions', 0, 52, 'weeks'),
  price: z.preprocess(blankIfMissing, z.string().trim()),
  downtime: requiredText('Describe the downtime, or write "None".', 300),
  isActive: Checkbox,
  sortOrder: wholeNumber('the position in the list', 0, 999, ''),
})

function checkService(values: z.infer<typeof ServiceFields>, ctx: z.RefinementCtx) {
  const depth = values.maxNeedleDepthMm ? parseMillimetresToUm(values.maxNeedleDepthMm) : null
  if (values.kind === 'consultation') {
    if (values.maxNeedleDepthMm)
      ctx.addIssue({
        code: 'custom',
        path: ['maxNeedleDepthMm'],
        message: 'A consultation has no needling: leave the depth empty.',
      })
  } else if (!values.maxNeedleDepthMm) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxNeedleDepthMm'],
      message: 'Enter the deepest needling in millimetres, like 1.5.',
    })
  } else if (depth === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxNeedleDepthMm'],
      message: 'Enter a depth in millimetres, like 1.5.',
    })
  } else if (depth < MIN_SERVICE_DEPTH_UM || depth > MAX_SERVICE_DEPTH_UM) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxNeedleDepthMm'],
      message: 'Use a depth between 0.1 and 3 mm.',
    })
  } else if (values.tier === 'cosmetic' && depth > COSMETIC_MAX_DEPTH_UM) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxNeedleDepthMm'],
      message:
        'Cosmetic needling goes no deeper than 0.5 mm. Choose the medical tier for deeper work.',
    })
  }
  if (values.price && parseEurosToCents(values.price) === null)
    ctx.addIssue({
      code: 'custom',
      path: ['price'],
      message: 'Enter a price in euros, like 250 or 89.50, or leave it empty.',
    })
  if (values.courseSessions > 1 && values.courseIntervalWeeks === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['courseIntervalWeeks'],
      message: 'Enter the weeks between sessions of the course.',
    })
}

function toService({ maxNeedleDepthMm, price, ...rest }: z.infer<typeof ServiceFields>) {
  return {
    ...rest,
    maxNeedleDepthUm: rest.kind === 'consultation' ? null : parseMillimetresToUm(maxNeedleDepthMm),
    priceCents: price ? parseEurosToCents(price) : null,
  }
}

/** The create form (client and server). */
export const ServiceSchema = ServiceFields.superRefine(checkService).transform(toService)
export type ServiceInput = z.infer<typeof ServiceSchema>

/** The edit form: the same fields, and an answer about stranded bookings when asked. */
export const ServiceUpdateSchema = ServiceFields.extend(ResolutionFields)
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
  reason: requiredText('Enter a reason, like Christmas Day.', 200),
})

export const AddClosureSchema = ClosureFields
export const RemoveClosureSchema = z.object({
  closureId: idOf('That closure no longer exists. Reload the page.'),
})

export const ClosureActionSchema = z.discriminatedUnion(
  'intent',
  [
    ClosureFields.extend({ intent: z.literal('add'), ...ResolutionFields }),
    RemoveClosureSchema.extend({ intent: z.literal('remove') }),
  ],
  { error: 'We could not tell which form was sent. Reload the page and try again.' },
)

// ——— Booking policies ———

const PoliciesFields = z.object({
  timeZone: z
    .string({ error: 'Choose a time zone.' })
    .trim()
    .refine(isValidTimeZone, { error: 'Choose a time zone from the list, like Europe/Rome.' }),
  slotStepMinutes: wholeNumber('the slot step in minutes', 5, 120, 'minutes'),
  minNoticeHours: wholeNumber('the minimum notice in hours', 0, 720, 'hours'),
  maxAdvanceDays: wholeNumber('how many days ahead patients can book', 1, 730, 'days'),
  holdMinutes: wholeNumber('the hold length in minutes', 1, 60, 'minutes'),
  cancellationWindowHours: wholeNumber('the cancellation window in hours', 0, 720, 'hours'),
  minDaysBetweenNeedling: wholeNumber('the days between needling sessions', 0, 365, 'days'),
  maxUpcomingBookingsPerEmail: wholeNumber(
    'how many upcoming bookings one email address may have',
    1,
    50,
    'bookings',
  ),
})

/** The clinic's own details, as patients read them on pages, emails and calendar files. */
export const ClinicDetailsSchema = z.object({
  name: z
    .string({ error: "Enter the clinic's name." })
    .trim()
    .min(2, { error: "Enter the clinic's name." })
    .max(120, { error: 'Use at most 120 characters.' }),
  // Kept as the clinic writes it ("+39 02 8295 4410"): patients read it in every email. Its
  // country is the one patients' numbers without a code are read in (phone.rules.ts).
  phone: z
    .string({ error: "Enter the clinic's phone number." })
    .trim()
    .min(1, { error: "Enter the clinic's phone number." })
    .max(40, { error: 'Use at most 40 characters.' })
    .refine((value) => phoneCountryOf(value) !== undefined, {
      error: 'Enter the number with its country code, for example +39 02 1234 5678.',
    }),
  email: EmailSchema,
  address: z
    .string({ error: "Enter the clinic's address." })
    .trim()
    .min(5, { error: "Enter the clinic's address, with the city." })
    .max(300, { error: 'Use at most 300 characters.' }),
  defaultLocale: z.enum(LOCALES, { error: 'Choose Italian or English.' }),
})
export type ClinicDetails = z.infer<typeof ClinicDetailsSchema>

export const PoliciesSchema = PoliciesFields
export type Policies = z.infer<typeof PoliciesSchema>
export const PoliciesUpdateSchema = PoliciesFields.extend(ResolutionFields)

/** The photo page's two buttons; the file itself is read by the route (uploads.server.ts). */
export const PractitionerPhotoActionSchema = z.object({
  intent: z.enum(['photo-upload', 'photo-remove'], { error: 'Choose a photo to upload.' }),
})
