import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import { type FormEvent, useEffect, useRef } from 'react'
import { type FieldValues, useForm } from 'react-hook-form'
import type * as z from 'zod'
import { type FormErrors } from '#app/utils/forms.ts'

/**
 * One form, one zod schema, validated in the browser (react-hook-form) and again by the action.
 * Without JavaScript the form posts natively and the server's messages come back on the page.
 */
export function useSchemaForm(
  schema: z.ZodType<FieldValues, FieldValues>,
  serverErrors: FormErrors | undefined,
  {
    secretFields = ['password'],
    defaultValues,
  }: {
    secretFields?: string[]
    /**
     * What the fields start with. Needed for checkbox groups: without it react-hook-form reads
     * the first checkbox alone and, if that one is ticked, ticks them all.
     */
    defaultValues?: FieldValues
  } = {},
) {
  const submit = useSubmit()
  const formRef = useRef<HTMLFormElement>(null)
  const form = useForm({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    shouldFocusError: true,
    defaultValues,
  })

  // After the server rejects a submit: the submitted values become the new baseline (so its
  // messages show until the person edits a field), secret fields it did not send back are
  // emptied (a page rendered without JavaScript starts empty anyway), and focus moves to the
  // first complaint.
  useEffect(() => {
    if (!serverErrors) return
    form.reset(form.getValues(), { keepValues: true })
    for (const name of secretFields) form.setValue(name, '')
    const firstInvalid = formRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [role="alert"]',
    )
    firstInvalid?.focus()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run once per server answer
  }, [serverErrors])

  const { errors: clientErrors, dirtyFields } = form.formState

  /** The message to show beside a field: the browser's own check first, then the server's. */
  function fieldError(name: string): string | undefined {
    const client = clientErrors[name]?.message
    if (typeof client === 'string') return client
    if ((dirtyFields as Record<string, unknown>)[name]) return undefined
    return serverErrors?.fieldErrors[name]?.[0]
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    void form.handleSubmit(() => submit(submitter ?? formElement))(event)
  }

  const firstServerErrorField = serverErrors ? Object.keys(serverErrors.fieldErrors)[0] : undefined

  return {
    form,
    formRef,
    onSubmit,
    fieldError,
    register: form.register,
    /** The value the server sent back, for pages rendered without JavaScript. */
    defaultValue: (name: string) => {
      const value = serverErrors?.values[name]
      return typeof value === 'string' ? value : undefined
    },
    shouldAutoFocus: (name: string) => name === firstServerErrorField,
  }
}
