import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
} from 'react'
import { useT } from '#app/i18n/locale-context.tsx'
import { formsMessages } from '#app/i18n/messages/index.ts'

type Described = { hint?: ReactNode; error?: string }

function describedBy(ids: (string | false | undefined)[]) {
  const joined = ids.filter(Boolean).join(' ')
  return joined || undefined
}

/**
 * The ids that tie a control to its label, hint and message, and the attributes that announce
 * them: aria-invalid when wrong, aria-describedby pointing at the hint and the message.
 */
export function useFieldIds({ hint, error }: Described, explicitId?: string) {
  // A schema form names its controls (fieldAnchorId) so the error summary can link to them.
  const generatedId = useId()
  const id = explicitId ?? generatedId
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
  const ids = useFieldIds(frame, inputProps.id)
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
  const ids = useFieldIds(frame, textareaProps.id)
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
  const ids = useFieldIds(frame, selectProps.id)
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
  const ids = useFieldIds({ hint, error }, inputProps.id)
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
/**
 * The GOV.UK error summary: after a refused submit, at the top of the form, every problem as a
 * link to its field. It takes the focus (useSchemaForm), so a screen reader hears it first and
 * nobody has to hunt for the one message a long form scrolled away.
 */
export function ErrorSummary({
  problems,
  formErrors = [],
}: {
  problems: { message: string; fieldId: string }[]
  formErrors?: string[]
}) {
  const t = useT(formsMessages)
  const ref = useRef<HTMLDivElement>(null)
  const shown = problems.length > 0 || formErrors.length > 0
  // React focuses only form controls that have autoFocus: the summary takes the focus itself
  // when it appears (a later refused submit focuses it again through useSchemaForm).
  useEffect(() => {
    if (shown) ref.current?.focus()
  }, [shown])
  if (!shown) return null
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      // Without JavaScript the page the server sends starts here. It only ever renders after a
      // refused submit, where moving focus to the problems is the point (the GOV.UK pattern).
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
    >
      <h2 id="error-summary-title">{t('errorSummaryTitle')}</h2>
      <ul>
        {formErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {problems.map((problem) => (
          <li key={problem.fieldId}>
            <a
              href={`#${problem.fieldId}`}
              onClick={(event) => {
                const field = document.getElementById(problem.fieldId)
                if (!field) return
                event.preventDefault()
                // Show the question with its label or legend, then put the cursor in it.
                ;(field.closest('fieldset, .field') ?? field).scrollIntoView({ block: 'start' })
                field.focus({ preventScroll: true })
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

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
