/**
 * What an action returns when a form does not validate: the messages per field, the messages for
 * the whole form, and the values to put back (never secrets such as passwords).
 */
export type FormErrors = {
  fieldErrors: Record<string, string[] | undefined>
  formErrors: string[]
  values: Record<string, string | string[]>
}

export function isFormErrors(value: unknown): value is FormErrors {
  return Boolean(
    value && typeof value === 'object' && 'fieldErrors' in value && 'formErrors' in value,
  )
}
