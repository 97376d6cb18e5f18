import { type ReactNode, useId } from 'react'
import { FieldError } from './fields.tsx'
import { type useSchemaForm } from './use-schema-form.ts'

/**
 * A group of checkboxes or radio buttons: one fieldset, its legend as the question, the hint and
 * the message tied to it, every option a labelled input of at least 44 px.
 */
export function ChoiceGroup({
  legend,
  hint,
  error,
  type,
  options,
  chosen,
  inputProps,
  after,
  className,
}: {
  legend: string
  hint?: string
  error?: string
  type: 'checkbox' | 'radio'
  options: { value: string; label: string }[]
  chosen: string[]
  inputProps: ReturnType<ReturnType<typeof useSchemaForm>['register']>
  after?: (value: string) => ReactNode
  className?: string
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <fieldset
      className={['choice-group', className].filter(Boolean).join(' ')}
      aria-describedby={
        [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      <ul className="choice-group__options">
        {options.map((option, index) => (
          <li key={option.value}>
            <div className="choice">
              <input
                {...inputProps}
                id={`${id}-${index}`}
                type={type}
                value={option.value}
                defaultChecked={chosen.includes(option.value)}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={`${id}-${index}`}>{option.label}</label>
            </div>
            {after?.(option.value)}
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
