import { Form } from '@remix-run/react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  ApproveSchema,
  DeclineSchema,
  RequestInfoSchema,
} from '#app/domain/screening/screening.schema.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/**
 * A clinician's three decisions on a booking pending review, one form each (a hidden intent
 * tells them apart); each posts the id of the answers the clinician read.
 */
export function ReviewDecisions({
  submissionId,
  actionData,
  openQuestion,
}: {
  submissionId: string
  actionData: unknown
  openQuestion: boolean
}) {
  return (
    <section aria-labelledby="decide-heading" className="stack">
      <h2 id="decide-heading">Decide</h2>
      {openQuestion ? (
        <p className="notice">You asked the patient a question; they have not answered yet.</p>
      ) : null}
      <DecisionForm
        intent="approve"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'approve')}
        field="note"
        label="Note for the record (optional)"
        hint="For example: antiviral cover prescribed. The patient does not see it."
        submitLabel="Approve and confirm the booking"
        buttonClass="button"
      />
      <DecisionForm
        intent="request_info"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'request_info')}
        field="question"
        label="Question for the patient"
        hint="The patient gets an email with a link and answers on their booking page. The email does not contain your question."
        submitLabel="Send the question"
        buttonClass="button button--secondary"
      />
      <DecisionForm
        intent="decline"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'decline')}
        field="reason"
        label="Reason for the patient"
        hint="The patient reads this on their booking page; the time is freed for others. Use plain, kind words."
        submitLabel="Decline the booking"
        buttonClass="button button--danger"
      />
    </section>
  )
}

/** In the browser only the typed field is checked (the hidden intent and id are not fields). */
const SCHEMAS = {
  approve: ApproveSchema.pick({ note: true }),
  decline: DeclineSchema.pick({ reason: true }),
  request_info: RequestInfoSchema.pick({ question: true }),
}

function DecisionForm({
  intent,
  submissionId,
  serverErrors,
  field,
  label,
  hint,
  submitLabel,
  buttonClass,
}: {
  intent: 'approve' | 'decline' | 'request_info'
  submissionId: string
  serverErrors: FormErrors | undefined
  field: 'note' | 'reason' | 'question'
  label: string
  hint: string
  submitLabel: string
  buttonClass: string
}) {
  const { formProps, fields } = useSchemaForm(SCHEMAS[intent], serverErrors, { secretFields: [] })
  const pending = useIsPending(intent)
  return (
    <Form {...formProps} className="card">
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <TextareaField
        label={label}
        hint={hint}
        {...fields.textarea(field, { rows: 3, maxLength: 1000 })}
      />
      <SubmitButton pending={pending} pendingText="Saving…" className={buttonClass}>
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
