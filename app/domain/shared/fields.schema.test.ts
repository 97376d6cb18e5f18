import { describe, expect, test } from 'vitest'
import { EmailSchema, IsoDateSchema, PersonNameSchema, phoneSchema } from './fields.schema.ts'

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

  test('phone numbers are stored in E.164; a number without a code is the clinic country’s', () => {
    const italian = phoneSchema('IT')
    expect(italian.parse('+39 (02) 1234-5678')).toBe('+390212345678')
    expect(italian.parse('333 123 4567')).toBe('+393331234567')
    expect(italian.parse('0039 333 1234567')).toBe('+393331234567')
    expect(italian.parse('+44 20 7946 0958')).toBe('+442079460958')
    expect(messageOf(italian.safeParse('12'))).toBe(
      'Enter a phone number we can call, for example 333 123 4567 or +39 02 1234 5678.',
    )
    expect(messageOf(italian.safeParse(''))).toBe('Enter your phone number.')
    // Before the clinic has a number of its own, patients give the country code.
    const anywhere = phoneSchema(undefined)
    expect(anywhere.parse('+39 333 123 4567')).toBe('+393331234567')
    expect(messageOf(anywhere.safeParse('333 123 4567'))).toBe(
      'Enter your phone number with its country code, for example +39 333 123 4567.',
    )
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
