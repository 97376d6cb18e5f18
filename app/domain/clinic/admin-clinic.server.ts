import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { clinicClosures, clinicSettings } from '#db/schema/index.ts'
import { type ClinicDetails, type Policies, type StrandedAnswer } from './admin.schema.ts'
import {
  auditActorOf,
  changedFields,
  clinicToday,
  type GuardedResult,
  runGuardedChange,
  type StaffActor,
} from './stranding.server.ts'

/** Admin use cases for the whole clinic: closures and booking policies. */

export type ClosureFailure =
  | { ok: false; reason: 'date-in-past' }
  | { ok: false; reason: 'duplicate-date'; existingReason: string }

/** Closes the clinic on a date from today on; every booking that day is stranded. */
export function addClosure(
  input: { date: string; reason: string; answer: StrandedAnswer },
  actor: StaffActor,
  now = new Date(),
): GuardedResult<ClosureFailure> {
  return runGuardedChange<ClosureFailure>({
    actor,
    now,
    answer: input.answer,
    scope: 'all',
    apply: (tx) => {
      if (input.date < clinicToday(tx, now)) return { ok: false, reason: 'date-in-past' }
      const existing = tx
        .select()
        .from(clinicClosures)
        .where(eq(clinicClosures.date, input.date))
        .get()
      if (existing) return { ok: false, reason: 'duplicate-date', existingReason: existing.reason }
      const { id } = tx
        .insert(clinicClosures)
        .values({ date: input.date, reason: input.reason, createdAt: now })
        .returning({ id: clinicClosures.id })
        .get()
      return {
        ok: true,
        audit: {
          action: 'admin.closure.added',
          subjectType: 'clinic_closure',
          subjectId: id,
          details: { date: input.date, reason: input.reason },
        },
      }
    },
  })
}

/** Reopens a closed date. Opening more time never strands a booking. */
export function removeClosure(
  closureId: string,
  actor: StaffActor,
  now = new Date(),
): { ok: true } | { ok: false; reason: 'not-found' } {
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(clinicClosures).where(eq(clinicClosures.id, closureId)).get()
      if (!row) return { ok: false as const, reason: 'not-found' as const }
      tx.delete(clinicClosures).where(eq(clinicClosures.id, closureId)).run()
      recordAuditEvent(tx, {
        action: 'admin.closure.removed',
        actor: auditActorOf(actor),
        subjectType: 'clinic_closure',
        subjectId: closureId,
        details: { date: row.date, reason: row.reason },
        at: now,
      })
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Booking policies. A new time zone reinterprets every wall-clock rule (hours, exceptions,
 * closures) while booked instants stay put, so it affects every future booking.
 */
export function updatePolicies(
  input: Policies & { answer: StrandedAnswer },
  actor: StaffActor,
  now = new Date(),
): GuardedResult<never> {
  const { answer, ...policies } = input
  return runGuardedChange<never>({
    actor,
    now,
    answer,
    scope: 'all',
    apply: (tx) => {
      const current = tx.select().from(clinicSettings).where(eq(clinicSettings.id, 'clinic')).get()
      if (!current) throw new Error('The clinic has no settings row')
      tx.update(clinicSettings)
        .set({ ...policies, updatedAt: now })
        .where(eq(clinicSettings.id, 'clinic'))
        .run()
      return {
        ok: true,
        audit: {
          action: 'admin.policies.updated',
          subjectType: 'clinic_settings',
          subjectId: 'clinic',
          details: { changes: changedFields(current, policies) },
        },
      }
    },
  })
}

/** The clinic's name, address, phone and email, as patients read them. Audited. */
export function updateClinicDetails(
  input: ClinicDetails,
  actor: StaffActor,
  now = new Date(),
): { ok: true } {
  return getDb().transaction(
    (tx) => {
      const current = tx.select().from(clinicSettings).where(eq(clinicSettings.id, 'clinic')).get()
      if (!current) throw new Error('The clinic has no settings row')
      tx.update(clinicSettings)
        .set({ ...input, updatedAt: now })
        .where(eq(clinicSettings.id, 'clinic'))
        .run()
      recordAuditEvent(tx, {
        action: 'admin.clinic_details.updated',
        actor: auditActorOf(actor),
        subjectType: 'clinic_settings',
        subjectId: 'clinic',
        details: { changes: changedFields(current, input) },
        at: now,
      })
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
