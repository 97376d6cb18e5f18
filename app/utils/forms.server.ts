import { data } from '@remix-run/node'
import type * as z from 'zod'
import { type FormErrors } from './forms.ts'

/** Fields whose values are never sent back to the browser after a failed submit. */
const SECRET_FIELDS = new Set([
  'password',
  'newPassword',
  'confirmPassword',
  'code',
  'recoveryCode',
  'signature',
  'token',
])

/**
 * Reads a form post into plain values: one string per field, an array when a field repeats
 * (checkbox groups). Files are not accepted anywhere in the app.
 */
export function formDataToValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string') continue
    const existing = values[key]
    if (existing === undefined) values[key] = value
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return values
}

export type ParsedForm<T> =
  | { ok: true; data: T; values: Record<string, string | string[]> }
  | { ok: false; errors: FormErrors }

/**
 * Parses a request's form body with the same zod schema the browser used. Unknown fields are
 * dropped by the schema, so a tampered extra field (status=confirmed) never reaches the domain.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<ParsedForm<z.output<S>>> {
  let values: Record<string, string | string[]>
  try {
    values = formDataToValues(await request.formData())
  } catch {
    return {
      ok: false,
      errors: {
        fieldErrors: {},
        formErrors: ['We could not read that form. Please try again.'],
        values: {},
      },
    }
  }
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data, values }
  return { ok: false, errors: toFormErrors(result.error, values) }
}

export function toFormErrors(
  error: z.ZodError,
  values: Record<string, string | string[]>,
): FormErrors {
  // No prototype: a field named "toString" or "__proto__" is a key like any other (found by the
  // action fuzz, tests/fuzz/actions.fuzz.server.test.ts).
  const fieldErrors: Record<string, string[]> = Object.create(null)
  const formErrors: string[] = []
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.')
    if (!key) formErrors.push(issue.message)
    else (fieldErrors[key] ??= []).push(issue.message)
  }
  return { fieldErrors, formErrors, values: visibleValues(values) }
}

function visibleValues(values: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)))
}

/** A 4xx answer that re-renders the form with its messages (Post/Redirect/Get on success). */
export function formError(
  errors: Partial<FormErrors> & { values?: Record<string, string | string[]> },
  status = 400,
  headers?: HeadersInit,
) {
  return data(
    {
      fieldErrors: errors.fieldErrors ?? {},
      formErrors: errors.formErrors ?? [],
      values: visibleValues(errors.values ?? {}),
    } satisfies FormErrors,
    { status, headers },
  )
}

/** The headers of a 429: when to try again, plus any others (a new session cookie). */
export function retryAfter(
  seconds: number,
  headers?: Record<string, string>,
): Record<string, string> {
  return { ...headers, 'Retry-After': String(Math.max(1, Math.ceil(seconds))) }
}
