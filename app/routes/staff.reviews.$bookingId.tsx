import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { EarlierDateSection } from '#app/components/screening/earlier-date-form.tsx'
import { ReviewDecisions } from '#app/components/screening/review-decisions.tsx'
import {
  AnswersList,
  FindingsList,
  OutcomeBadge,
} from '#app/components/screening/screening-summary.tsx'
import { StaffBookingSummary } from '#app/components/visit/staff-booking-summary.tsx'
import { decideReview } from '#app/domain/screening/screening-decisions.server.ts'
import { getReviewForClinician } from '#app/domain/screening/screening-review.server.ts'
import { ReviewPageActionSchema } from '#app/domain/screening/screening.schema.ts'
import { approveEarlierDate } from '#app/domain/screening/screening-window.server.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formatCalendarDate, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'

export const meta: MetaFunction = () => [{ title: 'Eligibility review | Dermadesk' }]

const NOT_FOUND = 'We could not find that booking.'

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

export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args, NOT_FOUND)
  const review = getReviewForClinician({ bookingId, actor, now: new Date() })
  if (!review) throw notFound(NOT_FOUND)
  const zone = review.booking.timeZone
  const at = (instant: number) =>
    `${formatDateInZone(instant, zone)}, ${formatTimeInZone(instant, zone)}`
  return {
    ...review,
    submission: review.submission
      ? { ...review.submission, submittedAtLabel: at(review.submission.submittedAt) }
      : null,
    earlier: review.earlier.map((s) => ({ ...s, submittedAt: at(s.submittedAt) })),
    events: review.events.map((e) => ({ ...e, at: at(e.at) })),
    window: review.window
      ? {
          ...review.window,
          overrides: review.window.overrides.map((o) => ({ ...o, at: at(o.decidedAt) })),
        }
      : null,
  }
}

const STALE =
  'The patient has sent new answers since you opened this page. Please read them before you decide.'

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args, NOT_FOUND)
  const parsed = await parseForm(args.request, ReviewPageActionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  if (parsed.data.intent === 'approve_earlier_date') {
    const approved = approveEarlierDate({
      bookingId,
      decision: parsed.data,
      actor,
      now: new Date(),
    })
    if (approved.ok) return redirect(`/staff/reviews/${bookingId}?earlier=1`)
    if (approved.reason === 'not-found') throw notFound(NOT_FOUND)
    return formError(
      {
        formErrors: [
          approved.reason === 'stale'
            ? STALE
            : approved.reason === 'no-window'
              ? 'These answers have no waiting window.'
              : 'Choose a day before the end of the waiting window.',
        ],
        values: parsed.values,
      },
      approved.reason === 'stale' ? 409 : 400,
    )
  }
  const decision = parsed.data
  const result = decideReview({
    bookingId,
    decision,
    actor,
    now: new Date(),
  })
  if (result.ok) {
    return redirect(
      decision.intent === 'request_info'
        ? `/staff/reviews/${bookingId}?asked=1`
        : `/staff/reviews?done=${decision.intent === 'approve' ? 'approved' : 'declined'}`,
    )
  }
  switch (result.reason) {
    case 'not-found':
      throw notFound(NOT_FOUND)
    case 'stale':
      return formError(
        {
          formErrors: [STALE],
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
      {searchParams.get('earlier') === '1' ? (
        <p className="notice notice--success" role="status">
          Earlier first day saved. The patient may now book or move the visit from that day.
        </p>
      ) : null}
      <StaffBookingSummary
        booking={booking}
        timeZone={booking.timeZone}
        rows={[
          'status',
          'reference',
          'when',
          'treatment',
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
          {data.window ? (
            <EarlierDateSection
              submissionId={submission.id}
              windowEnds={data.window.ends}
              firstDay={data.window.firstDay}
              overrides={data.window.overrides}
              actionData={actionData}
            />
          ) : null}
          {data.canDecide ? (
            <ReviewDecisions
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

export function ErrorBoundary() {
  return (
    <NotFoundBoundary title="Booking not found">
      <p>
        <Link to="/staff/reviews">Back to the reviews</Link>
      </p>
    </NotFoundBoundary>
  )
}
