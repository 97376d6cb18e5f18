import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { WhenToCall } from '#app/components/aftercare/when-to-call.tsx'
import { CancelConfirmation } from '#app/components/booking/cancel-confirmation.tsx'
import { BookingSummary, StatusBadge } from '#app/components/booking/booking-summary.tsx'
import { ConsentStatusBadge } from '#app/components/consent/consent-record.tsx'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { HealingTimeline } from '#app/components/healing-timeline.tsx'
import { ManageBookingFormSchema } from '#app/domain/booking/booking.schema.ts'
import {
  cancelPatientBooking,
  getPatientBooking,
} from '#app/domain/booking/booking-manage.server.ts'
import { withdrawConsent } from '#app/domain/consent/consent-withdrawal.server.ts'
import { COLD_SORE_REMINDER, preVisitAdvice } from '#app/domain/clinical-content/tier-content.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formatAppointment, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your booking | Dermadesk' }]

const EVENT_LABELS: Record<string, string> = {
  held: 'Time held',
  booked: 'Booked',
  rescheduled: 'Moved to a new time',
  cancelled_by_patient: 'Cancelled by you',
  cancelled_by_clinic: 'Cancelled by the clinic',
  screening_approved: 'Confirmed after a clinician checked your answers',
  screening_declined: 'Declined by the clinic',
  screening_recheck: 'Waiting for a clinician to check your new answers',
  completed: 'Treatment done',
}

export async function loader(args: LoaderFunctionArgs) {
  const { booking } = await requirePatientBooking(args, getPatientBooking)
  const zone = booking.timeZone
  return {
    booking: {
      reference: booking.reference,
      status: booking.status,
      serviceName: booking.serviceName,
      isConsultation: booking.serviceKind === 'consultation',
      tier: booking.serviceTier,
      beforeVisit: preVisitAdvice({
        tier: booking.serviceTier,
        isConsultation: booking.serviceKind === 'consultation',
        visitMinutes: Math.round((booking.endAt - booking.startAt) / 60_000),
      }),
      coldSoreReminder: booking.coldSoreHistory,
      consent: booking.consent,
      practitionerName: booking.practitionerName,
      when: formatAppointment(booking.startAt, booking.endAt, zone),
      canChange: booking.canChange,
      changeDeadline: `${formatDateInZone(booking.changeDeadline, zone)} at ${formatTimeInZone(booking.changeDeadline, zone)}`,
      clinicPhone: booking.clinicPhone,
      isUpcoming: booking.status === 'confirmed' || booking.status === 'pending_review',
      // A treatment that is done: the aftercare plan comes first on the page.
      treatedOn:
        booking.serviceKind === 'treatment' &&
        booking.status === 'completed' &&
        booking.completedAt !== null
          ? formatDateInZone(booking.completedAt, zone)
          : null,
      screening: booking.screening,
      history: booking.history
        .filter((event) => EVENT_LABELS[event.action])
        .map((event) => ({
          label: EVENT_LABELS[event.action]!,
          at: `${formatDateInZone(event.at, zone)} at ${formatTimeInZone(event.at, zone)}`,
        })),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const parsed = await parseForm(request, ManageBookingFormSchema)
  if (!parsed.ok) return formError(parsed.errors)
  if (parsed.data.intent === 'withdraw-consent') {
    const withdrawn = withdrawConsent({
      session,
      reference,
      reason: parsed.data.reason || null,
      now: new Date(),
      ipAddress: context.clientIp,
      userAgent: request.headers.get('user-agent'),
      requestId: context.requestId,
    })
    if (withdrawn.ok) return redirect(`/bookings/${reference}?consent=withdrawn`)
    if (withdrawn.reason === 'not-found') throw new Response('Not found', { status: 404 })
    return formError(
      {
        formErrors: [
          withdrawn.reason === 'not-upcoming'
            ? 'This visit is over or cancelled, so there is no consent to withdraw for it.'
            : 'There is no signed consent for this booking to withdraw.',
        ],
        values: { intent: 'withdraw-consent' },
      },
      409,
    )
  }
  const result = cancelPatientBooking({
    session,
    reference,
    reason: parsed.data.reason || null,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok) return redirect(`/bookings/${reference}?cancelled=1`)
  switch (result.reason) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'outside-window':
      return formError(
        {
          formErrors: [
            'It is too close to the appointment to cancel online. Please call the clinic.',
          ],
          values: { intent: 'cancel' },
        },
        409,
      )
    default:
      return formError(
        { formErrors: ['This booking can no longer be cancelled.'], values: { intent: 'cancel' } },
        409,
      )
  }
}

export default function PatientBookingRoute() {
  const { booking } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const instructions = booking.beforeVisit
  const cancelErrors = formErrorsFor(actionData, 'cancel')
  return (
    <div className="stack page--medium">
      <h1>
        Your booking <span className="nowrap">{booking.reference}</span>
      </h1>
      {searchParams.get('cancelled') === '1' ? (
        <p className="notice notice--success" role="status">
          Your booking is cancelled. We have sent you an email.
        </p>
      ) : null}
      {searchParams.get('consent') === 'withdrawn' ? (
        <p className="notice notice--success" role="status">
          You have withdrawn your consent. We have told the clinic. We will not treat you unless you
          sign again.
        </p>
      ) : null}
      {searchParams.get('moved') === '1' ? (
        <p className="notice notice--success" role="status">
          Your booking has moved. We have sent you an email with the new time.
        </p>
      ) : null}
      <section aria-labelledby="visit-heading">
        <h2 id="visit-heading">Your visit</h2>
        <BookingSummary
          rows={[
            ['Status', <StatusBadge key="status" status={booking.status} />],
            ['Treatment', booking.serviceName],
            ['When', booking.when],
            ['With', booking.practitionerName],
          ]}
        />
        {booking.isUpcoming ? (
          <VisitActions
            booking={booking}
            cancelErrors={cancelErrors?.formErrors}
            pending={pending}
          />
        ) : booking.status === 'cancelled' || booking.status === 'declined' ? (
          <p>
            <Link className="button" to="/book">
              Book again
            </Link>
          </p>
        ) : null}
      </section>
      {booking.treatedOn ? (
        <section className="notice" aria-labelledby="aftercare-plan-heading">
          <h2 id="aftercare-plan-heading">Your aftercare plan</h2>
          <p>
            Your treatment was on {booking.treatedOn}. Your plan says what to do and what to avoid
            each day, and when to call us.
          </p>
          <p>
            <Link className="button" to={`/bookings/${booking.reference}/aftercare`}>
              Open your aftercare plan
            </Link>
          </p>
          <WhenToCall tier={booking.tier} clinicPhone={booking.clinicPhone} />
        </section>
      ) : null}
      {booking.screening ? (
        <HealthQuestions
          reference={booking.reference}
          status={booking.status}
          notice={booking.screening}
        />
      ) : null}
      {booking.isUpcoming ? (
        <>
          <section aria-labelledby="before-heading">
            <h2 id="before-heading">Before your visit</h2>
            {booking.coldSoreReminder ? <p className="notice">{COLD_SORE_REMINDER}</p> : null}
            <ul>
              {instructions.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
      {booking.isConsultation ? null : (
        <ConsentSection
          reference={booking.reference}
          consent={booking.consent}
          isUpcoming={booking.isUpcoming}
          actionData={actionData}
        />
      )}
      {booking.isConsultation || booking.treatedOn || !booking.isUpcoming ? null : (
        <section aria-labelledby="aftercare-heading">
          <h2 id="aftercare-heading">After your treatment</h2>
          <HealingTimeline tier={booking.tier} headingLevel={3} />
          {booking.isUpcoming ? (
            <p>
              <Link to={`/bookings/${booking.reference}/aftercare`}>
                Read the full aftercare plan, day by day
              </Link>
            </p>
          ) : null}
          <WhenToCall tier={booking.tier} clinicPhone={booking.clinicPhone} />
        </section>
      )}
      {booking.history.length > 0 ? (
        <details className="folded">
          <summary>
            <h2 className="folded__heading">History of this booking</h2>
          </summary>
          <ul>
            {booking.history.map((event) => (
              <li key={`${event.label}-${event.at}`}>
                {event.label}: {event.at}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}

/**
 * The visit's main actions, first on the page: add to a calendar, move, cancel. Cancelling asks
 * first: a dialog with JavaScript, the page /bookings/<ref>/cancel without.
 */
function VisitActions({
  booking,
  cancelErrors,
  pending,
}: {
  booking: {
    reference: string
    canChange: boolean
    changeDeadline: string
    clinicPhone: string
    serviceName: string
    when: string
    practitionerName: string
  }
  cancelErrors: string[] | undefined
  pending: boolean
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  // A refused cancellation (too close to the visit) is said on the page: close the dialog.
  useEffect(() => {
    if (cancelErrors?.length) dialogRef.current?.close()
  }, [cancelErrors])
  return (
    <>
      <FormErrorList errors={cancelErrors} />
      <p className="cluster">
        <a
          className="button button--secondary"
          href={`/bookings/${booking.reference}/calendar.ics`}
          download="appointment.ics"
        >
          Add to my calendar (.ics)
        </a>
        {booking.canChange ? (
          <>
            <Link
              className="button button--secondary"
              to={`/bookings/${booking.reference}/reschedule`}
            >
              Move to another time
            </Link>
            <Link
              className="button button--danger-outline"
              to={`/bookings/${booking.reference}/cancel`}
              onClick={(event) => {
                if (!dialogRef.current?.showModal) return
                event.preventDefault()
                dialogRef.current.showModal()
              }}
            >
              Cancel this booking
            </Link>
          </>
        ) : null}
      </p>
      {booking.canChange ? (
        <>
          <p className="muted">You can cancel or move it online until {booking.changeDeadline}.</p>
          <dialog ref={dialogRef} aria-labelledby="cancel-dialog-heading" className="dialog">
            <CancelConfirmation
              facts={booking}
              pending={pending}
              headingId="cancel-dialog-heading"
              keepButton={
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => dialogRef.current?.close()}
                >
                  No, keep my booking
                </button>
              }
            />
          </dialog>
        </>
      ) : (
        <p className="notice">
          It is less than the cancellation window before your visit, so it cannot be changed online.
          To cancel or move it, please call{' '}
          <a href={`tel:${booking.clinicPhone.replace(/\s/g, '')}`}>{booking.clinicPhone}</a>.
        </p>
      )}
    </>
  )
}

/** The consent for this visit: its status, signing (again), seeing it, and withdrawing it. */
function ConsentSection({
  reference,
  consent,
  isUpcoming,
  actionData,
}: {
  reference: string
  consent: { status: string; resignReason: 'new-version' | 'expired' | null }
  isUpcoming: boolean
  actionData: unknown
}) {
  const withdrawing = useIsPending('withdraw-consent')
  const errors = formErrorsFor(actionData, 'withdraw-consent')
  const signed = consent.status === 'signed' || consent.status === 'countersigned'
  const needsSignature = consent.status === 'missing' || consent.status === 'withdrawn'
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">Your consent</h2>
      <p>
        Status: <ConsentStatusBadge status={consent.status} />
      </p>
      {consent.status === 'withdrawn' ? (
        <p className="notice notice--warning">
          You withdrew your consent. We will not treat you unless you sign again. You can sign again
          at any time before your visit.
        </p>
      ) : consent.resignReason === 'new-version' ? (
        <p className="notice notice--warning">
          We have updated our consent form. Please read and sign the new version before your visit.
        </p>
      ) : consent.resignReason === 'expired' ? (
        <p className="notice notice--warning">
          Your consent was signed more than 12 months before this visit. Please read and sign it
          again.
        </p>
      ) : consent.status === 'missing' && isUpcoming ? (
        <p className="notice notice--warning">
          Please read and sign the consent before your visit.
        </p>
      ) : null}
      <p className="cluster">
        {needsSignature && isUpcoming ? (
          <Link className="button" to={`/bookings/${reference}/consent`}>
            Read and sign the consent
          </Link>
        ) : null}
        {signed || consent.status === 'withdrawn' ? (
          <>
            <Link className="button button--secondary" to={`/bookings/${reference}/consent`}>
              See your signed consent
            </Link>
            <a
              className="button button--secondary"
              href={`/bookings/${reference}/consent.pdf`}
              download={`consent-${reference}.pdf`}
            >
              Download it (PDF)
            </a>
          </>
        ) : null}
      </p>
      {signed && isUpcoming ? (
        <Form method="post" aria-labelledby="withdraw-heading">
          <h3 id="withdraw-heading">Change your mind</h3>
          <p>
            You can withdraw your consent at any time before your visit. We will tell the clinic,
            and we will not treat you unless you sign again. Your booking stays: cancel it above if
            you no longer want it.
          </p>
          <FormErrorList errors={errors?.formErrors} />
          <input type="hidden" name="intent" value="withdraw-consent" />
          <TextareaField
            label="Why are you withdrawing? (optional)"
            hint="Only the clinic team sees this."
            error={errors?.fieldErrors?.reason?.[0]}
            textareaProps={{ name: 'reason', rows: 3, maxLength: 500 }}
          />
          <SubmitButton
            pending={withdrawing}
            pendingText="Withdrawing…"
            className="button button--danger"
          >
            Withdraw my consent
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  )
}

function HealthQuestions({
  reference,
  status,
  notice,
}: {
  reference: string
  status: string
  notice: {
    openQuestion: boolean
    declineReason: string | null
    renewalOpen: boolean
    canUpdate: boolean
  }
}) {
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Health questions</h2>
      {notice.declineReason !== null ? (
        <div className="notice notice--warning">
          <p>
            After checking your answers, the clinic cannot go ahead with this booking. The clinician
            wrote:
          </p>
          <p className="message-text">{notice.declineReason}</p>
          <p>
            You can <Link to="/book">book a consultation</Link> to talk about what is safe for you.
          </p>
        </div>
      ) : null}
      {notice.openQuestion ? (
        <p className="notice notice--warning">
          A clinician has a question for you.{' '}
          <Link to={`/bookings/${reference}/screening`}>Read and answer it</Link>
        </p>
      ) : status === 'pending_review' ? (
        <p>
          A clinician will check your answers before your visit. We will email you when it is
          confirmed.
        </p>
      ) : null}
      {notice.renewalOpen ? (
        <p className="notice">
          Your visit is coming soon. Please check that your health answers are still right.{' '}
          <Link to={`/bookings/${reference}/screening/update`}>Check my answers</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/bookings/${reference}/screening`}>
          {notice.canUpdate ? 'See or change your health answers' : 'See your health answers'}
        </Link>
      </p>
    </section>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
