import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  approveSchema,
  declineSchema,
  requestInfoSchema,
} from '#app/domain/screening/screening.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { screeningStaffMessages } from '#app/i18n/messages/index.ts'
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
  const t = useT(screeningStaffMessages)
  return (
    <section aria-labelledby="decide-heading" className="stack">
      <h2 id="decide-heading">{t('decide')}</h2>
      {openQuestion ? <p className="notice">{t('openQuestion')}</p> : null}
      <DecisionForm
        intent="approve"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'approve')}
        field="note"
        label={t('noteLabel')}
        hint={t('noteHint')}
        submitLabel={t('approveButton')}
        buttonClass="button"
      />
      <DecisionForm
        intent="request_info"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'request_info')}
        field="question"
        label={t('questionLabel')}
        hint={t('questionHint')}
        submitLabel={t('askButton')}
        buttonClass="button button--secondary"
      />
      <DecisionForm
        intent="decline"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'decline')}
        field="reason"
        label={t('reasonLabel')}
        hint={t('reasonHint')}
        submitLabel={t('declineButton')}
        buttonClass="button button--danger"
      />
    </section>
  )
}

/** In the browser only the typed field is checked (the hidden intent and id are not fields). */
function schemaFor(intent: 'approve' | 'decline' | 'request_info', locale: Locale) {
  if (intent === 'approve') return approveSchema(locale).pick({ note: true })
  if (intent === 'decline') return declineSchema(locale).pick({ reason: true })
  return requestInfoSchema(locale).pick({ question: true })
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
  const locale = useLocale()
  const t = useT(screeningStaffMessages)
  const schema = useMemo(() => schemaFor(intent, locale), [intent, locale])
  const { formProps, fields } = useSchemaForm(schema, serverErrors, { secretFields: [] })
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
      <SubmitButton pending={pending} pendingText={t('saving')} className={buttonClass}>
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
