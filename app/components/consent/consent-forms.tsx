import { Form } from '@remix-run/react'
import { useId, useMemo } from 'react'
import {
  CheckboxField,
  Field,
  FieldError,
  FormErrorList,
  SubmitButton,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { type CheckFeedback } from '#app/domain/consent/consent-text.rules.ts'
import {
  answerFieldName,
  makeConsentCheckSchema,
  SignConsentFieldsSchema,
} from '#app/domain/consent/consent.schema.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { ConsentBlocks } from './consent-document.tsx'
import { SignaturePadField } from './signature-pad.tsx'

/**
 * The comprehension check: one group of choices per question. A wrong answer comes back with the
 * section that answers it (a link to it above, and its text right here) and is asked again.
 */
export function ConsentCheckForm({
  questions,
  versionId,
  serverErrors,
  wrong = [],
  pending,
}: {
  /** `order`: the options' indices in the order to show them; the posted value is the index. */
  questions: { key: string; prompt: string; options: string[]; order: number[] }[]
  versionId: string
  serverErrors: FormErrors | undefined
  wrong?: CheckFeedback
  pending: boolean
}) {
  const schema = useMemo(() => makeConsentCheckSchema(questions.map((q) => q.key)), [questions])
  const { formProps, register, fieldError, defaultValue } = useSchemaForm(schema, serverErrors, {
    secretFields: [],
  })
  const id = useId()
  const wrongKeys = new Set(wrong.map((w) => w.questionKey))
  return (
    <Form
      {...formProps}
      aria-labelledby="check-heading"
      // A new answer from the server starts the form again: wrong answers are asked afresh.
      key={serverErrors ? JSON.stringify([serverErrors.values, [...wrongKeys]]) : 'first'}
    >
      <input type="hidden" name="intent" value="check" />
      <input type="hidden" name="versionId" value={versionId} />
      <FormErrorList errors={serverErrors?.formErrors} />
      {questions.map((question, index) => {
        const name = answerFieldName(question.key)
        const error = fieldError(name)
        const feedback = wrong.find((w) => w.questionKey === question.key)
        const previous = wrongKeys.has(question.key) ? undefined : defaultValue(name)
        const describedBy = [
          error ? `${id}-${index}-error` : '',
          feedback ? `${id}-${index}-help` : '',
        ]
          .filter(Boolean)
          .join(' ')
        return (
          <fieldset
            key={question.key}
            aria-describedby={describedBy || undefined}
            className="check-question"
          >
            <legend>
              {index + 1}. {question.prompt}
            </legend>
            <FieldError id={`${id}-${index}-error`} error={error} />
            {feedback ? (
              <div id={`${id}-${index}-help`} className="check-feedback">
                <p>
                  The answer is in{' '}
                  <a href={`#${feedback.section.anchor}`}>
                    part {feedback.section.number}, “{feedback.section.title}”
                  </a>
                  . Here it is again:
                </p>
                <blockquote>
                  <ConsentBlocks blocks={feedback.section.blocks} />
                </blockquote>
              </div>
            ) : null}
            {question.order
              .map((optionIndex) => ({ option: question.options[optionIndex]!, optionIndex }))
              .map(({ option, optionIndex }) => (
                <div key={option} className="field field--checkbox">
                  <input
                    id={`${id}-${index}-${optionIndex}`}
                    type="radio"
                    {...register(name)}
                    value={String(optionIndex)}
                    defaultChecked={previous === String(optionIndex)}
                  />
                  <label htmlFor={`${id}-${index}-${optionIndex}`}>{option}</label>
                </div>
              ))}
          </fieldset>
        )
      })}
      <SubmitButton pending={pending} pendingText="Checking…">
        Check my answers
      </SubmitButton>
    </Form>
  )
}

/**
 * Signing: the typed full name (the signature), an optional drawing, the intent box (never
 * ticked in advance), and two separate optional choices about photos.
 */
export function SignConsentForm({
  versionId,
  textSha256,
  expectedName,
  serverErrors,
  pending,
  submitLabel,
}: {
  versionId: string
  textSha256: string
  expectedName: string
  serverErrors: FormErrors | undefined
  pending: boolean
  submitLabel: string
}) {
  const { formProps, fields, register, fieldError } = useSchemaForm(
    SignConsentFieldsSchema,
    serverErrors,
    { secretFields: ['drawnSignature'] },
  )
  const ticked = (name: string) => serverErrors?.values[name] === 'on'
  return (
    <Form {...formProps} aria-labelledby="sign-heading">
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="textSha256" value={textSha256} />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Type your full name"
        hint={`Type it as you gave it: ${expectedName}. This is your signature.`}
        {...fields.input('typedName', { autoComplete: 'name' })}
      />
      <SignaturePadField name="drawnSignature" error={fieldError('drawnSignature')} />
      <CheckboxField
        label="I have read this consent form and I understand it. I agree to have this treatment, and I sign this form electronically."
        {...fields.checkbox('agree', { defaultChecked: ticked('agree') })}
      />
      <fieldset>
        <legend>Photos (you can say no to both)</legend>
        <CheckboxField
          label="Yes, the clinic may take photos of the treated skin for my record."
          inputProps={{ ...register('photoClinical'), defaultChecked: ticked('photoClinical') }}
        />
        <CheckboxField
          label="Yes, the clinic may also use my photos for marketing, such as its website or social media."
          inputProps={{ ...register('photoMarketing'), defaultChecked: ticked('photoMarketing') }}
        />
      </fieldset>
      <SubmitButton pending={pending} pendingText="Signing…">
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
