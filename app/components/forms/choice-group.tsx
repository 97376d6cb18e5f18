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
  anchorId,
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
  /** The first option's id, for the error summary's link (useSchemaForm's fields.choices). */
  anchorId?: string
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
        {options.map((option, index) => {
          const optionId = index === 0 && anchorId ? anchorId : `${id}-${index}`
          return (
            <li key={option.value}>
              <div className="choice">
                <input
                  {...inputProps}
                  id={optionId}
                  type={type}
                  value={option.value}
                  defaultChecked={chosen.includes(option.value)}
                  aria-invalid={aria['aria-invalid']}
                />
                <label htmlFor={optionId}>{option.label}</label>
              </div>
              {after?.(option.value)}
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}
