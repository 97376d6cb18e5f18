import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react'

type Described = { hint?: ReactNode; error?: string }

function describedBy(ids: (string | false | undefined)[]) {
  const joined = ids.filter(Boolean).join(' ')
  return joined || undefined
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  )
}

/**
 * A labelled input with its hint and error wired for screen readers: aria-invalid when wrong,
 * aria-describedby pointing at the hint and the message.
 */
export function Field({
  label,
  hint,
  error,
  inputProps,
}: Described & {
  label: ReactNode
  inputProps: InputHTMLAttributes<HTMLInputElement> & { name: string }
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        {...inputProps}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : false, error ? errorId : false])}
      />
      <FieldError id={errorId} error={error} />
    </div>
  )
}

export function TextareaField({
  label,
  hint,
  error,
  textareaProps,
}: Described & {
  label: ReactNode
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string }
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        {...textareaProps}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : false, error ? errorId : false])}
      />
      <FieldError id={errorId} error={error} />
    </div>
  )
}

export function SelectField({
  label,
  hint,
  error,
  selectProps,
  children,
}: Described & {
  label: ReactNode
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { name: string }
  children: ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        {...selectProps}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : false, error ? errorId : false])}
      >
        {children}
      </select>
      <FieldError id={errorId} error={error} />
    </div>
  )
}

export function CheckboxField({
  label,
  hint,
  error,
  inputProps,
}: Described & {
  label: ReactNode
  inputProps: InputHTMLAttributes<HTMLInputElement> & { name: string }
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        {...inputProps}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : false, error ? errorId : false])}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  )
}

/** Messages about the whole form (not one field), announced when they appear. */
export function FormErrorList({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null
  return (
    <div id={id} className="form-errors" role="alert" tabIndex={-1}>
      {errors.length === 1 ? (
        <p>{errors[0]}</p>
      ) : (
        <ul>
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function SubmitButton({
  pending,
  children,
  pendingText = 'Please wait…',
  ...props
}: {
  pending: boolean
  pendingText?: string
  children: ReactNode
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" className="button" disabled={pending} {...props}>
      {pending ? pendingText : children}
    </button>
  )
}
