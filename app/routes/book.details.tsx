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
import { formatDateInZone, formatTimeInZone, secondsUntil } from '#app/utils/format.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { tooManyBookingsMessage } from '#app/domain/limits/limits.rules.ts'
import { tooManyCodesMessage } from '#app/domain/patient/email-verification.rules.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { screeningWaitMessage } from '#app/domain/screening/screening-messages.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction = () => [{ title: 'Your details | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, steps, summary } = await requireWizardStep(request, 'details')
  const hold = draft.hold!
  const zone = draft.timeZone
  const phoneCountry = getClinicPhoneCountry()
  return {
    summary,
    steps,
    serviceName: draft.service.name,
    slot: `${formatDateInZone(hold.startAt, zone)} at ${formatTimeInZone(hold.startAt, zone)}`,
    practitionerName: hold.practitionerName,
    holdUntil: hold.live && hold.expiresAt ? formatTimeInZone(hold.expiresAt, zone) : null,
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
  const { session, draft } = await requireWizardStep(request, 'details')
  const parsed = await parseForm(request, patientDetailsSchema(getClinicPhoneCountry()))
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
  if (result.reason === 'no-draft') throw redirect('/book')
  if (result.reason === 'birth-date-differs') {
    return formError(
      {
        fieldErrors: {
          dateOfBirth: [
            'This is not the date of birth you gave in the health questions. Please check it, or change your health answers.',
          ],
        },
        values: parsed.values,
      },
      400,
    )
  }
  if (result.reason === 'screening-wait') {
    return formError(
      {
        formErrors: [screeningWaitMessage(result.earliestStartAt, draft.timeZone)],
        values: parsed.values,
      },
      409,
    )
  }
  if (result.reason === 'too-close') {
    return formError(
      {
        formErrors: [
          `Your skin needs time to heal between sessions. Please choose a time from ${formatDateInZone(result.earliestStartAt, draft.timeZone)} onwards.`,
        ],
        values: parsed.values,
      },
      409,
    )
  }
  if (result.reason === 'too-many-bookings') {
    return formError(
      {
        formErrors: [tooManyBookingsMessage(result.max, result.clinicPhone)],
        values: parsed.values,
      },
      429,
      retryAfter(result.retryAfterSeconds),
    )
  }
  if (result.reason === 'too-many-codes') {
    return formError(
      { formErrors: [tooManyCodesMessage(result.retryAfterSeconds)], values: parsed.values },
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
  const schema = useMemo(() => patientDetailsSchema(phoneCountry ?? undefined), [phoneCountry])
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
      <h1>Your details</h1>
      <p>
        {serviceName}, {slot} with {practitionerName}. <Link to="/book/time">Change the time</Link>
      </p>
      {holdUntil ? (
        <p className="notice" role="status">
          We are keeping this time for you until {holdUntil}
          {holdSecondsLeft ? <HoldCountdown secondsLeft={holdSecondsLeft} /> : null}. If it runs
          out, you can still go on: the time is yours if it is still free when you confirm.
        </p>
      ) : (
        <p className="notice notice--warning" role="status">
          We could not keep this time any longer. You can still go on: if it is still free when you
          confirm, it is yours.
        </p>
      )}
      <Form {...formProps}>
        <ErrorSummary problems={problems()} formErrors={actionData?.formErrors} />
        <Field
          label="Full name"
          hint="As on your ID. You will type it again to sign the consent."
          {...detail('fullName', { autoComplete: 'name' })}
        />
        <Field
          label="Email"
          hint="We send a code to this address to check it is yours."
          {...detail('email', { type: 'email', autoComplete: 'email' })}
        />
        <Field
          label="Mobile phone"
          hint={
            phoneCountry
              ? 'For the clinic to reach you about this visit. A number from abroad starts with + and its country code.'
              : 'For the clinic to reach you about this visit, with its country code, for example +39 333 123 4567.'
          }
          {...detail('phone', { type: 'tel', autoComplete: 'tel' })}
        />
        <Field
          label="Date of birth"
          {...detail('dateOfBirth', { type: 'date', autoComplete: 'bday' })}
        />
        <SubmitButton pending={pending} pendingText="Saving…">
          Continue
        </SubmitButton>
      </Form>
    </WizardPage>
  )
}
