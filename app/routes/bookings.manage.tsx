import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { ManageLinkSchema } from '#app/domain/booking/booking.schema.ts'
import { openManageLink } from '#app/domain/booking/booking-manage.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { ensurePatientSession, patientSessionCookie } from '#app/utils/patient-session.server.ts'

export const meta: MetaFunction = () => [{ title: 'Open your booking | Dermadesk' }]

// The emailed link lands here. Opening it changes nothing: mail scanners fetch links too. The
// patient presses the button, which posts the token and opens the booking.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { token: ManageLinkSchema.safeParse({ token }).success ? token : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, ManageLinkSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { session, setCookie } = await ensurePatientSession(request)
  const result = openManageLink({
    session,
    token: parsed.data.token,
    now: new Date(),
    actor: patientActor(context),
  })
  if (!result.ok) {
    const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined
    return formError(
      {
        formErrors: [
          'This link has expired or is not valid. You can still find your booking with its reference.',
        ],
      },
      400,
      headers,
    )
  }
  return redirect(`/bookings/${result.reference}`, {
    headers: { 'Set-Cookie': await patientSessionCookie(result.sessionToken) },
  })
}

export default function OpenManageLinkRoute() {
  const { token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const problems = actionData
    ? [...actionData.formErrors, ...Object.values(actionData.fieldErrors).flat()].filter(
        (e): e is string => Boolean(e),
      )
    : []
  return (
    <div className="stack page--narrow">
      <h1>Open your booking</h1>
      <FormErrorList errors={problems} />
      {token ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <SubmitButton pending={pending} pendingText="Opening…">
            Open my booking
          </SubmitButton>
        </Form>
      ) : (
        <p>This link is not complete. Please open it from your email again.</p>
      )}
      <p>
        <Link to="/bookings">Find your booking with its reference instead</Link>
      </p>
    </div>
  )
}
