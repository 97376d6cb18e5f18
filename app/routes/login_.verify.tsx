import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TotpCodeForm } from '#app/components/security/two-step-sign-in.tsx'
import { RecoveryCodeFormSchema, VerifyFormSchema } from '#app/domain/auth/mfa.schema.ts'
import { verifySecondFactor } from '#app/domain/auth/mfa-verify.server.ts'
import { requireSecondFactorPending, serializeSessionCookie } from '#app/utils/auth.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction = () => [{ title: 'Enter your sign-in code | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecondFactorPending(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSecondFactorPending(request)
  const parsed = await parseForm(request, VerifyFormSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { intent } = parsed.data
  const result = await verifySecondFactor({
    sessionToken: session.token,
    method: intent === 'totp' ? 'totp' : 'recovery_code',
    code: intent === 'totp' ? parsed.data.code : parsed.data.recoveryCode,
    ipAddress: context.clientIp,
    userAgent: request.headers.get('user-agent'),
    requestId: context.requestId,
  })
  const values = { intent }
  if (result.ok) {
    // After a recovery code, the security page says how many are left and offers new ones.
    const location =
      result.recoveryCodesLeft === null
        ? safeRedirect(parsed.data.redirectTo)
        : `/staff/security?${new URLSearchParams({ recoveryCodesLeft: String(result.recoveryCodesLeft) })}`
    return redirect(location, {
      headers: { 'Set-Cookie': await serializeSessionCookie(result.sessionToken) },
    })
  }
  switch (result.reason) {
    case 'no-pending-session':
      throw redirect('/login')
    case 'throttled': {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      return formError(
        {
          formErrors: [
            `Too many wrong codes. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
          ],
          values,
        },
        429,
        { 'Retry-After': String(result.retryAfterSeconds) },
      )
    }
    case 'wrong-code':
      return formError(
        {
          fieldErrors: {
            code: ['That code is not right. Enter the code your app shows now.'],
          },
          values,
        },
        401,
      )
    case 'used-code':
      return formError(
        {
          fieldErrors: {
            code: ['That code was already used. Wait for your app to show a new code.'],
          },
          values,
        },
        401,
      )
    case 'wrong-recovery-code':
      return formError(
        {
          fieldErrors: {
            recoveryCode: ['That recovery code is not right, or it was already used.'],
          },
          values,
        },
        401,
      )
  }
}

export default function VerifySignInRoute() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const recoveryErrors = formErrorsFor(actionData, 'recovery')
  return (
    <div className="page page--narrow stack">
      <h1>Enter your sign-in code</h1>
      <p>
        Open the authenticator app on your phone and enter the 6-digit code it shows for this
        clinic. The code changes every 30 seconds.
      </p>
      <TotpForm serverErrors={formErrorsFor(actionData, 'totp')} redirectTo={redirectTo} />
      <details open={recoveryErrors !== undefined}>
        <summary>Lost your phone? Use a recovery code</summary>
        <RecoveryForm serverErrors={recoveryErrors} redirectTo={redirectTo} />
      </details>
      <Form method="post" action="/logout">
        <button type="submit" className="button button--quiet">
          Cancel and sign out
        </button>
      </Form>
    </div>
  )
}

function TotpForm({
  serverErrors,
  redirectTo,
}: {
  serverErrors: ReturnType<typeof formErrorsFor>
  redirectTo: string
}) {
  return (
    <TotpCodeForm
      intent="totp"
      label="Sign in with a code from your app"
      submitLabel="Continue"
      serverErrors={serverErrors}
    >
      <input type="hidden" name="redirectTo" value={redirectTo} />
    </TotpCodeForm>
  )
}

function RecoveryForm({
  serverErrors,
  redirectTo,
}: {
  serverErrors: ReturnType<typeof formErrorsFor>
  redirectTo: string
}) {
  const pending = useIsPending('recovery')
  const { formProps, fields } = useSchemaForm(RecoveryCodeFormSchema, serverErrors, {
    secretFields: ['recoveryCode'],
  })
  return (
    <Form {...formProps} aria-label="Sign in with a recovery code">
      <input type="hidden" name="intent" value="recovery" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Recovery code"
        hint="One of the codes you saved when you set up two-step sign-in, like 7KQ4-M2XD-9PFA. Each code works once."
        {...fields.input('recoveryCode', {
          autoComplete: 'off',
          autoCapitalize: 'characters',
          spellCheck: false,
        })}
      />
      <SubmitButton pending={pending} pendingText="Checking…" className="button button--secondary">
        Sign in with this recovery code
      </SubmitButton>
    </Form>
  )
}
