import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents } from '#db/schema/index.ts'
import { OUTBOX_PAGE_SIZE } from './email.schema.ts'
import {
  getOutboxCalendarForAdmin,
  getOutboxEmailForAdmin,
  listOutboxEmails,
} from './outbox-admin.server.ts'
import { enqueueEmail } from './outbox.server.ts'

const actor = { type: 'staff' as const, id: 'admin-1', ipAddress: '127.0.0.1', requestId: 'r1' }

afterEach(() => {
  delete process.env.SMTP_URL
  resetEnvCache()
})

function enqueueAt(n: number, at: Date, calendar = false) {
  enqueueEmail(
    getDb(),
    {
      dedupeKey: `admin:${n}`,
      to: `p${n}@example.com`,
      subject: `Subject ${n}`,
      text: `Dear Patient ${n}`,
      calendar: calendar ? { filename: 'appointment.ics', content: 'BEGIN:VCALENDAR' } : undefined,
    },
    at,
  )
}

function auditActions() {
  return getDb()
    .select({ action: auditEvents.action, subjectType: auditEvents.subjectType })
    .from(auditEvents)
    .all()
}

describe('the sent emails list', () => {
  test('newest first, in pages, with the clinic zone and the mail server state', () => {
    const start = Date.UTC(2026, 10, 1)
    const total = OUTBOX_PAGE_SIZE + 3
    for (let n = 1; n <= total; n++) enqueueAt(n, new Date(start + n * 60_000))

    const first = listOutboxEmails({ page: 1 })
    expect(first).toMatchObject({
      page: 1,
      pageCount: 2,
      total,
      timeZone: 'Europe/Rome',
      mailServerConfigured: false,
    })
    expect(first.emails).toHaveLength(OUTBOX_PAGE_SIZE)
    expect(first.emails[0]!.subject).toBe(`Subject ${total}`)
    const second = listOutboxEmails({ page: 2 })
    expect(second.emails.map((e) => e.subject)).toEqual(['Subject 3', 'Subject 2', 'Subject 1'])
    expect(listOutboxEmails({ page: 9 }).emails).toEqual([])

    process.env.SMTP_URL = 'smtp://127.0.0.1:2525'
    resetEnvCache()
    expect(listOutboxEmails({ page: 1 }).mailServerConfigured).toBe(true)
    // Listing shows no message content, so it is not audited.
    expect(auditActions()).toEqual([])
  })
})

describe('reading one email', () => {
  test('returns the message and records who read it', () => {
    enqueueAt(1, new Date(), true)
    const id = listOutboxEmails({ page: 1 }).emails[0]!.id
    const found = getOutboxEmailForAdmin({ emailId: id, actor })
    expect(found?.email).toMatchObject({
      textBody: 'Dear Patient 1',
      icsFilename: 'appointment.ics',
    })
    expect(found?.from).toBe('Dermadesk Clinic <no-reply@dermadesk.local>')

    const calendar = getOutboxCalendarForAdmin({ emailId: id, actor })
    expect(calendar).toEqual({ content: 'BEGIN:VCALENDAR', filename: 'appointment.ics' })

    expect(auditActions()).toEqual([
      { action: 'email.viewed', subjectType: 'email' },
      { action: 'email.viewed', subjectType: 'email' },
    ])
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: true, rows: 2 })
  })

  test('an unknown email, or one without a calendar file, is null and not audited', () => {
    enqueueAt(1, new Date())
    const id = listOutboxEmails({ page: 1 }).emails[0]!.id
    expect(getOutboxEmailForAdmin({ emailId: randomUUID(), actor })).toBeNull()
    expect(getOutboxCalendarForAdmin({ emailId: id, actor })).toBeNull()
    expect(auditActions()).toEqual([])
  })
})
