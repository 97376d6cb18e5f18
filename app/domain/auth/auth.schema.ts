import * as z from 'zod'
import { translator } from '#app/i18n/catalogue.ts'
import { emailSchema } from '#app/domain/shared/fields.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { authMessages } from '#app/i18n/messages/index.ts'

/**
 * Staff roles. One person may hold several (docs/decisions/009-roles-and-permissions.md).
 * Reception runs the front desk and never sees health details (docs/decisions/041).
 */
export const STAFF_ROLES = ['clinician', 'admin', 'reception'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/**
 * The roles that may open clinical pages (health answers, screening findings, consent text,
 * treatment records): the clinician's. Reception and admin-only staff may not.
 */
export const CLINICAL_ROLES = ['clinician'] as const satisfies readonly StaffRole[]

/** Whether these roles may see health details (else they get the reception view). */
export function seesHealthDetails(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => (CLINICAL_ROLES as readonly StaffRole[]).includes(role))
}

/** Staff passwords: at least 15 characters, no composition rules, no truncation (security goal A2). */
export const STAFF_PASSWORD_MIN_LENGTH = 15
export const PASSWORD_MAX_LENGTH = 256

export function signInSchema(locale: Locale = 'en') {
  const t = translator(authMessages, locale)
  return z.object({
    email: emailSchema(locale),
    // At sign-in we only check presence: telling people the policy here would leak nothing
    // useful and would reject old passwords that predate a policy change.
    password: z
      .string({ error: t('passwordRequired') })
      .min(1, { error: t('passwordRequired') })
      .max(PASSWORD_MAX_LENGTH, { error: t('passwordTooLong') }),
    redirectTo: z.string().optional(),
  })
}
export const SignInSchema = signInSchema()
export type SignIn = z.infer<typeof SignInSchema>
