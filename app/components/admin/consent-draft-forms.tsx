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
  italianFieldNames,
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
  const { formProps, fields } = useSchemaForm(SaveDraftFieldsSchema, serverErrors, {
    secretFields: [],
  })
  const saving = useIsPending('save')
  const start = (name: string) => ({ defaultValue: values[name] ?? '' })
  return (
    <Form {...formProps} aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit the draft</h2>
      <p className="hint">
        Write short sentences in everyday words. Separate paragraphs with an empty line; start a
        line with &quot;- &quot; for a list. You may use{' '}
        {CONSENT_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ')}: the clinic&apos;s name, phone and
        cancellation hours are filled in.
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="save" />
      <p className="hint">
        Write each part in English and in Italian: a version is published only when both are
        complete. The Italian is the same form for Italian patients, in plain words (Gulpease 60 or
        more), with the same answers in the same order.
      </p>
      <Field label="Title" {...fields.input('title', start('title'))} />
      <Field
        label="Italian heading of the form"
        {...fields.input(italianFieldNames.title, start(italianFieldNames.title))}
      />
      {CONSENT_SECTION_KEYS.map((key, index) => {
        const title = draftFieldNames.sectionTitle(key)
        const body = draftFieldNames.sectionBody(key)
        return (
          <fieldset key={key}>
            <legend>
              Part {index + 1}: {CONSENT_SECTION_PURPOSES[key]}
            </legend>
            <Field label={`Heading of part ${index + 1}`} {...fields.input(title, start(title))} />
            <TextareaField
              label={`Text of part ${index + 1}`}
              {...fields.textarea(body, { rows: 10, ...start(body) })}
            />
            <Field
              label={`Part ${index + 1} in Italian: heading`}
              {...fields.input(
                italianFieldNames.sectionTitle(key),
                start(italianFieldNames.sectionTitle(key)),
              )}
            />
            <TextareaField
              label={`Part ${index + 1} in Italian: text`}
              {...fields.textarea(italianFieldNames.sectionBody(key), {
                rows: 10,
                ...start(italianFieldNames.sectionBody(key)),
              })}
            />
          </fieldset>
        )
      })}
      <h3>Check questions</h3>
      <p className="hint">
        At least 4. Leave a question empty to remove it. Each needs 2 to 5 answers, one per line,
        the number of the right one, and the part of the form that explains it.
      </p>
      {CONSENT_QUESTION_SLOTS.map((slot) => {
        const prompt = draftFieldNames.prompt(slot)
        const options = draftFieldNames.options(slot)
        const answer = draftFieldNames.answer(slot)
        const section = draftFieldNames.section(slot)
        return (
          <fieldset key={slot}>
            <legend>Question {slot}</legend>
            <Field label={`Question ${slot}`} {...fields.input(prompt, start(prompt))} />
            <TextareaField
              label={`Answers to question ${slot}, one per line`}
              {...fields.textarea(options, { rows: 4, ...start(options) })}
            />
            <Field
              label={`In Italian, no. ${slot}: the question`}
              {...fields.input(
                italianFieldNames.prompt(slot),
                start(italianFieldNames.prompt(slot)),
              )}
            />
            <TextareaField
              label={`In Italian, no. ${slot}: the answers, one per line, in the same order`}
              {...fields.textarea(italianFieldNames.options(slot), {
                rows: 4,
                ...start(italianFieldNames.options(slot)),
              })}
            />
            <Field
              label={`Number of the right answer to question ${slot}`}
              {...fields.input(answer, { inputMode: 'numeric', ...start(answer) })}
            />
            <SelectField
              label={`Part that explains question ${slot}`}
              {...fields.select(section, start(section))}
            >
              <option value="">Choose a part</option>
              {CONSENT_SECTION_KEYS.map((key, index) => (
                <option key={key} value={key}>
                  Part {index + 1}: {CONSENT_SECTION_PURPOSES[key]}
                </option>
              ))}
            </SelectField>
          </fieldset>
        )
      })}
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
  const { formProps, fields } = useSchemaForm(PublishDraftFieldsSchema, serverErrors, {
    secretFields: [],
  })
  const publishing = useIsPending('publish')
  return (
    <Form {...formProps} aria-labelledby="publish-heading">
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
        {...fields.input('effectiveDate', {
          type: 'date',
          min: earliestDate,
          defaultValue: earliestDate,
        })}
      />
      <SubmitButton pending={publishing} pendingText="Publishing…">
        Publish version {versionNumber}
      </SubmitButton>
    </Form>
  )
}
