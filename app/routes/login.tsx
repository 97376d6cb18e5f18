import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { SignInSchema } from '#app/domain/auth/auth.schema.ts'
import { signIn } from '#app/domain/auth/auth.server.ts'
import {
  readSessionToken,
  requireAnonymous,
  serializeSessionCookie,
} from '#app/utils/auth.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction = () => [{ title: 'Staff sign-in | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const query = new URL(request.url).searchParams
  return { expired: query.get('expired') === '1', welcome: query.get('welcome') === '1' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const parsed = await parseForm(request, SignInSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = await signIn({
    email: parsed.data.email,
    password: parsed.data.password,
    ipAddress: context.clientIp,
    userAgent: request.headers.get('user-agent'),
    requestId: context.requestId,
    previousSessionToken: await readSessionToken(request),
  })
  if (result.ok) {
    const redirectTo = safeRedirect(parsed.data.redirectTo)
    const next = new URLSearchParams({ redirectTo })
    const location =
      result.nextStep === 'second-factor'
        ? `/login/verify?${next}`
        : result.nextStep === 'enrolment'
          ? `/staff/security?${next}`
          : redirectTo
    return redirect(location, {
      headers: { 'Set-Cookie': await serializeSessionCookie(result.sessionToken) },
    })
  }
  const values = { email: parsed.data.email }
  if (result.reason === 'throttled') {
    const minutes = Math.ceil(result.retryAfterSeconds / 60)
    return formError(
      {
        formErrors: [
          `Too many sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        ],
        values,
      },
      429,
      { 'Retry-After': String(result.retryAfterSeconds) },
    )
  }
  // One message for an unknown email and a wrong password alike (security goal A4).
  return formError(
    { formErrors: ['That email and password do not match an account.'], values },
    401,
  )
}

export default function LoginRoute() {
  const { expired, welcome } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const isPending = useIsPending()
  const { formProps, fields } = useSchemaForm(SignInSchema, actionData)
  return (
    <div className="page page--narrow">
      <h1>Staff sign-in</h1>
      <p className="muted">
        For the clinic&apos;s doctors, nurses, aestheticians and administrators. Patients do not
        need an account.
      </p>
      {welcome ? (
        <p className="notice" role="status">
          Your password is set. Sign in with it to continue.
        </p>
      ) : null}
      {expired ? (
        <p className="notice notice--warning" role="status">
          You were signed out after 15 minutes without activity. Please sign in again.
        </p>
      ) : null}
      <Form {...formProps} aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading" className="visually-hidden">
          Sign in
        </h2>
        <FormErrorList errors={actionData?.formErrors} />
        <Field
          label="Email"
          {...fields.input('email', { type: 'email', autoComplete: 'username' })}
        />
        <Field
          label="Password"
          {...fields.input('password', { type: 'password', autoComplete: 'current-password' })}
        />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <SubmitButton pending={isPending} pendingText="Signing in…">
          Sign in
        </SubmitButton>
      </Form>
    </div>
  )
}
