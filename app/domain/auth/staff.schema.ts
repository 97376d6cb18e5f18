import * as z from 'zod'
import { emailSchema, personNameSchema } from '#app/domain/shared/fields.schema.ts'
import { adminTranslator } from '#app/i18n/admin-text.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { adminStaffMessages } from '#app/i18n/messages/index.ts'
import { PASSWORD_MAX_LENGTH, STAFF_PASSWORD_MIN_LENGTH, STAFF_ROLES } from './auth.schema.ts'

/** How long an invitation link works (docs/decisions/027-safe-by-default.md). */
export const INVITATION_VALID_HOURS = 72

/** An admin invites a colleague: the roles the new account gets, and where the link goes. */
export function inviteStaffSchema(locale: Locale = 'en') {
  const chooseRole = adminTranslator(adminStaffMessages, locale)('chooseRole')
  return z.object({
    name: personNameSchema(locale),
    email: emailSchema(locale),
    roles: z
      .union([z.enum(STAFF_ROLES), z.array(z.enum(STAFF_ROLES))], { error: chooseRole })
      .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
      .pipe(z.array(z.enum(STAFF_ROLES)).min(1, { error: chooseRole })),
  })
}
export const InviteStaffSchema = inviteStaffSchema()
export type InviteStaff = z.infer<typeof InviteStaffSchema>

/** The invitation link's token: 32 random bytes in base64url. */
export const InvitationTokenSchema = z
  .string({ error: 'This link is not complete.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This link is not complete.' })

const samePasswordTwice = {
  path: ['confirmPassword'],
  error: 'The two passwords are not the same.',
}

const PasswordFields = z.object({
  password: z
    .string({ error: 'Choose a password.' })
    .min(STAFF_PASSWORD_MIN_LENGTH, {
      error: `Use at least ${STAFF_PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`,
    })
    .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` }),
  confirmPassword: z.string({ error: 'Type the password again.' }),
})

/**
 * A new staff password (security goal A2): at least 15 characters, no composition rules, never
 * truncated; typed twice. The browser checks the two fields; the server also reads the link's
 * token from its hidden field.
 */
export const SetPasswordFormSchema = PasswordFields.refine(
  (value) => value.password === value.confirmPassword,
  samePasswordTwice,
)
export const SetPasswordSchema = PasswordFields.extend({ token: InvitationTokenSchema }).refine(
  (value) => value.password === value.confirmPassword,
  samePasswordTwice,
)
