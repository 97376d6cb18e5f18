import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { getDb } from '#db/client.server.ts'
import { users } from '#db/schema/index.ts'

export type StaffProfile = { name: string; email: string; locale: Locale | null }

/** What the profile page shows: the staff member's name, email and chosen language. */
export function getStaffProfile(userId: string): StaffProfile | null {
  return (
    getDb()
      .select({ name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? null
  )
}

/**
 * Saves the language a staff member reads their pages and emails in, audited like other changes
 * to a staff account. Choosing the language already saved changes nothing and is not recorded.
 */
export function setStaffLocale(input: {
  userId: string
  locale: Locale
  actor: AuditActor
  now?: Date
}): { changed: boolean } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const current = tx
        .select({ locale: users.locale })
        .from(users)
        .where(eq(users.id, input.userId))
        .get()
      if (!current || current.locale === input.locale) return { changed: false }
      tx.update(users).set({ locale: input.locale }).where(eq(users.id, input.userId)).run()
      recordAuditEvent(tx, {
        action: 'auth.profile.language_changed',
        actor: input.actor,
        subjectType: 'user',
        subjectId: input.userId,
        details: { from: current.locale, to: input.locale },
        at: input.now,
      })
      return { changed: true }
    },
    { behavior: 'immediate' },
  )
}
