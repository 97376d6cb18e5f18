import { Form } from '@remix-run/react'
import { type ReactNode } from 'react'
import { useIsPending } from './action-data.ts'

/**
 * A one-button form in a table row ("Remove", "Reopen"): it posts its intent and the row's id,
 * and the button names its row for screen readers, where many buttons read alike.
 */
export function RowActionForm({
  intent,
  idField,
  id,
  label,
  rowName,
}: {
  intent: string
  idField: string
  id: string
  label: string
  rowName: ReactNode
}) {
  const pending = useIsPending(intent)
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idField} value={id} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {label}
        <span className="visually-hidden"> {rowName}</span>
      </button>
    </Form>
  )
}
