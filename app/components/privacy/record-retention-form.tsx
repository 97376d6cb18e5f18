import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { recordRetentionSchema } from '#app/domain/privacy/privacy-requests.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { privacyAdminMessages } from '#app/i18n/messages/index.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/** The clinic's retention period for clinical records, on the clinic details page (ADR 051). */
export function RecordRetentionForm({
  years,
  saved,
  errors,
}: {
  years: number
  saved: boolean
  errors?: FormErrors
}) {
  const t = useT(privacyAdminMessages)
  const locale = useLocale()
  const pending = useIsPending()
  const schema = useMemo(() => recordRetentionSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, errors, { secretFields: [] })
  return (
    <section aria-labelledby="retention-heading" className="stack">
      <h2 id="retention-heading">{t('retentionHeading')}</h2>
      <p>{t('retentionLead')}</p>
      {saved && !errors ? (
        <p className="notice notice--success" role="status">
          {t('yearsSaved')}
        </p>
      ) : null}
      <Form {...formProps} className="stack" aria-labelledby="retention-heading">
        <FormErrorList errors={errors?.formErrors} />
        <input type="hidden" name="intent" value="record-retention" />
        <Field
          label={t('yearsLabel')}
          {...fields.input('years', {
            type: 'number',
            inputMode: 'numeric',
            min: 5,
            max: 30,
            defaultValue: String(years),
          })}
        />
        <SubmitButton pending={pending}>{t('yearsSave')}</SubmitButton>
      </Form>
    </section>
  )
}
