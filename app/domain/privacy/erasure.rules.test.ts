import { describe, expect, test } from 'vitest'
import {
  erasedEmail,
  type PatientDataSummary,
  planErasure,
  retainedUntil,
} from './erasure.rules.ts'
import {
  privacyDecisionSchema,
  privacyRequestSchema,
  recordRetentionSchema,
} from './privacy-requests.schema.ts'
import { isOverdue, newRequestRefusal, queueOrder, requestDueAt } from './privacy-requests.rules.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const none = {
  bookings: 1,
  completedVisits: 0,
  consents: 0,
  treatmentRecords: 0,
  photos: 0,
  screeningSubmissions: 0,
  drafts: 0,
  waitlistEntries: 0,
  emailCodes: 0,
  sessions: 0,
  emails: 0,
}
const summary = (over: Partial<PatientDataSummary> = {}): PatientDataSummary => ({
  erasedAt: null,
  legalHoldReason: null,
  restrictedAt: null,
  lastClinicalAt: null,
  counts: none,
  ...over,
})

describe('erasure plan', () => {
  test('a patient who never came: granted, contact details removed', () => {
    const plan = planErasure(summary({ counts: { ...none, screeningSubmissions: 1 } }), NOW, 10)
    expect(plan.outcome).toBe('granted')
    if (plan.outcome !== 'granted') return
    expect(plan.removes).toContain('contactDetails')
    expect(plan.keeps).toEqual(['bookings', 'screeningAnswers', 'requests', 'auditLog'])
  })

  test('a treated patient inside the retention period: partly granted, kept until the end of it', () => {
    const lastClinicalAt = new Date('2024-03-01T10:00:00Z')
    const plan = planErasure(
      summary({ lastClinicalAt, counts: { ...none, consents: 1, treatmentRecords: 1 } }),
      NOW,
      10,
    )
    expect(plan).toMatchObject({
      outcome: 'partly_granted',
      keepUntil: new Date('2034-03-01T10:00:00Z'),
    })
    if (plan.outcome === 'partly_granted') expect(plan.removes).not.toContain('contactDetails')
  })

  test('a treated patient past the retention period: granted, the clinical record stays unnamed', () => {
    const plan = planErasure(
      summary({ lastClinicalAt: new Date('2010-01-01'), counts: { ...none, consents: 1 } }),
      NOW,
      10,
    )
    expect(plan.outcome).toBe('granted')
  })

  test('a legal hold or an earlier erasure: refused', () => {
    expect(planErasure(summary({ legalHoldReason: 'Claim' }), NOW, 10)).toEqual({
      outcome: 'refused',
      reason: 'legal-hold',
    })
    expect(planErasure(summary({ erasedAt: NOW }), NOW, 10)).toEqual({
      outcome: 'refused',
      reason: 'already-erased',
    })
  })

  test('helpers: retention end and the placeholder address', () => {
    expect(retainedUntil(new Date('2026-02-28T00:00:00Z'), 5)).toEqual(
      new Date('2031-02-28T00:00:00Z'),
    )
    expect(erasedEmail('ABC')).toBe('erased-abc@erased.invalid')
  })
})

describe('privacy request rules', () => {
  test('due one calendar month later, the last day when the month is shorter', () => {
    expect(requestDueAt(new Date('2026-01-31T09:00:00Z'))).toEqual(new Date('2026-02-28T09:00:00Z'))
    expect(requestDueAt(new Date('2026-12-15T09:00:00Z'))).toEqual(new Date('2027-01-15T09:00:00Z'))
    expect(isOverdue({ status: 'open', dueAt: new Date('2026-11-24') }, NOW)).toBe(true)
    expect(isOverdue({ status: 'granted', dueAt: new Date('2026-11-24') }, NOW)).toBe(false)
  })

  test('one open request per kind; no erasure after one was granted', () => {
    expect(newRequestRefusal('erasure', [{ kind: 'erasure', status: 'open' }])).toBe('already-open')
    expect(newRequestRefusal('erasure', [{ kind: 'erasure', status: 'partly_granted' }])).toBe(
      'already-erased',
    )
    expect(newRequestRefusal('erasure', [{ kind: 'erasure', status: 'refused' }])).toBeNull()
    expect(newRequestRefusal('correction', [{ kind: 'erasure', status: 'open' }])).toBeNull()
  })

  test('the queue: open first by due date, then decided', () => {
    const rows = [
      { id: 'd', status: 'granted' as const, dueAt: new Date(1), decidedAt: new Date(5) },
      { id: 'b', status: 'open' as const, dueAt: new Date(20), decidedAt: null },
      { id: 'a', status: 'open' as const, dueAt: new Date(10), decidedAt: null },
    ]
    expect(queueOrder(rows).map((r) => r.id)).toEqual(['a', 'b', 'd'])
  })
})

describe('privacy forms', () => {
  test('a correction needs its details; the retention period is 5 to 30 whole years', () => {
    expect(privacyRequestSchema().safeParse({ kind: 'erasure', details: '' }).success).toBe(true)
    expect(privacyRequestSchema().safeParse({ kind: 'correction', details: '' }).success).toBe(
      false,
    )
    expect(privacyRequestSchema().safeParse({ kind: 'delete', details: '' }).success).toBe(false)
    expect(privacyDecisionSchema().safeParse({ decision: 'grant', reason: '' }).success).toBe(false)
    expect(recordRetentionSchema().safeParse({ years: '4' }).success).toBe(false)
    expect(recordRetentionSchema().safeParse({ years: '12.5' }).success).toBe(false)
    expect(recordRetentionSchema().safeParse({ years: '12' }).data).toEqual({ years: 12 })
  })
})
