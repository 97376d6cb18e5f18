import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
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
  publishDraftFieldsSchema,
  saveDraftFieldsSchema,
} from '#app/domain/consent/consent-admin.schema.ts'
import { CONSENT_PLACEHOLDERS, CONSENT_SECTION_KEYS } from '#app/domain/consent/consent.schema.ts'
import { adminConsentMessages } from '#app/i18n/messages/index.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/** The admin's editor for a consent form draft, and the form that publishes it. */

export function DraftEditor({
  values,
  serverErrors,
}: {
  values: Record<string, string>
  serverErrors: FormErrors | undefined
}) {
  const locale = useLocale()
  const saveSchema = useMemo(() => saveDraftFieldsSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(saveSchema, serverErrors, {
    secretFields: [],
  })
  const saving = useIsPending('save')
  const t = useT(adminConsentMessages)
  const start = (name: string) => ({ defaultValue: values[name] ?? '' })
  return (
    <Form {...formProps} aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('editDraftHeading')}</h2>
      <p className="hint">
        {t('draftHint', {
          placeholders: CONSENT_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', '),
        })}
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="save" />
      <p className="hint">{t('bilingualHint')}</p>
      <Field label={t('titleField')} {...fields.input('title', start('title'))} />
      <Field
        label={t('italianTitleField')}
        {...fields.input(italianFieldNames.title, {
          lang: 'it',
          ...start(italianFieldNames.title),
        })}
      />
      {CONSENT_SECTION_KEYS.map((key, index) => {
        const title = draftFieldNames.sectionTitle(key)
        const body = draftFieldNames.sectionBody(key)
        return (
          <fieldset key={key}>
            <legend>{t('partLegend', { n: index + 1, purpose: key })}</legend>
            <Field
              label={t('partHeading', { n: index + 1 })}
              {...fields.input(title, start(title))}
            />
            <TextareaField
              label={t('partText', { n: index + 1 })}
              {...fields.textarea(body, { rows: 10, ...start(body) })}
            />
            <Field
              label={t('partItHeading', { n: index + 1 })}
              {...fields.input(italianFieldNames.sectionTitle(key), {
                lang: 'it',
                ...start(italianFieldNames.sectionTitle(key)),
              })}
            />
            <TextareaField
              label={t('partItText', { n: index + 1 })}
              {...fields.textarea(italianFieldNames.sectionBody(key), {
                rows: 10,
                lang: 'it',
                ...start(italianFieldNames.sectionBody(key)),
              })}
            />
          </fieldset>
        )
      })}
      <h3>{t('checkQuestions')}</h3>
      <p className="hint">{t('questionsHint')}</p>
      {CONSENT_QUESTION_SLOTS.map((slot) => {
        const prompt = draftFieldNames.prompt(slot)
        const options = draftFieldNames.options(slot)
        const answer = draftFieldNames.answer(slot)
        const section = draftFieldNames.section(slot)
        return (
          <fieldset key={slot}>
            <legend>{t('questionLabel', { n: slot })}</legend>
            <Field
              label={t('questionLabel', { n: slot })}
              {...fields.input(prompt, start(prompt))}
            />
            <TextareaField
              label={t('answersLabel', { n: slot })}
              {...fields.textarea(options, { rows: 4, ...start(options) })}
            />
            <Field
              label={t('itQuestion', { n: slot })}
              {...fields.input(italianFieldNames.prompt(slot), {
                lang: 'it',
                ...start(italianFieldNames.prompt(slot)),
              })}
            />
            <TextareaField
              label={t('itAnswers', { n: slot })}
              {...fields.textarea(italianFieldNames.options(slot), {
                rows: 4,
                lang: 'it',
                ...start(italianFieldNames.options(slot)),
              })}
            />
            <Field
              label={t('rightAnswerNumber', { n: slot })}
              {...fields.input(answer, { inputMode: 'numeric', ...start(answer) })}
            />
            <SelectField
              label={t('explainingPart', { n: slot })}
              {...fields.select(section, start(section))}
            >
              <option value="">{t('choosePart')}</option>
              {CONSENT_SECTION_KEYS.map((key, index) => (
                <option key={key} value={key}>
                  {t('partLegend', { n: index + 1, purpose: key })}
                </option>
              ))}
            </SelectField>
          </fieldset>
        )
      })}
      <SubmitButton pending={saving} pendingText={t('saving')}>
        {t('saveDraft')}
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
  const locale = useLocale()
  const publishSchema = useMemo(() => publishDraftFieldsSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(publishSchema, serverErrors, {
    secretFields: [],
  })
  const publishing = useIsPending('publish')
  const t = useT(adminConsentMessages)
  return (
    <Form {...formProps} aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('publish')}</h2>
      <p>{t('publishIntro', { n: versionNumber })}</p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="publish" />
      <Field
        label={t('appliesFromLabel')}
        hint={t('appliesFromHint')}
        {...fields.input('effectiveDate', {
          type: 'date',
          min: earliestDate,
          defaultValue: earliestDate,
        })}
      />
      <SubmitButton pending={publishing} pendingText={t('publishing')}>
        {t('publishVersion', { n: versionNumber })}
      </SubmitButton>
    </Form>
  )
}
