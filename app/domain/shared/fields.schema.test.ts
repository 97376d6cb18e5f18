import { describe, expect, test } from 'vitest'
import { EmailSchema, IsoDateSchema, PersonNameSchema, PhoneSchema } from './fields.schema.ts'

function messageOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : result.error?.issues[0]?.message
}

describe('shared field schemas', () => {
  test('email is trimmed and stored lower-case', () => {
    expect(EmailSchema.parse('  Giulia.Romano@Example.COM ')).toBe('giulia.romano@example.com')
  })

  test('email problems get human messages', () => {
    expect(messageOf(EmailSchema.safeParse(''))).toBe('Enter your email address.')
    expect(messageOf(EmailSchema.safeParse('giulia@'))).toBe(
      'Enter an email address like name@example.com.',
    )
    expect(messageOf(EmailSchema.safeParse(undefined))).toBe('Enter your email address.')
  })

  test('names accept accents, apostrophes and hyphens', () => {
    expect(PersonNameSchema.parse("  Anne-Marie O'Neil ")).toBe("Anne-Marie O'Neil")
    expect(PersonNameSchema.parse('Zoë Ñúñez')).toBe('Zoë Ñúñez')
    expect(messageOf(PersonNameSchema.safeParse('<script>'))).toBe(
      'Use letters, spaces, apostrophes and hyphens only.',
    )
  })

  test('phone numbers lose their punctuation', () => {
    expect(PhoneSchema.parse('+39 (02) 1234-5678')).toBe('+390212345678')
    expect(messageOf(PhoneSchema.safeParse('12'))).toMatch(/6 to 15 digits/)
  })

  test('dates must exist on the calendar', () => {
    expect(IsoDateSchema.parse('2024-02-29')).toBe('2024-02-29')
    expect(messageOf(IsoDateSchema.safeParse('2023-02-29'))).toBe('That date does not exist.')
    expect(messageOf(IsoDateSchema.safeParse('29/02/2024'))).toBe('Enter a date like 1990-04-25.')
  })
})

describe('checkboxes', () => {
  test('a missing key inside an object means not ticked', async () => {
    const { z } = await import('zod')
    const { CheckboxSchema } = await import('./fields.schema.ts')
    const form = z.object({ agree: CheckboxSchema })
    expect(form.parse({})).toEqual({ agree: false })
    expect(form.parse({ agree: 'on' })).toEqual({ agree: true })
  })
})
