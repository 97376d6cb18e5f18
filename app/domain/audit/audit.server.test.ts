import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { recordAuditEvent, verifyAuditChain } from './audit.server.ts'

function recordSome(count: number) {
  const db = getDb()
  for (let i = 0; i < count; i++) {
    recordAuditEvent(db, {
      action: 'test.event',
      actor: { type: 'staff', id: `user-${i}`, ipAddress: '127.0.0.1', requestId: `r${i}` },
      subjectType: 'booking',
      subjectId: `b${i}`,
      details: { n: i },
    })
  }
}

describe('audit log', () => {
  test('the chain verifies on a clean log', () => {
    recordSome(5)
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: true, rows: 5 })
  })

  test('UPDATE and DELETE are refused by the database (goal E3)', () => {
    recordSome(1)
    const sqlite = getDb().$client
    expect(() => sqlite.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(
      /append-only/,
    )
    expect(() => sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/)
  })

  test('with the triggers dropped, tampering is found at the first bad row', () => {
    recordSome(6)
    const sqlite = getDb().$client
    sqlite.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;')

    sqlite.prepare('UPDATE audit_events SET details = \'{"n":99}\' WHERE seq = 3').run()
    expect(verifyAuditChain(getDb())).toEqual({ ok: false, firstBadSeq: 3, reason: 'altered row' })
  })

  test('a deleted row breaks the chain where it was', () => {
    recordSome(6)
    const sqlite = getDb().$client
    sqlite.exec('DROP TRIGGER audit_events_no_delete;')
    sqlite.prepare('DELETE FROM audit_events WHERE seq = 4').run()
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: false, firstBadSeq: 4 })
  })
})
