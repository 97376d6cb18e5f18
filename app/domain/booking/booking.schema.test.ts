import { describe, expect, test } from 'vitest'
import {
  findBookingSchema,
  manageLinkSchema,
  patientDetailsSchema,
  verificationCodeSchema,
} from './booking.schema.ts'

/** The first message a schema gives for an input, or null when the input is fine. */
function problem(
  schema: { safeParse: (input: unknown) => { error?: { issues: { message: string }[] } } },
  input: unknown,
) {
  return schema.safeParse(input).error?.issues[0]?.message ?? null
}

describe('finding a booking, in the page’s language', () => {
  test('English keeps today’s words', () => {
    const schema = findBookingSchema()
    expect(problem(schema, { email: 'a@example.com' })).toBe('Enter your booking reference.')
    expect(problem(schema, { reference: 'DD-12', email: 'a@example.com' })).toBe(
      'Enter the reference from your email, like DD-7K4Q2M.',
    )
    expect(problem(schema, { reference: 'DD-7K4Q2M', email: '' })).toBe('Enter your email address.')
    expect(problem(schema, { reference: 'DD-7K4Q2M', email: 'nope' })).toBe(
      'Enter an email address like name@example.com.',
    )
    expect(
      problem(schema, { reference: 'DD-7K4Q2M', email: `${'a'.repeat(250)}@example.com` }),
    ).toBe('That email address is too long.')
  })

  test('Italian says the same in Italian', () => {
    const schema = findBookingSchema('it')
    expect(problem(schema, { email: 'a@example.com' })).toBe('Scrivi il codice della prenotazione.')
    expect(problem(schema, { reference: 'DD-12', email: 'a@example.com' })).toBe(
      'Scrivi il codice che trovi nell’email, per esempio DD-7K4Q2M.',
    )
    expect(problem(schema, { reference: 'DD-7K4Q2M', email: '' })).toBe(
      'Scrivi il tuo indirizzo email.',
    )
    expect(problem(schema, { reference: 'DD-7K4Q2M', email: 'nope' })).toBe(
      'Scrivi un indirizzo email come nome@esempio.it.',
    )
    expect(
      problem(schema, { reference: 'DD-7K4Q2M', email: `${'a'.repeat(250)}@example.com` }),
    ).toBe('Questo indirizzo email è troppo lungo.')
  })

  test('both languages read the same input the same way', () => {
    const input = { reference: ' dd-7k4q2m ', email: ' Ada@Example.com ' }
    const expected = { reference: 'DD-7K4Q2M', email: 'ada@example.com' }
    expect(findBookingSchema('en').parse(input)).toEqual(expected)
    expect(findBookingSchema('it').parse(input)).toEqual(expected)
  })
})

describe('the emailed code and link, in the page’s language', () => {
  test('a code that is not 6 digits', () => {
    expect(problem(verificationCodeSchema(), { code: '12a' })).toBe(
      'Enter the 6-digit code from the email.',
    )
    expect(problem(verificationCodeSchema('it'), { code: '12a' })).toBe(
      'Scrivi il codice di 6 cifre che trovi nell’email.',
    )
    expect(problem(verificationCodeSchema('it'), {})).toBe(
      'Scrivi il codice di 6 cifre che trovi nell’email.',
    )
    expect(verificationCodeSchema('it').parse({ code: ' 123456 ' })).toEqual({ code: '123456' })
  })

  test('a link whose token is cut short', () => {
    expect(problem(manageLinkSchema(), { token: 'short' })).toBe(
      'This link is not complete. Please open it from your email again.',
    )
    expect(problem(manageLinkSchema('it'), { token: 'short' })).toBe(
      'Questo link non è completo. Aprilo di nuovo dalla tua email.',
    )
    expect(problem(manageLinkSchema('it'), { token: 'a'.repeat(43) })).toBeNull()
  })
})

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
