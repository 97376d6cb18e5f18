import { describe, expect, test } from 'vitest'
import { InviteStaffSchema, SetPasswordFormSchema, SetPasswordSchema } from './staff.schema.ts'

const TOKEN = 'a'.repeat(43)

describe('a new staff password', () => {
  test('needs 15 characters, typed twice the same', () => {
    const short = SetPasswordSchema.safeParse({
      token: TOKEN,
      password: 'fourteen chars',
      confirmPassword: 'fourteen chars',
    })
    expect(short.success).toBe(false)
    const mismatch = SetPasswordFormSchema.safeParse({
      password: 'a kettle of lukewarm tea',
      confirmPassword: 'a kettle of lukewarm te',
    })
    expect(mismatch.error?.issues[0]).toMatchObject({
      path: ['confirmPassword'],
      message: 'The two passwords are not the same.',
    })
  })

  test('is kept whole: no trimming, no truncation, any characters, up to 256', () => {
    const password = `  ${'ä'.repeat(120)} 🔑 ${'x'.repeat(100)}  `
    const parsed = SetPasswordSchema.parse({ token: TOKEN, password, confirmPassword: password })
    expect(parsed.password).toBe(password)
    expect(
      SetPasswordSchema.safeParse({
        token: TOKEN,
        password: 'x'.repeat(257),
        confirmPassword: 'x'.repeat(257),
      }).success,
    ).toBe(false)
  })

  test('the server also needs the link token', () => {
    const value = {
      password: 'a kettle of lukewarm tea',
      confirmPassword: 'a kettle of lukewarm tea',
    }
    expect(SetPasswordFormSchema.safeParse(value).success).toBe(true)
    expect(SetPasswordSchema.safeParse(value).success).toBe(false)
    expect(SetPasswordSchema.safeParse({ ...value, token: 'short' }).success).toBe(false)
  })
})

describe('an invitation', () => {
  test('is written in Italian or English, as the admin chooses (the clinic’s language when not said)', () => {
    const base = { name: 'Laura Ricci', email: 'laura@example.com', roles: 'clinician' }
    expect(InviteStaffSchema.parse({ ...base, locale: 'it' }).locale).toBe('it')
    expect(InviteStaffSchema.parse(base).locale).toBeUndefined()
    expect(InviteStaffSchema.safeParse({ ...base, locale: 'de' }).success).toBe(false)
  })

  test('takes one role or several, never none and never one that does not exist', () => {
    const base = { name: 'Laura Ricci', email: 'Laura.Ricci@Example.com' }
    expect(InviteStaffSchema.parse({ ...base, roles: 'admin' })).toEqual({
      name: 'Laura Ricci',
      email: 'laura.ricci@example.com',
      roles: ['admin'],
    })
    expect(
      InviteStaffSchema.parse({ ...base, roles: ['clinician', 'admin', 'admin'] }).roles,
    ).toEqual(['clinician', 'admin'])
    for (const roles of [[], undefined, false, 'owner', ['admin', 'owner']])
      expect(InviteStaffSchema.safeParse({ ...base, roles }).success, JSON.stringify(roles)).toBe(
        false,
      )
  })
})
