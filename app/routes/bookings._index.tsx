import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { FindBookingSchema } from '#app/domain/booking/booking.schema.ts'
import { requestManageCode } from '#app/domain/booking/booking-manage.server.ts'
import { tooManyCodesMessage } from '#app/domain/patient/email-verification.rules.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { ensurePatientSession } from '#app/utils/patient-session.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction = () => [{ title: 'Find your booking | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const reference = new URL(request.url).searchParams.get('reference') ?? ''
  return { reference: /^DD-[0-9A-Z]{6}$/.test(reference) ? reference : '' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, FindBookingSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { session, setCookie } = await ensurePatientSession(request)
  const result = requestManageCode({
    session,
    ...parsed.data,
    now: new Date(),
    actor: patientActor(context),
  })
  const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined
  if (!result.ok) {
    return formError(
      { formErrors: [tooManyCodesMessage(result.retryAfterSeconds)], values: parsed.values },
      429,
      retryAfter(result.retryAfterSeconds, headers),
    )
  }
  return redirect(`/bookings/verify?reference=${parsed.data.reference}`, { headers })
}

export default function FindBookingRoute() {
  const { reference } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const { formProps, fields } = useSchemaForm(FindBookingSchema, actionData, { secretFields: [] })
  return (
    <div className="stack page--narrow">
      <h1>Find your booking</h1>
      <p>
        Type the reference from your confirmation email and the email address you booked with. We
        will send you a code to open the booking.
      </p>
      <Form {...formProps}>
        <FormErrorList errors={actionData?.formErrors} />
        <Field
          label="Booking reference"
          hint="For example DD-7K4Q2M"
          {...fields.input('reference', { autoComplete: 'off', defaultValue: reference })}
        />
        <Field label="Email" {...fields.input('email', { type: 'email', autoComplete: 'email' })} />
        <SubmitButton pending={pending} pendingText="Sending…">
          Send me a code
        </SubmitButton>
      </Form>
    </div>
  )
}
