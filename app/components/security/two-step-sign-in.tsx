import { Form, Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  Field,
  FormErrorList,
  oneTimeCodeProps,
  SubmitButton,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { CurrentPasswordFormSchema, TotpCodeFormSchema } from '#app/domain/auth/mfa.schema.ts'
import { recoveryCodesDocument } from '#app/domain/auth/mfa.rules.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/**
 * The parts of /staff/security (docs/decisions/019-staff-two-factor.md). Each form posts its
 * hidden `intent` and works without JavaScript.
 */

/** Recovery codes as the action returns them: shown once, never stored readable. */
export type CodesShown = { recoveryCodes: string[]; createdAt: string; justEnrolled: boolean }

export function SetUpIntro({ serverErrors }: { serverErrors: FormErrors | undefined }) {
  const pending = useIsPending('start')
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

export function SetUpSteps({
  setup,
  email,
  errors,
}: {
  setup: { secretText: string; qrCodeDataUrl: string }
  email: string
  errors: (intent: string) => FormErrors | undefined
}) {
  const restarting = useIsPending('start')
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
  return (
    <TotpCodeForm
      intent="confirm"
      label="Turn on two-step sign-in"
      submitLabel="Turn on two-step sign-in"
      serverErrors={serverErrors}
    />
  )
}

/** The 6-digit code from the authenticator app: to turn two-step sign-in on, and to sign in. */
export function TotpCodeForm({
  intent,
  label,
  submitLabel,
  serverErrors,
  children,
}: {
  intent: string
  label: string
  submitLabel: string
  serverErrors: FormErrors | undefined
  /** More hidden fields, such as where to go next. */
  children?: ReactNode
}) {
  const pending = useIsPending(intent)
  const { formProps, fields } = useSchemaForm(TotpCodeFormSchema, serverErrors, {
    secretFields: ['code'],
  })
  return (
    <Form {...formProps} aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field label="6-digit code" {...fields.input('code', oneTimeCodeProps(7))} />
      <SubmitButton pending={pending} pendingText="Checking…">
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}

/** What the settings need from the page's loader. */
type Overview = {
  confirmedAt: string | null
  timeZone: string
  recoveryCodesLeft: number
  required: boolean
}

export function EnrolledSettings({
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
  const pending = useIsPending(intent)
  const { formProps, fields } = useSchemaForm(CurrentPasswordFormSchema, serverErrors)
  return (
    <Form {...formProps} aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Your current password"
        hint="We ask again before changing how you sign in."
        {...fields.input('password', { type: 'password', autoComplete: 'current-password' })}
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

export function RecoveryCodes({
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
