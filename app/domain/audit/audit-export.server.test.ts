import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, users } from '#db/schema/index.ts'
import { auditExportSchema } from './audit-export.schema.ts'
import { exportAuditWindow } from './audit-export.server.ts'
import { type AuditActor } from './audit.schema.ts'
import { recordAuditEvent, verifyAuditChain } from './audit.server.ts'

const userId = (email: string) =>
  getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id

function record(action: string, at: string, actor: AuditActor, patientId?: string) {
  recordAuditEvent(getDb(), {
    action,
    actor,
    at: new Date(at),
    patientId,
    subjectType: 'booking',
    subjectId: 'b-1',
  })
}

describe('exporting a window of the audit log', () => {
  test('the entries of the window, both days included in the clinic’s zone, with who and their roles', () => {
    const clinician = userId('marco.bianchi@dermadesk.example')
    const admin: AuditActor = {
      type: 'staff',
      id: userId('elena.greco@dermadesk.example'),
      ipAddress: '203.0.113.5',
      requestId: 'req-export',
    }
    const staff = {
      type: 'staff' as const,
      id: clinician,
      ipAddress: '198.51.100.7',
      requestId: 'r-1',
    }
    // Rome is UTC+1 in November: 2026-11-09T23:30Z is already the 10th in the clinic.
    record('visit.viewed', '2026-11-09T22:30:00Z', staff, 'p-before')
    record('visit.viewed', '2026-11-09T23:30:00Z', staff, 'p-first')
    record('screening.viewed', '2026-11-11T22:59:00Z', staff, 'p-last')
    record('visit.viewed', '2026-11-11T23:00:00Z', staff, 'p-after')

    const window = auditExportSchema().parse({ from: '2026-11-10', to: '2026-11-11' })
    const { rows, timeZone } = exportAuditWindow({ window, actor: admin })
    expect(timeZone).toBe('Europe/Rome')
    expect(rows.map((row) => row.patientId)).toEqual(['p-first', 'p-last'])
    expect(rows[0]).toMatchObject({
      actorType: 'staff',
      actorId: clinician,
      actorName: 'Marco Bianchi',
      actorEmail: 'marco.bianchi@dermadesk.example',
      actorRoles: ['clinician'],
      action: 'visit.viewed',
      subjectType: 'booking',
      subjectId: 'b-1',
      requestId: 'r-1',
      ipAddress: '198.51.100.7',
    })

    // The export is itself on the chain, with its window and row count.
    const last = getDb().select().from(auditEvents).orderBy(auditEvents.seq).all().at(-1)!
    expect(last).toMatchObject({
      action: 'audit.exported',
      actorId: admin.id,
      requestId: 'req-export',
    })
    expect(JSON.parse(last.details)).toEqual({ from: '2026-11-10', to: '2026-11-11', rows: 2 })
    expect(verifyAuditChain(getDb()).ok).toBe(true)
  })
})
