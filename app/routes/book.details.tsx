import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { HoldCountdown } from '#app/components/booking/hold-countdown.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { WizardPage } from '#app/components/booking/wizard-page.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ErrorSummary, Field, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { patientDetailsSchema } from '#app/domain/booking/booking.schema.ts'
import { getClinicPhoneCountry } from '#app/domain/clinic/clinic.server.ts'
import { saveDraftDetails } from '#app/domain/booking/wizard/details.server.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formatDateAndTime, formatTimeInZone, secondsUntil } from '#app/utils/format.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { PHONE_EXAMPLE } from '#app/domain/shared/fields.schema.ts'
import { waitRefusalMessage } from '#app/domain/booking/wizard/time-step.ts'
import { messageWithParts } from '#app/components/booking/message-parts.tsx'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { detailsMessages } from '#app/i18n/messages/index.ts'
import { tooManyBookingsMessage } from '#app/domain/limits/limits.rules.ts'
import { tooManyCodesMessage } from '#app/domain/patient/email-verification.rules.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, steps, summary, locale } = await requireWizardStep(request, 'details')
  const hold = draft.hold!
  const zone = draft.timeZone
  const phoneCountry = getClinicPhoneCountry()
  return {
    title: translate(detailsMessages, locale, 'title'),
    summary,
    steps,
    serviceName: summary.treatment,
    slot: formatDateAndTime(hold.startAt, zone, locale),
    practitionerName: hold.practitionerName,
    holdUntil: hold.live && hold.expiresAt ? formatTimeInZone(hold.expiresAt, zone, locale) : null,
    holdSecondsLeft: hold.live && hold.expiresAt ? secondsUntil(hold.expiresAt) : null,
    // Stored in E.164; shown as the patient would write it.
    details: draft.details
      ? { ...draft.details, phone: formatPhone(draft.details.phone, phoneCountry) }
      : null,
    // Asked first in the health questions: filled in here, to check or correct there.
    screenedDateOfBirth: draft.screening?.dateOfBirth ?? null,
    phoneCountry: phoneCountry ?? null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, draft, locale } = await requireWizardStep(request, 'details')
  const parsed = await parseForm(request, patientDetailsSchema(getClinicPhoneCountry(), locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = saveDraftDetails({
    session,
    details: parsed.data,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok)
    return redirect(
      {
        verify: '/book/verify',
        consent: '/book/consent',
        time: '/book/time',
        confirmation: '/book/confirmation',
      }[result.next],
    )
  switch (result.reason) {
    case 'no-draft':
      throw redirect('/book')
    case 'birth-date-differs':
      return formError(
        {
          fieldErrors: {
            dateOfBirth: [translate(detailsMessages, locale, 'dateOfBirthDiffers')],
          },
          values: parsed.values,
        },
        400,
      )
    case 'screening-wait':
    case 'too-close':
      return formError(
        {
          formErrors: [waitRefusalMessage(result, draft.timeZone, locale)],
          values: parsed.values,
        },
        409,
      )
    case 'too-many-bookings':
      return formError(
        {
          formErrors: [tooManyBookingsMessage(result.max, result.clinicPhone, locale)],
          values: parsed.values,
        },
        429,
        retryAfter(result.retryAfterSeconds),
      )
    case 'too-many-codes':
      return formError(
        {
          formErrors: [tooManyCodesMessage(result.retryAfterSeconds, locale)],
          values: parsed.values,
        },
        429,
        retryAfter(result.retryAfterSeconds),
      )
  }
  throw redirect('/book')
}

export default function BookDetailsRoute() {
  const {
    summary,
    steps,
    serviceName,
    slot,
    practitionerName,
    holdUntil,
    holdSecondsLeft,
    details,
    screenedDateOfBirth,
    phoneCountry,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const locale = useLocale()
  const t = useT(detailsMessages)
  const schema = useMemo(
    () => patientDetailsSchema(phoneCountry ?? undefined, locale),
    [phoneCountry, locale],
  )
  const { formProps, fields, problems } = useSchemaForm(schema, actionData, {
    secretFields: [],
    errorSummary: true,
  })
  /** A field of the details typed before (the date of birth also from the health answers). */
  const detail = (
    name: 'fullName' | 'email' | 'phone' | 'dateOfBirth',
    props: { type?: string; autoComplete: string },
  ) =>
    fields.input(name, {
      ...props,
      defaultValue:
        details?.[name] ??
        (name === 'dateOfBirth' ? (screenedDateOfBirth ?? undefined) : undefined),
    })
  return (
    <WizardPage summary={summary}>
      <StepIndicator steps={steps} currentId="details" />
      <h1>{t('heading')}</h1>
      <p>
        {t('visit', { service: serviceName, when: slot, practitioner: practitionerName })}{' '}
        <Link to="/book/time">{t('changeTime')}</Link>
      </p>
      {holdUntil ? (
        <p className="notice" role="status">
          {messageWithParts(
            t,
            'holding',
            { time: holdUntil },
            {
              countdown: holdSecondsLeft ? <HoldCountdown secondsLeft={holdSecondsLeft} /> : null,
            },
          )}
        </p>
      ) : (
        <p className="notice notice--warning" role="status">
          {t('holdLost')}
        </p>
      )}
      <Form {...formProps}>
        <ErrorSummary problems={problems()} formErrors={actionData?.formErrors} />
        <Field
          label={t('fullName')}
          hint={t('fullNameHint')}
          {...detail('fullName', { autoComplete: 'name' })}
        />
        <Field
          label={t('email')}
          hint={t('emailHint')}
          {...detail('email', { type: 'email', autoComplete: 'email' })}
        />
        <Field
          label={t('phone')}
          hint={phoneCountry ? t('phoneHint') : t('phoneHintWithCode', { example: PHONE_EXAMPLE })}
          {...detail('phone', { type: 'tel', autoComplete: 'tel' })}
        />
        <Field
          label={t('dateOfBirth')}
          {...detail('dateOfBirth', { type: 'date', autoComplete: 'bday' })}
        />
        <SubmitButton pending={pending} pendingText={t('saving')}>
          {t('continue')}
        </SubmitButton>
      </Form>
    </WizardPage>
  )
}
