import { Form } from '@remix-run/react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { EarlierDateSchema } from '#app/domain/screening/screening.schema.ts'
import { formatCalendarDate } from '#app/utils/format.ts'

const INTENT = 'approve_earlier_date'
/** In the browser only the typed fields are checked (the hidden intent and id are not fields). */
const SCHEMA = EarlierDateSchema.pick({ firstDay: true, reason: true })

/**
 * A clinician approves an earlier first day inside the answers' waiting window (docs/decisions/
 * 032), with the reason; earlier decisions for this booking are listed above the form.
 */
export function EarlierDateSection({
  submissionId,
  windowEnds,
  firstDay,
  overrides,
  actionData,
}: {
  submissionId: string
  /** The first day the answers' windows allow, as judged. */
  windowEnds: string
  /** The first day that counts now (a clinician's earlier day, or the window's end). */
  firstDay: string
  overrides: { id: string; firstDay: string; reason: string; decidedBy: string; at: string }[]
  actionData: unknown
}) {
  const serverErrors = formErrorsFor(actionData, INTENT)
  const { formProps, fields } = useSchemaForm(SCHEMA, serverErrors, { secretFields: [] })
  const pending = useIsPending(INTENT)
  return (
    <section aria-labelledby="window-heading" className="stack">
      <h2 id="window-heading">Waiting window</h2>
      <p>
        The answers say no treatment before <strong>{formatCalendarDate(windowEnds)}</strong>.
        {firstDay !== windowEnds ? (
          <>
            {' '}
            A clinician approved <strong>{formatCalendarDate(firstDay)}</strong> instead.
          </>
        ) : null}
      </p>
      {overrides.length > 0 ? (
        <ul>
          {overrides.map((override) => (
            <li key={override.id}>
              {formatCalendarDate(override.firstDay)}, approved by {override.decidedBy},{' '}
              {override.at}: {override.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <Form {...formProps} className="card">
        <FormErrorList errors={serverErrors?.formErrors} />
        <input type="hidden" name="intent" value={INTENT} />
        <input type="hidden" name="submissionId" value={submissionId} />
        <Field
          label="Earlier first day"
          hint="For this patient’s current answers only. New answers are judged again."
          {...fields.input('firstDay', { type: 'date', max: windowEnds })}
        />
        <TextareaField
          label="Why is the earlier day safe for this patient?"
          hint="Kept in the record. The patient sees only the new first day."
          {...fields.textarea('reason', { rows: 3, maxLength: 1000 })}
        />
        <SubmitButton pending={pending} pendingText="Saving…" className="button button--secondary">
          Approve the earlier day
        </SubmitButton>
      </Form>
    </section>
  )
}
