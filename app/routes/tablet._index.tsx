import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { type TabletStep } from '#app/domain/tablet/tablet.rules.ts'
import { tabletUnlockSchema } from '#app/domain/tablet/tablet.schema.ts'
import { getTabletScreen, unlockTablet } from '#app/domain/tablet/tablet.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { tabletMessages } from '#app/i18n/messages/index.ts'
import { requireTabletLock } from '#app/utils/auth.server.ts'
import { formatAppointment } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'
import { expiredPatientSessionCookie, readPatientToken } from '#app/utils/patient-session.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

/**
 * The clinic tablet's own page (ADR 045): the patient's steps for their booking (health questions,
 * then consent), then "Thank you — please hand the tablet back" and the staff member's unlock
 * form. Every other page of a locked tablet comes back here (app/server/tablet-gate.ts).
 */

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { lock } = await requireTabletLock(request)
  const locale = await requestLocale(request)
  const screen = getTabletScreen({ lock, patientToken: await readPatientToken(request) })
  if (!screen) throw redirect('/staff')
  const t = (key: 'pageTitle' | 'doneTitle') => translate(tabletMessages, locale, key)
  return {
    title: screen.step === 'done' ? t('doneTitle') : t('pageTitle'),
    step: screen.step,
    reference: screen.reference,
    serviceName: screen.serviceName,
    when: formatAppointment(screen.startAt, screen.endAt, screen.timeZone, locale),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { token } = await requireTabletLock(request)
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, tabletUnlockSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = await unlockTablet({
    staffToken: token,
    password: parsed.data.password,
    actor: { ipAddress: context.clientIp, requestId: context.requestId },
    now: new Date(),
  })
  if (result.ok)
    return redirect(`/staff/bookings/${result.bookingId}/check-in?tablet=back`, {
      headers: { 'Set-Cookie': await expiredPatientSessionCookie() },
    })
  if (result.reason === 'not-locked') throw redirect('/staff')
  if (result.reason === 'throttled') {
    const minutes = Math.ceil(result.retryAfterSeconds / 60)
    return formError(
      { formErrors: [translate(tabletMessages, locale, 'throttled', { minutes })] },
      429,
      { 'Retry-After': String(result.retryAfterSeconds) },
    )
  }
  return formError(
    { fieldErrors: { password: [translate(tabletMessages, locale, 'wrongPassword')] } },
    401,
  )
}

const STEPS = ['screening', 'consent'] as const

function statusOf(step: (typeof STEPS)[number], current: TabletStep) {
  if (current === 'done' || (step === 'screening' && current === 'consent')) return 'statusDone'
  return step === current ? 'statusNow' : 'statusLater'
}

export default function TabletRoute() {
  const data = useLoaderData<typeof loader>()
  const t = useT(tabletMessages)
  return (
    <div className="stack page--medium">
      {data.step === 'done' ? (
        <>
          <h1>{t('doneHeading')}</h1>
          <p className="lead">{t('doneText')}</p>
        </>
      ) : (
        <>
          <h1>{t('welcomeHeading')}</h1>
          <p className="lead">{t('lead', { service: data.serviceName, when: data.when })}</p>
          <p>{t('stepsIntro')}</p>
          <ol className="tablet-steps" aria-label={t('stepsLabel')}>
            {STEPS.map((step) => (
              <li key={step} aria-current={step === data.step ? 'step' : undefined}>
                {t(step === 'screening' ? 'stepScreening' : 'stepConsent')}:{' '}
                <strong>{t(statusOf(step, data.step))}</strong>
              </li>
            ))}
          </ol>
          <p>
            <Link
              className="button"
              to={
                data.step === 'screening'
                  ? `/bookings/${data.reference}/screening/update`
                  : `/bookings/${data.reference}/consent`
              }
            >
              {t(data.step === 'screening' ? 'startScreening' : 'startConsent')}
            </Link>
          </p>
        </>
      )}
      <UnlockForm />
    </div>
  )
}

function UnlockForm() {
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(tabletMessages)
  const locale = useLocale()
  const schema = useMemo(() => tabletUnlockSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData)
  return (
    <section aria-labelledby="staff-heading" className="stack card">
      <h2 id="staff-heading">{t('staffHeading')}</h2>
      <p>{t('staffIntro')}</p>
      <Form {...formProps} className="stack">
        <FormErrorList errors={actionData?.formErrors} />
        <Field
          label={t('passwordLabel')}
          {...fields.input('password', { type: 'password', autoComplete: 'current-password' })}
        />
        <SubmitButton pending={pending} pendingText={t('unlocking')}>
          {t('unlock')}
        </SubmitButton>
      </Form>
    </section>
  )
}
