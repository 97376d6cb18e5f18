import * as z from 'zod'
import { emailSchema, isoDateSchema, personNameSchema } from '#app/domain/shared/fields.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { waitlistMessages } from '#app/i18n/messages/index.ts'
import { TIMES_OF_DAY } from './waitlist.constants.ts'

/**
 * The waitlist form, the same in the browser and on the server: who to see, the dates, the parts
 * of the day, and the patient's name and email. The server also refuses dates already past
 * (waitlist.rules.ts `datesProblem`, against the clinic's today).
 */
export const joinWaitlistSchema = (locale: Locale = 'en') => {
  const t = translator(waitlistMessages, locale)
  return z
    .object({
      practitioner: z
        .string({ error: t('practitionerRequired') })
        .trim()
        .min(1, { error: t('practitionerRequired') })
        .max(100),
      fromDate: isoDateSchema(locale),
      toDate: isoDateSchema(locale),
      timesOfDay: z
        .union([z.string(), z.array(z.string())], { error: t('timesRequired') })
        .optional()
        .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
        .pipe(
          z
            .array(z.enum(TIMES_OF_DAY, { error: t('timesRequired') }))
            .min(1, { error: t('timesRequired') }),
        ),
      fullName: personNameSchema(locale),
      email: emailSchema(locale),
    })
    .refine((value) => value.toDate >= value.fromDate, {
      error: t('datesReversed'),
      path: ['toDate'],
    })
}
export type JoinWaitlistInput = z.output<ReturnType<typeof joinWaitlistSchema>>

/** Staff add a caller: the same fields, and the service. */
export const staffAddWaitlistSchema = (locale: Locale = 'en') => {
  const t = translator(waitlistMessages, locale)
  return z.intersection(
    z.object({
      serviceId: z
        .string({ error: t('serviceRequired') })
        .trim()
        .min(1, { error: t('serviceRequired') })
        .max(100),
    }),
    joinWaitlistSchema(locale),
  )
}

export const RemoveWaitlistEntrySchema = z.object({
  intent: z.literal('remove'),
  entryId: z.string().trim().min(1).max(100),
})

/** The staff page's day (?date=YYYY-MM-DD). */
export const WaitlistDaySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
})
