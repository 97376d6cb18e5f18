import { Form } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  CheckboxField,
  Field,
  FormErrorList,
  SelectField,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { eurosInputValue, millimetresInputValue } from '#app/domain/clinic/admin.rules.ts'
import { adminSchemas } from '#app/domain/clinic/admin.schema.ts'
import { type ServiceKind, type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages, adminServicesMessages } from '#app/i18n/messages/index.ts'
import { type FormErrors } from '#app/utils/forms.ts'

export type ServiceDefaults = {
  name: string
  description: string
  kind: ServiceKind
  tier: ServiceTier
  durationMinutes: number
  bufferAfterMinutes: number
  maxNeedleDepthUm: number | null
  courseSessions: number
  courseIntervalWeeks: number
  priceCents: number | null
  downtime: string
  isActive: boolean
  sortOrder: number
  /** The words in Italian ('' when there are none: patients reading Italian see the English). */
  nameIt?: string
  descriptionIt?: string
  downtimeIt?: string
}

/** Create and edit a service: what patients read, how long it takes, how deep it needles. */
export function ServiceForm({
  defaults,
  serverErrors,
  labelledBy,
  submitLabel,
}: {
  defaults: ServiceDefaults
  serverErrors: FormErrors | undefined
  labelledBy: string
  submitLabel: string
}) {
  const t = useT(adminServicesMessages)
  const ta = useT(adminMessages)
  const locale = useLocale()
  const { formProps, fields } = useSchemaForm(adminSchemas(locale).ServiceSchema, serverErrors)
  const isSubmitting = useIsPending()
  const text = (name: keyof ServiceDefaults & string, defaultValue: string) =>
    fields.input(name, { autoComplete: 'off', defaultValue })
  const number = (name: keyof ServiceDefaults & string, min: number, max: number) =>
    fields.input(name, {
      type: 'number',
      inputMode: 'numeric',
      min,
      max,
      step: 1,
      defaultValue: String(defaults[name]),
    })
  const isActive = serverErrors ? serverErrors.values.isActive !== undefined : defaults.isActive
  // "89.50" as the page's language writes it ("89,50"); the schema reads either.
  const decimal = (value: string) => (locale === 'en' ? value : value.replace('.', ','))
  return (
    <Form {...formProps} aria-labelledby={labelledBy}>
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field label={ta('name')} {...text('name', defaults.name)} />
      <TextareaField
        label={t('descriptionLabel')}
        hint={t('descriptionHint')}
        {...fields.textarea('description', { rows: 4, defaultValue: defaults.description })}
      />
      <SelectField
        label={t('kindLabel')}
        hint={t('kindHint')}
        {...fields.select('kind', { defaultValue: defaults.kind })}
      >
        <option value="treatment">{t('treatment')}</option>
        <option value="consultation">{ta('consultation')}</option>
      </SelectField>
      <SelectField
        label={t('tierLabel')}
        hint={t('tierHint')}
        {...fields.select('tier', { defaultValue: defaults.tier })}
      >
        <option value="medical">{ta('medical')}</option>
        <option value="cosmetic">{ta('cosmetic')}</option>
      </SelectField>
      <Field label={t('lengthLabel')} {...number('durationMinutes', 5, 480)} />
      <Field
        label={t('bufferLabel')}
        hint={t('bufferHint')}
        {...number('bufferAfterMinutes', 0, 240)}
      />
      <Field
        label={t('depthLabel')}
        hint={t('depthHint')}
        {...fields.input('maxNeedleDepthMm', {
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue:
            defaults.maxNeedleDepthUm === null
              ? ''
              : decimal(millimetresInputValue(defaults.maxNeedleDepthUm)),
        })}
      />
      <Field
        label={t('sessionsLabel')}
        hint={t('sessionsHint')}
        {...number('courseSessions', 1, 12)}
      />
      <Field label={t('weeksLabel')} {...number('courseIntervalWeeks', 0, 52)} />
      <Field
        label={t('priceLabel')}
        hint={t('priceHint')}
        {...fields.input('price', {
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue:
            defaults.priceCents === null ? '' : decimal(eurosInputValue(defaults.priceCents)),
        })}
      />
      <Field
        label={t('downtimeLabel')}
        hint={t('downtimeHint')}
        {...text('downtime', defaults.downtime)}
      />
      <fieldset className="stack">
        <legend>{t('italianLegend')}</legend>
        <p className="hint">{t('italianHint')}</p>
        <Field
          label={t('nameItLabel')}
          {...fields.input('nameIt', {
            autoComplete: 'off',
            lang: 'it',
            defaultValue: defaults.nameIt ?? '',
          })}
        />
        <TextareaField
          label={t('descriptionItLabel')}
          {...fields.textarea('descriptionIt', {
            rows: 4,
            lang: 'it',
            defaultValue: defaults.descriptionIt ?? '',
          })}
        />
        <Field
          label={t('downtimeItLabel')}
          {...fields.input('downtimeIt', {
            autoComplete: 'off',
            lang: 'it',
            defaultValue: defaults.downtimeIt ?? '',
          })}
        />
      </fieldset>
      <Field label={t('positionLabel')} hint={t('positionHint')} {...number('sortOrder', 0, 999)} />
      <CheckboxField
        label={t('activeLabel')}
        hint={t('activeHint')}
        {...fields.checkbox('isActive', { defaultChecked: isActive })}
      />
      <SubmitButton pending={isSubmitting} pendingText={ta('saving')}>
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
