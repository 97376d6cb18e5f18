import { describe, expect, test } from 'vitest'
import * as z from 'zod'
import { formDataToValues, parseForm } from './forms.server.ts'

function post(fields: [string, string][]) {
  const body = new URLSearchParams(fields)
  return new Request('http://localhost/x', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
}

describe('form parsing', () => {
  test('repeated fields become arrays; __proto__ is an ordinary key', () => {
    const form = new FormData()
    form.append('service', 'a')
    form.append('service', 'b')
    form.append('__proto__', 'x')
    const values = formDataToValues(form)
    expect(values.service).toEqual(['a', 'b'])
    expect(Object.getPrototypeOf(values)).toBe(null)
    expect(values['__proto__']).toBe('x')
  })

  test('a field named like an Object method (toString, constructor, __proto__) gets its error, not a 500', async () => {
    // Found by tests/fuzz: the consent check accepts any answer field, so "toString" reached here.
    const schema = z.object({}).catchall(z.enum(['0', '1'], { error: 'Choose an answer.' }))
    const parsed = await parseForm(
      post([
        ['toString', 'x'],
        ['constructor', 'x'],
        ['hasOwnProperty', 'x'],
        ['__proto__', 'x'],
      ]),
      schema,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors.fieldErrors.toString).toEqual(['Choose an answer.'])
    expect(parsed.errors.fieldErrors.constructor).toEqual(['Choose an answer.'])
    expect(parsed.errors.fieldErrors.hasOwnProperty).toEqual(['Choose an answer.'])
  })

  test('unknown fields are dropped (no mass assignment) and secrets are never echoed', async () => {
    const schema = z.object({
      email: z.string().min(3, { error: 'Too short.' }),
      password: z.string(),
    })
    const ok = await parseForm(
      post([
        ['email', 'abc'],
        ['password', 'pw'],
        ['status', 'confirmed'],
      ]),
      schema,
    )
    expect(ok).toMatchObject({ ok: true, data: { email: 'abc', password: 'pw' } })
    expect(ok.ok && 'status' in ok.data).toBe(false)

    const bad = await parseForm(
      post([
        ['email', 'a'],
        ['password', 'secret-value'],
      ]),
      schema,
    )
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.errors.fieldErrors.email).toEqual(['Too short.'])
    expect(bad.errors.values).toEqual({ email: 'a' })
  })

  test('a body that is not a form is a form error, not a crash', async () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      body: '{',
      headers: { 'Content-Type': 'application/json' },
    })
    const result = await parseForm(request, z.object({}))
    expect(result.ok).toBe(false)
  })
})
