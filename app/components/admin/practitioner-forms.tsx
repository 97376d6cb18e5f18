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
  AddExceptionSchema,
  hoursFieldNames,
  MAX_INTERVALS_PER_DAY,
  PRACTITIONER_BIO_MAX,
  PractitionerProfileSchema,
  PractitionerServicesSchema,
  WEEKDAYS,
  WeeklyHoursSchema,
} from '#app/domain/clinic/admin.schema.ts'
import { type Credential, type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
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
  const { formProps, fields } = useSchemaForm(PractitionerProfileSchema, serverErrors)
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
      <Field
        label="Name"
        hint="As patients see it, for example Dr Giulia Romano."
        {...text('displayName')}
      />
      <Field
        label="Title"
        hint="For example Doctor, dermatologist; Registered nurse; Aesthetician."
        {...text('title')}
      />
      <SelectField
        label="Credential"
        hint="Medical-tier services need a medical practitioner. Changing to aesthetic removes them from this practitioner."
        {...fields.select('credential', { defaultValue: defaults?.credential ?? 'medical' })}
      >
        <option value="medical">Medical (doctor or nurse)</option>
        <option value="aesthetic">Aesthetic (beauty professional)</option>
      </SelectField>
      <Field
        label="Registration"
        hint="Professional register and number."
        {...text('registration')}
      />
      <Field
        label="One line for patients (optional)"
        hint={`Shown under the name when patients choose who to see, at most ${PRACTITIONER_BIO_MAX} characters. For example: Nurse in aesthetic medicine since 2016.`}
        {...text('bio')}
      />
      <Field
        label="Deepest needling (mm)"
        hint="The deepest this practitioner needles, in millimetres, for example 1.5 (at most 3)."
        {...fields.input('maxNeedleDepthMm', {
          inputMode: 'decimal',
          autoComplete: 'off',
          defaultValue: defaults ? millimetresInputValue(defaults.maxNeedleDepthUm) : '',
        })}
      />
      <CheckboxField
        label="Active: offered to patients"
        hint="Deactivating asks what to do with their upcoming bookings."
        {...fields.checkbox('isActive', { defaultChecked: isActive })}
      />
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}

const TIER_BADGE: Record<ServiceTier, { className: string; label: string }> = {
  medical: { className: 'badge badge--medical', label: 'Medical' },
  cosmetic: { className: 'badge badge--cosmetic', label: 'Cosmetic' },
}

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
  const { formProps, register, fieldError } = useSchemaForm(
    PractitionerServicesSchema,
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
        <legend>Services this practitioner performs</legend>
        <p id={hintId} className="hint">
          {credential === 'medical'
            ? 'A medical practitioner can perform medical and cosmetic services.'
            : 'An aesthetic practitioner performs cosmetic services only: medical-tier services need a medical practitioner.'}{' '}
          Removing a service asks what to do with its upcoming bookings.
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
                  {service.name} <span className={badge.className}>{badge.label}</span>
                  {service.isActive ? null : <span className="muted"> (inactive)</span>}
                  {blocked ? <span className="muted"> (needs a medical practitioner)</span> : null}
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
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        Save services
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
  const { formProps, fields, defaultValue } = useSchemaForm(WeeklyHoursSchema, serverErrors)
  const isSubmitting = useIsPending('hours')
  return (
    <Form {...formProps} aria-labelledby={labelledBy}>
      <input type="hidden" name="intent" value="hours" />
      <p className="hint">
        Times are {describeTimeZone(timeZone)}. Each day has an empty row for another interval (save
        to get one more, up to {MAX_INTERVALS_PER_DAY}); empty a row to remove it. If new hours
        leave upcoming bookings outside them, you will be asked what to do first.
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <div className="week-grid">
        {WEEKDAYS.map(({ weekday, name }) => {
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
                      {name} interval {row + 1}{' '}
                    </span>
                    {edge}
                  </>
                )
                return (
                  <div className="interval-row" key={row}>
                    <Field label={label('Start')} {...time(names.start, interval?.startMinute)} />
                    <Field label={label('End')} {...time(names.end, interval?.endMinute)} />
                  </div>
                )
              })}
            </fieldset>
          )
        })}
      </div>
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        Save weekly hours
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

const KIND_TEXT = { time_off: 'Time off', extra_hours: 'Extra hours' } as const

function hoursText(row: ExceptionRow) {
  if (row.startMinute === null || row.endMinute === null) return 'Whole day'
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
  return (
    <>
      <FormErrorList errors={removeErrors?.formErrors} />
      {exceptions.length === 0 ? (
        <p>No time off or extra hours from today on.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Upcoming time off and extra hours ({describeTimeZone(timeZone)})</caption>
            <TableHead columns={['Date', 'Kind', 'Hours', 'Note', 'Action']} />
            <tbody>
              {exceptions.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{formatCalendarDate(row.date)}</th>
                  <td>{KIND_TEXT[row.kind]}</td>
                  <td>{hoursText(row)}</td>
                  <td>{row.note || '—'}</td>
                  <td>
                    <RowActionForm
                      intent="remove-exception"
                      idField="exceptionId"
                      id={row.id}
                      label="Remove"
                      rowName={
                        <>
                          {KIND_TEXT[row.kind].toLowerCase()} on {formatCalendarDate(row.date)}
                        </>
                      }
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
  const { formProps, fields, register, fieldError, defaultValue } = useSchemaForm(
    AddExceptionSchema,
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
        <legend>Kind</legend>
        <FieldError id={kindErrorId} error={kindError} />
        <div className="field field--checkbox">
          <input
            id={`${kindErrorId}-off`}
            type="radio"
            {...register('kind')}
            value="time_off"
            defaultChecked={kind === 'time_off'}
          />
          <label htmlFor={`${kindErrorId}-off`}>Time off (not available)</label>
        </div>
        <div className="field field--checkbox">
          <input
            id={`${kindErrorId}-extra`}
            type="radio"
            {...register('kind')}
            value="extra_hours"
            defaultChecked={kind === 'extra_hours'}
          />
          <label htmlFor={`${kindErrorId}-extra`}>Extra hours (available beyond the week)</label>
        </div>
      </fieldset>
      <Field label="Date" {...fields.input('date', { type: 'date', min: today })} />
      <CheckboxField
        label="Whole day"
        hint="Time off only: leave the times empty."
        {...fields.checkbox('wholeDay', { defaultChecked: wholeDay })}
      />
      <div className="interval-row">
        <Field label="Start time" {...fields.input('startTime', { type: 'time' })} />
        <Field label="End time" {...fields.input('endTime', { type: 'time' })} />
      </div>
      <Field
        label="Note (optional)"
        hint="For staff only, for example Conference. Patients never see it."
        {...fields.input('note', { autoComplete: 'off', maxLength: 200 })}
      />
      <SubmitButton pending={isSubmitting} pendingText="Adding…">
        Add to the calendar
      </SubmitButton>
    </Form>
  )
}
