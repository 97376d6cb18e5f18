import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { auditEvents, users } from '#db/schema/index.ts'
import { AUDIT_PAGE_SIZE, type AuditActor, AuditFilterSchema } from './audit.schema.ts'
import { listAuditEvents, verifyAuditChainForAdmin } from './audit-browse.server.ts'
import { recordAuditEvent } from './audit.server.ts'

const ADMIN_EMAIL = 'elena.greco@dermadesk.example'
let admin: AuditActor

function filters(query: Record<string, string>) {
  return AuditFilterSchema.parse(query)
}

function list(query: Record<string, string> = {}) {
  return listAuditEvents({ filters: filters(query), actor: admin })
}

function record(
  action: string,
  at: string,
  extra: Partial<Parameters<typeof recordAuditEvent>[1]> = {},
) {
  recordAuditEvent(getDb(), {
    action,
    actor: { type: 'system' },
    at: new Date(at),
    ...extra,
  })
}

beforeEach(() => {
  const id = getDb().select({ id: users.id }).from(users).where(eq(users.email, ADMIN_EMAIL)).get()!
    .id
  admin = { type: 'staff', id, ipAddress: '203.0.113.5', requestId: 'req-audit' }
})

describe('browsing the audit log', () => {
  test('newest first, with who acted named for staff', () => {
    record('auth.sign_in.succeeded', '2026-11-20T08:00:00Z', {
      actor: { type: 'staff', id: admin.id, ipAddress: '198.51.100.1' },
    })
    record('booking.viewed', '2026-11-20T09:00:00Z', {
      subjectType: 'booking',
      subjectId: 'b-1',
      patientId: 'p-1',
      details: { via: 'test' },
    })
    const page = list()
    expect(page.entries.map((e) => e.action).slice(0, 2)).toEqual([
      'booking.viewed',
      'auth.sign_in.succeeded',
    ])
    expect(page.entries[1]).toMatchObject({
      actorName: 'Elena Greco',
      actorEmail: ADMIN_EMAIL,
      ipAddress: '198.51.100.1',
    })
    expect(page.entries[0]).toMatchObject({ subjectType: 'booking', patientId: 'p-1' })
    expect(page.subjectTypes).toContain('booking')
  })

  test('filters: action prefix, who (email or id), patient, record, dates in the clinic zone', () => {
    record('auth.sign_in.failed', '2026-11-20T08:00:00Z')
    record('auth.mfa.failed', '2026-11-20T08:01:00Z', { actor: { type: 'staff', id: admin.id } })
    record('authz.other', '2026-11-20T08:02:00Z')
    record('booking.viewed', '2026-11-20T08:03:00Z', {
      subjectType: 'booking',
      subjectId: 'b-7',
      patientId: 'p-7',
    })
    // 23:30 on 21 November in Rome (UTC+1), and 00:30 on 22 November.
    record('late.evening', '2026-11-21T22:30:00Z')
    record('after.midnight', '2026-11-21T23:30:00Z')

    const actions = (query: Record<string, string>) => list(query).entries.map((e) => e.action)
    expect(actions({ action: 'auth.' })).toEqual(['auth.mfa.failed', 'auth.sign_in.failed'])
    expect(actions({ action: 'auth.sign_in' })).toEqual(['auth.sign_in.failed'])
    // (Each look at the log is an entry by the admin too: audit.viewed.)
    for (const actor of [ADMIN_EMAIL.toUpperCase(), admin.id!]) {
      const byAdmin = list({ actor }).entries
      expect(byAdmin.every((e) => e.actorId === admin.id)).toBe(true)
      expect(byAdmin.map((e) => e.action)).toContain('auth.mfa.failed')
      expect(byAdmin.map((e) => e.action)).not.toContain('auth.sign_in.failed')
    }
    expect(list({ actor: 'nobody@dermadesk.example' })).toMatchObject({
      entries: [],
      unknownActorEmail: true,
    })
    expect(actions({ patient: 'p-7' })).toEqual(['booking.viewed'])
    expect(actions({ subjectType: 'booking', subjectId: 'b-7' })).toEqual(['booking.viewed'])
    expect(actions({ from: '2026-11-21', to: '2026-11-21' })).toEqual(['late.evening'])
    expect(actions({ from: '2026-11-22' })).toEqual(expect.arrayContaining(['after.midnight']))
    expect(actions({ from: '2026-11-22' })).not.toContain('late.evening')
  })

  test('a bad filter is refused with a message, not run', () => {
    expect(AuditFilterSchema.safeParse({ from: '2026-11-22', to: '2026-11-21' }).success).toBe(
      false,
    )
    expect(AuditFilterSchema.safeParse({ action: "x' OR 1=1" }).success).toBe(false)
    expect(AuditFilterSchema.safeParse({ from: '2026-02-30' }).success).toBe(false)
    // Junk cursors read as "no cursor".
    expect(AuditFilterSchema.parse({ before: 'abc' }).before).toBeUndefined()
  })

  test('pages of 50 by sequence number, older and back to newer, with nothing skipped', () => {
    for (let i = 0; i < 120; i++)
      record('bulk.event', new Date(Date.UTC(2026, 10, 20, 8, 0, i)).toISOString())
    const seen: number[] = []
    let page = list({ action: 'bulk.' })
    expect(page.newerAfter).toBeNull()
    const pages = [page]
    while (page.olderBefore !== null) {
      seen.push(...page.entries.map((e) => e.seq))
      page = list({ action: 'bulk.', before: String(page.olderBefore) })
      pages.push(page)
    }
    seen.push(...page.entries.map((e) => e.seq))
    expect(pages.map((p) => p.entries.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 20])
    expect(seen).toHaveLength(120)
    expect(seen).toEqual([...seen].sort((a, b) => b - a))
    // "Newer" from the last page gives back the middle page exactly.
    const back = list({ action: 'bulk.', after: String(page.newerAfter) })
    expect(back.entries.map((e) => e.seq)).toEqual(pages[1]!.entries.map((e) => e.seq))
    expect(back.olderBefore).not.toBeNull()
    expect(back.newerAfter).not.toBeNull()
  })

  test('looking at the log is itself audited, naming the patient looked up', () => {
    list({ patient: 'p-42', action: 'booking.' })
    const view = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'audit.viewed'))
      .all()
    expect(view).toHaveLength(1)
    expect(view[0]).toMatchObject({ actorType: 'staff', actorId: admin.id, patientId: 'p-42' })
    expect(JSON.parse(view[0]!.details)).toEqual({
      filters: { patient: 'p-42', action: 'booking.' },
      rows: 0,
    })
  })
})

describe('verifying the chain from the admin page', () => {
  test('an intact chain reports its size and head; the check is audited', () => {
    record('one', '2026-11-20T08:00:00Z')
    record('two', '2026-11-20T08:01:00Z')
    const check = verifyAuditChainForAdmin({ actor: admin })
    expect(check).toMatchObject({ ok: true })
    if (!check.ok) return
    const last = getDb().select().from(auditEvents).all().at(-2)!
    expect(check.head).toBe(last.hash)
    const audit = getDb().select().from(auditEvents).all().at(-1)!
    expect(audit.action).toBe('audit.chain_verified')
    expect(JSON.parse(audit.details)).toMatchObject({ ok: true, rows: check.rows })
  })

  test('an altered entry is reported by its sequence number', () => {
    record('one', '2026-11-20T08:00:00Z')
    record('two', '2026-11-20T08:01:00Z')
    record('three', '2026-11-20T08:02:00Z')
    const sqlite = getDb().$client
    const target = sqlite.prepare("SELECT seq FROM audit_events WHERE action = 'two'").get() as {
      seq: number
    }
    sqlite.exec('DROP TRIGGER audit_events_no_update')
    sqlite.prepare("UPDATE audit_events SET action = 'changed' WHERE seq = ?").run(target.seq)
    expect(verifyAuditChainForAdmin({ actor: admin })).toMatchObject({
      ok: false,
      firstBadSeq: target.seq,
      reason: 'altered row',
    })
  })
})
