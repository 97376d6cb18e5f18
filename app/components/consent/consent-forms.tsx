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
  signConsentFieldsSchema,
} from '#app/domain/consent/consent.schema.ts'
import { useLocale, useRichT, useT } from '#app/i18n/locale-context.tsx'
import { consentMessages } from '#app/i18n/messages/index.ts'
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
  const locale = useLocale()
  const t = useT(consentMessages)
  const rich = useRichT(consentMessages)
  const schema = useMemo(
    () =>
      makeConsentCheckSchema(
        questions.map((q) => q.key),
        locale,
      ),
    [questions, locale],
  )
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
                  {rich('answerIsIn', {
                    number: feedback.section.number,
                    title: feedback.section.title,
                    link: (chunks) => <a href={`#${feedback.section.anchor}`}>{chunks}</a>,
                  })}
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
      <SubmitButton pending={pending} pendingText={t('checking')}>
        {t('checkMyAnswers')}
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
  const locale = useLocale()
  const t = useT(consentMessages)
  const schema = useMemo(() => signConsentFieldsSchema(locale), [locale])
  const { formProps, fields, register, fieldError } = useSchemaForm(schema, serverErrors, {
    secretFields: ['drawnSignature'],
  })
  const ticked = (name: string) => serverErrors?.values[name] === 'on'
  return (
    <Form {...formProps} aria-labelledby="sign-heading">
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="textSha256" value={textSha256} />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label={t('typedNameLabel')}
        hint={t('typedNameHint', { name: expectedName })}
        {...fields.input('typedName', { autoComplete: 'name' })}
      />
      <SignaturePadField name="drawnSignature" error={fieldError('drawnSignature')} />
      <CheckboxField
        label={t('agreeLabel')}
        {...fields.checkbox('agree', { defaultChecked: ticked('agree') })}
      />
      <fieldset>
        <legend>{t('photosLegend')}</legend>
        <CheckboxField
          label={t('photoClinicalLabel')}
          inputProps={{ ...register('photoClinical'), defaultChecked: ticked('photoClinical') }}
        />
        <CheckboxField
          label={t('photoMarketingLabel')}
          inputProps={{ ...register('photoMarketing'), defaultChecked: ticked('photoMarketing') }}
        />
      </fieldset>
      <SubmitButton pending={pending} pendingText={t('signing')}>
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
