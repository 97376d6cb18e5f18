import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { StatusBadge } from '#app/components/booking/booking-summary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { ConsultationOffer } from '#app/components/screening/consultation-offer.tsx'
import { AnswersList, PatientExplanations } from '#app/components/screening/screening-summary.tsx'
import {
  answerClinicQuestion,
  getPatientScreening,
} from '#app/domain/screening/screening-booking.server.ts'
import { RESULT_TEXTS } from '#app/domain/screening/questionnaire.ts'
import { ClinicQuestionAnswerSchema } from '#app/domain/screening/screening.schema.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your health answers | Dermadesk' }]

export async function loader(args: LoaderFunctionArgs) {
  const { booking: screening } = await requirePatientBooking(args, getPatientScreening)
  const zone = screening.timeZone
  const at = (instant: number) =>
    `${formatDateInZone(instant, zone)} at ${formatTimeInZone(instant, zone)}`
  return {
    reference: screening.reference,
    status: screening.status,
    serviceName: screening.serviceName,
    when: at(screening.startAt),
    submission: screening.submission
      ? { ...screening.submission, submittedAt: at(screening.submission.submittedAt) }
      : null,
    openQuestion: screening.openQuestion
      ? { text: screening.openQuestion.text, askedAt: at(screening.openQuestion.askedAt) }
      : null,
    declineReason: screening.declineReason,
    conversation: screening.conversation.map((entry) => ({ ...entry, at: at(entry.at) })),
    renewalOpen: screening.renewalOpen,
    canUpdate: screening.canUpdate,
    consultationServiceId: screening.consultationServiceId,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const parsed = await parseForm(request, ClinicQuestionAnswerSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = answerClinicQuestion({
    session,
    reference,
    answer: parsed.data.answer,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok) return redirect(`/bookings/${reference}/screening?answered=1`)
  if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  return formError({ formErrors: ['There is no open question on this booking any more.'] }, 409)
}

export default function PatientScreeningRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const { formProps, fields } = useSchemaForm(ClinicQuestionAnswerSchema, actionData, {
    secretFields: [],
  })
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/bookings/${data.reference}`}>Back to booking {data.reference}</Link>
      </p>
      <h1>Your health answers</h1>
      <p className="lead">
        {data.serviceName}, {data.when}. <StatusBadge status={data.status} />
      </p>
      {searchParams.get('answered') === '1' ? (
        <p className="notice notice--success" role="status">
          Thank you. We have sent your answer to the clinic.
        </p>
      ) : null}
      {searchParams.get('updated') === '1' ? (
        <p className="notice notice--success" role="status">
          Thank you. We have saved your new answers.
          {data.status === 'pending_review'
            ? ' A clinician will check them before your visit.'
            : null}
        </p>
      ) : null}
      {data.declineReason !== null ? (
        <div className="notice notice--warning">
          <p>The clinic cannot go ahead with this booking. The clinician wrote:</p>
          <p className="message-text">{data.declineReason}</p>
        </div>
      ) : null}
      {data.openQuestion ? (
        <section aria-labelledby="question-heading" className="card stack">
          <h2 id="question-heading">A question from the clinic</h2>
          <p className="muted">Asked on {data.openQuestion.askedAt}</p>
          <p className="message-text">{data.openQuestion.text}</p>
          <Form {...formProps}>
            <FormErrorList errors={actionData?.formErrors} />
            <TextareaField
              label="Your answer"
              hint="Only the clinicians who treat you can read it."
              {...fields.textarea('answer', { rows: 5, maxLength: 2000 })}
            />
            <SubmitButton pending={pending} pendingText="Sending…">
              Send my answer
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      {data.renewalOpen ? (
        <p className="notice">
          Your visit is coming soon, and your answers are more than 30 days old. Please check them
          again.
        </p>
      ) : null}
      {data.canUpdate ? (
        <p>
          <Link
            className="button button--secondary"
            to={`/bookings/${data.reference}/screening/update`}
          >
            {data.renewalOpen ? 'Check my answers again' : 'Change my answers'}
          </Link>
        </p>
      ) : null}
      {data.submission?.outcome === 'review' ||
      data.submission?.outcome === 'not_eligible' ||
      data.status === 'declined' ? (
        <ConsultationOffer
          text={RESULT_TEXTS.consultation.review}
          serviceId={data.consultationServiceId}
          pending={pending}
        />
      ) : null}
      {data.conversation.length > 0 ? (
        <section aria-labelledby="conversation-heading">
          <h2 id="conversation-heading">Questions and answers</h2>
          <ul className="conversation">
            {data.conversation.map((entry) => (
              <li key={`${entry.from}-${entry.at}`}>
                <strong>{entry.from === 'clinic' ? 'The clinic' : 'You'}</strong>, {entry.at}:
                <br />
                {entry.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.submission ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">What you told us</h2>
          <p className="muted">Answered on {data.submission.submittedAt}.</p>
          {data.submission.explanations.length > 0 ? (
            <PatientExplanations explanations={data.submission.explanations} />
          ) : null}
          <AnswersList answers={data.submission.answers} audience="patient" />
        </section>
      ) : (
        <p>We have no health answers for this booking.</p>
      )}
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
