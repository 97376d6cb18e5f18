import { Form } from '@remix-run/react'
import { useMemo } from 'react'
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
  ANAESTHETICS,
  BLEEDING_LEVELS,
  REDNESS_GRADES,
  TREATMENT_AREAS,
  type TreatmentArea,
  treatmentRecordSchema,
} from '#app/domain/treatment/treatment.schema.ts'
import {
  AFTERCARE_PRODUCTS,
  PASSES,
  productsNeedingConfirmation,
  SKIN_PRODUCTS,
  type SkinProduct,
  type TreatmentProducts,
} from '#app/domain/treatment/skin-products.rules.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { visitMessages } from '#app/i18n/messages/index.ts'
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
  const t = useT(visitMessages)
  const locale = useLocale()
  const schema = useMemo(() => treatmentRecordSchema(locale), [locale])
  const { form, formProps, fields, register, fieldError, defaultValue } = useSchemaForm(
    schema,
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
        <legend>{t('areasLegend')}</legend>
        <p className="hint" id="depth-limit">
          {t('depthLimitHint', { depth: formatDepthMm(limitUm, locale) })}
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
                <label htmlFor={`area-${area}`}>{t(`area.${area}`)}</label>
              </div>
              <Field
                label={t('depthAt', { area: t(`area.${area}`).toLowerCase() })}
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
        label={t('passes')}
        hint={t('passesHint', { min: PASSES.min, max: PASSES.max })}
        {...fields.input('passes', { inputMode: 'numeric', ...from(start?.passes) })}
      />
      <Field
        label={t('device')}
        hint={t('deviceHint')}
        {...fields.input('device', from(start?.device))}
      />
      <Field
        label={t('cartridgeLot')}
        hint={t('cartridgeLotHint')}
        {...fields.input('cartridgeLot', { autoComplete: 'off', ...from(start?.cartridgeLot) })}
      />
      <SelectField
        label={t('anaesthetic')}
        {...fields.select('anaesthetic', { defaultValue: start?.anaesthetic ?? 'none' })}
      >
        {ANAESTHETICS.map((value) => (
          <option key={value} value={value}>
            {t(`anaestheticKind.${value}`)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('anaestheticMinutes')}
        hint={t('anaestheticMinutesHint')}
        {...fields.input('anaestheticMinutes', {
          inputMode: 'numeric',
          ...from(start?.anaestheticMinutes),
        })}
      />
      <ChoiceGroup
        legend={t('skinProducts')}
        hint={t('skinProductsHint')}
        type="checkbox"
        options={SKIN_PRODUCTS.map((value) => ({ value, label: t(`skinProduct.${value}`) }))}
        chosen={chosenProducts}
        {...fields.choices('skinProducts')}
        after={(value) =>
          value === 'other' ? (
            <Field
              label={t('skinProductOther')}
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
                {t('notApprovedList', {
                  products: unapproved.map((value) => t(`skinProduct.${value}`)).join(', '),
                })}
              </strong>{' '}
              {t('unapprovedWarning')}
            </p>
            <CheckboxField
              label={t('confirmWarning')}
              {...fields.checkbox('skinProductConfirmed', {
                defaultChecked:
                  defaultValue('skinProductConfirmed') !== undefined ||
                  (!serverErrors && Boolean(start?.skinProductReason)),
              })}
            />
            <TextareaField
              label={t('whyProduct')}
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
        label={t('aftercareProduct')}
        {...fields.select('aftercareProduct', {
          defaultValue: start?.aftercareProduct ?? '',
        })}
      >
        <option value="" disabled>
          {t('chooseOne')}
        </option>
        {AFTERCARE_PRODUCTS.map((value) => (
          <option key={value} value={value}>
            {t(`aftercareKind.${value}`)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('aftercareProductName')}
        hint={t('aftercareProductNameHint')}
        {...fields.input('aftercareProductName', {
          autoComplete: 'off',
          ...from(start?.aftercareProductName),
        })}
      />
      <ChoiceGroup
        legend={t('redness')}
        type="radio"
        options={REDNESS_GRADES.map((value) => ({ value, label: t(`rednessGrade.${value}`) }))}
        chosen={[posted('rednessGrade', start?.rednessGrade) ?? '']}
        {...fields.choices('rednessGrade')}
      />
      <ChoiceGroup
        legend={t('bleeding')}
        type="radio"
        options={BLEEDING_LEVELS.map((value) => ({ value, label: t(`bleedingLevel.${value}`) }))}
        chosen={[posted('bleeding', start?.bleeding) ?? '']}
        {...fields.choices('bleeding')}
      />
      <TextareaField
        label={t('notes')}
        {...fields.textarea('notes', { rows: 4, maxLength: 2000, ...from(start?.notes) })}
      />
      <SubmitButton pending={pending} pendingText={t('saving')}>
        {start ? t('saveCorrection') : t('saveAndComplete')}
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
