import { Form } from '@remix-run/react'
import { useId } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  CheckboxField,
  Field,
  FieldError,
  FormErrorList,
  SelectField,
  SubmitButton,
} from '#app/components/forms/fields.tsx'
import { RowActionForm } from '#app/components/forms/row-action-form.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TableHead } from '#app/components/table-head.tsx'
import { millimetresInputValue, timeInputValue } from '#app/domain/clinic/admin.rules.ts'
import {
  adminSchemas,
  hoursFieldNames,
  MAX_INTERVALS_PER_DAY,
  PRACTITIONER_BIO_MAX,
  WEEKDAYS,
} from '#app/domain/clinic/admin.schema.ts'
import { type Credential, type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages, adminPractitionersMessages } from '#app/i18n/messages/index.ts'
import { describeTimeZone, formatCalendarDate, formatMinutesOfDay } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/** The forms of the practitioner pages. Each works without JavaScript and posts its `intent`. */

export type ProfileDefaults = {
  displayName: string
  title: string
  credential: Credential
  registration: string
  bio: string
  maxNeedleDepthUm: number
  isActive: boolean
  /** The title and bio in Italian ('' when none: patients reading Italian see the English). */
  titleIt?: string
  bioIt?: string
}

/** Posted values come back as strings or lists; a checkbox group is always a list. */
function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

export function PractitionerProfileForm({
  defaults,
  serverErrors,
  intent,
  labelledBy,
  submitLabel,
}: {
  defaults: ProfileDefaults | null
  serverErrors: FormErrors | undefined
  /** 'profile' on the detail page; none on the create page. */
  intent?: 'profile'
  labelledBy: string
  submitLabel: string
}) {
  const t = useT(adminPractitionersMessages)
  const ta = useT(adminMessages)
  const locale = useLocale()
  const { formProps, fields } = useSchemaForm(
    adminSchemas(locale).PractitionerProfileSchema,
    serverErrors,
  )
  const isSubmitting = useIsPending(intent)
  const text = (name: 'displayName' | 'title' | 'registration' | 'bio') =>
    fields.input(name, { autoComplete: 'off', defaultValue: defaults?.[name] ?? '' })
  const isActive = serverErrors
    ? serverErrors.values.isActive !== undefined
    : (defaults?.isActive ?? true)
  return (
    <Form {...formProps} aria-labelledby={labelledBy}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field label={ta('name')} hint={t('nameHint')} {...text('displayName')} />
      <Field label={t('title')} hint={t('titleHint')} {...text('title')} />
      <SelectField
        label={ta('colCredential')}
        hint={t('credentialHint')}
        {...fields.select('credential', { defaultValue: defaults?.credential ?? 'medical' })}
      >
        <option value="medical">{t('credentialMedicalOption')}</option>
        <option value="aesthetic">{t('credentialAestheticOption')}</option>
      </SelectField>
      <Field label={t('registration')} hint={t('registrationHint')} {...text('registration')} />
      <Field
        label={t('bio')}
        hint={t('bioHint', { max: String(PRACTITIONER_BIO_MAX) })}
        {...text('bio')}
      />
      <fieldset className="stack">
        <legend>{t('italianLegend')}</legend>
        <p className="hint">{t('italianHint')}</p>
        <Field
          label={t('titleItLabel')}
          {...fields.input('titleIt', {
            autoComplete: 'off',
            lang: 'it',
            defaultValue: defaults?.titleIt ?? '',
          })}
        />
        <Field
          label={t('bioItLabel')}
          {...fields.input('bioIt', {
            autoComplete: 'off',
            lang: 'it',
            defaultValue: defaults?.bioIt ?? '',
          })}
        />
      </fieldset>
      <Field
        label={t('depth')}
        hint={t('depthHint')}
        {...fields.input('maxNeedleDepthMm', {
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue: defaults ? millimetresInputValue(defaults.maxNeedleDepthUm) : '',
        })}
      />
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

const TIER_BADGE = {
  medical: { className: 'badge badge--medical', label: 'medical' },
  cosmetic: { className: 'badge badge--cosmetic', label: 'cosmetic' },
} as const satisfies Record<ServiceTier, { className: string; label: string }>

export function PractitionerServicesForm({
  services,
  selected,
  credential,
  serverErrors,
  labelledBy,
}: {
  services: { id: string; name: string; tier: ServiceTier; isActive: boolean }[]
  selected: string[]
  credential: Credential
  serverErrors: FormErrors | undefined
  labelledBy: string
}) {
  const t = useT(adminPractitionersMessages)
  const ta = useT(adminMessages)
  const locale = useLocale()
  const { formProps, register, fieldError } = useSchemaForm(
    adminSchemas(locale).PractitionerServicesSchema,
    serverErrors,
  )
  const isSubmitting = useIsPending('services')
  const hintId = useId()
  const errorId = useId()
  const checked = serverErrors ? asList(serverErrors.values.serviceIds) : selected
  const error = fieldError('serviceIds')
  return (
    <Form {...formProps} aria-labelledby={labelledBy}>
      <input type="hidden" name="intent" value="services" />
      <FormErrorList errors={serverErrors?.formErrors} />
      <fieldset aria-describedby={[hintId, error ? errorId : ''].join(' ').trim()}>
        <legend>{t('servicesLegend')}</legend>
        <p id={hintId} className="hint">
          {credential === 'medical' ? t('servicesHintMedical') : t('servicesHintAesthetic')}{' '}
          {t('servicesHintRemoving')}
        </p>
        <FieldError id={errorId} error={error} />
        {services.map((service) => {
          const isChecked = checked.includes(service.id)
          const blocked = credential !== 'medical' && service.tier === 'medical' && !isChecked
          const badge = TIER_BADGE[service.tier]
          return (
            <CheckboxField
              key={service.id}
              label={
                <>
                  {service.name} <span className={badge.className}>{ta(badge.label)}</span>
                  {service.isActive ? null : <span className="muted"> {ta('inactiveSuffix')}</span>}
                  {blocked ? <span className="muted"> {t('needsMedical')}</span> : null}
                </>
              }
              inputProps={{
                ...register('serviceIds'),
                value: service.id,
                defaultChecked: isChecked,
                disabled: blocked,
              }}
            />
          )
        })}
      </fieldset>
      <SubmitButton pending={isSubmitting} pendingText={ta('saving')}>
        {t('saveServices')}
      </SubmitButton>
    </Form>
  )
}

type WeeklyInterval = { weekday: number; startMinute: number; endMinute: number }

/** Rows to show for a day: its intervals and one empty row to add another (at least two). */
function rowCount(existing: number, posted: number) {
  return Math.min(MAX_INTERVALS_PER_DAY, Math.max(existing + 1, posted + 1, 2))
}

export function WeeklyHoursForm({
  weekly,
  timeZone,
  serverErrors,
  labelledBy,
}: {
  weekly: WeeklyInterval[]
  timeZone: string
  serverErrors: FormErrors | undefined
  labelledBy: string
}) {
  const t = useT(adminPractitionersMessages)
  const ta = useT(adminMessages)
  const locale = useLocale()
  const { formProps, fields, defaultValue } = useSchemaForm(
    adminSchemas(locale).WeeklyHoursSchema,
    serverErrors,
  )
  const isSubmitting = useIsPending('hours')
  return (
    <Form {...formProps} aria-labelledby={labelledBy}>
      <input type="hidden" name="intent" value="hours" />
      <p className="hint">
        {t('hoursHint', {
          zone: describeTimeZone(timeZone, locale),
          max: String(MAX_INTERVALS_PER_DAY),
        })}
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <div className="week-grid">
        {WEEKDAYS.map(({ weekday }) => {
          const name = capitalised(t('weekday', { weekday: String(weekday) }))
          const existing = weekly.filter((interval) => interval.weekday === weekday)
          let posted = 0
          for (let row = 0; row < MAX_INTERVALS_PER_DAY; row++) {
            const names = hoursFieldNames(weekday, row)
            if (defaultValue(names.start) || defaultValue(names.end)) posted = row + 1
          }
          const rows = rowCount(existing.length, serverErrors ? posted : 0)
          return (
            <fieldset key={weekday}>
              <legend>{name}</legend>
              {Array.from({ length: rows }, (_, row) => {
                const names = hoursFieldNames(weekday, row)
                const interval = existing[row]
                const time = (field: string, minutes: number | undefined) =>
                  fields.input(field, {
                    type: 'time',
                    defaultValue: minutes === undefined ? '' : timeInputValue(minutes),
                  })
                const label = (edge: string) => (
                  <>
                    <span className="visually-hidden">
                      {t('intervalOf', { weekday: name, row: row + 1 })}{' '}
                    </span>
                    {edge}
                  </>
                )
                return (
                  <div className="interval-row" key={row}>
                    <Field
                      label={label(t('start'))}
                      {...time(names.start, interval?.startMinute)}
                    />
                    <Field label={label(t('end'))} {...time(names.end, interval?.endMinute)} />
                  </div>
                )
              })}
            </fieldset>
          )
        })}
      </div>
      <SubmitButton pending={isSubmitting} pendingText={ta('saving')}>
        {t('saveWeeklyHours')}
      </SubmitButton>
    </Form>
  )
}

export type ExceptionRow = {
  id: string
  kind: 'time_off' | 'extra_hours'
  date: string
  startMinute: number | null
  endMinute: number | null
  note: string
}

/** "Monday" for a legend; Italian day names are written in lower case inside a sentence. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const KIND_TEXT = { time_off: 'timeOff', extra_hours: 'extraHours' } as const
const REMOVE_ROW_TEXT = {
  time_off: 'removeRowTimeOff',
  extra_hours: 'removeRowExtraHours',
} as const

function hoursText(row: ExceptionRow, wholeDay: string) {
  if (row.startMinute === null || row.endMinute === null) return wholeDay
  return `${formatMinutesOfDay(row.startMinute)}–${formatMinutesOfDay(row.endMinute)}`
}

/** Upcoming time off and extra hours, each with a remove button. */
export function ExceptionsTable({
  exceptions,
  timeZone,
  removeErrors,
}: {
  exceptions: ExceptionRow[]
  timeZone: string
  removeErrors: FormErrors | undefined
}) {
  const t = useT(adminPractitionersMessages)
  const ta = useT(adminMessages)
  const locale = useLocale()
  return (
    <>
      <FormErrorList errors={removeErrors?.formErrors} />
      {exceptions.length === 0 ? (
        <p>{t('noExceptions')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {t('exceptionsCaption', { zone: describeTimeZone(timeZone, locale) })}
            </caption>
            <TableHead
              columns={[ta('colDate'), t('colKind'), t('colHours'), t('colNote'), ta('colAction')]}
            />
            <tbody>
              {exceptions.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{formatCalendarDate(row.date, locale)}</th>
                  <td>{t(KIND_TEXT[row.kind])}</td>
                  <td>{hoursText(row, t('wholeDay'))}</td>
                  <td>{row.note || '—'}</td>
                  <td>
                    <RowActionForm
                      intent="remove-exception"
                      idField="exceptionId"
                      id={row.id}
                      label={t('remove')}
                      rowName={t(REMOVE_ROW_TEXT[row.kind], {
                        date: formatCalendarDate(row.date, locale),
                      })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export function AddExceptionForm({
  today,
  serverErrors,
  labelledBy,
}: {
  today: string
  serverErrors: FormErrors | undefined
  labelledBy: string
}) {
  const t = useT(adminPractitionersMessages)
  const ta = useT(adminMessages)
  const locale = useLocale()
  const { formProps, fields, register, fieldError, defaultValue } = useSchemaForm(
    adminSchemas(locale).AddExceptionSchema,
    serverErrors,
  )
  const isSubmitting = useIsPending('add-exception')
  const kindErrorId = useId()
  const kind = (serverErrors && defaultValue('kind')) || 'time_off'
  const kindError = fieldError('kind')
  const wholeDay = serverErrors ? serverErrors.values.wholeDay !== undefined : false
  return (
    <Form {...formProps} aria-labelledby={labelledBy}>
      <input type="hidden" name="intent" value="add-exception" />
      <FormErrorList errors={serverErrors?.formErrors} />
      <fieldset aria-describedby={kindError ? kindErrorId : undefined}>
        <legend>{t('kind')}</legend>
        <FieldError id={kindErrorId} error={kindError} />
        <div className="field field--checkbox">
          <input
            id={`${kindErrorId}-off`}
            type="radio"
            {...register('kind')}
            value="time_off"
            defaultChecked={kind === 'time_off'}
          />
          <label htmlFor={`${kindErrorId}-off`}>{t('timeOffOption')}</label>
        </div>
        <div className="field field--checkbox">
          <input
            id={`${kindErrorId}-extra`}
            type="radio"
            {...register('kind')}
            value="extra_hours"
            defaultChecked={kind === 'extra_hours'}
          />
          <label htmlFor={`${kindErrorId}-extra`}>{t('extraHoursOption')}</label>
        </div>
      </fieldset>
      <Field label={ta('colDate')} {...fields.input('date', { type: 'date', min: today })} />
      <CheckboxField
        label={t('wholeDay')}
        hint={t('wholeDayHint')}
        {...fields.checkbox('wholeDay', { defaultChecked: wholeDay })}
      />
      <div className="interval-row">
        <Field label={t('startTime')} {...fields.input('startTime', { type: 'time' })} />
        <Field label={t('endTime')} {...fields.input('endTime', { type: 'time' })} />
      </div>
      <Field
        label={t('note')}
        hint={t('noteHint')}
        {...fields.input('note', { autoComplete: 'off', maxLength: 200 })}
      />
      <SubmitButton pending={isSubmitting} pendingText={ta('adding')}>
        {t('addToCalendar')}
      </SubmitButton>
    </Form>
  )
}
