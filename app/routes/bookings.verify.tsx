import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, oneTimeCodeProps, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { VerificationCodeSchema } from '#app/domain/booking/booking.schema.ts'
import { verifyManageCode } from '#app/domain/booking/booking-manage.server.ts'
import { CODE_VALID_MINUTES } from '#app/domain/patient/email-verification.rules.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'
import {
  getPatientSessionFromRequest,
  patientSessionCookie,
} from '#app/utils/patient-session.server.ts'

export const meta: MetaFunction = () => [{ title: 'Check your email | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getPatientSessionFromRequest(request))) throw redirect('/bookings')
  const reference = new URL(request.url).searchParams.get('reference') ?? ''
  return { reference: /^DD-[0-9A-Z]{6}$/.test(reference) ? reference : '' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getPatientSessionFromRequest(request)
  if (!session) throw redirect('/bookings')
  const parsed = await parseForm(request, VerificationCodeSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = verifyManageCode({
    session,
    code: parsed.data.code,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok)
    return redirect(`/bookings/${result.reference}`, {
      headers: { 'Set-Cookie': await patientSessionCookie(result.sessionToken) },
    })
  if (result.retryAfterSeconds)
    return formError(
      { fieldErrors: { code: [result.message] } },
      429,
      retryAfter(result.retryAfterSeconds),
    )
  return formError({ fieldErrors: { code: [result.message] } }, 400)
}

export default function VerifyManageCodeRoute() {
  const { reference } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const { formProps, fields } = useSchemaForm(VerificationCodeSchema, actionData, {
    secretFields: ['code'],
  })
  return (
    <div className="stack page--narrow">
      <h1>Check your email</h1>
      <p>
        If the reference and email match a booking, we have sent a 6-digit code to that address. It
        works for {CODE_VALID_MINUTES} minutes.
      </p>
      <Form {...formProps}>
        <Field label="Code from the email" {...fields.input('code', oneTimeCodeProps(6))} />
        <SubmitButton pending={pending} pendingText="Checking…">
          Open my booking
        </SubmitButton>
      </Form>
      <p>
        <Link to={reference ? `/bookings?reference=${reference}` : '/bookings'}>
          Send a new code
        </Link>
      </p>
    </div>
  )
}
