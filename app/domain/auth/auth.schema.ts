import * as z from 'zod'
import { EmailSchema } from '#app/domain/shared/fields.schema.ts'

/** Staff roles. One person may hold both (docs/decisions/009-roles-and-permissions.md). */
export const STAFF_ROLES = ['clinician', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Staff passwords: at least 15 characters, no composition rules, no truncation (security goal A2). */
export const STAFF_PASSWORD_MIN_LENGTH = 15
export const PASSWORD_MAX_LENGTH = 256

export const SignInSchema = z.object({
  email: EmailSchema,
  // At sign-in we only check presence: telling people the policy here would leak nothing
  // useful and would reject old passwords that predate a policy change.
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(PASSWORD_MAX_LENGTH, { error: 'That password is too long.' }),
  redirectTo: z.string().optional(),
})
export type SignIn = z.infer<typeof SignInSchema>
