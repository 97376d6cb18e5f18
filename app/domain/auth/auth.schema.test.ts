import { describe, expect, test } from 'vitest'
import { signInSchema, SignInSchema } from './auth.schema.ts'
import {
  invitationTokenSchema,
  setPasswordFormSchema,
  SetPasswordFormSchema,
} from './staff.schema.ts'
import {
  currentPasswordFormSchema,
  CurrentPasswordFormSchema,
  recoveryCodeFormSchema,
  RecoveryCodeFormSchema,
  totpCodeFormSchema,
  TotpCodeFormSchema,
} from './mfa.schema.ts'

function firstMessage(result: { error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message
}

describe('the sign-in and two-step schemas speak the page’s language', () => {
  test('English stays as it was', () => {
    expect(firstMessage(SignInSchema.safeParse({ email: 'nurse@example.com', password: '' }))).toBe(
      'Enter your password.',
    )
    expect(firstMessage(TotpCodeFormSchema.safeParse({ code: '12' }))).toBe(
      'Enter the 6-digit code from your authenticator app.',
    )
    expect(firstMessage(RecoveryCodeFormSchema.safeParse({ recoveryCode: 'x' }))).toBe(
      'Enter a recovery code like 7KQ4-M2XD-9PFA.',
    )
    expect(firstMessage(CurrentPasswordFormSchema.safeParse({ password: '' }))).toBe(
      'Enter your current password.',
    )
  })

  test('Italian with locale it', () => {
    expect(
      firstMessage(signInSchema('it').safeParse({ email: 'nurse@example.com', password: '' })),
    ).toBe('Inserisci la password.')
    expect(firstMessage(totpCodeFormSchema('it').safeParse({ code: '12' }))).toBe(
      'Inserisci il codice di 6 cifre dell’app di autenticazione.',
    )
    expect(firstMessage(recoveryCodeFormSchema('it').safeParse({ recoveryCode: 'x' }))).toBe(
      'Inserisci un codice di recupero come 7KQ4-M2XD-9PFA.',
    )
    expect(firstMessage(currentPasswordFormSchema('it').safeParse({ password: '' }))).toBe(
      'Inserisci la password attuale.',
    )
  })
})

describe('setting a password from an invitation speaks the page’s language', () => {
  test('English stays as it was; Italian with locale it', () => {
    const mismatch = { password: 'a kettle of lukewarm tea', confirmPassword: 'a kettle of' }
    expect(firstMessage(SetPasswordFormSchema.safeParse(mismatch))).toBe(
      'The two passwords are not the same.',
    )
    expect(firstMessage(setPasswordFormSchema('it').safeParse(mismatch))).toBe(
      'Le due password non sono uguali.',
    )
    const short = { password: 'short', confirmPassword: 'short' }
    expect(firstMessage(SetPasswordFormSchema.safeParse(short))).toBe(
      'Use at least 15 characters. A few unrelated words make a strong one.',
    )
    expect(firstMessage(setPasswordFormSchema('it').safeParse(short))).toBe(
      'Usa almeno 15 caratteri. Alcune parole senza legame tra loro fanno una password forte.',
    )
    expect(firstMessage(invitationTokenSchema('it').safeParse('abc'))).toBe(
      'Questo link non è completo.',
    )
  })
})
