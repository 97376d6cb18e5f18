import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { formErrorsFor, useIsSubmitting } from '#app/components/admin/action-data.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  CurrentPasswordFormSchema,
  SecurityActionSchema,
  TotpCodeFormSchema,
} from '#app/domain/auth/mfa.schema.ts'
import { recoveryCodesDocument } from '#app/domain/auth/mfa.rules.ts'
import {
  confirmMfaEnrolment,
  disableMfa,
  getSecurityOverview,
  regenerateRecoveryCodes,
  startMfaEnrolment,
} from '#app/domain/auth/mfa-enrolment.server.ts'
import { requireStaffUserForSecurity, serializeSessionCookie } from '#app/utils/auth.server.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { safeRedirect } from '#app/utils/misc.ts'

export const meta: MetaFunction = () => [{ title: 'Two-step sign-in | Dermadesk' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireStaffUserForSecurity(request, context)
  const overview = await getSecurityOverview(session.user.id)
  return {
    ...overview,
    confirmedAt: overview.confirmedAt?.toISOString() ?? null,
    mustEnrol: session.access === 'needs-enrolment',
  }
}

type CodesShown = { recoveryCodes: string[]; createdAt: string; justEnrolled: boolean }

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireStaffUserForSecurity(request)
  const parsed = await parseForm(request, SecurityActionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const who = { userId: session.user.id, actor: auditActorOf(session.user, context) }
  const values = { intent: parsed.data.intent }
  const here = `/staff/security${new URL(request.url).search}`
  switch (parsed.data.intent) {
    case 'start': {
      const result = startMfaEnrolment(who)
      if (!result.ok)
        return formError({ formErrors: ['Two-step sign-in is already on.'], values }, 409)
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
      if (result.reason === 'throttled') return throttled(result.retryAfterSeconds, values)
      if (result.reason === 'no-enrolment')
        return formError(
          {
            formErrors: ['Set-up was restarted or finished elsewhere. Please start again.'],
            values,
          },
          409,
        )
      return formError(
        {
          fieldErrors: { code: ['That code is not right. Enter the code your app shows now.'] },
          values,
        },
        400,
      )
    }
    case 'regenerate': {
      const result = await regenerateRecoveryCodes({ ...who, password: parsed.data.password })
      if (!result.ok) return passwordRefused(result, values)
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
      if (!result.ok) return passwordRefused(result, values)
      return redirect('/staff/security?turnedOff=1')
    }
  }
}

function passwordRefused(
  result: { reason: 'wrong-password' | 'not-enrolled' | 'throttled'; retryAfterSeconds?: number },
  values: Record<string, string>,
) {
  if (result.reason === 'throttled') return throttled(result.retryAfterSeconds ?? 60, values)
  if (result.reason === 'not-enrolled')
    return formError({ formErrors: ['Two-step sign-in is already off.'], values }, 409)
  return formError({ fieldErrors: { password: ['That password is not right.'] }, values }, 400)
}

function throttled(retryAfterSeconds: number, values: Record<string, string>) {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  return formError(
    {
      formErrors: [
        `Too many wrong attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      ],
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
      <h1>Two-step sign-in</h1>
      <p className="lead">
        After your password, you also enter a code from an app on your phone. Someone who learns
        your password still cannot open patient records.
      </p>
      {overview.mustEnrol ? (
        <p className="notice notice--warning" role="status">
          The clinic asks all staff to use two-step sign-in. Set it up now to continue to the staff
          pages.
        </p>
      ) : null}
      {recoveryCodesLeft !== null ? (
        <p className="notice notice--warning" role="status">
          You signed in with a recovery code. You have {recoveryCodesLeft} left. If you lost your
          phone, turn two-step sign-in off and set it up again on your new phone.
        </p>
      ) : null}
      {searchParams.get('turnedOff') === '1' && overview.status === 'off' ? (
        <p className="notice notice--success" role="status">
          Two-step sign-in is off. Your other devices were signed out.
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

function SetUpIntro({ serverErrors }: { serverErrors: FormErrors | undefined }) {
  const pending = useIsSubmitting('start')
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">Set it up</h2>
      <ol>
        <li>
          Install an authenticator app on your phone, for example Google Authenticator, Microsoft
          Authenticator or 1Password.
        </li>
        <li>Press the button below. We show a QR code for the app to scan.</li>
        <li>Type the 6-digit code the app then shows, to prove it works.</li>
      </ol>
      <Form method="post" aria-label="Start setting up two-step sign-in">
        <input type="hidden" name="intent" value="start" />
        <FormErrorList errors={serverErrors?.formErrors} />
        <SubmitButton pending={pending}>Set up two-step sign-in</SubmitButton>
      </Form>
    </section>
  )
}

function SetUpSteps({
  setup,
  email,
  errors,
}: {
  setup: { secretText: string; qrCodeDataUrl: string }
  email: string
  errors: (intent: string) => FormErrors | undefined
}) {
  const restarting = useIsSubmitting('start')
  return (
    <>
      <section aria-labelledby="scan-heading">
        <h2 id="scan-heading">1. Scan this QR code with your app</h2>
        <img
          className="qr-code"
          src={setup.qrCodeDataUrl}
          width={232}
          height={232}
          alt="QR code for your authenticator app. If you cannot scan it, use the setup key below."
        />
        <div className="field">
          <label htmlFor="setup-key">Setup key</label>
          <p id="setup-key-hint" className="hint">
            Cannot scan? In the app, choose to enter a key, and type this key for the account{' '}
            {email}. Choose &quot;time-based&quot; if the app asks.
          </p>
          <input
            id="setup-key"
            className="secret-key"
            readOnly
            value={setup.secretText}
            aria-describedby="setup-key-hint"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </section>
      <section aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">2. Enter the code the app shows</h2>
        <ConfirmForm serverErrors={errors('confirm')} />
      </section>
      <Form method="post" aria-label="Start again with a new key">
        <input type="hidden" name="intent" value="start" />
        <button type="submit" className="button button--quiet" disabled={restarting}>
          Start again with a new key
        </button>
      </Form>
    </>
  )
}

function ConfirmForm({ serverErrors }: { serverErrors: FormErrors | undefined }) {
  const pending = useIsSubmitting('confirm')
  const { formRef, onSubmit, register, fieldError, shouldAutoFocus } = useSchemaForm(
    TotpCodeFormSchema,
    serverErrors,
    { secretFields: ['code'] },
  )
  return (
    <Form
      method="post"
      noValidate
      ref={formRef}
      onSubmit={onSubmit}
      aria-label="Turn on two-step sign-in"
    >
      <input type="hidden" name="intent" value="confirm" />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="6-digit code"
        error={fieldError('code')}
        inputProps={{
          ...register('code'),
          inputMode: 'numeric',
          autoComplete: 'one-time-code',
          maxLength: 7,
          className: 'code-input',
          autoFocus: shouldAutoFocus('code'),
        }}
      />
      <SubmitButton pending={pending} pendingText="Checking…">
        Turn on two-step sign-in
      </SubmitButton>
    </Form>
  )
}

type Overview = ReturnType<typeof useLoaderData<typeof loader>>

function EnrolledSettings({
  overview,
  errors,
}: {
  overview: Overview
  errors: (intent: string) => FormErrors | undefined
}) {
  return (
    <>
      <dl className="summary-list">
        <dt>Status</dt>
        <dd>
          <span className="badge badge--ok">On</span>
        </dd>
        {overview.confirmedAt ? (
          <>
            <dt>Since</dt>
            <dd>{formatDateInZone(new Date(overview.confirmedAt), overview.timeZone)}</dd>
          </>
        ) : null}
        <dt>Recovery codes left</dt>
        <dd>{overview.recoveryCodesLeft} of 10</dd>
      </dl>
      <section aria-labelledby="new-codes-heading">
        <h2 id="new-codes-heading">New recovery codes</h2>
        <p>Makes 10 new codes. The old codes stop working.</p>
        <PasswordForm
          intent="regenerate"
          label="Make new recovery codes"
          serverErrors={errors('regenerate')}
        />
      </section>
      <section aria-labelledby="turn-off-heading">
        <h2 id="turn-off-heading">Turn off two-step sign-in</h2>
        <p>
          Do this if you have a new phone: then set it up again.
          {overview.required
            ? ' The clinic requires two-step sign-in, so you must set it up again before you can use the staff pages.'
            : null}{' '}
          Your other devices are signed out.
        </p>
        <PasswordForm
          intent="disable"
          label="Turn off two-step sign-in"
          serverErrors={errors('disable')}
          danger
        />
      </section>
    </>
  )
}

function PasswordForm({
  intent,
  label,
  serverErrors,
  danger = false,
}: {
  intent: 'regenerate' | 'disable'
  label: string
  serverErrors: FormErrors | undefined
  danger?: boolean
}) {
  const pending = useIsSubmitting(intent)
  const { formRef, onSubmit, register, fieldError, shouldAutoFocus } = useSchemaForm(
    CurrentPasswordFormSchema,
    serverErrors,
  )
  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Your current password"
        hint="We ask again before changing how you sign in."
        error={fieldError('password')}
        inputProps={{
          ...register('password'),
          type: 'password',
          autoComplete: 'current-password',
          autoFocus: shouldAutoFocus('password'),
        }}
      />
      <SubmitButton
        pending={pending}
        className={danger ? 'button button--danger' : 'button'}
        pendingText="Checking…"
      >
        {label}
      </SubmitButton>
    </Form>
  )
}

function RecoveryCodes({
  codes,
  email,
  clinicName,
  timeZone,
  continueTo,
}: {
  codes: CodesShown
  email: string
  clinicName: string
  timeZone: string
  continueTo: string
}) {
  const at = new Date(codes.createdAt)
  const createdAt = `${formatDateInZone(at, timeZone)}, ${formatTimeInZone(at, timeZone)} ${describeTimeZone(timeZone)}`
  const text = recoveryCodesDocument({
    codes: codes.recoveryCodes,
    accountEmail: email,
    clinicName,
    createdAt,
  })
  return (
    <div className="page page--medium stack">
      <h1>Your recovery codes</h1>
      {codes.justEnrolled ? (
        <p className="notice notice--success" role="status">
          Two-step sign-in is on. From now on you enter a code from your app after your password.
        </p>
      ) : (
        <p className="notice notice--success" role="status">
          New recovery codes are ready. The old codes no longer work.
        </p>
      )}
      <p>
        If you lose your phone, each of these codes signs you in once. Save them now: download them
        or print this page, and keep them somewhere private.{' '}
        <strong>We will not show them again.</strong>
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.recoveryCodes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="cluster no-print">
        <a
          className="button button--secondary"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="dermadesk-recovery-codes.txt"
        >
          Download the codes as a text file
        </a>
        <Link className="button" to={continueTo}>
          I have saved my codes: continue
        </Link>
      </p>
      <p className="muted">Created {createdAt}.</p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
