import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { NearestFreeTimes, nearestTimesOf } from '#app/components/booking/nearest-free-times.tsx'
import { HoldCountdown } from '#app/components/booking/hold-countdown.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { WizardPage } from '#app/components/booking/wizard-page.tsx'
import { ConsentSigning } from '#app/components/consent/consent-signing.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList } from '#app/components/forms/fields.tsx'
import {
  getConsentSigningPage,
  signConsent,
  submitConsentCheck,
  type TargetProblem,
} from '#app/domain/consent/consent-signing.server.ts'
import { answersFromForm, consentPageFormSchema } from '#app/domain/consent/consent.schema.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { consentMessages } from '#app/i18n/messages/index.ts'
import { requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import {
  bookingProblemResponse,
  checkFailure,
  signFailure,
  signingContextOf,
} from '#app/utils/consent-responses.server.ts'
import { formatTimeInZone, secondsUntil } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Read and sign your consent | Dermadesk' },
]

/** Where a patient goes when this step is not theirs to be on. */
function redirectFor(reason: TargetProblem): never {
  switch (reason) {
    case 'already-booked':
      throw redirect('/book/confirmation')
    case 'not-verified':
      throw redirect('/book/verify')
    case 'not-needed':
      throw redirect('/book/confirmation')
    default:
      throw redirect('/book')
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, draft, steps, summary, locale } = await requireWizardStep(request, 'consent')
  const result = getConsentSigningPage({
    ctx: signingContextOf(request, context, session, undefined, locale),
    target: { kind: 'wizard' },
  })
  if (!result.ok) redirectFor(result.reason)
  const { page } = result
  const hold = draft.hold
  return {
    title: translate(consentMessages, locale, 'wizardMetaTitle'),
    summary,
    steps,
    serviceName: draft.service.name,
    holdUntil:
      hold?.live && hold.expiresAt
        ? formatTimeInZone(hold.expiresAt, draft.timeZone, locale)
        : null,
    holdSecondsLeft: hold?.live && hold.expiresAt ? secondsUntil(hold.expiresAt) : null,
    alreadySigned: page.alreadySigned,
    model: {
      reading: page.reading,
      expectedName: page.expectedName,
      checkPassed: page.checkPassed,
    },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, draft, locale } = await requireWizardStep(request, 'consent')
  const parsed = await parseForm(request, consentPageFormSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const ctx = signingContextOf(request, context, session, undefined, locale)
  const target = { kind: 'wizard' } as const
  if (parsed.data.intent === 'check') {
    const result = submitConsentCheck({
      ctx,
      target,
      versionId: parsed.data.versionId,
      answers: answersFromForm(parsed.data),
    })
    if (result.ok) return redirect('/book/consent?checked=1#sign-heading')
    return (
      checkFailure(result, parsed.values, locale) ?? redirectFor(result.reason as TargetProblem)
    )
  }
  const { intent: _intent, ...form } = parsed.data
  const result = await signConsent({ ctx, target, form })
  if (result.ok) {
    if (result.bookedReference) return redirect('/book/confirmation')
    if (result.bookingProblem)
      return bookingProblemResponse(result.bookingProblem, result.nearest, draft.timeZone, locale)
    return redirect('/book')
  }
  return signFailure(result, parsed.values, locale) ?? redirectFor(result.reason as TargetProblem)
}

export { reloadWhenConsentChanged as shouldRevalidate } from '#app/components/consent/consent-signing.tsx'

export default function BookConsentRoute() {
  const { summary, steps, serviceName, holdUntil, holdSecondsLeft, alreadySigned, model } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const nearest = nearestTimesOf(actionData)
  const t = useT(consentMessages)
  const rich = useRichT(consentMessages)
  return (
    <WizardPage summary={summary}>
      <StepIndicator steps={steps} currentId="consent" />
      <h1>{t('wizardHeading')}</h1>
      <p className="lead">
        {t('wizardLead', { serviceName, count: model.reading.questions.length })}
      </p>
      {holdUntil ? (
        <p className="notice" role="status">
          {rich('holdKept', {
            time: holdUntil,
            hold: (chunks) => (
              <>
                {chunks}
                {holdSecondsLeft ? <HoldCountdown secondsLeft={holdSecondsLeft} /> : null}
              </>
            ),
          })}
        </p>
      ) : (
        <p className="notice notice--warning" role="status">
          {t('holdLost')}
        </p>
      )}
      {nearest.length > 0 || (actionData && 'nearest' in actionData) ? (
        <>
          <FormErrorList errors={actionData?.formErrors} />
          <NearestFreeTimes times={nearest} pending={pending} action="/book/time" />
          <p>
            <Link to="/book/time">{t('seeAllTimes')}</Link>
          </p>
        </>
      ) : alreadySigned ? (
        <div className="notice notice--success">
          <p>{t('alreadySigned')}</p>
          <p>
            <Link to="/book/time">{t('chooseTimeToFinish')}</Link>
          </p>
        </div>
      ) : (
        <ConsentSigning
          model={model}
          actionData={actionData}
          justChecked={searchParams.get('checked') === '1'}
          submitLabel={t('signAndBook')}
        />
      )}
    </WizardPage>
  )
}
