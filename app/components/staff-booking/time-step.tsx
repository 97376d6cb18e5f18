import { Form, Link, useActionData } from '@remix-run/react'
import { useMemo } from 'react'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import {
  FormErrorList,
  SelectField,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import type { StaffBookingPage } from '#app/domain/booking/staff-booking-page.server.ts'
import { staffBookingHref } from '#app/domain/booking/staff-booking-links.ts'
import { confirmStaffBookingSchema } from '#app/domain/booking/staff-booking.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { type Locale, LOCALES } from '#app/i18n/locales.ts'
import { staffBookingMessages } from '#app/i18n/messages/index.ts'

/** The service, practitioner and time for the chosen patient, then the booking form. */
export function TimeStep({
  data,
}: {
  data: Extract<StaffBookingPage, { step: 'service' | 'time' }>
}) {
  const t = useT(staffBookingMessages)
  const picker = data.picker
  return (
    <>
      <section aria-labelledby="patient-heading">
        <h2 id="patient-heading">{t('patientHeading')}</h2>
        <p>
          <strong>{data.patient.fullName}</strong>{' '}
          {t('patientFacts', {
            born: data.patient.born,
            email: data.patient.email,
            phone: data.patient.phone,
          })}
        </p>
        <p>
          <Link to={staffBookingHref(data.carried, { patientId: undefined })}>
            {t('otherPatient')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="time-heading" className="stack">
        <h2 id="time-heading">{t('timeHeading')}</h2>
        {data.startLabel ? (
          <p className={data.startOffered ? 'notice' : 'notice notice--warning'}>
            {data.startOffered
              ? t('startOffered', { when: data.startLabel })
              : data.serviceId
                ? t('startNotOffered', { when: data.startLabel })
                : t('startChooseService', { when: data.startLabel })}
          </p>
        ) : null}
        <Form method="get" className="stack">
          <input type="hidden" name="patientId" value={data.patient.id} />
          {data.carried.start ? (
            <input type="hidden" name="start" value={data.carried.start} />
          ) : null}
          {!picker && data.carried.practitionerId ? (
            <input type="hidden" name="practitionerId" value={data.carried.practitionerId} />
          ) : null}
          <SelectField
            label={t('serviceLabel')}
            selectProps={{ name: 'serviceId', defaultValue: data.serviceId ?? '', required: true }}
          >
            <option value="" disabled>
              {t('serviceChoose')}
            </option>
            {data.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          {picker ? (
            <SelectField
              label={t('practitionerLabel')}
              selectProps={{ name: 'practitionerId', defaultValue: picker.selectedPractitioner }}
            >
              <option value="any">{t('anyPractitioner')}</option>
              {picker.practitioners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <div className="field field--checkbox">
            <input
              id="override"
              type="checkbox"
              name="override"
              value="1"
              defaultChecked={data.override}
              aria-describedby="override-hint"
            />
            <label htmlFor="override">{t('overrideLabel')}</label>
            <p id="override-hint" className="hint">
              {t('overrideHint')}
            </p>
          </div>
          <p>
            <button type="submit" className="button button--secondary">
              {t('showTimes')}
            </button>
          </p>
        </Form>
        {data.courseSpacingFrom ? (
          <p className="notice">{t('courseSpacing', { date: data.courseSpacingFrom })}</p>
        ) : null}
        {picker ? <Picker data={data} picker={picker} /> : null}
      </section>
    </>
  )
}

function Picker({
  data,
  picker,
}: {
  data: Extract<StaffBookingPage, { step: 'service' | 'time' }>
  picker: NonNullable<Extract<StaffBookingPage, { step: 'service' | 'time' }>['picker']>
}) {
  const t = useT(staffBookingMessages)
  const locale = useLocale()
  const actionData = useActionData()
  const serverErrors = formErrorsFor(actionData, 'book')
  const schema = useMemo(() => confirmStaffBookingSchema(locale), [locale])
  const { formProps, fields, register } = useSchemaForm(schema, serverErrors, {
    secretFields: [],
  })
  const pending = useIsPending('book')
  const carried = { ...data.carried, practitionerId: picker.selectedPractitioner }
  const firstDay = picker.days[0]?.date
  const chosen = data.startOffered && data.preselected ? [data.preselected] : []
  const languageNames: Record<Locale, string> = { it: t('languageIt'), en: t('languageEn') }
  return (
    <>
      <p className="muted">{t('shownIn', { zone: picker.timeZoneLabel })}</p>
      <h3>{t('chooseDay')}</h3>
      <ul className="day-list">
        {picker.days.map((day) => (
          <li key={day.date}>
            {day.slotCount > 0 ? (
              <Link
                to={staffBookingHref(carried, { from: firstDay, date: day.date })}
                className="day-list__day"
                aria-current={day.date === picker.selectedDate ? 'date' : undefined}
                preventScrollReset
              >
                <span className="day-list__label">{day.label}</span>
                <span className="day-list__count">{t('timesCount', { count: day.slotCount })}</span>
              </Link>
            ) : (
              <span className="day-list__day day-list__day--full">
                <span className="day-list__label">{day.label}</span>
                <span className="day-list__count">{t('timesCount', { count: 0 })}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="cluster">
        {picker.earlierFrom ? (
          <Link to={staffBookingHref(carried, { from: picker.earlierFrom })}>
            {t('earlierDays')}
          </Link>
        ) : null}
        {picker.laterFrom ? (
          <Link to={staffBookingHref(carried, { from: picker.laterFrom })}>{t('laterDays')}</Link>
        ) : null}
      </p>
      {picker.selectedDate && picker.selectedDateLabel ? (
        <Form {...formProps} className="stack">
          <input type="hidden" {...register('intent')} value="book" />
          <input type="hidden" {...register('patientId')} value={data.patient.id} />
          <input type="hidden" {...register('serviceId')} value={data.serviceId ?? ''} />
          {data.override ? <input type="hidden" {...register('override')} value="1" /> : null}
          <FormErrorList errors={serverErrors?.formErrors} />
          <ChoiceGroup
            legend={t('timesLegend', { date: picker.selectedDateLabel })}
            type="radio"
            options={picker.slots.map((slot) => ({
              value: slot.value,
              label: t('slotLabel', { time: slot.time, practitioner: slot.practitionerName }),
            }))}
            chosen={chosen}
            className="time-choices"
            {...fields.choices('slot')}
          />
          <ChoiceGroup
            legend={t('languageLegend')}
            hint={t('languageHint')}
            type="radio"
            options={LOCALES.map((value) => ({ value, label: languageNames[value] }))}
            chosen={[data.defaultLocale]}
            {...fields.choices('locale')}
          />
          {data.override ? (
            <TextareaField
              label={t('reasonLabel')}
              hint={t('reasonHint')}
              {...fields.textarea('overrideReason', { rows: 3, maxLength: 500 })}
            />
          ) : null}
          <SubmitButton pending={pending} pendingText={t('booking')}>
            {t('book')}
          </SubmitButton>
        </Form>
      ) : (
        <p>{t('noTimes')}</p>
      )}
    </>
  )
}
