import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { BookingSummary } from '#app/components/booking/booking-summary.tsx'
import { ConsentStatusBadge } from '#app/components/consent/consent-record.tsx'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import {
  AnswersList,
  FindingsList,
  OutcomeBadge,
} from '#app/components/screening/screening-summary.tsx'
import {
  StaffBookingSummary,
  type StaffBookingRow,
} from '#app/components/visit/staff-booking-summary.tsx'
import { ScreeningClearanceBadge, TreatmentEntries } from '#app/components/visit/visit-parts.tsx'
import { getAppointmentDetail } from '#app/domain/treatment/appointment-detail.server.ts'
import { checkInClosedReason } from '#app/domain/treatment/visit-messages.ts'
import {
  IDENTITY_METHOD_LABELS,
  VisitOutcomeSchema,
} from '#app/domain/treatment/treatment.schema.ts'
import { completeConsultation, markNoShow } from '#app/domain/treatment/treatment-records.server.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import {
  formatCalendarDate,
  formatDateInZone,
  formatDepthMm,
  formatTimeInZone,
} from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'

export const meta: MetaFunction = () => [{ title: 'Appointment | Staff | Dermadesk' }]

export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const detail = getAppointmentDetail({ bookingId, actor, now: new Date() })
  if (!detail) throw notFound('We could not find that appointment.')
  return detail
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const parsed = await parseForm(args.request, VisitOutcomeSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const input = { bookingId, actor, now: new Date() }
  const result = parsed.data.intent === 'no-show' ? markNoShow(input) : completeConsultation(input)
  if (result.ok) return redirect(`/staff/bookings/${bookingId}?done=${parsed.data.intent}`)
  if (result.reason === 'not-found') throw notFound('We could not find that appointment.')
  const messages: Record<typeof result.reason, string> = {
    'not-open': 'This appointment is no longer open: it was cancelled, completed or missed.',
    'too-early': 'The appointment has not started yet. Mark a no-show once its time has come.',
    'checked-in': 'The patient was checked in, so this is not a no-show.',
    'not-checked-in': 'Check the patient in first.',
  }
  return formError({ formErrors: [messages[result.reason]] }, 409)
}

const DONE_MESSAGES: Record<string, string> = {
  'no-show': 'Marked as a no-show.',
  attended: 'The consultation is marked as done.',
  'checked-in': 'Checked in.',
  recorded: 'Treatment recorded. The visit is complete and the aftercare messages are planned.',
  corrected: 'Correction added. The earlier entry stays in the record, marked as replaced.',
  'answers-eligible': 'New answers saved: nothing in them needs review.',
  'answers-review': 'New answers saved: they need a clinician to review them before treatment.',
  'answers-not_eligible': 'New answers saved: they rule this treatment out for now.',
}

export default function AppointmentRoute() {
  const detail = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const { booking, patient, facts, screening, consent } = detail
  const zone = booking.timeZone
  const done = DONE_MESSAGES[searchParams.get('done') ?? '']
  const open = booking.status === 'confirmed' || booking.status === 'pending_review'
  const isTreatment = booking.kind === 'treatment'
  const latestEntry = detail.thisVisit.find((entry) => entry.correctedBy === null)
  return (
    <div className="stack page--medium">
      <p>
        <Link to="/staff/agenda">Back to the agenda</Link>
      </p>
      <h1>
        {patient.fullName}, {formatTimeInZone(booking.startAt, zone)}
      </h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      ) : null}
      <FormErrorList errors={actionData?.formErrors} />
      <StaffBookingSummary
        booking={booking}
        timeZone={zone}
        rows={[
          'when',
          [
            'Treatment',
            `${booking.serviceName} (${booking.tier === 'medical' ? 'medical' : 'cosmetic'})`,
          ],
          ['Course', booking.course],
          'practitioner',
          'reference',
          'status',
          ...(isTreatment
            ? ([
                [
                  'Maximum depth',
                  `${formatDepthMm(booking.serviceMaxDepthUm)} for this service; ${formatDepthMm(booking.practitionerMaxDepthUm)} for ${booking.practitionerName}`,
                ],
              ] as StaffBookingRow[])
            : []),
        ]}
      />

      <section aria-labelledby="patient-heading">
        <h2 id="patient-heading">Patient</h2>
        <BookingSummary
          rows={[
            ['Name', patient.fullName],
            ['Date of birth', `${formatCalendarDate(patient.dateOfBirth)} (age ${patient.age})`],
            [
              'Phone',
              <a key="phone" href={patient.phoneHref}>
                {patient.phone}
              </a>,
            ],
            ['Email', patient.email],
          ]}
        />
      </section>

      <section aria-labelledby="visit-heading">
        <h2 id="visit-heading">At the visit</h2>
        <ul className="cluster badge-list" aria-label="Where this visit stands">
          <li>
            <ScreeningClearanceBadge clearance={facts.screening} />
          </li>
          {consent ? (
            <li>
              Consent: <ConsentStatusBadge status={consent.status} />
            </li>
          ) : null}
          <li>
            <span className={`badge badge--${facts.checkedIn ? 'ok' : 'neutral'}`}>
              {facts.checkedIn ? 'Checked in' : 'Not checked in'}
            </span>
          </li>
        </ul>
        {open && isTreatment && detail.blockers.length > 0 ? (
          <>
            <p id="record-blocked">Before you can record the treatment:</p>
            <ul aria-labelledby="record-blocked">
              {detail.blockers.map((blocker) => (
                <li key={blocker}>{blocker}</li>
              ))}
            </ul>
          </>
        ) : null}
        {open ? (
          <div className="cluster">
            {detail.timing.checkIn === 'open' ? (
              <Link className="button" to={`/staff/bookings/${booking.id}/check-in`}>
                {facts.checkedIn ? 'Check in again' : 'Check in'}
              </Link>
            ) : (
              <BlockedAction
                label="Check in"
                reason={checkInClosedReason(detail.timing.checkIn, detail.timing.visitDate)}
                reasonId="check-in-blocked"
              />
            )}
            {isTreatment ? (
              <>
                <Link
                  className="button button--secondary"
                  to={`/staff/bookings/${booking.id}/consent`}
                >
                  {consent?.status === 'signed'
                    ? 'Read and countersign the consent'
                    : 'See the consent'}
                </Link>
                {detail.blockers.length === 0 ? (
                  <Link
                    className="button button--secondary"
                    to={`/staff/bookings/${booking.id}/treatment`}
                  >
                    Record the treatment
                  </Link>
                ) : (
                  <BlockedAction
                    label="Record the treatment"
                    reason="Not yet: see what is missing above."
                    reasonId="record-blocked-short"
                  />
                )}
              </>
            ) : null}
          </div>
        ) : null}
        {detail.checkIns.length > 0 ? (
          <ul>
            {detail.checkIns.map((checkIn) => (
              <li key={checkIn.at}>
                Checked in at {formatTimeInZone(checkIn.at, zone)} on{' '}
                {formatDateInZone(checkIn.at, zone)} by {checkIn.by}:{' '}
                {IDENTITY_METHOD_LABELS[checkIn.identityMethod].toLowerCase()};{' '}
                {checkIn.healthUnchanged
                  ? 'the patient said nothing has changed.'
                  : 'the patient said something has changed.'}
              </li>
            ))}
          </ul>
        ) : null}
        {open && (!isTreatment || (detail.timing.hasStarted && !facts.checkedIn)) ? (
          <Form method="post" className="cluster">
            {isTreatment ? null : (
              <SubmitButton
                pending={pending}
                className="button button--secondary"
                name="intent"
                value="attended"
              >
                Mark the consultation as done
              </SubmitButton>
            )}
            {/* A no-show only once the start time has passed, and never after a check-in. */}
            {detail.timing.hasStarted && !facts.checkedIn ? (
              <SubmitButton
                pending={pending}
                className="button button--danger"
                name="intent"
                value="no-show"
              >
                Mark as no-show
              </SubmitButton>
            ) : null}
          </Form>
        ) : null}
      </section>

      {screening ? (
        <section aria-labelledby="screening-heading">
          <h2 id="screening-heading">Health answers</h2>
          {screening.submission ? (
            <>
              <p>
                <OutcomeBadge outcome={screening.submission.outcome} /> Answered on{' '}
                {formatDateInZone(screening.submission.submittedAt, zone)} (questionnaire version{' '}
                {screening.submission.questionnaireVersion}, rules version{' '}
                {screening.submission.ruleSetVersion}).
              </p>
              <h3>What the rules flagged</h3>
              <FindingsList findings={screening.submission.findings} />
              <details>
                <summary>All answers</summary>
                <AnswersList answers={screening.submission.answers} audience="clinician" />
              </details>
            </>
          ) : (
            <p>No answers yet.</p>
          )}
          {screening.events.length > 0 ? (
            <>
              <h3>Decisions and messages</h3>
              <ul className="conversation">
                {screening.events.map((event) => (
                  <li key={`${event.kind}-${event.at}`}>
                    {formatDateInZone(event.at, zone)}, {event.by}: {event.kind.replace('_', ' ')}
                    {event.message ? `: ${event.message}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="cluster">
            {screening.canDecide ? (
              <Link to={`/staff/reviews/${booking.id}`}>Review these answers</Link>
            ) : null}
            {open ? (
              <Link to={`/staff/bookings/${booking.id}/screening`}>
                Enter changed answers with the patient
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}

      {consent && consent.status !== 'not_required' ? (
        <section aria-labelledby="consent-heading">
          <h2 id="consent-heading">Consent</h2>
          <p>
            <ConsentStatusBadge status={consent.status} />{' '}
            {consent.resignReason === 'new-version'
              ? 'A new version of the form applies: the patient must sign again.'
              : consent.resignReason === 'expired'
                ? 'The signed consent is more than 12 months old: the patient must sign again.'
                : null}
          </p>
          <p className="cluster">
            <Link to={`/staff/bookings/${booking.id}/consent`}>
              The signed consent and its audit
            </Link>
            {consent.status !== 'missing' ? (
              <a
                href={`/staff/bookings/${booking.id}/consent.pdf`}
                download={`consent-${booking.reference}.pdf`}
              >
                Download it (PDF)
              </a>
            ) : null}
          </p>
        </section>
      ) : null}

      {isTreatment ? (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">Treatment record for this visit</h2>
          {detail.thisVisit.length > 0 ? (
            <>
              <TreatmentEntries entries={detail.thisVisit} timeZone={zone} showVisit={false} />
              {latestEntry ? (
                <p>
                  <Link to={`/staff/bookings/${booking.id}/treatment?corrects=${latestEntry.id}`}>
                    Add a correction
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <p>Nothing recorded yet.</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="earlier-heading">
        <h2 id="earlier-heading">Earlier sessions</h2>
        {detail.earlierVisits.length > 0 ? (
          <TreatmentEntries entries={detail.earlierVisits} timeZone={zone} showVisit />
        ) : (
          <p>No earlier treatment sessions.</p>
        )}
      </section>
    </div>
  )
}

/** An action the clock or the record does not allow yet: shown, disabled, with its reason. */
function BlockedAction({
  label,
  reason,
  reasonId,
}: {
  label: string
  reason: string
  reasonId: string
}) {
  return (
    <span className="blocked-action">
      <button
        type="button"
        className="button button--secondary"
        disabled
        aria-describedby={reasonId}
      >
        {label}
      </button>
      <span id={reasonId} className="muted">
        {reason}
      </span>
    </span>
  )
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary title="Appointment not found">
      <p>
        <Link to="/staff/agenda">Back to the agenda</Link>
      </p>
    </NotFoundBoundary>
  )
}
