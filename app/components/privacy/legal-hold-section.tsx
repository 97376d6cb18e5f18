import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { legalHoldSchema } from '#app/domain/privacy/privacy-requests.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { privacyAdminMessages } from '#app/i18n/messages/index.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/** The legal hold on a patient's chart, for admins (ADR 051): set with a reason, or lift. */
export function LegalHoldSection({
  hold,
  restricted,
  errors,
}: {
  hold: { reason: string; since: string } | null
  restricted: boolean
  errors?: FormErrors
}) {
  const t = useT(privacyAdminMessages)
  const locale = useLocale()
  const pending = useIsPending()
  const schema = useMemo(() => legalHoldSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, errors)
  return (
    <section aria-labelledby="hold-heading" className="stack">
      <h2 id="hold-heading">{t('holdHeading')}</h2>
      {restricted ? <p className="notice">{t('restrictedNow')}</p> : null}
      <p>{t('holdLead')}</p>
      {hold ? (
        <>
          <p>{t('holdActive', { date: hold.since, reason: hold.reason })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="clear-hold" />
            <SubmitButton pending={pending}>{t('holdClear')}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p>{t('holdNone')}</p>
          <Form {...formProps} className="stack" aria-labelledby="hold-heading">
            <FormErrorList errors={errors?.formErrors} />
            <input type="hidden" name="intent" value="set-hold" />
            <TextareaField
              label={t('holdReasonLabel')}
              {...fields.textarea('holdReason', { rows: 2 })}
            />
            <SubmitButton pending={pending}>{t('holdSet')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  )
}
