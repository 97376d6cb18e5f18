import { describe, expect, test } from 'vitest'
import { patientDetailsSchema, verificationCodeSchema } from './booking.schema.ts'

/** The first message for each field that is wrong (the one shown beside it), by field name. */
function messagesOf(result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) {
  const messages: Record<string, string> = {}
  for (const issue of result.error?.issues ?? []) messages[issue.path.join('.')] ??= issue.message
  return messages
}

const valid = {
  fullName: 'Giulia Romano',
  email: 'giulia@example.com',
  phone: '333 123 4567',
  dateOfBirth: '1990-04-25',
}

describe('the details step in Italian', () => {
  const italian = patientDetailsSchema('IT', 'it')

  test('a missing name and a bad phone get Italian messages', () => {
    expect(messagesOf(italian.safeParse({ ...valid, fullName: '', phone: '12' }))).toEqual({
      fullName: 'Scrivi il tuo nome e cognome.',
      phone: 'Scrivi un numero che possiamo chiamare, per esempio 333 123 4567 o +39 02 1234 5678.',
    })
  })

  test('every field, empty, says what to write', () => {
    expect(messagesOf(italian.safeParse({}))).toEqual({
      fullName: 'Scrivi il tuo nome e cognome.',
      email: 'Scrivi il tuo indirizzo email.',
      phone: 'Scrivi il tuo numero di telefono.',
      dateOfBirth: 'Scrivi la tua data di nascita.',
    })
  })

  test('a bad email and a date of birth in the future', () => {
    expect(
      messagesOf(italian.safeParse({ ...valid, email: 'giulia@', dateOfBirth: '2999-01-01' })),
    ).toEqual({
      email: 'Scrivi un indirizzo email come nome@esempio.it.',
      dateOfBirth: 'La data di nascita deve essere nel passato.',
    })
  })

  test('without a clinic country the number needs its country code', () => {
    expect(messagesOf(patientDetailsSchema(undefined, 'it').safeParse({ ...valid }))).toEqual({
      phone: 'Scrivi il tuo numero con il prefisso del paese, per esempio +39 333 123 4567.',
    })
  })

  test('the email code', () => {
    expect(messagesOf(verificationCodeSchema('it').safeParse({ code: '12a' }))).toEqual({
      code: 'Scrivi il codice di 6 cifre che trovi nell’email.',
    })
  })
})

describe('the details step in English (the default)', () => {
  test('says the same as before', () => {
    expect(
      messagesOf(patientDetailsSchema('IT').safeParse({ ...valid, fullName: '', phone: '12' })),
    ).toEqual({
      fullName: 'Enter your full name.',
      phone: 'Enter a phone number we can call, for example 333 123 4567 or +39 02 1234 5678.',
    })
    expect(messagesOf(verificationCodeSchema().safeParse({}))).toEqual({
      code: 'Enter the 6-digit code from the email.',
    })
  })

  test('accepts valid details, the phone in E.164', () => {
    expect(patientDetailsSchema('IT', 'it').parse(valid).phone).toBe('+393331234567')
  })
})
