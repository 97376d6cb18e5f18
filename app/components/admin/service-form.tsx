import { Form } from '@remix-run/react'
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
import { ServiceSchema } from '#app/domain/clinic/admin.schema.ts'
import { type ServiceKind, type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { useIsPending } from '#app/components/forms/action-data.ts'

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
  const { formRef, onSubmit, register, fieldError, defaultValue, shouldAutoFocus } = useSchemaForm(
    ServiceSchema,
    serverErrors,
  )
  const isSubmitting = useIsPending()
  const initial = (name: string, fallback: string) =>
    serverErrors ? (defaultValue(name) ?? '') : fallback
  const text = (name: keyof ServiceDefaults & string, fallback: string) => ({
    ...register(name),
    defaultValue: initial(name, fallback),
    autoFocus: shouldAutoFocus(name),
  })
  const number = (name: keyof ServiceDefaults & string, min: number, max: number) => ({
    ...text(name, String(defaults[name])),
    type: 'number',
    inputMode: 'numeric' as const,
    min,
    max,
    step: 1,
  })
  const isActive = serverErrors ? serverErrors.values.isActive !== undefined : defaults.isActive
  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} aria-labelledby={labelledBy}>
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Name"
        error={fieldError('name')}
        inputProps={{ ...text('name', defaults.name), autoComplete: 'off' }}
      />
      <TextareaField
        label="Description for patients"
        hint="What is done, for what, and by whom. Plain words."
        error={fieldError('description')}
        textareaProps={{ ...text('description', defaults.description), rows: 4 }}
      />
      <SelectField
        label="Kind"
        hint="A consultation needles nothing: no screening, no consent, no depth."
        error={fieldError('kind')}
        selectProps={text('kind', defaults.kind)}
      >
        <option value="treatment">Treatment</option>
        <option value="consultation">Consultation</option>
      </SelectField>
      <SelectField
        label="Tier"
        hint="Medical needs a medical practitioner (choosing it takes the service away from aesthetic practitioners). Cosmetic needles 0.5 mm at most."
        error={fieldError('tier')}
        selectProps={text('tier', defaults.tier)}
      >
        <option value="medical">Medical</option>
        <option value="cosmetic">Cosmetic</option>
      </SelectField>
      <Field
        label="Length (minutes)"
        error={fieldError('durationMinutes')}
        inputProps={number('durationMinutes', 5, 480)}
      />
      <Field
        label="Buffer after (minutes)"
        hint="Cleaning and notes before the next patient."
        error={fieldError('bufferAfterMinutes')}
        inputProps={number('bufferAfterMinutes', 0, 240)}
      />
      <Field
        label="Deepest needling (mm)"
        hint="In millimetres, for example 1.5. Leave empty for a consultation."
        error={fieldError('maxNeedleDepthMm')}
        inputProps={{
          ...register('maxNeedleDepthMm'),
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue: initial(
            'maxNeedleDepthMm',
            defaults.maxNeedleDepthUm === null
              ? ''
              : millimetresInputValue(defaults.maxNeedleDepthUm),
          ),
          autoFocus: shouldAutoFocus('maxNeedleDepthMm'),
        }}
      />
      <Field
        label="Sessions in a course"
        hint="1 for a single visit."
        error={fieldError('courseSessions')}
        inputProps={number('courseSessions', 1, 12)}
      />
      <Field
        label="Weeks between sessions"
        error={fieldError('courseIntervalWeeks')}
        inputProps={number('courseIntervalWeeks', 0, 52)}
      />
      <Field
        label="Price in euros (optional)"
        hint="For example 250 or 89.50. Leave empty to show no price."
        error={fieldError('price')}
        inputProps={{
          ...register('price'),
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue: initial(
            'price',
            defaults.priceCents === null ? '' : eurosInputValue(defaults.priceCents),
          ),
          autoFocus: shouldAutoFocus('price'),
        }}
      />
      <Field
        label="Downtime"
        hint='What patients can expect afterwards, for example "Red for 2 to 3 days", or "None".'
        error={fieldError('downtime')}
        inputProps={{ ...text('downtime', defaults.downtime), autoComplete: 'off' }}
      />
      <Field
        label="Position in the list"
        hint="Lower numbers come first."
        error={fieldError('sortOrder')}
        inputProps={number('sortOrder', 0, 999)}
      />
      <CheckboxField
        label="Active: patients can book it"
        hint="Deactivating asks what to do with its upcoming bookings."
        error={fieldError('isActive')}
        inputProps={{ ...register('isActive'), defaultChecked: isActive }}
      />
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
