import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { formErrorsFor, useIsSubmitting } from '#app/components/admin/action-data.ts'
import { BookingSummary, StatusBadge } from '#app/components/booking/booking-summary.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  AnswersList,
  FindingsList,
  OutcomeBadge,
} from '#app/components/screening/screening-summary.tsx'
import {
  decideReview,
  getReviewForClinician,
} from '#app/domain/screening/screening-review.server.ts'
import {
  ApproveSchema,
  DeclineSchema,
  RequestInfoSchema,
  ReviewDecisionSchema,
} from '#app/domain/screening/screening.schema.ts'
import { notFound, staffActorOf } from '#app/utils/admin-responses.server.ts'
import {
  formatAppointment,
  formatCalendarDate,
  formatDateInZone,
  formatTimeInZone,
} from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Eligibility review | Dermadesk' }]

const BookingIdSchema = z.uuid()

const EVENT_LABELS = {
  approved: 'Approved',
  declined: 'Declined',
  info_requested: 'Asked the patient',
  info_provided: 'Patient answered',
} as const

const SOURCE_LABELS = {
  booking: 'by the patient when booking',
  patient_update: 'by the patient, updated on their booking page',
  staff_update: 'by staff for the patient',
} as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'clinician')
  const bookingId = BookingIdSchema.safeParse(params.bookingId)
  if (!bookingId.success) throw notFound('We could not find that booking.')
  const review = getReviewForClinician({
    bookingId: bookingId.data,
    actor: staffActorOf(user, context),
    now: new Date(),
  })
  if (!review) throw notFound('We could not find that booking.')
  const zone = review.booking.timeZone
  const at = (instant: number) =>
    `${formatDateInZone(instant, zone)}, ${formatTimeInZone(instant, zone)}`
  return {
    ...review,
    when: formatAppointment(review.booking.startAt, review.booking.endAt, zone),
    submission: review.submission
      ? { ...review.submission, submittedAtLabel: at(review.submission.submittedAt) }
      : null,
    earlier: review.earlier.map((s) => ({ ...s, submittedAt: at(s.submittedAt) })),
    events: review.events.map((e) => ({ ...e, at: at(e.at) })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'clinician')
  const bookingId = BookingIdSchema.safeParse(params.bookingId)
  if (!bookingId.success) throw notFound('We could not find that booking.')
  const parsed = await parseForm(request, ReviewDecisionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = decideReview({
    bookingId: bookingId.data,
    decision: parsed.data,
    actor: staffActorOf(user, context),
    now: new Date(),
  })
  if (result.ok) {
    return redirect(
      parsed.data.intent === 'request_info'
        ? `/staff/reviews/${bookingId.data}?asked=1`
        : `/staff/reviews?done=${parsed.data.intent === 'approve' ? 'approved' : 'declined'}`,
    )
  }
  switch (result.reason) {
    case 'not-found':
      throw notFound('We could not find that booking.')
    case 'stale':
      return formError(
        {
          formErrors: [
            'The patient has sent new answers since you opened this page. Please read them before you decide.',
          ],
          values: parsed.values,
        },
        409,
      )
    default:
      return formError(
        {
          formErrors: ['This booking is no longer waiting for review.'],
          values: parsed.values,
        },
        409,
      )
  }
}

export default function ReviewRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { booking, patient, submission } = data
  const decisive = submission?.findings.filter((f) => f.kind !== 'info') ?? []
  const info = submission?.findings.filter((f) => f.kind === 'info') ?? []
  return (
    <div className="stack page--medium">
      <p>
        <Link to="/staff/reviews">All reviews</Link>
      </p>
      <h1>Review for {patient.fullName}</h1>
      {searchParams.get('asked') === '1' ? (
        <p className="notice notice--success" role="status">
          Question sent. The patient gets an email with a link to answer it; the booking stays
          pending.
        </p>
      ) : null}
      <BookingSummary
        rows={[
          ['Status', <StatusBadge key="status" status={booking.status} />],
          ['Booking', booking.reference],
          ['When', data.when],
          ['Treatment', booking.serviceName],
          ['With', booking.practitionerName],
          [
            'Patient',
            `${patient.fullName}, born ${formatCalendarDate(patient.dateOfBirth)} (${patient.age})`,
          ],
          ['Contact', `${patient.phone}, ${patient.email}`],
        ]}
      />
      {submission ? (
        <>
          <section aria-labelledby="flags-heading">
            <h2 id="flags-heading">What the rules flagged</h2>
            <p className="cluster">
              <span>
                Answers version {submission.bookingVersion}, given on {submission.submittedAtLabel}{' '}
                {SOURCE_LABELS[submission.source]}; judged by rule set version{' '}
                {submission.ruleSetVersion}.
              </span>
              {submission.validity === 'renewal_due' ? (
                <span className="badge badge--warn">Older than 30 days before the visit</span>
              ) : null}
            </p>
            <FindingsList findings={decisive} />
          </section>
          {info.length > 0 ? (
            <section aria-labelledby="info-heading">
              <h2 id="info-heading">For your information</h2>
              <FindingsList findings={info} />
            </section>
          ) : null}
          {data.canDecide ? (
            <Decisions
              submissionId={submission.id}
              actionData={actionData}
              openQuestion={data.openQuestion}
            />
          ) : (
            <p className="notice">This booking is not waiting for review: nothing to decide.</p>
          )}
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">All answers</h2>
            <AnswersList answers={submission.answers} audience="clinician" />
          </section>
        </>
      ) : (
        <p className="notice notice--warning">This booking has no screening answers.</p>
      )}
      {data.events.length > 0 ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Decisions and messages</h2>
          <ul className="conversation">
            {data.events.map((event) => (
              <li key={`${event.kind}-${event.at}-${event.by}`}>
                <strong>{EVENT_LABELS[event.kind]}</strong> by {event.by}, {event.at}
                {event.message ? (
                  <>
                    :<br />
                    {event.message}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.earlier.length > 0 ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Earlier answers for this booking</h2>
          <ul>
            {data.earlier.map((s) => (
              <li key={s.id}>
                Version {s.bookingVersion}, {s.submittedAt}: <OutcomeBadge outcome={s.outcome} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

function Decisions({
  submissionId,
  actionData,
  openQuestion,
}: {
  submissionId: string
  actionData: unknown
  openQuestion: boolean
}) {
  return (
    <section aria-labelledby="decide-heading" className="stack">
      <h2 id="decide-heading">Decide</h2>
      {openQuestion ? (
        <p className="notice">You asked the patient a question; they have not answered yet.</p>
      ) : null}
      <DecisionForm
        intent="approve"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'approve')}
        field="note"
        label="Note for the record (optional)"
        hint="For example: antiviral cover prescribed. The patient does not see it."
        submitLabel="Approve and confirm the booking"
        buttonClass="button"
      />
      <DecisionForm
        intent="request_info"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'request_info')}
        field="question"
        label="Question for the patient"
        hint="The patient gets an email with a link and answers on their booking page. The email does not contain your question."
        submitLabel="Send the question"
        buttonClass="button button--secondary"
      />
      <DecisionForm
        intent="decline"
        submissionId={submissionId}
        serverErrors={formErrorsFor(actionData, 'decline')}
        field="reason"
        label="Reason for the patient"
        hint="The patient reads this on their booking page; the time is freed for others. Use plain, kind words."
        submitLabel="Decline the booking"
        buttonClass="button button--danger"
      />
    </section>
  )
}

/** In the browser only the typed field is checked (the hidden intent and id are not fields). */
const SCHEMAS = {
  approve: ApproveSchema.pick({ note: true }),
  decline: DeclineSchema.pick({ reason: true }),
  request_info: RequestInfoSchema.pick({ question: true }),
}

function DecisionForm({
  intent,
  submissionId,
  serverErrors,
  field,
  label,
  hint,
  submitLabel,
  buttonClass,
}: {
  intent: 'approve' | 'decline' | 'request_info'
  submissionId: string
  serverErrors: FormErrors | undefined
  field: 'note' | 'reason' | 'question'
  label: string
  hint: string
  submitLabel: string
  buttonClass: string
}) {
  const { formRef, onSubmit, register, fieldError, defaultValue, shouldAutoFocus } = useSchemaForm(
    SCHEMAS[intent],
    serverErrors,
    { secretFields: [] },
  )
  const pending = useIsSubmitting(intent)
  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} className="card">
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <TextareaField
        label={label}
        hint={hint}
        error={fieldError(field)}
        textareaProps={{
          ...register(field),
          rows: 3,
          maxLength: 1000,
          defaultValue: defaultValue(field),
          autoFocus: shouldAutoFocus(field),
        }}
      />
      <SubmitButton pending={pending} pendingText="Saving…" className={buttonClass}>
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: () => (
          <div className="page page--narrow">
            <h1>Booking not found</h1>
            <p>
              <Link to="/staff/reviews">Back to the reviews</Link>
            </p>
          </div>
        ),
      }}
    />
  )
}
