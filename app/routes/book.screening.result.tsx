import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { PatientExplanations } from '#app/components/screening/screening-summary.tsx'
import { getDraftScreening } from '#app/domain/booking/wizard/draft-screening.server.ts'
import { RESULT_TEXTS } from '#app/domain/screening/questionnaire.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formatDateInZone } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Your health answers | Dermadesk' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, steps } = await requireWizardStep(request, 'screening')
  const screening = getDraftScreening({ session, now: new Date(), actor: patientActor(context) })
  if (!screening) throw redirect('/book/screening')
  const submission = screening.submission
  if (!submission) throw redirect('/book/screening/questions')
  return {
    steps,
    serviceName: screening.serviceName,
    consultationServiceId: screening.consultationServiceId,
    outcome: submission.outcome,
    waitUntil:
      submission.waitUntilAt !== null
        ? formatDateInZone(submission.waitUntilAt, screening.timeZone)
        : null,
    explanations: submission.explanations,
  }
}

export default function BookScreeningResultRoute() {
  const { steps, serviceName, consultationServiceId, outcome, waitUntil, explanations } =
    useLoaderData<typeof loader>()
  const pending = useIsPending()
  const copy =
    outcome === 'not_eligible'
      ? RESULT_TEXTS.notEligible
      : outcome === 'review'
        ? RESULT_TEXTS.review
        : waitUntil
          ? RESULT_TEXTS.wait
          : RESULT_TEXTS.eligible
  return (
    <div className="stack page--medium">
      <StepIndicator steps={steps} currentId="screening" />
      <h1>{copy.title}</h1>
      <p className="lead">{serviceName}</p>
      <p>{copy.body}</p>
      {explanations.length > 0 ? (
        <section aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">
            {outcome === 'not_eligible' ? 'Why we cannot book it now' : 'What your answers mean'}
          </h2>
          <PatientExplanations
            explanations={
              outcome === 'not_eligible'
                ? explanations.filter((e) => e.kind === 'not_eligible')
                : explanations
            }
          />
        </section>
      ) : null}
      {outcome === 'not_eligible' ? (
        <>
          <p>{RESULT_TEXTS.notEligible.consultation}</p>
          {consultationServiceId ? (
            <Form method="post" action="/book">
              <input type="hidden" name="serviceId" value={consultationServiceId} />
              <button type="submit" className="button" disabled={pending}>
                Book a consultation instead
              </button>
            </Form>
          ) : null}
          <p>
            <Link to="/book/screening/questions">Change my answers</Link>
          </p>
        </>
      ) : (
        <>
          {waitUntil ? (
            <p className="notice" role="status">
              The first day you can book is <strong>{waitUntil}</strong>.
            </p>
          ) : null}
          <p className="cluster">
            <Link className="button" to="/book/time">
              Choose a day and time
            </Link>
            <Link to="/book/screening/questions">Change my answers</Link>
          </p>
        </>
      )}
    </div>
  )
}
