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
import { ServiceSchema } from '#app/domain/clinic/admin.schema.ts'
import { type ServiceKind, type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
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
  const { formProps, fields } = useSchemaForm(ServiceSchema, serverErrors)
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
  return (
    <Form {...formProps} aria-labelledby={labelledBy}>
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field label="Name" {...text('name', defaults.name)} />
      <TextareaField
        label="Description for patients"
        hint="What is done, for what, and by whom. Plain words."
        {...fields.textarea('description', { rows: 4, defaultValue: defaults.description })}
      />
      <SelectField
        label="Kind"
        hint="A consultation needles nothing: no screening, no consent, no depth."
        {...fields.select('kind', { defaultValue: defaults.kind })}
      >
        <option value="treatment">Treatment</option>
        <option value="consultation">Consultation</option>
      </SelectField>
      <SelectField
        label="Tier"
        hint="Medical needs a medical practitioner (choosing it takes the service away from aesthetic practitioners). Cosmetic needles 0.5 mm at most."
        {...fields.select('tier', { defaultValue: defaults.tier })}
      >
        <option value="medical">Medical</option>
        <option value="cosmetic">Cosmetic</option>
      </SelectField>
      <Field label="Length (minutes)" {...number('durationMinutes', 5, 480)} />
      <Field
        label="Buffer after (minutes)"
        hint="Cleaning and notes before the next patient."
        {...number('bufferAfterMinutes', 0, 240)}
      />
      <Field
        label="Deepest needling (mm)"
        hint="In millimetres, for example 1.5. Leave empty for a consultation."
        {...fields.input('maxNeedleDepthMm', {
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue:
            defaults.maxNeedleDepthUm === null
              ? ''
              : millimetresInputValue(defaults.maxNeedleDepthUm),
        })}
      />
      <Field
        label="Sessions in a course"
        hint="1 for a single visit."
        {...number('courseSessions', 1, 12)}
      />
      <Field label="Weeks between sessions" {...number('courseIntervalWeeks', 0, 52)} />
      <Field
        label="Price in euros (optional)"
        hint="For example 250 or 89.50. Leave empty to show no price."
        {...fields.input('price', {
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue: defaults.priceCents === null ? '' : eurosInputValue(defaults.priceCents),
        })}
      />
      <Field
        label="Downtime"
        hint='What patients can expect afterwards, for example "Red for 2 to 3 days", or "None".'
        {...text('downtime', defaults.downtime)}
      />
      <Field
        label="Position in the list"
        hint="Lower numbers come first."
        {...number('sortOrder', 0, 999)}
      />
      <CheckboxField
        label="Active: patients can book it"
        hint="Deactivating asks what to do with its upcoming bookings."
        {...fields.checkbox('isActive', { defaultChecked: isActive })}
      />
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
