import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { signInSchema } from '#app/domain/auth/auth.schema.ts'
import { signIn } from '#app/domain/auth/auth.server.ts'
import {
  readSessionToken,
  requireAnonymous,
  serializeSessionCookie,
} from '#app/utils/auth.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { authMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Staff sign-in | Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const locale = await requestLocale(request)
  const query = new URL(request.url).searchParams
  return {
    title: translator(authMessages, locale)('signInTitle'),
    expired: query.get('expired') === '1',
    welcome: query.get('welcome') === '1',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const locale = await requestLocale(request)
  const t = translator(authMessages, locale)
  const parsed = await parseForm(request, signInSchema(locale))
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
        formErrors: [t('signInThrottled', { minutes })],
        values,
      },
      429,
      { 'Retry-After': String(result.retryAfterSeconds) },
    )
  }
  // One message for an unknown email and a wrong password alike (security goal A4).
  return formError({ formErrors: [t('signInWrong')], values }, 401)
}

export default function LoginRoute() {
  const { expired, welcome } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const isPending = useIsPending()
  const t = useT(authMessages)
  const locale = useLocale()
  const schema = useMemo(() => signInSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData)
  return (
    <div className="page page--narrow">
      <h1>{t('signInHeading')}</h1>
      <p className="muted">{t('signInIntro')}</p>
      {welcome ? (
        <p className="notice" role="status">
          {t('signInWelcome')}
        </p>
      ) : null}
      {expired ? (
        <p className="notice notice--warning" role="status">
          {t('signInExpired')}
        </p>
      ) : null}
      <Form {...formProps} aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading" className="visually-hidden">
          {t('signInFormHeading')}
        </h2>
        <FormErrorList errors={actionData?.formErrors} />
        <Field
          label={t('emailLabel')}
          {...fields.input('email', { type: 'email', autoComplete: 'username' })}
        />
        <Field
          label={t('passwordLabel')}
          {...fields.input('password', { type: 'password', autoComplete: 'current-password' })}
        />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <SubmitButton pending={isPending} pendingText={t('signInPending')}>
          {t('signInButton')}
        </SubmitButton>
      </Form>
    </div>
  )
}
