import { Form, Link } from '@remix-run/react'
import { type ReactNode, useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  Field,
  FormErrorList,
  oneTimeCodeProps,
  SubmitButton,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { currentPasswordFormSchema, totpCodeFormSchema } from '#app/domain/auth/mfa.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { authMessages } from '#app/i18n/messages/index.ts'
import { recoveryCodesDocument } from '#app/domain/auth/mfa.rules.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { type Locale } from '#app/i18n/locales.ts'

/**
 * The parts of /staff/security (docs/decisions/019-staff-two-factor.md). Each form posts its
 * hidden `intent` and works without JavaScript.
 */

/** Recovery codes as the action returns them: shown once, never stored readable. */
export type CodesShown = { recoveryCodes: string[]; createdAt: string; justEnrolled: boolean }

export function SetUpIntro({ serverErrors }: { serverErrors: FormErrors | undefined }) {
  const pending = useIsPending('start')
  const t = useT(authMessages)
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t('setUpHeading')}</h2>
      <ol>
        <li>{t('setUpStepApp')}</li>
        <li>{t('setUpStepButton')}</li>
        <li>{t('setUpStepCode')}</li>
      </ol>
      <Form method="post" aria-label={t('setUpStartLabel')}>
        <input type="hidden" name="intent" value="start" />
        <FormErrorList errors={serverErrors?.formErrors} />
        <SubmitButton pending={pending}>{t('setUpButton')}</SubmitButton>
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
  const t = useT(authMessages)
  return (
    <>
      <section aria-labelledby="scan-heading">
        <h2 id="scan-heading">{t('scanHeading')}</h2>
        <img
          className="qr-code"
          src={setup.qrCodeDataUrl}
          width={232}
          height={232}
          alt={t('qrAlt')}
        />
        <div className="field">
          <label htmlFor="setup-key">{t('setupKeyLabel')}</label>
          <p id="setup-key-hint" className="hint">
            {t('setupKeyHint', { email })}
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
        <h2 id="confirm-heading">{t('confirmHeading')}</h2>
        <ConfirmForm serverErrors={errors('confirm')} />
      </section>
      <Form method="post" aria-label={t('restartWithNewKey')}>
        <input type="hidden" name="intent" value="start" />
        <button type="submit" className="button button--quiet" disabled={restarting}>
          {t('restartWithNewKey')}
        </button>
      </Form>
    </>
  )
}

function ConfirmForm({ serverErrors }: { serverErrors: FormErrors | undefined }) {
  const t = useT(authMessages)
  return (
    <TotpCodeForm
      intent="confirm"
      label={t('turnOn')}
      submitLabel={t('turnOn')}
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
  const t = useT(authMessages)
  const locale = useLocale()
  const schema = useMemo(() => totpCodeFormSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, serverErrors, {
    secretFields: ['code'],
  })
  return (
    <Form {...formProps} aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field label={t('codeLabel')} {...fields.input('code', oneTimeCodeProps(7))} />
      <SubmitButton pending={pending} pendingText={t('checking')}>
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
  const t = useT(authMessages)
  const locale = useLocale()
  return (
    <>
      <dl className="summary-list">
        <dt>{t('statusLabel')}</dt>
        <dd>
          <span className="badge badge--ok">{t('statusOn')}</span>
        </dd>
        {overview.confirmedAt ? (
          <>
            <dt>{t('sinceLabel')}</dt>
            <dd>{formatDateInZone(new Date(overview.confirmedAt), overview.timeZone, locale)}</dd>
          </>
        ) : null}
        <dt>{t('codesLeftLabel')}</dt>
        <dd>{t('codesLeftValue', { count: overview.recoveryCodesLeft })}</dd>
      </dl>
      <section aria-labelledby="new-codes-heading">
        <h2 id="new-codes-heading">{t('newCodesHeading')}</h2>
        <p>{t('newCodesText')}</p>
        <PasswordForm
          intent="regenerate"
          label={t('newCodesButton')}
          serverErrors={errors('regenerate')}
        />
      </section>
      <section aria-labelledby="turn-off-heading">
        <h2 id="turn-off-heading">{t('turnOff')}</h2>
        <p>{t(overview.required ? 'turnOffTextRequired' : 'turnOffText')}</p>
        <PasswordForm
          intent="disable"
          label={t('turnOff')}
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
  const t = useT(authMessages)
  const locale = useLocale()
  const schema = useMemo(() => currentPasswordFormSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, serverErrors)
  return (
    <Form {...formProps} aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label={t('currentPasswordLabel')}
        hint={t('currentPasswordHint')}
        {...fields.input('password', { type: 'password', autoComplete: 'current-password' })}
      />
      <SubmitButton
        pending={pending}
        className={danger ? 'button button--danger' : 'button'}
        pendingText={t('checking')}
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
  const t = useT(authMessages)
  const locale = useLocale()
  const at = new Date(codes.createdAt)
  const createdAtIn = (language: Locale) =>
    `${formatDateInZone(at, timeZone, language)}, ${formatTimeInZone(at, timeZone, language)} ${describeTimeZone(timeZone, language)}`
  const createdAt = createdAtIn(locale)
  // The downloaded file is in the page's language, like the page (mfa.rules.ts writes it).
  const text = recoveryCodesDocument(
    {
      codes: codes.recoveryCodes,
      accountEmail: email,
      clinicName,
      createdAt,
    },
    locale,
  )
  return (
    <div className="page page--medium stack">
      <h1>{t('codesHeading')}</h1>
      {codes.justEnrolled ? (
        <p className="notice notice--success" role="status">
          {t('codesJustEnrolled')}
        </p>
      ) : (
        <p className="notice notice--success" role="status">
          {t('codesRenewed')}
        </p>
      )}
      <p>
        {t('codesSaveNow')} <strong>{t('codesNotAgain')}</strong>
      </p>
      <ol className="recovery-codes" aria-label={t('codesListLabel')}>
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
          download={t('codesFileName')}
        >
          {t('codesDownload')}
        </a>
        <Link className="button" to={continueTo}>
          {t('codesContinue')}
        </Link>
      </p>
      <p className="muted">{t('codesCreated', { createdAt })}</p>
    </div>
  )
}
