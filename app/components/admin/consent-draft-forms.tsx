import { Form } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  Field,
  FormErrorList,
  SelectField,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  CONSENT_QUESTION_SLOTS,
  draftFieldNames,
  PublishDraftFieldsSchema,
  SaveDraftFieldsSchema,
} from '#app/domain/consent/consent-admin.schema.ts'
import {
  CONSENT_PLACEHOLDERS,
  CONSENT_SECTION_KEYS,
  CONSENT_SECTION_PURPOSES,
} from '#app/domain/consent/consent.schema.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/** The admin's editor for a consent form draft, and the form that publishes it. */

export function DraftEditor({
  values,
  serverErrors,
}: {
  values: Record<string, string>
  serverErrors: FormErrors | undefined
}) {
  const { formRef, onSubmit, register, fieldError, defaultValue } = useSchemaForm(
    SaveDraftFieldsSchema,
    serverErrors,
    { secretFields: [] },
  )
  const saving = useIsPending('save')
  const initial = (name: string) =>
    serverErrors ? (defaultValue(name) ?? '') : (values[name] ?? '')
  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit the draft</h2>
      <p className="hint">
        Write short sentences in everyday words. Separate paragraphs with an empty line; start a
        line with &quot;- &quot; for a list. You may use{' '}
        {CONSENT_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ')}: the clinic&apos;s name, phone and
        cancellation hours are filled in.
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="save" />
      <Field
        label="Title"
        error={fieldError('title')}
        inputProps={{ ...register('title'), defaultValue: initial('title') }}
      />
      {CONSENT_SECTION_KEYS.map((key, index) => (
        <fieldset key={key}>
          <legend>
            Part {index + 1}: {CONSENT_SECTION_PURPOSES[key]}
          </legend>
          <Field
            label={`Heading of part ${index + 1}`}
            error={fieldError(draftFieldNames.sectionTitle(key))}
            inputProps={{
              ...register(draftFieldNames.sectionTitle(key)),
              defaultValue: initial(draftFieldNames.sectionTitle(key)),
            }}
          />
          <TextareaField
            label={`Text of part ${index + 1}`}
            error={fieldError(draftFieldNames.sectionBody(key))}
            textareaProps={{
              ...register(draftFieldNames.sectionBody(key)),
              rows: 10,
              defaultValue: initial(draftFieldNames.sectionBody(key)),
            }}
          />
        </fieldset>
      ))}
      <h3>Check questions</h3>
      <p className="hint">
        At least 4. Leave a question empty to remove it. Each needs 2 to 5 answers, one per line,
        the number of the right one, and the part of the form that explains it.
      </p>
      {CONSENT_QUESTION_SLOTS.map((slot) => (
        <fieldset key={slot}>
          <legend>Question {slot}</legend>
          <Field
            label={`Question ${slot}`}
            error={fieldError(draftFieldNames.prompt(slot))}
            inputProps={{
              ...register(draftFieldNames.prompt(slot)),
              defaultValue: initial(draftFieldNames.prompt(slot)),
            }}
          />
          <TextareaField
            label={`Answers to question ${slot}, one per line`}
            error={fieldError(draftFieldNames.options(slot))}
            textareaProps={{
              ...register(draftFieldNames.options(slot)),
              rows: 4,
              defaultValue: initial(draftFieldNames.options(slot)),
            }}
          />
          <Field
            label={`Number of the right answer to question ${slot}`}
            error={fieldError(draftFieldNames.answer(slot))}
            inputProps={{
              ...register(draftFieldNames.answer(slot)),
              inputMode: 'numeric',
              defaultValue: initial(draftFieldNames.answer(slot)),
            }}
          />
          <SelectField
            label={`Part that explains question ${slot}`}
            error={fieldError(draftFieldNames.section(slot))}
            selectProps={{
              ...register(draftFieldNames.section(slot)),
              defaultValue: initial(draftFieldNames.section(slot)),
            }}
          >
            <option value="">Choose a part</option>
            {CONSENT_SECTION_KEYS.map((key, index) => (
              <option key={key} value={key}>
                Part {index + 1}: {CONSENT_SECTION_PURPOSES[key]}
              </option>
            ))}
          </SelectField>
        </fieldset>
      ))}
      <SubmitButton pending={saving} pendingText="Saving…">
        Save the draft
      </SubmitButton>
    </Form>
  )
}

export function PublishForm({
  versionNumber,
  earliestDate,
  serverErrors,
}: {
  versionNumber: number
  earliestDate: string
  serverErrors: FormErrors | undefined
}) {
  const { formRef, onSubmit, register, fieldError, defaultValue } = useSchemaForm(
    PublishDraftFieldsSchema,
    serverErrors,
    { secretFields: [] },
  )
  const publishing = useIsPending('publish')
  return (
    <Form
      method="post"
      noValidate
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="publish-heading"
    >
      <h2 id="publish-heading">Publish</h2>
      <p>
        Save your changes first. Once published, version {versionNumber} can never change. Patients
        whose session is on or after the date below must sign it, even if they signed an older
        version.
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="publish" />
      <Field
        label="Applies to sessions from"
        hint="Today or later, in clinic time."
        error={fieldError('effectiveDate')}
        inputProps={{
          ...register('effectiveDate'),
          type: 'date',
          min: earliestDate,
          defaultValue: defaultValue('effectiveDate') ?? earliestDate,
        }}
      />
      <SubmitButton pending={publishing} pendingText="Publishing…">
        Publish version {versionNumber}
      </SubmitButton>
    </Form>
  )
}
