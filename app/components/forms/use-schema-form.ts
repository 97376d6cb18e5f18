import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import {
  type FormEvent,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useRef,
  useState,
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
    errorSummary = false,
  }: {
    secretFields?: string[]
    /**
     * What the fields start with. Needed for checkbox groups: without it react-hook-form reads
     * the first checkbox alone and, if that one is ticked, ticks them all.
     */
    defaultValues?: FieldValues
    /**
     * The form shows an ErrorSummary: its controls get ids from their names to link to. Off by
     * default, because a page with several forms of the same fields would repeat ids.
     */
    errorSummary?: boolean
  } = {},
) {
  const submit = useSubmit()
  const formRef = useRef<HTMLFormElement>(null)
  const form = useForm({
    resolver: zodResolver(schema),
    // Checked on submit, then again as each answer changes (the GOV.UK advice). Checking on
    // leaving a field put a message above the button just as it was clicked: the button moved
    // and the click missed it.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // With an error summary the focus goes to it (it links to each field); otherwise to the
    // first field with a problem.
    shouldFocusError: !errorSummary,
    defaultValues,
  })
  // Bumped by a submit the browser refused, so the summary takes the focus each time.
  const [refusedSubmits, setRefusedSubmits] = useState(0)

  // After the server rejects a submit: the submitted values become the new baseline (so its
  // messages show until the person edits a field), secret fields it did not send back are
  // emptied (a page rendered without JavaScript starts empty anyway), and focus moves to the
  // first complaint.
  useEffect(() => {
    if (!serverErrors) return
    form.reset(form.getValues(), { keepValues: true })
    for (const name of secretFields) form.setValue(name, '')
    focusFirstProblem(formRef.current)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run once per server answer
  }, [serverErrors])
  useEffect(() => {
    if (errorSummary && refusedSubmits > 0) focusFirstProblem(formRef.current)
  }, [errorSummary, refusedSubmits])

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
    void form.handleSubmit(
      () => submit(submitter ?? formElement),
      () => setRefusedSubmits((n) => n + 1),
    )(event)
  }

  /** The id a control gets in a form with an error summary (nothing otherwise). */
  function anchor(name: string): { id?: string } {
    return errorSummary ? { id: fieldAnchorId(name) } : {}
  }

  /**
   * Every message on the form, in the schema's order (the order of the page), each with the id
   * of its field to link to: what the error summary lists.
   */
  function problems(): FieldProblem[] {
    // Only after a submit: while someone fills the form, messages stay beside the fields.
    if (refusedSubmits === 0 && !serverErrors) return []
    const names = new Set([
      ...Object.keys(clientErrors),
      ...Object.keys(serverErrors?.fieldErrors ?? {}),
    ])
    const list: FieldProblem[] = []
    for (const name of names) {
      const message = fieldError(name)
      if (message) list.push({ name, message, fieldId: fieldAnchorId(name) })
    }
    return list
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
      ...anchor(name),
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
      inputProps: { ...form.register(name), ...anchor(name), ...props },
    }),
    /** A group of radios or checkboxes sharing one name (ChoiceGroup): its first option's id. */
    choices: (name: string) => ({
      error: fieldError(name),
      inputProps: form.register(name),
      anchorId: anchor(name).id,
    }),
  }

  return {
    form,
    formRef,
    onSubmit,
    /** Spread on the <Form>: posts natively without JavaScript, validates first with it. */
    formProps: { method: 'post', noValidate: true, ref: formRef, onSubmit } as const,
    fields,
    fieldError,
    problems,
    register: form.register,
    defaultValue,
    shouldAutoFocus,
  }
}

/** A control's own attributes: the name comes from the field, the starting value is text. */
type ControlProps<T> = Omit<T, 'name' | 'defaultValue'> & { defaultValue?: string }

export type FieldProblem = { name: string; message: string; fieldId: string }

/** The id of a field's control (the first option of a group): what the error summary links to. */
export function fieldAnchorId(name: string): string {
  return `field-${name}`
}

/** After a refused submit: the error summary if the form has one, else the first problem. */
function focusFirstProblem(form: HTMLFormElement | null) {
  const target =
    form?.querySelector<HTMLElement>('.error-summary') ??
    form?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')
  target?.focus()
}
