import { Form } from '@remix-run/react'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import {
  Field,
  FormErrorList,
  SelectField,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  ANAESTHETIC_LABELS,
  ANAESTHETICS,
  BLEEDING_LABELS,
  BLEEDING_LEVELS,
  REDNESS_GRADES,
  REDNESS_LABELS,
  TREATMENT_AREA_LABELS,
  TREATMENT_AREAS,
  type TreatmentArea,
  TreatmentRecordSchema,
} from '#app/domain/treatment/treatment.schema.ts'
import { formatDepthMm } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'

export type TreatmentFormStart = {
  id: string
  areas: { area: TreatmentArea; depthUm: number }[]
  device: string
  cartridgeLot: string
  anaesthetic: string
  anaestheticMinutes: number | null
  rednessGrade: number
  bleeding: string
  notes: string
} | null

/**
 * The treatment record: a tick and a depth for each area treated, the device and the lot of the
 * single-use cartridge, numbing, the immediate response and notes. Works without JavaScript: the
 * server checks the same schema and the depth limits, and answers beside each field.
 */
export function TreatmentRecordForm({
  limitUm,
  start,
  serverErrors,
  pending,
}: {
  limitUm: number
  start: TreatmentFormStart
  serverErrors: FormErrors | undefined
  pending: boolean
}) {
  const startDepth = (area: TreatmentArea) =>
    start?.areas.find((entry) => entry.area === area)?.depthUm
  const { formProps, fields, register, fieldError, defaultValue } = useSchemaForm(
    TreatmentRecordSchema,
    serverErrors,
    { defaultValues: { areas: start?.areas.map((entry) => entry.area) ?? [] } },
  )
  /** What a field starts with when this corrects an earlier entry. */
  const from = (value: string | number | null | undefined) => ({
    defaultValue: value === null || value === undefined ? undefined : String(value),
  })
  const posted = (name: string, fallback?: string | number | null) =>
    defaultValue(name) ?? from(fallback).defaultValue
  const postedAreas = serverErrors?.values.areas
  const chosenAreas = postedAreas
    ? ([] as string[]).concat(postedAreas)
    : (start?.areas.map((entry) => entry.area) ?? [])
  return (
    <Form {...formProps} className="stack">
      <FormErrorList errors={serverErrors?.formErrors} />
      {start ? <input type="hidden" name="correctsRecordId" value={start.id} /> : null}
      <fieldset className="stack">
        <legend>Areas treated and needle depth</legend>
        <p className="hint" id="depth-limit">
          At most {formatDepthMm(limitUm)} for this visit (the lower of the service&apos;s and the
          practitioner&apos;s limit). Tick each area treated and give the deepest setting used
          there.
        </p>
        <FieldErrorLine error={fieldError('areas')} />
        <ul className="treatment-areas">
          {TREATMENT_AREAS.map((area) => (
            <li key={area} className="treatment-area">
              <div className="field field--checkbox">
                <input
                  id={`area-${area}`}
                  type="checkbox"
                  {...register('areas')}
                  value={area}
                  defaultChecked={chosenAreas.includes(area)}
                />
                <label htmlFor={`area-${area}`}>{TREATMENT_AREA_LABELS[area]}</label>
              </div>
              <Field
                label={`Depth at ${TREATMENT_AREA_LABELS[area].toLowerCase()} (mm)`}
                {...fields.input(`depth_${area}`, {
                  inputMode: 'decimal',
                  autoComplete: 'off',
                  ...from(startDepth(area) === undefined ? undefined : startDepth(area)! / 1000),
                })}
              />
            </li>
          ))}
        </ul>
      </fieldset>
      <Field
        label="Device"
        hint="Make and model, for example Dermapen 4."
        {...fields.input('device', from(start?.device))}
      />
      <Field
        label="Cartridge lot number"
        hint="From the packet of the single-use cartridge."
        {...fields.input('cartridgeLot', { autoComplete: 'off', ...from(start?.cartridgeLot) })}
      />
      <SelectField
        label="Numbing cream"
        {...fields.select('anaesthetic', { defaultValue: start?.anaesthetic ?? 'none' })}
      >
        {ANAESTHETICS.map((value) => (
          <option key={value} value={value}>
            {ANAESTHETIC_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Minutes the cream was on"
        hint="Leave empty when no cream was used."
        {...fields.input('anaestheticMinutes', {
          inputMode: 'numeric',
          ...from(start?.anaestheticMinutes),
        })}
      />
      <ChoiceGroup
        legend="Redness at the end of the session"
        type="radio"
        options={REDNESS_GRADES.map((value) => ({ value, label: REDNESS_LABELS[value] }))}
        chosen={[posted('rednessGrade', start?.rednessGrade) ?? '']}
        {...fields.choices('rednessGrade')}
      />
      <ChoiceGroup
        legend="Bleeding"
        type="radio"
        options={BLEEDING_LEVELS.map((value) => ({ value, label: BLEEDING_LABELS[value] }))}
        chosen={[posted('bleeding', start?.bleeding) ?? '']}
        {...fields.choices('bleeding')}
      />
      <TextareaField
        label="Notes (optional)"
        {...fields.textarea('notes', { rows: 4, maxLength: 2000, ...from(start?.notes) })}
      />
      <SubmitButton pending={pending} pendingText="Saving…">
        {start ? 'Save the correction' : 'Save and complete the visit'}
      </SubmitButton>
    </Form>
  )
}

function FieldErrorLine({ error }: { error?: string }) {
  if (!error) return null
  return (
    <p className="field-error" role="alert">
      {error}
    </p>
  )
}
