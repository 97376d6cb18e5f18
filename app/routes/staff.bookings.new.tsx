import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import {
  Field,
  FormErrorList,
  SelectField,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { PatientSearchBox } from '#app/components/patients/patient-search-box.tsx'
import {
  confirmStaffBookingSchema,
  newCallerSchema,
  type StaffBookingQuery,
  StaffBookingQuerySchema,
} from '#app/domain/booking/staff-booking.schema.ts'
import { parseStartInstant } from '#app/domain/booking/staff-booking.rules.ts'
import {
  addCallerPatient,
  bookForCaller,
  getCallerPatient,
  getStaffBookingChoices,
  getStaffBookingSummary,
} from '#app/domain/booking/staff-booking.server.ts'
import { getClinicPhoneCountry, getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { searchPatients } from '#app/domain/patients/patient-search.server.ts'
import { patientSearchSchema } from '#app/domain/patients/patient-search.schema.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { type Locale, LOCALES } from '#app/i18n/locales.ts'
import { staffBookingMessages } from '#app/i18n/messages/index.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import {
  formatAppointment,
  formatCalendarDate,
  formatDateAndTime,
  formatDateInZone,
} from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

const PATH = '/staff/bookings/new'
/** The choices the page carries from step to step in its address. */
const CARRIED = ['patientId', 'serviceId', 'practitionerId', 'start', 'override'] as const

type Carried = Partial<Record<(typeof CARRIED)[number] | 'from' | 'date' | 'q', string>>

function hrefWith(query: Carried, changes: Carried): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...query, ...changes }))
    if (value !== undefined && value !== '') params.set(key, value)
  const search = params.toString()
  return search ? `${PATH}?${search}` : PATH
}

function carriedOf(query: StaffBookingQuery): Carried {
  return Object.fromEntries(CARRIED.map((key) => [key, query[key]]))
}

/**
 * Staff book for a caller (ADR 042), for every staff role: find or add the patient, choose the
 * service, practitioner and time from the patients' own slot search, confirm. Each step is a GET
 * of this page with the choices so far in its address (works without JavaScript, and the
 * calendar's free gaps link here with the practitioner and start filled in).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  const t = translator(staffBookingMessages, locale)
  const url = new URL(request.url)
  const query = StaffBookingQuerySchema.parse(Object.fromEntries(url.searchParams))
  const settings = getClinicSettings()
  const zone = settings.timeZone
  const base = { title: t('title'), carried: carriedOf(query) }

  if (query.booked) {
    const done = getStaffBookingSummary(query.booked)
    if (!done) throw data({ message: t('notFound') }, { status: 404 })
    return {
      ...base,
      step: 'done' as const,
      done: {
        reference: done.reference,
        patientId: done.patientId,
        patientName: done.patientName,
        patientEmail: done.patientEmail,
        serviceName: done.serviceName,
        practitionerName: done.practitionerName,
        when: formatAppointment(done.startAt, done.endAt, done.timeZone, locale),
        awaitingForms: done.awaitingForms,
        overrideReason: done.policyOverrideReason,
      },
    }
  }

  const found = query.patientId ? getCallerPatient(query.patientId) : null
  const country = getClinicPhoneCountry()
  if (!found) {
    let search = null
    let searchError: string | null = null
    if (query.q !== undefined) {
      const parsed = patientSearchSchema(locale).safeParse({ q: query.q })
      if (parsed.success) {
        const outcome = searchPatients({
          query: parsed.data.q,
          actor: staffActorOf(user, context),
          now: new Date(),
          locale,
        })
        search = outcome.results.map((p) => ({
          id: p.id,
          fullName: p.fullName,
          email: p.email,
          phone: formatPhone(p.phone, country),
          born: formatCalendarDate(p.dateOfBirth, locale),
        }))
      } else searchError = parsed.error.issues[0]?.message ?? null
    }
    return {
      ...base,
      step: 'patient' as const,
      q: query.q ?? '',
      search,
      searchError,
    }
  }

  const patient = {
    id: found.id,
    fullName: found.fullName,
    email: found.email,
    phone: formatPhone(found.phone, country),
    born: formatCalendarDate(found.dateOfBirth, locale),
  }
  const start = parseStartInstant(query.start)
  const startDate = start !== null ? localDateOf(start, zone) : undefined
  const choices = getStaffBookingChoices({
    patientId: found.id,
    serviceId: query.serviceId,
    practitioner: query.practitionerId ?? 'any',
    from: query.from ?? startDate,
    date: query.date ?? startDate,
    policyOverride: query.override === '1',
    now: new Date(),
    locale,
  })
  const preselected =
    start !== null && query.practitionerId ? `${query.practitionerId}@${start}` : null
  const picker = choices.picker
  return {
    ...base,
    step: picker ? ('time' as const) : ('service' as const),
    patient,
    services: choices.services.map((s) => ({ id: s.id, name: s.name })),
    serviceId: query.serviceId ?? null,
    practitionerId: query.practitionerId ?? 'any',
    override: query.override === '1',
    startLabel: start !== null ? formatDateAndTime(start, zone, locale) : null,
    preselected,
    startOffered:
      preselected !== null && Boolean(picker?.slots.some((s) => s.value === preselected)),
    courseSpacingFrom:
      choices.earliestStartAt !== null && choices.earliestStartAt > Date.now()
        ? formatDateInZone(choices.earliestStartAt, zone, locale)
        : null,
    defaultLocale: settings.defaultLocale,
    picker,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  const t = translator(staffBookingMessages, locale)
  const query = StaffBookingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  // Which form was sent; a body that is no form at all is the booking form's to refuse (400).
  const intent = await request
    .clone()
    .formData()
    .then((form) => form.get('intent'))
    .catch(() => null)
  const now = new Date()

  if (intent === 'new-patient') {
    const parsed = await parseForm(request, newCallerSchema(getClinicPhoneCountry(), locale))
    if (!parsed.ok) return formError(parsed.errors)
    const { intent: _intent, ...details } = parsed.data
    const added = addCallerPatient({ details, actor: staffActorOf(user, context), now })
    if (added.ok) return redirect(hrefWith(carriedOf(query), { patientId: added.patientId }))
    return data(
      {
        fieldErrors: { email: [t('duplicate', { name: added.existing.fullName })] },
        formErrors: [],
        values: { ...parsed.values, intent },
        duplicateHref: hrefWith(carriedOf(query), { patientId: added.existing.id }),
        duplicateName: added.existing.fullName,
      },
      { status: 409 },
    )
  }

  const parsed = await parseForm(request, confirmStaffBookingSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const values = { ...parsed.values, intent: 'book' }
  const result = bookForCaller({
    patientId: parsed.data.patientId,
    serviceId: parsed.data.serviceId,
    ...parsed.data.slot,
    overrideReason: parsed.data.override ? (parsed.data.overrideReason ?? null) : null,
    locale: parsed.data.locale,
    actor: staffActorOf(user, context),
    now,
  })
  if (result.ok) return redirect(`${PATH}?booked=${result.bookingId}`)
  const settings = getClinicSettings()
  switch (result.reason) {
    case 'outside-policy':
      return formError(
        {
          fieldErrors: {
            slot: [
              result.limit === 'too-soon'
                ? t('tooSoon', { hours: settings.minNoticeHours })
                : t('tooFar', { days: settings.maxAdvanceDays }),
            ],
          },
          values,
        },
        409,
      )
    case 'too-close':
      return formError(
        {
          formErrors: [
            t('tooClose', {
              date: formatDateInZone(result.earliestStartAt, settings.timeZone, locale),
            }),
          ],
          values,
        },
        409,
      )
    case 'taken':
      return formError({ formErrors: [t('taken')], values }, 409)
    case 'no-patient':
      return formError({ formErrors: [t('patientMissing')], values }, 404)
    default:
      return formError({ formErrors: [t('notOffered')], values }, 409)
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

export default function StaffNewBookingRoute() {
  const data = useLoaderData<typeof loader>()
  const t = useT(staffBookingMessages)
  const stepIndex = { patient: 0, service: 1, time: 1, done: 3 }[data.step]
  return (
    <div className="stack page--medium">
      <h1>{t('heading')}</h1>
      <nav aria-label={t('progress')} className="steps">
        <ol className="steps__list">
          {[t('stepPatient'), t('stepTime'), t('stepConfirm')].map((label, index) => {
            const state = index === stepIndex ? 'current' : index < stepIndex ? 'done' : 'todo'
            return (
              <li
                key={label}
                className={`steps__item steps__item--${state}`}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                <span className="steps__number" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                <span>{label}</span>
                {state === 'done' ? (
                  <span className="visually-hidden"> {t('stepDone')}</span>
                ) : null}
              </li>
            )
          })}
        </ol>
      </nav>
      {data.step === 'done' ? <Done done={data.done} /> : null}
      {data.step === 'patient' ? <PatientStep data={data} /> : null}
      {data.step === 'service' || data.step === 'time' ? <TimeStep data={data} /> : null}
    </div>
  )
}

function Done({ done }: { done: Extract<LoaderData, { step: 'done' }>['done'] }) {
  const t = useT(staffBookingMessages)
  return (
    <section aria-labelledby="done-heading" className="stack">
      <h2 id="done-heading">{t('doneHeading', { reference: done.reference })}</h2>
      <p className="notice notice--success" role="status">
        {t('doneLine', {
          service: done.serviceName,
          when: done.when,
          practitioner: done.practitionerName,
          name: done.patientName,
        })}
      </p>
      {done.awaitingForms ? (
        <p>
          <span className="badge badge--warn">{t('awaitingForms')}</span>{' '}
          {t('doneEmailed', { email: done.patientEmail })}
        </p>
      ) : null}
      {done.overrideReason ? <p>{t('doneOverride', { reason: done.overrideReason })}</p> : null}
      <p className="cluster">
        <Link to={`/staff/patients/${done.patientId}`}>{t('openChart')}</Link>
        <Link to={PATH}>{t('bookAnother')}</Link>
      </p>
    </section>
  )
}

function PatientStep({ data }: { data: Extract<LoaderData, { step: 'patient' }> }) {
  const t = useT(staffBookingMessages)
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const serverErrors = formErrorsFor(actionData, 'new-patient')
  const schema = useMemo(() => newCallerSchema(undefined, locale), [locale])
  const { formProps, fields, register } = useSchemaForm(schema, serverErrors, {
    secretFields: [],
  })
  const pending = useIsPending('new-patient')
  const duplicate =
    actionData && 'duplicateHref' in actionData
      ? { href: actionData.duplicateHref, name: actionData.duplicateName }
      : null
  return (
    <>
      <section aria-labelledby="find-heading" className="stack">
        <h2 id="find-heading">{t('findHeading')}</h2>
        <p>{t('findIntro')}</p>
        <Form method="get" className="stack" role="search" aria-label={t('findHeading')}>
          {CARRIED.filter((key) => key !== 'patientId').map((key) =>
            data.carried[key] ? (
              <input key={key} type="hidden" name={key} value={data.carried[key]} />
            ) : null,
          )}
          <PatientSearchBox defaultValue={data.q} error={data.searchError} />
        </Form>
        {data.search ? (
          <section aria-labelledby="found-heading">
            <h3 id="found-heading">{t('foundHeading', { count: data.search.length })}</h3>
            {data.search.length === 0 ? <p>{t('noneFound')}</p> : null}
            <ul className="stack">
              {data.search.map((p) => (
                <li key={p.id}>
                  <Link to={hrefWith(data.carried, { patientId: p.id })}>
                    {t('choosePatient', { name: p.fullName })}
                  </Link>{' '}
                  <span className="muted">
                    {t('patientFacts', { born: p.born, email: p.email, phone: p.phone })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </section>
      <section aria-labelledby="new-heading" className="stack">
        <h2 id="new-heading">{t('newHeading')}</h2>
        <p>{t('newIntro')}</p>
        <Form {...formProps}>
          <input type="hidden" {...register('intent')} value="new-patient" />
          <FormErrorList errors={serverErrors?.formErrors} />
          {duplicate ? (
            <p className="notice notice--warning" role="alert">
              {t('duplicateNotice', { name: duplicate.name })}{' '}
              <Link to={duplicate.href}>{t('useExisting', { name: duplicate.name })}</Link>
            </p>
          ) : null}
          <Field
            label={t('nameLabel')}
            {...fields.input('fullName', { autoComplete: 'off', maxLength: 120 })}
          />
          <Field
            label={t('emailLabel')}
            {...fields.input('email', { type: 'email', autoComplete: 'off', maxLength: 254 })}
          />
          <Field
            label={t('phoneLabel')}
            {...fields.input('phone', { type: 'tel', autoComplete: 'off', maxLength: 40 })}
          />
          <Field label={t('birthLabel')} {...fields.input('dateOfBirth', { type: 'date' })} />
          <SubmitButton pending={pending} pendingText={t('adding')}>
            {t('addPatient')}
          </SubmitButton>
        </Form>
      </section>
    </>
  )
}

function TimeStep({ data }: { data: Extract<LoaderData, { step: 'service' | 'time' }> }) {
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
          <Link to={hrefWith(data.carried, { patientId: undefined })}>{t('otherPatient')}</Link>
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
  data: Extract<LoaderData, { step: 'service' | 'time' }>
  picker: NonNullable<Extract<LoaderData, { step: 'service' | 'time' }>['picker']>
}) {
  const t = useT(staffBookingMessages)
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
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
                to={hrefWith(carried, { from: firstDay, date: day.date })}
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
          <Link to={hrefWith(carried, { from: picker.earlierFrom })}>{t('earlierDays')}</Link>
        ) : null}
        {picker.laterFrom ? (
          <Link to={hrefWith(carried, { from: picker.laterFrom })}>{t('laterDays')}</Link>
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

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
