import { describe, expect, test } from 'vitest'
import { auditExportSchema } from './audit-export.schema.ts'

const messages = (input: Record<string, string>, locale: 'en' | 'it' = 'en') => {
  const parsed = auditExportSchema(locale).safeParse(input)
  return parsed.success
    ? null
    : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('the audit export window', () => {
  test('31 days, both ends included, is accepted', () => {
    expect(messages({ from: '2026-11-01', to: '2026-12-01' })).toBeNull()
    expect(messages({ from: '2026-11-01', to: '2026-11-01' })).toBeNull()
  })

  test('32 days is refused beside the last day', () => {
    expect(messages({ from: '2026-11-01', to: '2026-12-02' })).toEqual({
      to: 'Choose at most 31 days. Export longer periods in parts.',
    })
  })

  test('an end before the start, missing and unreal dates each get a message', () => {
    expect(messages({ from: '2026-11-10', to: '2026-11-09' })).toEqual({
      to: 'The last day must be on or after the first day.',
    })
    expect(messages({ from: '', to: '' })).toEqual({
      from: 'Enter the first day.',
      to: 'Enter the last day.',
    })
    expect(messages({ from: '2026-02-30', to: '2026-03-01' })?.from).toBeTruthy()
  })

  test('the messages are in the page’s language', () => {
    expect(messages({ from: '', to: '2026-11-01' }, 'it')).toEqual({
      from: 'Inserisci il primo giorno.',
    })
  })
})
