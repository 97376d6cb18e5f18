import { type ReactNode } from 'react'
import { FieldError, FieldHint, useFieldIds } from './fields.tsx'
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
  const { id, hintId, errorId, aria } = useFieldIds({ hint, error })
  return (
    <fieldset
      className={['choice-group', className].filter(Boolean).join(' ')}
      aria-describedby={aria['aria-describedby']}
    >
      <legend>{legend}</legend>
      <FieldHint id={hintId} hint={hint} />
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
                aria-invalid={aria['aria-invalid']}
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
