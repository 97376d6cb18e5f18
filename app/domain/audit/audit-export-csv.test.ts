import { describe, expect, test } from 'vitest'
import { auditExportCsv } from './audit-export-csv.ts'
import type { AuditExportRow } from './audit-export.server.ts'

const ROW: AuditExportRow = {
  seq: 41,
  occurredAt: new Date('2026-07-01T08:05:09Z'),
  actorType: 'staff',
  actorId: 'u-1',
  actorName: 'Nicolò "Nico" Conti, RN',
  actorEmail: 'nico@dermadesk.example',
  actorRoles: ['clinician', 'admin'],
  action: 'screening.viewed',
  subjectType: 'booking',
  subjectId: 'b-1',
  patientId: 'p-1',
  requestId: 'req-1',
  ipAddress: '203.0.113.9',
}
const WINDOW = { from: '2026-07-01', to: '2026-07-02' }

describe('the audit export as a spreadsheet', () => {
  test('a byte-order mark, a header in the reader’s language, a row per entry in CRLF lines', () => {
    const csv = auditExportCsv({
      rows: [ROW],
      window: WINDOW,
      timeZone: 'Europe/Rome',
      locale: 'it',
    })
    expect(csv.filename).toBe('dermadesk-audit-2026-07-01-to-2026-07-02.csv')
    expect(csv.body.startsWith('\uFEFF')).toBe(true)
    const lines = csv.body.slice(1).split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    // The clinic's local time beside UTC (Rome is UTC+2 in July); quotes and commas escaped.
    expect(lines[1]).toContain('2026-07-01T08:05:09.000Z')
    expect(lines[1]).toContain('10:05:09')
    expect(lines[1]).toContain('"Nicolò ""Nico"" Conti, RN"')
    expect(lines[1]).toContain('clinician admin')
  })

  test('the action’s name stands beside its code, and an unknown code gets an empty name', () => {
    const known = auditExportCsv({ rows: [ROW], window: WINDOW, timeZone: 'UTC', locale: 'en' })
    const unknown = auditExportCsv({
      rows: [{ ...ROW, action: 'no.such_code' }],
      window: WINDOW,
      timeZone: 'UTC',
      locale: 'en',
    })
    const cells = (body: string) => body.slice(1).split('\r\n')[1]!.split(',')
    const knownCells = cells(known.body)
    expect(knownCells).toContain('screening.viewed')
    expect(knownCells[knownCells.indexOf('screening.viewed') + 1]).not.toBe('')
    const unknownCells = cells(unknown.body)
    expect(unknownCells[unknownCells.indexOf('no.such_code') + 1]).toBe('')
  })
})
