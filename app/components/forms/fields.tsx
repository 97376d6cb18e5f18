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

/**
 * The ids that tie a control to its label, hint and message, and the attributes that announce
 * them: aria-invalid when wrong, aria-describedby pointing at the hint and the message.
 */
export function useFieldIds({ hint, error }: Described) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return {
    id,
    hintId,
    errorId,
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy([hint ? hintId : false, error ? errorId : false]),
    },
  }
}

type FieldIds = ReturnType<typeof useFieldIds>

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  )
}

export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null
  return (
    <p id={id} className="hint">
      {hint}
    </p>
  )
}

type FrameProps = Described & { label: ReactNode }

/** The label, the hint, the control and its message, in that order (text fields and lists). */
function LabelledField({
  ids,
  label,
  hint,
  error,
  children,
}: FrameProps & { ids: FieldIds; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={ids.id}>{label}</label>
      <FieldHint id={ids.hintId} hint={hint} />
      {children}
      <FieldError id={ids.errorId} error={error} />
    </div>
  )
}

/**
 * A labelled input with its hint and error wired for screen readers. In a schema form, give it
 * `{...fields.input(name)}` (useSchemaForm) for the name, value, focus and message.
 */
export function Field({
  inputProps,
  ...frame
}: FrameProps & { inputProps: InputHTMLAttributes<HTMLInputElement> & { name: string } }) {
  const ids = useFieldIds(frame)
  return (
    <LabelledField ids={ids} {...frame}>
      <input id={ids.id} {...inputProps} {...ids.aria} />
    </LabelledField>
  )
}

export function TextareaField({
  textareaProps,
  ...frame
}: FrameProps & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string } }) {
  const ids = useFieldIds(frame)
  return (
    <LabelledField ids={ids} {...frame}>
      <textarea id={ids.id} {...textareaProps} {...ids.aria} />
    </LabelledField>
  )
}

export function SelectField({
  selectProps,
  children,
  ...frame
}: FrameProps & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { name: string }
  children: ReactNode
}) {
  const ids = useFieldIds(frame)
  return (
    <LabelledField ids={ids} {...frame}>
      <select id={ids.id} {...selectProps} {...ids.aria}>
        {children}
      </select>
    </LabelledField>
  )
}

/** A checkbox comes before its label; its hint and message follow. */
export function CheckboxField({
  label,
  hint,
  error,
  inputProps,
}: FrameProps & { inputProps: InputHTMLAttributes<HTMLInputElement> & { name: string } }) {
  const ids = useFieldIds({ hint, error })
  return (
    <div className="field field--checkbox">
      <input id={ids.id} type="checkbox" {...inputProps} {...ids.aria} />
      <label htmlFor={ids.id}>{label}</label>
      <FieldHint id={ids.hintId} hint={hint} />
      <FieldError id={ids.errorId} error={error} />
    </div>
  )
}

/** The attributes of a one-time code box (email codes, authenticator codes). */
export function oneTimeCodeProps(maxLength: number) {
  return {
    inputMode: 'numeric',
    autoComplete: 'one-time-code',
    maxLength,
    className: 'code-input',
  } as const
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
