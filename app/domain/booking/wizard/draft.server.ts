import { and, eq, sql } from 'drizzle-orm'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookingDrafts, bookings, services } from '#db/schema/index.ts'
import { changeBookingStatus } from '../booking-state.server.ts'
import { firstIncompleteStep } from './steps.ts'

/**
 * The patient booking wizard (docs/decisions/029-booking-modules.md): a draft per patient session
 * holds the chosen treatment, the held slot and the details typed so far, until the last step
 * turns the hold into a booking. Every write that occupies time runs in a synchronous BEGIN
 * IMMEDIATE transaction, and the database's overlap triggers refuse a double booking whatever
 * happens above them. This module has the draft and the rows it points at; each step has its own.
 */

export type DraftRow = typeof bookingDrafts.$inferSelect

const draftQuery = preparedStatement((db) =>
  db
    .select()
    .from(bookingDrafts)
    .where(eq(bookingDrafts.sessionTokenHash, sql.placeholder('sessionTokenHash')))
    .prepare(),
)

export function getDraftRow(db: Tx | Db, sessionTokenHash: string): DraftRow | undefined {
  return draftQuery(db).get({ sessionTokenHash })
}

/** What other areas may read of a session's draft: who is booking, and the time it holds. */
export type WizardDraft = Pick<
  DraftRow,
  'heldBookingId' | 'completedBookingId' | 'fullName' | 'email' | 'phone' | 'dateOfBirth'
>

/** The session's draft as consent signing reads it, in the caller's transaction. */
export function getWizardDraft(db: Tx | Db, sessionTokenHash: string): WizardDraft | undefined {
  return getDraftRow(db, sessionTokenHash)
}

// Read on every hold (the draft's current hold) and at its end (the consent part of the
// progress): prepared once per connection (docs/decisions/025-request-cost.md).
const bookingByIdQuery = preparedStatement((db) =>
  db
    .select()
    .from(bookings)
    .where(eq(bookings.id, sql.placeholder('id')))
    .prepare(),
)

export function getBookingRow(db: Tx | Db, id: string) {
  return bookingByIdQuery(db).get({ id })
}

// The service, read whole, by holdSlot and finalizeIfReady.
const serviceByIdQuery = preparedStatement((db) =>
  db
    .select()
    .from(services)
    .where(eq(services.id, sql.placeholder('id')))
    .prepare(),
)

export function getServiceRow(db: Tx | Db, id: string) {
  return serviceByIdQuery(db).get({ id })
}

/**
 * Starts (or restarts) the wizard with a treatment; a previous hold of this session is let go.
 * The draft records the language of the page it was started on: the email code and, through the
 * booking, every later email speak it.
 */
export function startBookingDraft(input: {
  session: PatientSession
  serviceId: string
  now: Date
  locale?: Locale
}): { ok: true; next: string } | { ok: false; reason: 'unknown-service' } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const service = tx
        .select({ id: services.id, kind: services.kind })
        .from(services)
        .where(and(eq(services.id, input.serviceId), eq(services.isActive, true)))
        .get()
      if (!service) return { ok: false as const, reason: 'unknown-service' as const }
      const existing = getDraftRow(tx, input.session.tokenHash)
      if (existing) {
        releaseHold(tx, existing, input.now)
        tx.delete(bookingDrafts).where(eq(bookingDrafts.id, existing.id)).run()
      }
      tx.insert(bookingDrafts)
        .values({
          sessionTokenHash: input.session.tokenHash,
          serviceId: service.id,
          locale: input.locale ?? 'en',
          createdAt: input.now,
        })
        .run()
      const needsScreening = service.kind === 'treatment'
      const next = firstIncompleteStep({
        hasService: true,
        needsScreening,
        screeningDone: !needsScreening,
        hasHold: false,
        hasDetails: false,
        emailVerified: false,
        needsConsent: service.kind === 'treatment',
        hasConsent: false,
        isBooked: false,
      })
      return { ok: true as const, next: next.path }
    },
    { behavior: 'immediate' },
  )
}

/** Lets go of the draft's hold (the patient chose another time, or may no longer book it). */
export function releaseHold(tx: Tx, draft: DraftRow, now: Date): void {
  if (!draft.heldBookingId) return
  const held = getBookingRow(tx, draft.heldBookingId)
  if (held?.status === 'held') {
    changeBookingStatus(tx, {
      booking: held,
      to: 'expired',
      actor: { type: 'patient' },
      action: 'hold_released',
      at: now,
    })
  }
}
