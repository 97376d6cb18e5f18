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
import { preVisitAdvice, sharedClinicalText } from '#app/domain/clinical-content/tier-content.ts'
import { serviceNameIn } from '#app/domain/clinic/clinic.server.ts'
import { PrivacyLinks } from '#app/components/booking/privacy-links.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { bookingPageMessages } from '#app/i18n/messages/index.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formatAppointment, formatDateAndTime, formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Your booking | Dermadesk' },
]

/** The history's events a patient is shown: `event.<action>` in the booking-page catalogue. */
const SHOWN_EVENTS = new Set([
  'held',
  'booked',
  'rescheduled',
  'cancelled_by_patient',
  'cancelled_by_clinic',
  'screening_approved',
  'screening_declined',
  'screening_recheck',
  'completed',
])

type BookingPageKey = keyof typeof bookingPageMessages.en

export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { booking } = await requirePatientBooking(args, getPatientBooking)
  const zone = booking.timeZone
  const t = translator(bookingPageMessages, locale)
  return {
    title: t('title'),
    booking: {
      reference: booking.reference,
      status: booking.status,
      // The service's name in the page's language (the clinic's own words when it has none).
      serviceName: serviceNameIn(booking.serviceId, locale) ?? booking.serviceName,
      isConsultation: booking.serviceKind === 'consultation',
      tier: booking.serviceTier,
      beforeVisit: preVisitAdvice({
        tier: booking.serviceTier,
        isConsultation: booking.serviceKind === 'consultation',
        visitMinutes: Math.round((booking.endAt - booking.startAt) / 60_000),
        locale,
      }),
      // Behind the proved email only, never in an email (ADR 033).
      coldSoreReminder: booking.coldSoreHistory
        ? sharedClinicalText(locale).coldSoreReminder
        : null,
      consent: booking.consent,
      practitionerName: booking.practitionerName,
      when: formatAppointment(booking.startAt, booking.endAt, zone, locale),
      canChange: booking.canChange,
      changeDeadline: formatDateAndTime(booking.changeDeadline, zone, locale),
      clinicPhone: booking.clinicPhone,
      isUpcoming: booking.status === 'confirmed' || booking.status === 'pending_review',
      // A treatment that is done: the aftercare plan comes first on the page.
      treatedOn:
        booking.serviceKind === 'treatment' &&
        booking.status === 'completed' &&
        booking.completedAt !== null
          ? formatDateInZone(booking.completedAt, zone, locale)
          : null,
      screening: booking.screening,
      history: booking.history
        .filter((event) => SHOWN_EVENTS.has(event.action))
        .map((event) => ({
          label: t(`event.${event.action}` as BookingPageKey),
          at: formatDateAndTime(event.at, zone, locale),
        })),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const t = translator(bookingPageMessages, await requestLocale(request))
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
          withdrawn.reason === 'not-upcoming' ? t('withdrawNotUpcoming') : t('withdrawNothing'),
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
          formErrors: [t('cancelTooClose')],
          values: { intent: 'cancel' },
        },
        409,
      )
    default:
      return formError({ formErrors: [t('cancelNotPossible')], values: { intent: 'cancel' } }, 409)
  }
}

export default function PatientBookingRoute() {
  const { booking } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const t = useT(bookingPageMessages)
  const rich = useRichT(bookingPageMessages)
  const instructions = booking.beforeVisit
  const cancelErrors = formErrorsFor(actionData, 'cancel')
  return (
    <div className="stack page--medium">
      <h1>
        {rich('heading', {
          reference: booking.reference,
          ref: (chunks) => <span className="nowrap">{chunks}</span>,
        })}
      </h1>
      {searchParams.get('cancelled') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('cancelledNotice')}
        </p>
      ) : null}
      {searchParams.get('consent') === 'withdrawn' ? (
        <p className="notice notice--success" role="status">
          {t('withdrawnNotice')}
        </p>
      ) : null}
      {searchParams.get('moved') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('movedNotice')}
        </p>
      ) : null}
      <section aria-labelledby="visit-heading">
        <h2 id="visit-heading">{t('visitHeading')}</h2>
        <BookingSummary
          rows={[
            [t('rowStatus'), <StatusBadge key="status" status={booking.status} />],
            [t('rowTreatment'), booking.serviceName],
            [t('rowWhen'), booking.when],
            [t('rowWith'), booking.practitionerName],
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
              {t('bookAgain')}
            </Link>
          </p>
        ) : null}
      </section>
      {booking.treatedOn ? (
        <section className="notice" aria-labelledby="aftercare-plan-heading">
          <h2 id="aftercare-plan-heading">{t('planHeading')}</h2>
          <p>{t('treatedOn', { date: booking.treatedOn })}</p>
          <p>
            <Link className="button" to={`/bookings/${booking.reference}/aftercare`}>
              {t('openPlan')}
            </Link>
          </p>
          <WhenToCall tier={booking.tier} clinicPhone={booking.clinicPhone} />
        </section>
      ) : null}
      <FormsToDo booking={booking} />
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
            <h2 id="before-heading">{t('beforeHeading')}</h2>
            {booking.coldSoreReminder ? <p className="notice">{booking.coldSoreReminder}</p> : null}
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
          <h2 id="aftercare-heading">{t('afterHeading')}</h2>
          <HealingTimeline tier={booking.tier} headingLevel={3} />
          {booking.isUpcoming ? (
            <p>
              <Link to={`/bookings/${booking.reference}/aftercare`}>{t('readFullPlan')}</Link>
            </p>
          ) : null}
          <WhenToCall tier={booking.tier} clinicPhone={booking.clinicPhone} />
        </section>
      )}
      {booking.history.length > 0 ? (
        <details className="folded">
          <summary>
            <h2 className="folded__heading">{t('historyHeading')}</h2>
          </summary>
          <ul>
            {booking.history.map((event) => (
              <li key={`${event.label}-${event.at}`}>
                {t('historyLine', { event: event.label, at: event.at })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <PrivacyLinks reference={booking.reference} />
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
  const t = useT(bookingPageMessages)
  const rich = useRichT(bookingPageMessages)
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
          {t('addToCalendar')}
        </a>
        {booking.canChange ? (
          <>
            <Link
              className="button button--secondary"
              to={`/bookings/${booking.reference}/reschedule`}
            >
              {t('move')}
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
              {t('cancel')}
            </Link>
          </>
        ) : null}
      </p>
      {booking.canChange ? (
        <>
          <p className="muted">{t('changeUntil', { deadline: booking.changeDeadline })}</p>
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
                  {t('keepBooking')}
                </button>
              }
            />
          </dialog>
        </>
      ) : (
        <p className="notice">
          {rich('tooLateToChange', {
            phone: booking.clinicPhone,
            tel: (chunks) => <a href={`tel:${booking.clinicPhone.replace(/\s/g, '')}`}>{chunks}</a>,
          })}
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
  const t = useT(bookingPageMessages)
  const withdrawing = useIsPending('withdraw-consent')
  const errors = formErrorsFor(actionData, 'withdraw-consent')
  const signed = consent.status === 'signed' || consent.status === 'countersigned'
  const needsSignature = consent.status === 'missing' || consent.status === 'withdrawn'
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('consentHeading')}</h2>
      <p>
        {t('consentStatus')} <ConsentStatusBadge status={consent.status} />
      </p>
      {consent.status === 'withdrawn' ? (
        <p className="notice notice--warning">{t('consentWithdrawn')}</p>
      ) : consent.resignReason === 'new-version' ? (
        <p className="notice notice--warning">{t('consentNewVersion')}</p>
      ) : consent.resignReason === 'expired' ? (
        <p className="notice notice--warning">{t('consentExpired')}</p>
      ) : consent.status === 'missing' && isUpcoming ? (
        <p className="notice notice--warning">{t('consentMissing')}</p>
      ) : null}
      <p className="cluster">
        {needsSignature && isUpcoming ? (
          <Link className="button" to={`/bookings/${reference}/consent`}>
            {t('signConsent')}
          </Link>
        ) : null}
        {signed || consent.status === 'withdrawn' ? (
          <>
            <Link className="button button--secondary" to={`/bookings/${reference}/consent`}>
              {t('seeConsent')}
            </Link>
            <a
              className="button button--secondary"
              href={`/bookings/${reference}/consent.pdf`}
              download={`consent-${reference}.pdf`}
            >
              {t('downloadConsent')}
            </a>
          </>
        ) : null}
      </p>
      {signed && isUpcoming ? (
        <Form method="post" aria-labelledby="withdraw-heading">
          <h3 id="withdraw-heading">{t('withdrawHeading')}</h3>
          <p>{t('withdrawText')}</p>
          <FormErrorList errors={errors?.formErrors} />
          <input type="hidden" name="intent" value="withdraw-consent" />
          <TextareaField
            label={t('withdrawReason')}
            hint={t('withdrawReasonHint')}
            error={errors?.fieldErrors?.reason?.[0]}
            textareaProps={{ name: 'reason', rows: 3, maxLength: 500 }}
          />
          <SubmitButton
            pending={withdrawing}
            pendingText={t('withdrawing')}
            className="button button--danger"
          >
            {t('withdraw')}
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
    answersMissing: boolean
  }
}) {
  const t = useT(bookingPageMessages)
  const rich = useRichT(bookingPageMessages)
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">{t('healthHeading')}</h2>
      {notice.declineReason !== null ? (
        <div className="notice notice--warning">
          <p>{t('declinedIntro')}</p>
          <p className="message-text">{notice.declineReason}</p>
          <p>
            {rich('declinedConsultation', {
              link: (chunks) => <Link to="/book">{chunks}</Link>,
            })}
          </p>
        </div>
      ) : null}
      {notice.openQuestion ? (
        <p className="notice notice--warning">
          {t('openQuestion')}{' '}
          <Link to={`/bookings/${reference}/screening`}>{t('answerQuestion')}</Link>
        </p>
      ) : status === 'pending_review' ? (
        <p>{t('pendingReview')}</p>
      ) : null}
      {notice.answersMissing && notice.canUpdate ? (
        <p className="notice notice--warning">
          {t('answersMissing')}{' '}
          <Link className="button" to={`/bookings/${reference}/screening/update`}>
            {t('answerNow')}
          </Link>
        </p>
      ) : null}
      {notice.renewalOpen && !notice.answersMissing ? (
        <p className="notice">
          {t('renewal')}{' '}
          <Link to={`/bookings/${reference}/screening/update`}>{t('checkAnswers')}</Link>
        </p>
      ) : null}
      {notice.answersMissing ? null : (
        <p>
          <Link to={`/bookings/${reference}/screening`}>
            {notice.canUpdate ? t('seeOrChangeAnswers') : t('seeAnswers')}
          </Link>
        </p>
      )}
    </section>
  )
}

/**
 * A visit staff booked for the patient (ADR 042) starts without health answers or consent: the
 * two things to do from home, first on the page, each ticked off once done.
 */
function FormsToDo({
  booking,
}: {
  booking: {
    reference: string
    isUpcoming: boolean
    isConsultation: boolean
    screening: { answersMissing: boolean; canUpdate: boolean } | null
    consent: { status: string }
  }
}) {
  const t = useT(bookingPageMessages)
  if (!booking.isUpcoming || booking.isConsultation || !booking.screening?.canUpdate) return null
  const answered = !booking.screening.answersMissing
  const signed = booking.consent.status === 'signed' || booking.consent.status === 'countersigned'
  if (answered && signed) return null
  const items = [
    {
      done: answered,
      label: t('todoAnswer'),
      href: `/bookings/${booking.reference}/screening/update`,
    },
    { done: signed, label: t('todoSign'), href: `/bookings/${booking.reference}/consent` },
  ]
  return (
    <section aria-labelledby="todo-heading" className="notice notice--warning">
      <h2 id="todo-heading">{t('todoHeading')}</h2>
      <p>{t('todoIntro')}</p>
      <ol>
        {items.map((item) => (
          <li key={item.href}>
            {item.done ? (
              <>
                {item.label} <span className="badge badge--ok">{t('todoDone')}</span>
              </>
            ) : (
              <Link to={item.href}>{item.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
