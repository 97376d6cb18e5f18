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
import { answersFromForm, ConsentPageFormSchema } from '#app/domain/consent/consent.schema.ts'
import { requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import {
  bookingProblemResponse,
  checkFailure,
  signFailure,
  signingContextOf,
} from '#app/utils/consent-responses.server.ts'
import { formatTimeInZone, secondsUntil } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'

export const meta: MetaFunction = () => [{ title: 'Read and sign your consent | Dermadesk' }]

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
  const { session, draft, steps, summary } = await requireWizardStep(request, 'consent')
  const result = getConsentSigningPage({
    ctx: signingContextOf(request, context, session),
    target: { kind: 'wizard' },
  })
  if (!result.ok) redirectFor(result.reason)
  const { page } = result
  const hold = draft.hold
  return {
    summary,
    steps,
    serviceName: draft.service.name,
    holdUntil:
      hold?.live && hold.expiresAt ? formatTimeInZone(hold.expiresAt, draft.timeZone) : null,
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
  const { session, draft } = await requireWizardStep(request, 'consent')
  const parsed = await parseForm(request, ConsentPageFormSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const ctx = signingContextOf(request, context, session)
  const target = { kind: 'wizard' } as const
  if (parsed.data.intent === 'check') {
    const result = submitConsentCheck({
      ctx,
      target,
      versionId: parsed.data.versionId,
      answers: answersFromForm(parsed.data),
    })
    if (result.ok) return redirect('/book/consent?checked=1#sign-heading')
    return checkFailure(result, parsed.values) ?? redirectFor(result.reason as TargetProblem)
  }
  const { intent: _intent, ...form } = parsed.data
  const result = await signConsent({ ctx, target, form })
  if (result.ok) {
    if (result.bookedReference) return redirect('/book/confirmation')
    if (result.bookingProblem)
      return bookingProblemResponse(result.bookingProblem, result.nearest, draft.timeZone)
    return redirect('/book')
  }
  return signFailure(result, parsed.values) ?? redirectFor(result.reason as TargetProblem)
}

export { reloadWhenConsentChanged as shouldRevalidate } from '#app/components/consent/consent-signing.tsx'

export default function BookConsentRoute() {
  const { summary, steps, serviceName, holdUntil, holdSecondsLeft, alreadySigned, model } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const nearest = nearestTimesOf(actionData)
  return (
    <WizardPage summary={summary}>
      <StepIndicator steps={steps} currentId="consent" />
      <h1>Read and sign your consent</h1>
      <p className="lead">
        Before we book your {serviceName}, please read this form. It says what we do, what to expect
        and what to look out for. Then answer {model.reading.questions.length} short questions and
        sign. You can ask us anything before you sign.
      </p>
      {holdUntil ? (
        <p className="notice" role="status">
          We are keeping your time until {holdUntil}
          {holdSecondsLeft ? <HoldCountdown secondsLeft={holdSecondsLeft} /> : null}. Take the time
          you need: if it runs out, you can still sign, and the time is yours if it is still free.
        </p>
      ) : (
        <p className="notice notice--warning" role="status">
          We could not keep your time any longer. You can still sign: if the time is still free when
          you do, it is yours.
        </p>
      )}
      {nearest.length > 0 || (actionData && 'nearest' in actionData) ? (
        <>
          <FormErrorList errors={actionData?.formErrors} />
          <NearestFreeTimes times={nearest} pending={pending} action="/book/time" />
          <p>
            <Link to="/book/time">See all free times</Link>
          </p>
        </>
      ) : alreadySigned ? (
        <div className="notice notice--success">
          <p>You have already signed this consent.</p>
          <p>
            <Link to="/book/time">Choose a time to finish your booking</Link>
          </p>
        </div>
      ) : (
        <ConsentSigning
          model={model}
          actionData={actionData}
          justChecked={searchParams.get('checked') === '1'}
          submitLabel="Sign and book"
        />
      )}
    </WizardPage>
  )
}
