import { useT } from '#app/i18n/locale-context.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formErrorsFor } from '#app/components/forms/action-data.ts'
import {
  type CodesShown,
  EnrolledSettings,
  RecoveryCodes,
  SetUpIntro,
  SetUpSteps,
} from '#app/components/security/two-step-sign-in.tsx'
import { securityActionSchema } from '#app/domain/auth/mfa.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { authMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import {
  confirmMfaEnrolment,
  disableMfa,
  getSecurityOverview,
  regenerateRecoveryCodes,
  startMfaEnrolment,
} from '#app/domain/auth/mfa-enrolment.server.ts'
import { requireStaffUserForSecurity, serializeSessionCookie } from '#app/utils/auth.server.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/misc.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Two-step sign-in | Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireStaffUserForSecurity(request, context)
  const overview = await getSecurityOverview(session.user.id)
  const locale = await requestLocale(request, session.user)
  return {
    ...overview,
    title: translator(authMessages, locale)('securityTitle'),
    confirmedAt: overview.confirmedAt?.toISOString() ?? null,
    mustEnrol: session.access === 'needs-enrolment',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireStaffUserForSecurity(request)
  const locale = await requestLocale(request, session.user)
  const t = translator(authMessages, locale)
  const parsed = await parseForm(request, securityActionSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const who = { userId: session.user.id, actor: auditActorOf(session.user, context) }
  const values = { intent: parsed.data.intent }
  const here = `/staff/security${new URL(request.url).search}`
  switch (parsed.data.intent) {
    case 'start': {
      const result = startMfaEnrolment(who)
      if (!result.ok) return formError({ formErrors: [t('securityAlreadyOn')], values }, 409)
      return redirect(here)
    }
    case 'confirm': {
      const result = await confirmMfaEnrolment({
        ...who,
        sessionToken: session.token,
        code: parsed.data.code,
        userAgent: request.headers.get('user-agent'),
      })
      if (result.ok) {
        // The page's loaders run next in this same request (without JavaScript): new session.
        context.renewedSessionToken = result.sessionToken
        // Shown once, in this answer only (never stored in a readable form): no redirect.
        const shown: CodesShown = {
          recoveryCodes: result.recoveryCodes,
          createdAt: new Date().toISOString(),
          justEnrolled: true,
        }
        return data(shown, {
          headers: { 'Set-Cookie': await serializeSessionCookie(result.sessionToken) },
        })
      }
      if (result.reason === 'throttled') return throttled(result.retryAfterSeconds, values, locale)
      if (result.reason === 'no-enrolment')
        return formError(
          {
            formErrors: [t('securitySetupRestarted')],
            values,
          },
          409,
        )
      return formError(
        {
          fieldErrors: { code: [t('wrongCode')] },
          values,
        },
        400,
      )
    }
    case 'regenerate': {
      const result = await regenerateRecoveryCodes({ ...who, password: parsed.data.password })
      if (!result.ok) return passwordRefused(result, values, locale)
      const shown: CodesShown = {
        recoveryCodes: result.recoveryCodes,
        createdAt: new Date().toISOString(),
        justEnrolled: false,
      }
      return data(shown)
    }
    case 'disable': {
      const result = await disableMfa({
        ...who,
        password: parsed.data.password,
        sessionToken: session.token,
      })
      if (!result.ok) return passwordRefused(result, values, locale)
      return redirect('/staff/security?turnedOff=1')
    }
  }
}

function passwordRefused(
  result: { reason: 'wrong-password' | 'not-enrolled' | 'throttled'; retryAfterSeconds?: number },
  values: Record<string, string>,
  locale: Locale,
) {
  if (result.reason === 'throttled')
    return throttled(result.retryAfterSeconds ?? 60, values, locale)
  const t = translator(authMessages, locale)
  if (result.reason === 'not-enrolled')
    return formError({ formErrors: [t('securityAlreadyOff')], values }, 409)
  return formError({ fieldErrors: { password: [t('securityWrongPassword')] }, values }, 400)
}

function throttled(retryAfterSeconds: number, values: Record<string, string>, locale: Locale) {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  return formError(
    {
      formErrors: [translator(authMessages, locale)('attemptsThrottled', { minutes })],
      values,
    },
    429,
    { 'Retry-After': String(retryAfterSeconds) },
  )
}

function codesShownOf(actionData: unknown): CodesShown | undefined {
  return actionData && typeof actionData === 'object' && 'recoveryCodes' in actionData
    ? (actionData as CodesShown)
    : undefined
}

export default function SecurityRoute() {
  const overview = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const codes = codesShownOf(actionData)
  const t = useT(authMessages)
  const continueTo = safeRedirect(searchParams.get('redirectTo'))
  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        email={overview.email}
        clinicName={overview.clinicName}
        timeZone={overview.timeZone}
        continueTo={continueTo}
      />
    )
  }
  const recoveryCodesLeft = searchParams.get('recoveryCodesLeft')
  const errors = (intent: string) => formErrorsFor(actionData, intent)
  return (
    <div className="page page--medium stack">
      <h1>{t('securityHeading')}</h1>
      <p className="lead">{t('securityLead')}</p>
      {overview.mustEnrol ? (
        <p className="notice notice--warning" role="status">
          {t('securityMustEnrol')}
        </p>
      ) : null}
      {recoveryCodesLeft !== null ? (
        <p className="notice notice--warning" role="status">
          {t('securityRecoveryUsed', { count: recoveryCodesLeft })}
        </p>
      ) : null}
      {searchParams.get('turnedOff') === '1' && overview.status === 'off' ? (
        <p className="notice notice--success" role="status">
          {t('securityTurnedOff')}
        </p>
      ) : null}
      {overview.status === 'off' ? (
        <SetUpIntro serverErrors={errors('start')} />
      ) : overview.status === 'pending' && overview.setup ? (
        <SetUpSteps setup={overview.setup} email={overview.email} errors={errors} />
      ) : (
        <EnrolledSettings overview={overview} errors={errors} />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
