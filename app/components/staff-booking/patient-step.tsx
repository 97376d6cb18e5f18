import { Form, Link, useActionData } from '@remix-run/react'
import { useMemo } from 'react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { PatientSearchBox } from '#app/components/patients/patient-search-box.tsx'
import type { StaffBookingPage } from '#app/domain/booking/staff-booking-page.server.ts'
import { CARRIED, staffBookingHref } from '#app/domain/booking/staff-booking-links.ts'
import { newCallerSchema } from '#app/domain/booking/staff-booking.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { staffBookingMessages } from '#app/i18n/messages/index.ts'

/** Finding the caller among the patients, or adding them. */
export function PatientStep({ data }: { data: Extract<StaffBookingPage, { step: 'patient' }> }) {
  const t = useT(staffBookingMessages)
  const locale = useLocale()
  const actionData = useActionData()
  const serverErrors = formErrorsFor(actionData, 'new-patient')
  const schema = useMemo(() => newCallerSchema(undefined, locale), [locale])
  const { formProps, fields, register } = useSchemaForm(schema, serverErrors, {
    secretFields: [],
  })
  const pending = useIsPending('new-patient')
  const duplicate = duplicateOf(actionData)
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
                  <Link to={staffBookingHref(data.carried, { patientId: p.id })}>
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

/** The existing patient a refused "add" names (the action's 409), if this is that answer. */
function duplicateOf(actionData: unknown): { href: string; name: string } | null {
  if (!actionData || typeof actionData !== 'object') return null
  const { duplicateHref, duplicateName } = actionData as Record<string, unknown>
  return typeof duplicateHref === 'string' && typeof duplicateName === 'string'
    ? { href: duplicateHref, name: duplicateName }
    : null
}
