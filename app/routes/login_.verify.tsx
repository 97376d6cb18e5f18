import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TotpCodeForm } from '#app/components/security/two-step-sign-in.tsx'
import { recoveryCodeFormSchema, verifyFormSchema } from '#app/domain/auth/mfa.schema.ts'
import { verifySecondFactor } from '#app/domain/auth/mfa-verify.server.ts'
import { requireSecondFactorPending, serializeSessionCookie } from '#app/utils/auth.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { authMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Enter your sign-in code | Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSecondFactorPending(request)
  const locale = await requestLocale(request, session.user)
  return { title: translator(authMessages, locale)('verifyTitle') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSecondFactorPending(request)
  const locale = await requestLocale(request, session.user)
  const t = translator(authMessages, locale)
  const parsed = await parseForm(request, verifyFormSchema(locale))
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
          formErrors: [t('codesThrottled', { minutes })],
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
            code: [t('wrongCode')],
          },
          values,
        },
        401,
      )
    case 'used-code':
      return formError(
        {
          fieldErrors: {
            code: [t('usedCode')],
          },
          values,
        },
        401,
      )
    case 'wrong-recovery-code':
      return formError(
        {
          fieldErrors: {
            recoveryCode: [t('wrongRecoveryCode')],
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
  const t = useT(authMessages)
  return (
    <div className="page page--narrow stack">
      <h1>{t('verifyHeading')}</h1>
      <p>{t('verifyIntro')}</p>
      <TotpForm serverErrors={formErrorsFor(actionData, 'totp')} redirectTo={redirectTo} />
      <details open={recoveryErrors !== undefined}>
        <summary>{t('verifyLostPhone')}</summary>
        <RecoveryForm serverErrors={recoveryErrors} redirectTo={redirectTo} />
      </details>
      <Form method="post" action="/logout">
        <button type="submit" className="button button--quiet">
          {t('verifyCancel')}
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
  const t = useT(authMessages)
  return (
    <TotpCodeForm
      intent="totp"
      label={t('verifyTotpLabel')}
      submitLabel={t('verifyContinue')}
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
  const t = useT(authMessages)
  const locale = useLocale()
  const schema = useMemo(() => recoveryCodeFormSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, serverErrors, {
    secretFields: ['recoveryCode'],
  })
  return (
    <Form {...formProps} aria-label={t('verifyRecoveryFormLabel')}>
      <input type="hidden" name="intent" value="recovery" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label={t('recoveryCodeLabel')}
        hint={t('recoveryCodeHint')}
        {...fields.input('recoveryCode', {
          autoComplete: 'off',
          autoCapitalize: 'characters',
          spellCheck: false,
        })}
      />
      <SubmitButton
        pending={pending}
        pendingText={t('checking')}
        className="button button--secondary"
      >
        {t('verifyRecoverySubmit')}
      </SubmitButton>
    </Form>
  )
}
