import { Form } from '@remix-run/react'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import {
  CheckboxField,
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
import {
  AFTERCARE_PRODUCT_LABELS,
  AFTERCARE_PRODUCTS,
  PASSES,
  productsNeedingConfirmation,
  SKIN_PRODUCT_LABELS,
  SKIN_PRODUCTS,
  type SkinProduct,
  type TreatmentProducts,
  UNAPPROVED_PRODUCT_WARNING,
} from '#app/domain/treatment/skin-products.rules.ts'
import { formatDepthMm } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'

export type TreatmentFormStart =
  | ({
      id: string
      areas: { area: TreatmentArea; depthUm: number }[]
      device: string
      cartridgeLot: string
      anaesthetic: string
      anaestheticMinutes: number | null
      rednessGrade: number
      bleeding: string
      notes: string
    } & TreatmentProducts)
  | null

/**
 * The treatment record: a tick and a depth for each area treated, the passes, the device and the
 * lot of the single-use cartridge, numbing, what was put on the skin and the aftercare product
 * given, the immediate response and notes. A product not approved for use with needling shows a
 * warning that asks for a confirmation and a reason (as soon as it is ticked with JavaScript,
 * after the post without). Works without JavaScript: the server checks the same schema and the
 * depth limits, and answers beside each field.
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
  const postedProducts = serverErrors?.values.skinProducts
  const chosenProducts = postedProducts
    ? ([] as string[]).concat(postedProducts)
    : (start?.skinProducts ?? [])
  const { form, formProps, fields, register, fieldError, defaultValue } = useSchemaForm(
    TreatmentRecordSchema,
    serverErrors,
    {
      defaultValues: {
        areas: start?.areas.map((entry) => entry.area) ?? [],
        skinProducts: chosenProducts,
      },
    },
  )
  const watchedProducts: unknown = form.watch('skinProducts')
  const unapproved = productsNeedingConfirmation(
    ([] as unknown[])
      .concat(watchedProducts ?? [])
      .filter((value): value is SkinProduct => SKIN_PRODUCTS.includes(value as SkinProduct)),
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
        label="Passes over each area"
        hint={`Whole passes, ${PASSES.min} to ${PASSES.max}.`}
        {...fields.input('passes', { inputMode: 'numeric', ...from(start?.passes) })}
      />
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
        legend="Put on the skin during and right after needling"
        hint="Tick each product, or Nothing."
        type="checkbox"
        options={SKIN_PRODUCTS.map((value) => ({ value, label: SKIN_PRODUCT_LABELS[value] }))}
        chosen={chosenProducts}
        {...fields.choices('skinProducts')}
        after={(value) =>
          value === 'other' ? (
            <Field
              label="Which other product"
              {...fields.input('skinProductOther', {
                autoComplete: 'off',
                ...from(start?.skinProductOther),
              })}
            />
          ) : null
        }
      />
      <div aria-live="polite">
        {unapproved.length > 0 ? (
          <div className="notice notice--warning stack">
            <p>
              <strong>
                Not approved for use with needling:{' '}
                {unapproved.map((value) => SKIN_PRODUCT_LABELS[value]).join(', ')}.
              </strong>{' '}
              {UNAPPROVED_PRODUCT_WARNING}
            </p>
            <CheckboxField
              label="I read this warning, and this product was used"
              {...fields.checkbox('skinProductConfirmed', {
                defaultChecked:
                  defaultValue('skinProductConfirmed') !== undefined ||
                  (!serverErrors && Boolean(start?.skinProductReason)),
              })}
            />
            <TextareaField
              label="Why this product was used"
              {...fields.textarea('skinProductReason', {
                rows: 2,
                maxLength: 500,
                ...from(start?.skinProductReason),
              })}
            />
          </div>
        ) : null}
      </div>
      <SelectField
        label="Aftercare product given"
        {...fields.select('aftercareProduct', {
          defaultValue: start?.aftercareProduct ?? '',
        })}
      >
        <option value="" disabled>
          Choose one
        </option>
        {AFTERCARE_PRODUCTS.map((value) => (
          <option key={value} value={value}>
            {AFTERCARE_PRODUCT_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Aftercare product name"
        hint="Brand and name as on the pack. Needed for Other."
        {...fields.input('aftercareProductName', {
          autoComplete: 'off',
          ...from(start?.aftercareProductName),
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
