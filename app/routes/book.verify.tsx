import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { NearestFreeTimes, nearestTimesOf } from '#app/components/booking/nearest-free-times.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { WizardPage } from '#app/components/booking/wizard-page.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  Field,
  FormErrorList,
  oneTimeCodeProps,
  SubmitButton,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { verificationCodeSchema, verifyStepSchema } from '#app/domain/booking/booking.schema.ts'
import { resendBookingCode, verifyBookingEmail } from '#app/domain/booking/wizard/verify.server.ts'
import { nextStep, readyToBook } from '#app/domain/booking/wizard/steps.ts'
import { tooManyBookingsMessage } from '#app/domain/limits/limits.rules.ts'
import {
  CODE_VALID_MINUTES,
  tooManyCodesMessage,
} from '#app/domain/patient/email-verification.rules.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { patientSessionCookie } from '#app/utils/patient-session.server.ts'
import { nearestTimesResponse } from '#app/utils/slot-picker.server.ts'
import { waitRefusalMessage } from '#app/domain/booking/wizard/time-step.ts'
import { messageWithParts } from '#app/components/booking/message-parts.tsx'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { verifyMessages } from '#app/i18n/messages/index.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, steps, summary, locale } = await requireWizardStep(request, 'verify')
  // Already proved for these details (the patient came back from the consent step): no empty
  // code box, the details step instead, which goes straight on.
  if (draft.progress.emailVerified) throw redirect('/book/details')
  const resent = new URL(request.url).searchParams.get('resent') === '1'
  // Proving the email books at once only when nothing else is missing (a treatment still needs
  // its consent, unless this proved session already has one): the button says what happens.
  const books = readyToBook({ ...draft.progress, emailVerified: true })
  return {
    title: translate(verifyMessages, locale, 'title'),
    summary,
    steps,
    email: draft.details!.email,
    resent,
    books,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, draft, locale } = await requireWizardStep(request, 'verify')
  const parsed = await parseForm(request, verifyStepSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const now = new Date()
  if (parsed.data.intent === 'resend') {
    const resent = resendBookingCode({ session, now, actor: patientActor(context) })
    if (resent.ok) return redirect('/book/verify?resent=1')
    if (resent.reason === 'no-draft') throw redirect('/book')
    return formError(
      { formErrors: [tooManyCodesMessage(resent.retryAfterSeconds, locale)] },
      429,
      retryAfter(resent.retryAfterSeconds),
    )
  }
  const result = verifyBookingEmail({
    session,
    code: parsed.data.code,
    now,
    actor: patientActor(context),
    locale,
  })
  // Proving the address replaced the session's token: every answer from here carries the new one.
  const cookie: Record<string, string> = result.sessionToken
    ? { 'Set-Cookie': await patientSessionCookie(result.sessionToken) }
    : {}
  if (result.ok)
    return redirect(
      result.reference ? '/book/confirmation' : nextStep('verify', draft.progress).path,
      { headers: cookie },
    )
  switch (result.reason) {
    case 'code':
      return result.retryAfterSeconds
        ? formError(
            { fieldErrors: { code: [result.message] } },
            429,
            retryAfter(result.retryAfterSeconds, cookie),
          )
        : formError({ fieldErrors: { code: [result.message] } }, 400, cookie)
    case 'too-many-bookings':
      return formError(
        { formErrors: [tooManyBookingsMessage(result.max, result.clinicPhone, locale)] },
        429,
        retryAfter(result.retryAfterSeconds, cookie),
      )
    case 'slot-taken':
      return nearestTimesResponse(translate(verifyMessages, locale, 'slotTaken'), result.nearest, {
        headers: cookie,
        locale,
      })
    case 'too-close':
    case 'screening-wait':
      // Only another time helps: the page offers the times instead of the code box.
      return data(
        {
          fieldErrors: {},
          formErrors: [waitRefusalMessage(result, draft.timeZone, locale)],
          values: {},
          needsNewTime: true,
        },
        { status: 409, headers: cookie },
      )
    case 'screening-needed':
      throw redirect('/book/screening', { headers: cookie })
    default:
      throw redirect('/book', { headers: cookie })
  }
}

export default function BookVerifyRoute() {
  const { summary, steps, email, resent, books } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const locale = useLocale()
  const t = useT(verifyMessages)
  const schema = useMemo(() => verificationCodeSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData, {
    secretFields: ['code'],
  })
  const nearest = nearestTimesOf(actionData)
  const needsNewTime = nearest.length > 0 || Boolean(actionData && 'needsNewTime' in actionData)
  return (
    <WizardPage summary={summary}>
      <StepIndicator steps={steps} currentId="verify" />
      <h1>{t('heading')}</h1>
      <p>
        {messageWithParts(
          t,
          'sent',
          { minutes: CODE_VALID_MINUTES },
          { email: <strong>{email}</strong> },
        )}{' '}
        <Link to="/book/details">{t('wrongAddress')}</Link>
      </p>
      {resent ? (
        <p className="notice notice--success" role="status">
          {t('resent')}
        </p>
      ) : null}
      <FormErrorList errors={actionData?.formErrors} />
      <NearestFreeTimes times={nearest} pending={pending} action="/book/time" />
      {needsNewTime ? (
        <p>
          <Link to="/book/time">{t('seeAllTimes')}</Link>
        </p>
      ) : (
        <>
          <Form {...formProps}>
            <input type="hidden" name="intent" value="verify" />
            <Field label={t('codeLabel')} {...fields.input('code', oneTimeCodeProps(6))} />
            <SubmitButton pending={pending} pendingText={t('checking')}>
              {books ? t('confirmBooking') : t('checkAndContinue')}
            </SubmitButton>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <p>
              {messageWithParts(
                t,
                'noEmail',
                {},
                {
                  resend: (
                    <button type="submit" className="button button--quiet" disabled={pending}>
                      {t('sendNewCode')}
                    </button>
                  ),
                },
              )}
            </p>
          </Form>
        </>
      )}
    </WizardPage>
  )
}
