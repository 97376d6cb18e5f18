import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import {
  type FormEvent,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useRef,
} from 'react'
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

  /** The value the server sent back, for pages rendered without JavaScript. */
  function defaultValue(name: string): string | undefined {
    const value = serverErrors?.values[name]
    return typeof value === 'string' ? value : undefined
  }

  function shouldAutoFocus(name: string): boolean {
    return name === firstServerErrorField
  }

  /**
   * One field's control: react-hook-form's registration, the caller's attributes, and what it
   * shows. A `defaultValue` given here is what the field starts with; after a rejected post it
   * shows what was posted instead, and the first field with a complaint takes the focus.
   */
  function control<P extends { defaultValue?: string }>(name: string, props?: P) {
    return {
      ...form.register(name),
      ...props,
      defaultValue: defaultValue(name) ?? props?.defaultValue,
      autoFocus: shouldAutoFocus(name),
    }
  }

  /**
   * Everything a Field, TextareaField or SelectField needs for a field name, to spread on it:
   * `<Field label="Email" {...fields.input('email', { type: 'email' })} />`.
   */
  const fields = {
    input: (name: string, props?: ControlProps<InputHTMLAttributes<HTMLInputElement>>) => ({
      error: fieldError(name),
      inputProps: control(name, props),
    }),
    textarea: (
      name: string,
      props?: ControlProps<TextareaHTMLAttributes<HTMLTextAreaElement>>,
    ) => ({
      error: fieldError(name),
      textareaProps: control(name, props),
    }),
    select: (name: string, props?: ControlProps<SelectHTMLAttributes<HTMLSelectElement>>) => ({
      error: fieldError(name),
      selectProps: control(name, props),
    }),
    /** A single checkbox (CheckboxField): checked state is the caller's, as it has no text value. */
    checkbox: (name: string, props?: InputHTMLAttributes<HTMLInputElement>) => ({
      error: fieldError(name),
      inputProps: { ...form.register(name), ...props },
    }),
    /** A group of radios or checkboxes sharing one name (ChoiceGroup). */
    choices: (name: string) => ({ error: fieldError(name), inputProps: form.register(name) }),
  }

  return {
    form,
    formRef,
    onSubmit,
    /** Spread on the <Form>: posts natively without JavaScript, validates first with it. */
    formProps: { method: 'post', noValidate: true, ref: formRef, onSubmit } as const,
    fields,
    fieldError,
    register: form.register,
    defaultValue,
    shouldAutoFocus,
  }
}

/** A control's own attributes: the name comes from the field, the starting value is text. */
type ControlProps<T> = Omit<T, 'name' | 'defaultValue'> & { defaultValue?: string }
