import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { emailSchema, personNameSchema } from '#app/domain/shared/fields.schema.ts'
import { type Locale, LOCALES } from '#app/i18n/locales.ts'
import { adminStaffMessages, authMessages } from '#app/i18n/messages/index.ts'
import { PASSWORD_MAX_LENGTH, STAFF_PASSWORD_MIN_LENGTH, STAFF_ROLES } from './auth.schema.ts'

/** How long an invitation link works (docs/decisions/027-safe-by-default.md). */
export const INVITATION_VALID_HOURS = 72

/** An admin invites a colleague: the roles the new account gets, and where the link goes. */
export function inviteStaffSchema(locale: Locale = 'en') {
  const t = translator(adminStaffMessages, locale)
  const chooseRole = t('chooseRole')
  return z.object({
    name: personNameSchema(locale),
    email: emailSchema(locale),
    roles: z
      .union([z.enum(STAFF_ROLES), z.array(z.enum(STAFF_ROLES))], { error: chooseRole })
      .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
      .pipe(z.array(z.enum(STAFF_ROLES)).min(1, { error: chooseRole })),
    // The language of the invitation email; the form offers the clinic's default first.
    locale: z.enum(LOCALES, { error: t('chooseLanguage') }).optional(),
  })
}
export const InviteStaffSchema = inviteStaffSchema()
export type InviteStaff = z.infer<typeof InviteStaffSchema>

/** An admin turns a colleague's sign-in off or back on. */
export function staffAccessSchema(locale: Locale = 'en') {
  const t = translator(adminStaffMessages, locale)
  return z.object({ access: z.enum(['off', 'on'], { error: t('chooseAccess') }) })
}
export const StaffAccessSchema = staffAccessSchema()

/** The invitation link's token: 32 random bytes in base64url. */
export function invitationTokenSchema(locale: Locale = 'en') {
  const message = translator(authMessages, locale)('linkIncomplete')
  return z.string({ error: message }).regex(/^[A-Za-z0-9_-]{43}$/, { error: message })
}
export const InvitationTokenSchema = invitationTokenSchema()

function passwordFields(locale: Locale) {
  const t = translator(authMessages, locale)
  return z.object({
    password: z
      .string({ error: t('choosePassword') })
      .min(STAFF_PASSWORD_MIN_LENGTH, {
        error: t('passwordTooShort', { min: STAFF_PASSWORD_MIN_LENGTH }),
      })
      .max(PASSWORD_MAX_LENGTH, { error: t('passwordTooLongMax', { max: PASSWORD_MAX_LENGTH }) }),
    confirmPassword: z.string({ error: t('typeAgainRequired') }),
  })
}

function samePasswordTwice(locale: Locale) {
  return {
    path: ['confirmPassword'],
    error: translator(authMessages, locale)('passwordsDiffer'),
  }
}

/**
 * A new staff password (security goal A2): at least 15 characters, no composition rules, never
 * truncated; typed twice. The browser checks the two fields; the server also reads the link's
 * token from its hidden field.
 */
export function setPasswordFormSchema(locale: Locale = 'en') {
  return passwordFields(locale).refine(
    (value) => value.password === value.confirmPassword,
    samePasswordTwice(locale),
  )
}
export const SetPasswordFormSchema = setPasswordFormSchema()
export function setPasswordSchema(locale: Locale = 'en') {
  return passwordFields(locale)
    .extend({ token: invitationTokenSchema(locale) })
    .refine((value) => value.password === value.confirmPassword, samePasswordTwice(locale))
}
export const SetPasswordSchema = setPasswordSchema()
