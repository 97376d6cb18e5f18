import { describe, expect, test } from 'vitest'
import { findBookingSchema, manageLinkSchema, verificationCodeSchema } from './booking.schema.ts'

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
