import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { ErrorSummary, Field, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TIMES_OF_DAY } from '#app/domain/waitlist/waitlist.constants.ts'
import { joinWaitlistSchema, staffAddWaitlistSchema } from '#app/domain/waitlist/waitlist.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { waitlistMessages } from '#app/i18n/messages/index.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/**
 * The waitlist form: who, which days, which times of day, name and email. The patient's page and
 * the staff page (which asks for the treatment first) share it and its schema.
 */
export function WaitlistForm({
  variant,
  actionData,
  practitioners,
  firstDate,
  pending,
  submitLabel,
  serviceId,
}: {
  variant: 'patient' | 'staff'
  actionData: FormErrors | undefined
  practitioners: { id: string; name: string }[]
  firstDate: string
  pending: boolean
  submitLabel: string
  /** Staff only: the treatment, chosen above the form (the practitioners follow it). */
  serviceId?: string
}) {
  const t = useT(waitlistMessages)
  const locale = useLocale()
  const schema = useMemo(
    () => (variant === 'staff' ? staffAddWaitlistSchema(locale) : joinWaitlistSchema(locale)),
    [variant, locale],
  )
  const posted = actionData?.values
  const postedTimes = posted?.timesOfDay
  const chosenTimes = Array.isArray(postedTimes) ? postedTimes : postedTimes ? [postedTimes] : []
  const chosenWho = typeof posted?.practitioner === 'string' ? posted.practitioner : 'any'
  const { formProps, fields, problems } = useSchemaForm(schema, actionData, {
    secretFields: [],
    errorSummary: true,
    defaultValues: { timesOfDay: chosenTimes, practitioner: chosenWho },
  })
  const who = fields.choices('practitioner')
  const times = fields.choices('timesOfDay')
  return (
    <Form {...formProps} className="stack">
      <ErrorSummary problems={problems()} formErrors={actionData?.formErrors} />
      {variant === 'staff' ? <input type="hidden" name="intent" value="add" /> : null}
      {serviceId ? (
        <input
          {...fields.input('serviceId', { type: 'hidden', defaultValue: serviceId }).inputProps}
        />
      ) : null}
      <ChoiceGroup
        legend={t('whoLegend')}
        type="radio"
        error={who.error}
        inputProps={who.inputProps}
        anchorId={who.anchorId}
        chosen={[chosenWho]}
        options={[
          { value: 'any', label: t('anyone') },
          ...practitioners.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <fieldset className="stack">
        <legend>{t('datesLegend')}</legend>
        <Field
          label={t('fromLabel')}
          {...fields.input('fromDate', { type: 'date', min: firstDate, defaultValue: firstDate })}
        />
        <Field
          label={t('toLabel')}
          {...fields.input('toDate', { type: 'date', min: firstDate, defaultValue: firstDate })}
        />
      </fieldset>
      <ChoiceGroup
        legend={t('timesLegend')}
        type="checkbox"
        error={times.error}
        inputProps={times.inputProps}
        anchorId={times.anchorId}
        chosen={chosenTimes}
        options={TIMES_OF_DAY.map((time) => ({ value: time, label: t(`time.${time}`) }))}
      />
      <Field label={t('nameLabel')} {...fields.input('fullName', { autoComplete: 'name' })} />
      <Field
        label={t('emailLabel')}
        hint={variant === 'patient' ? t('emailHint') : undefined}
        {...fields.input('email', { type: 'email', autoComplete: 'email' })}
      />
      <p>
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </p>
    </Form>
  )
}
