import { and, asc, eq, gte, lt } from 'drizzle-orm'
import { STAFF_ROLES, type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { addDays, instantAt } from '#app/domain/shared/calendar.rules.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, userRoles, users } from '#db/schema/index.ts'
import { type AuditExportWindow } from './audit-export.schema.ts'
import { type AuditActor } from './audit.schema.ts'
import { recordAuditEvent } from './audit.server.ts'

/**
 * The audit entries of a time window, for a breach assessment (issue 19 item 6,
 * docs/breach-response.md): who did what to which record, when and from where. Ids and names
 * only, never the details JSON. The export is itself audited ('audit.exported', with the window
 * and the row count), in the same transaction as the read, so the file and its record agree.
 */

export type AuditExportRow = {
  seq: number
  occurredAt: Date
  actorType: string
  actorId: string | null
  actorName: string | null
  actorEmail: string | null
  actorRoles: StaffRole[]
  action: string
  subjectType: string | null
  subjectId: string | null
  patientId: string | null
  requestId: string | null
  ipAddress: string | null
}

export function exportAuditWindow(input: { window: AuditExportWindow; actor: AuditActor }): {
  rows: AuditExportRow[]
  timeZone: string
} {
  const { timeZone } = getClinicSettings()
  const start = new Date(instantAt(input.window.from, 0, timeZone))
  const end = new Date(instantAt(addDays(input.window.to, 1), 0, timeZone))
  return getDb().transaction(
    (tx) => {
      const entries = tx
        .select({
          seq: auditEvents.seq,
          occurredAt: auditEvents.occurredAt,
          actorType: auditEvents.actorType,
          actorId: auditEvents.actorId,
          actorName: users.name,
          actorEmail: users.email,
          action: auditEvents.action,
          subjectType: auditEvents.subjectType,
          subjectId: auditEvents.subjectId,
          patientId: auditEvents.patientId,
          requestId: auditEvents.requestId,
          ipAddress: auditEvents.ipAddress,
        })
        .from(auditEvents)
        .leftJoin(users, and(eq(auditEvents.actorType, 'staff'), eq(users.id, auditEvents.actorId)))
        .where(and(gte(auditEvents.occurredAt, start), lt(auditEvents.occurredAt, end)))
        .orderBy(asc(auditEvents.seq))
        .all()
      const roles = new Map<string, StaffRole[]>()
      for (const row of tx.select().from(userRoles).all())
        roles.set(row.userId, [...(roles.get(row.userId) ?? []), row.role])
      const rows = entries.map((entry) => ({
        ...entry,
        actorRoles:
          entry.actorType === 'staff' && entry.actorId
            ? STAFF_ROLES.filter((role) => roles.get(entry.actorId!)?.includes(role))
            : [],
      }))
      recordAuditEvent(tx, {
        action: 'audit.exported',
        actor: input.actor,
        details: { from: input.window.from, to: input.window.to, rows: rows.length },
      })
      return { rows, timeZone }
    },
    { behavior: 'immediate' },
  )
}
