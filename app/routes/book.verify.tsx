import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
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
import { VerificationCodeSchema, VerifyStepSchema } from '#app/domain/booking/booking.schema.ts'
import { resendBookingCode, verifyBookingEmail } from '#app/domain/booking/wizard/verify.server.ts'
import { nextStep, readyToBook } from '#app/domain/booking/wizard/steps.ts'
import { tooManyBookingsMessage } from '#app/domain/limits/limits.rules.ts'
import {
  CODE_VALID_MINUTES,
  tooManyCodesMessage,
} from '#app/domain/patient/email-verification.rules.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { patientSessionCookie } from '#app/utils/patient-session.server.ts'
import { nearestTimesResponse } from '#app/utils/slot-picker.server.ts'
import { screeningWaitMessage } from '#app/domain/screening/screening-messages.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'

export const meta: MetaFunction = () => [{ title: 'Check your email | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, steps, summary } = await requireWizardStep(request, 'verify')
  // Already proved for these details (the patient came back from the consent step): no empty
  // code box, the details step instead, which goes straight on.
  if (draft.progress.emailVerified) throw redirect('/book/details')
  const resent = new URL(request.url).searchParams.get('resent') === '1'
  // Proving the email books at once only when nothing else is missing (a treatment still needs
  // its consent, unless this proved session already has one): the button says what happens.
  const books = readyToBook({ ...draft.progress, emailVerified: true })
  return {
    summary,
    steps,
    email: draft.details!.email,
    resent,
    books,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, draft } = await requireWizardStep(request, 'verify')
  const parsed = await parseForm(request, VerifyStepSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const now = new Date()
  if (parsed.data.intent === 'resend') {
    const resent = resendBookingCode({ session, now, actor: patientActor(context) })
    if (resent.ok) return redirect('/book/verify?resent=1')
    if (resent.reason === 'no-draft') throw redirect('/book')
    return formError(
      { formErrors: [tooManyCodesMessage(resent.retryAfterSeconds)] },
      429,
      retryAfter(resent.retryAfterSeconds),
    )
  }
  const result = verifyBookingEmail({
    session,
    code: parsed.data.code,
    now,
    actor: patientActor(context),
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
        { formErrors: [tooManyBookingsMessage(result.max, result.clinicPhone)] },
        429,
        retryAfter(result.retryAfterSeconds, cookie),
      )
    case 'slot-taken':
      return nearestTimesResponse(
        'Your email is confirmed, but someone took your time while it was no longer held. Please choose another: here are the nearest free times.',
        result.nearest,
        { headers: cookie },
      )
    case 'too-close':
      return formError(
        {
          formErrors: [
            `Your skin needs time to heal between sessions. Please choose a time from ${formatDateInZone(result.earliestStartAt, draft.timeZone)} onwards.`,
          ],
        },
        409,
        cookie,
      )
    case 'screening-wait':
      return formError(
        { formErrors: [screeningWaitMessage(result.earliestStartAt, draft.timeZone)] },
        409,
        cookie,
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
  const { formProps, fields } = useSchemaForm(VerificationCodeSchema, actionData, {
    secretFields: ['code'],
  })
  const nearest = nearestTimesOf(actionData)
  const needsNewTime =
    nearest.length > 0 ||
    Boolean(
      actionData?.formErrors.some(
        (e) => e.startsWith('Your skin') || e.startsWith('Because of your answers'),
      ),
    )
  return (
    <WizardPage summary={summary}>
      <StepIndicator steps={steps} currentId="verify" />
      <h1>Check your email</h1>
      <p>
        We sent a 6-digit code to <strong>{email}</strong>. It works for {CODE_VALID_MINUTES}{' '}
        minutes. <Link to="/book/details">Wrong address? Change it</Link>
      </p>
      {resent ? (
        <p className="notice notice--success" role="status">
          We sent a new code. Only the newest code works.
        </p>
      ) : null}
      <FormErrorList errors={actionData?.formErrors} />
      <NearestFreeTimes times={nearest} pending={pending} action="/book/time" />
      {needsNewTime ? (
        <p>
          <Link to="/book/time">See all free times</Link>
        </p>
      ) : (
        <>
          <Form {...formProps}>
            <input type="hidden" name="intent" value="verify" />
            <Field label="Code from the email" {...fields.input('code', oneTimeCodeProps(6))} />
            <SubmitButton pending={pending} pendingText="Checking…">
              {books ? 'Confirm my booking' : 'Check the code and continue'}
            </SubmitButton>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <p>
              No email? Check your spam folder, or{' '}
              <button type="submit" className="button button--quiet" disabled={pending}>
                send a new code
              </button>
            </p>
          </Form>
        </>
      )}
    </WizardPage>
  )
}
