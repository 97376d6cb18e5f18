import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { getDb } from '#db/client.server.ts'
import { clinicSettings } from '#db/schema/index.ts'

/**
 * The clinic's retention period for clinical records (ADR 051): how many years after the last
 * visit signed consents and treatment records are kept, whatever an erasure request asks.
 * Audited `clinic.record_retention_updated` with the old and new values.
 */
export function setRecordRetentionYears(input: {
  years: number
  actor: AuditActor
  now: Date
}): void {
  getDb().transaction(
    (tx) => {
      const before = tx
        .select({ years: clinicSettings.clinicalRecordRetentionYears })
        .from(clinicSettings)
        .where(eq(clinicSettings.id, 'clinic'))
        .get()
      tx.update(clinicSettings)
        .set({ clinicalRecordRetentionYears: input.years, updatedAt: input.now })
        .where(eq(clinicSettings.id, 'clinic'))
        .run()
      recordAuditEvent(tx, {
        action: 'clinic.record_retention_updated',
        actor: input.actor,
        subjectType: 'clinic_settings',
        subjectId: 'clinic',
        details: { from: before?.years ?? null, to: input.years },
        at: input.now,
      })
    },
    { behavior: 'immediate' },
  )
}
