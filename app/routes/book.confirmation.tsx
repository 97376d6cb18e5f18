import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BookingSummary, StatusBadge } from '#app/components/booking/booking-summary.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import { preVisitAdvice, sharedClinicalText } from '#app/domain/clinical-content/tier-content.ts'
import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { confirmationMessages } from '#app/i18n/messages/index.ts'
import { formatAppointment } from '#app/utils/format.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, draft, steps, summary, locale } = await requireWizardStep(
    request,
    'confirmation',
  )
  const reference = draft.completedBooking?.reference
  const booking = reference
    ? getPatientBooking({ session, reference, now: new Date(), actor: patientActor(context) })
    : null
  if (!booking) throw redirect('/book')
  return {
    title: translate(confirmationMessages, locale, 'title'),
    steps,
    email: session.verifiedEmail,
    address: getClinicContact()?.address ?? '',
    booking: {
      reference: booking.reference,
      status: booking.status,
      serviceName: summary.treatment,
      isConsultation: booking.serviceKind === 'consultation',
      practitionerName: booking.practitionerName,
      when: formatAppointment(booking.startAt, booking.endAt, booking.timeZone, locale),
    },
    beforeVisit: preVisitAdvice({
      tier: booking.serviceTier,
      isConsultation: booking.serviceKind === 'consultation',
      visitMinutes: Math.round((booking.endAt - booking.startAt) / 60_000),
      locale,
    }),
    // Behind the proved email only, never in an email (ADR 033).
    coldSoreReminder: booking.coldSoreHistory ? sharedClinicalText(locale).coldSoreReminder : null,
  }
}

export default function BookConfirmationRoute() {
  const { steps, booking, email, address, beforeVisit, coldSoreReminder } =
    useLoaderData<typeof loader>()
  const t = useT(confirmationMessages)
  const rich = useRichT(confirmationMessages)
  return (
    <div className="stack page--medium">
      <StepIndicator steps={steps} currentId="confirmation" />
      <h1>{booking.status === 'pending_review' ? t('reserved') : t('confirmed')}</h1>
      <p className="lead">
        {rich('reference', {
          reference: booking.reference,
          email: email ?? '',
          b: (chunks) => <strong className="nowrap">{chunks}</strong>,
        })}
      </p>
      {booking.status === 'pending_review' ? (
        <p className="notice notice--warning">{t('pendingReview')}</p>
      ) : null}
      <BookingSummary
        rows={[
          [t('status'), <StatusBadge key="status" status={booking.status} />],
          [t('treatment'), booking.serviceName],
          [t('when'), booking.when],
          [t('with'), booking.practitionerName],
          [t('where'), address],
        ]}
      />
      <p className="cluster">
        <a
          className="button button--secondary"
          href={`/bookings/${booking.reference}/calendar.ics`}
          download="appointment.ics"
        >
          {t('addToCalendar')}
        </a>
        <Link className="button button--secondary" to={`/bookings/${booking.reference}`}>
          {t('manage')}
        </Link>
      </p>
      <section aria-labelledby="before-heading">
        <h2 id="before-heading">{t('beforeVisit')}</h2>
        {coldSoreReminder ? <p className="notice">{coldSoreReminder}</p> : null}
        <ul>
          {beforeVisit.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </div>
  )
}
