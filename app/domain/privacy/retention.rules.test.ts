import { describe, expect, test } from 'vitest'
import {
  parseRunCounts,
  RETENTION_JOBS,
  retentionRules,
  retentionCutoff,
} from './retention.rules.ts'

const NOW = new Date('2026-11-25T08:00:00Z')

describe('retention rules', () => {
  test('each job’s cutoff is its period before now', () => {
    expect(retentionCutoff('drafts', NOW).toISOString()).toBe('2026-11-18T08:00:00.000Z')
    expect(retentionCutoff('unverified_patients', NOW).toISOString()).toBe(
      '2026-10-26T08:00:00.000Z',
    )
    expect(retentionCutoff('email_codes', NOW).toISOString()).toBe('2026-11-24T08:00:00.000Z')
    expect(retentionCutoff('outbox_bodies', NOW).toISOString()).toBe('2026-08-27T08:00:00.000Z')
  })

  test('the page lists every job and the clinical records, which no job touches', () => {
    const rules = retentionRules(12)
    expect(rules.map((rule) => rule.key)).toEqual([...RETENTION_JOBS, 'clinical_records'])
    expect(rules.find((rule) => rule.key === 'clinical_records')).toEqual({
      key: 'clinical_records',
      years: 12,
      job: null,
    })
  })

  test('run counts: whole non-negative numbers only, anything else is nothing', () => {
    expect(parseRunCounts('{"drafts":3,"holds":0}')).toEqual({ drafts: 3, holds: 0 })
    expect(parseRunCounts('{"drafts":-1,"name":"Ada","x":1.5}')).toEqual({})
    expect(parseRunCounts('[1]')).toEqual({})
    expect(parseRunCounts('not json')).toEqual({})
  })
})
