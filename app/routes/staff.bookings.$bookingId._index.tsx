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
import { HandOverTablet } from '#app/components/tablet/hand-over.tsx'
import { PhotoSummarySection } from '#app/components/photos/photo-compare.tsx'
import { getPhotoSummary } from '#app/domain/photos/photo-compare.server.ts'
import { shownSummary } from '#app/domain/photos/photo-labels.ts'
import { ScreeningClearanceBadge, TreatmentEntries } from '#app/components/visit/visit-parts.tsx'
import { getAppointmentDetail } from '#app/domain/treatment/appointment-detail.server.ts'
import { checkInClosedReason } from '#app/domain/treatment/visit-messages.ts'
import { visitOutcomeSchema } from '#app/domain/treatment/treatment.schema.ts'
import { completeConsultation, markNoShow } from '#app/domain/treatment/treatment-records.server.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { bookingAwaitsForms } from '#app/domain/booking/staff-booking.server.ts'
import {
  formatCalendarDate,
  formatDateInZone,
  formatDepthMm,
  formatTimeInZone,
} from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { requireClinicianVisit, requireStaffVisit } from '#app/utils/visit-params.server.ts'
import { type MessageKey, translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { photosMessages, visitMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Appointment | Staff | Dermadesk' },
]

// Every member of staff may open an appointment; the domain gives reception (and an admin who is
// not a clinician) the front desk's view, without health details (docs/decisions/041). Marking
// the visit's outcome stays the clinician's.
export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor, user } = await requireStaffVisit(args)
  const locale = await requestLocale(args.request, user)
  const detail = getAppointmentDetail({
    bookingId,
    actor,
    viewerRoles: user.roles,
    now: new Date(),
    locale,
  })
  if (!detail) throw notFound(translate(visitMessages, locale, 'notFound'))
  return {
    ...detail,
    awaitingForms: bookingAwaitsForms(bookingId),
    // Clinicians only: null for everyone else, who never read a photo row.
    photos: shownSummary(getPhotoSummary({ bookingId, viewerRoles: user.roles }), locale),
    title: translate(visitMessages, locale, 'appointmentTitle'),
  }
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor, user } = await requireClinicianVisit(args)
  const locale = await requestLocale(args.request, user)
  const parsed = await parseForm(args.request, visitOutcomeSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const input = { bookingId, actor, now: new Date() }
  const result = parsed.data.intent === 'no-show' ? markNoShow(input) : completeConsultation(input)
  if (result.ok) return redirect(`/staff/bookings/${bookingId}?done=${parsed.data.intent}`)
  const t = (key: MessageKey<typeof visitMessages>) => translate(visitMessages, locale, key)
  if (result.reason === 'not-found') throw notFound(t('notFound'))
  const messages: Record<typeof result.reason, string> = {
    'not-open': t('notOpen'),
    'too-early': t('tooEarly'),
    'checked-in': t('wasCheckedIn'),
    'not-checked-in': t('checkInFirst'),
  }
  return formError({ formErrors: [messages[result.reason]] }, 409)
}

/** What the page says after a step of the visit (`?done=` names it). */
const DONE = [
  'no-show',
  'attended',
  'checked-in',
  'checked-in-health-changed',
  'recorded',
  'corrected',
  'answers-eligible',
  'answers-review',
  'answers-not_eligible',
] as const
type Done = (typeof DONE)[number]
const isDone = (value: string | null): value is Done => DONE.includes(value as Done)

export default function AppointmentRoute() {
  const detail = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const { booking, patient, facts, screening, consent } = detail
  const t = useT(visitMessages)
  const tp = useT(photosMessages)
  const locale = useLocale()
  const zone = booking.timeZone
  const doneParam = searchParams.get('done')
  const done = isDone(doneParam) ? t(`done.${doneParam}`) : undefined
  const open = booking.status === 'confirmed' || booking.status === 'pending_review'
  const isTreatment = booking.kind === 'treatment'
  const clinical = detail.clinical
  const latestEntry = detail.thisVisit.find((entry) => entry.correctedBy === null)
  return (
    <div className="stack page--medium">
      <p>
        <Link to="/staff/agenda">{t('backToAgenda')}</Link>
      </p>
      <h1>
        {t('heading', {
          name: patient.fullName,
          time: formatTimeInZone(booking.startAt, zone, locale),
        })}
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
            t('rowTreatment'),
            t('serviceWithTier', { service: booking.serviceName, tier: booking.tier }),
          ],
          [t('rowCourse'), booking.course],
          'practitioner',
          'reference',
          'status',
          ...(isTreatment
            ? ([
                [
                  t('rowMaximumDepth'),
                  t('maximumDepth', {
                    service: formatDepthMm(booking.serviceMaxDepthUm, locale),
                    practitionerDepth: formatDepthMm(booking.practitionerMaxDepthUm, locale),
                    practitioner: booking.practitionerName,
                  }),
                ],
              ] as StaffBookingRow[])
            : []),
        ]}
      />

      <section aria-labelledby="patient-heading">
        <h2 id="patient-heading">{t('patientHeading')}</h2>
        <BookingSummary
          rows={[
            [t('rowName'), patient.fullName],
            [
              t('rowDateOfBirth'),
              t('dateOfBirthAge', {
                date: formatCalendarDate(patient.dateOfBirth, locale),
                age: patient.age,
              }),
            ],
            [
              t('rowPhone'),
              <a key="phone" href={patient.phoneHref}>
                {patient.phone}
              </a>,
            ],
            [t('rowEmail'), patient.email],
          ]}
        />
      </section>

      <section aria-labelledby="visit-heading">
        <h2 id="visit-heading">{t('visitHeading')}</h2>
        <ul className="cluster badge-list" aria-label={t('visitStands')}>
          {detail.awaitingForms ? (
            <li>
              <span className="badge badge--warn">{t('awaitingForms')}</span>
            </li>
          ) : null}
          <li>
            <ScreeningClearanceBadge clearance={facts.screening} />
          </li>
          {consent ? (
            <li>
              {t('consentLabel')} <ConsentStatusBadge status={consent.status} />
            </li>
          ) : null}
          <li>
            <span className={`badge badge--${facts.checkedIn ? 'ok' : 'neutral'}`}>
              {facts.checkedIn ? t('checkedIn') : t('notCheckedIn')}
            </span>
          </li>
        </ul>
        {open && isTreatment && detail.blockers.length > 0 ? (
          <>
            <p id="record-blocked">{t('beforeRecording')}</p>
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
                {facts.checkedIn ? t('checkInAgain') : t('checkIn')}
              </Link>
            ) : (
              <BlockedAction
                label={t('checkIn')}
                reason={checkInClosedReason(detail.timing.checkIn, detail.timing.visitDate, locale)}
                reasonId="check-in-blocked"
              />
            )}
            {isTreatment && clinical ? (
              <>
                <Link
                  className="button button--secondary"
                  to={`/staff/bookings/${booking.id}/consent`}
                >
                  {consent?.status === 'signed' ? t('countersignConsent') : t('seeConsent')}
                </Link>
                {detail.blockers.length === 0 ? (
                  <Link
                    className="button button--secondary"
                    to={`/staff/bookings/${booking.id}/treatment`}
                  >
                    {t('recordTreatment')}
                  </Link>
                ) : (
                  <BlockedAction
                    label={t('recordTreatment')}
                    reason={t('notYet')}
                    reasonId="record-blocked-short"
                  />
                )}
              </>
            ) : null}
          </div>
        ) : null}
        {isTreatment && clinical ? (
          <p className="visit-photos-link">
            <Link to={`/staff/bookings/${booking.id}/photos`}>{tp('linkPhotos')}</Link>
          </p>
        ) : null}
        {open && isTreatment && consent ? (
          <HandOverTablet
            bookingId={booking.id}
            facts={{ status: booking.status, screening: facts.screening, consent: consent.status }}
          />
        ) : null}
        {detail.checkIns.length > 0 ? (
          <ul>
            {detail.checkIns.map((checkIn) => (
              <li key={checkIn.at}>
                {checkIn.healthUnchanged === null
                  ? t('checkInLineReception', {
                      time: formatTimeInZone(checkIn.at, zone, locale),
                      date: formatDateInZone(checkIn.at, zone, locale),
                      by: checkIn.by,
                      method: t(`identity.${checkIn.identityMethod}`).toLowerCase(),
                    })
                  : t('checkInLine', {
                      time: formatTimeInZone(checkIn.at, zone, locale),
                      date: formatDateInZone(checkIn.at, zone, locale),
                      by: checkIn.by,
                      method: t(`identity.${checkIn.identityMethod}`).toLowerCase(),
                      changed: checkIn.healthUnchanged ? 'no' : 'yes',
                    })}
              </li>
            ))}
          </ul>
        ) : null}
        {clinical && open && (!isTreatment || (detail.timing.hasStarted && !facts.checkedIn)) ? (
          <Form method="post" className="cluster">
            {isTreatment ? null : (
              <SubmitButton
                pending={pending}
                className="button button--secondary"
                name="intent"
                value="attended"
              >
                {t('markConsultationDone')}
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
                {t('markNoShow')}
              </SubmitButton>
            ) : null}
          </Form>
        ) : null}
      </section>

      {screening ? (
        <section aria-labelledby="screening-heading">
          <h2 id="screening-heading">{t('screeningHeading')}</h2>
          {screening.submission ? (
            <>
              <p>
                <OutcomeBadge outcome={screening.submission.outcome} />{' '}
                {t('answeredOn', {
                  date: formatDateInZone(screening.submission.submittedAt, zone, locale),
                  questionnaire: screening.submission.questionnaireVersion,
                  rules: screening.submission.ruleSetVersion,
                })}
              </p>
              <h3>{t('rulesFlagged')}</h3>
              <FindingsList findings={screening.submission.findings} />
              <details>
                <summary>{t('allAnswers')}</summary>
                <AnswersList answers={screening.submission.answers} audience="clinician" />
              </details>
            </>
          ) : (
            <p>{t('noAnswersYet')}</p>
          )}
          {screening.events.length > 0 ? (
            <>
              <h3>{t('decisionsHeading')}</h3>
              <ul className="conversation">
                {screening.events.map((event) => (
                  <li key={`${event.kind}-${event.at}`}>
                    {formatDateInZone(event.at, zone, locale)}, {event.by}:{' '}
                    {event.kind.replace('_', ' ')}
                    {event.message ? `: ${event.message}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="cluster">
            {screening.canDecide ? (
              <Link to={`/staff/reviews/${booking.id}`}>{t('reviewAnswers')}</Link>
            ) : null}
            {open ? (
              <Link to={`/staff/bookings/${booking.id}/screening`}>{t('enterChangedAnswers')}</Link>
            ) : null}
          </p>
        </section>
      ) : null}

      {clinical && consent && consent.status !== 'not_required' ? (
        <section aria-labelledby="consent-heading">
          <h2 id="consent-heading">{t('consentHeading')}</h2>
          <p>
            <ConsentStatusBadge status={consent.status} />{' '}
            {consent.resignReason === 'new-version'
              ? t('resignNewVersion')
              : consent.resignReason === 'expired'
                ? t('resignExpired')
                : null}
          </p>
          <p className="cluster">
            <Link to={`/staff/bookings/${booking.id}/consent`}>{t('consentAndAudit')}</Link>
            {consent.status !== 'missing' ? (
              <a
                href={`/staff/bookings/${booking.id}/consent.pdf`}
                download={`consent-${booking.reference}.pdf`}
              >
                {t('downloadPdf')}
              </a>
            ) : null}
          </p>
        </section>
      ) : null}

      {clinical && isTreatment ? (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">{t('recordHeading')}</h2>
          {detail.thisVisit.length > 0 ? (
            <>
              <TreatmentEntries entries={detail.thisVisit} timeZone={zone} showVisit={false} />
              {latestEntry ? (
                <p>
                  <Link to={`/staff/bookings/${booking.id}/treatment?corrects=${latestEntry.id}`}>
                    {t('addCorrection')}
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <p>{t('nothingRecorded')}</p>
          )}
        </section>
      ) : null}

      {detail.photos ? <PhotoSummarySection summary={detail.photos} /> : null}

      {clinical ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t('earlierHeading')}</h2>
          {detail.earlierVisits.length > 0 ? (
            <TreatmentEntries entries={detail.earlierVisits} timeZone={zone} showVisit />
          ) : (
            <p>{t('noEarlierSessions')}</p>
          )}
        </section>
      ) : (
        <p className="notice">{t('receptionView')}</p>
      )}
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
  const t = useT(visitMessages)
  return (
    <NotFoundBoundary title={t('appointmentNotFound')}>
      <p>
        <Link to="/staff/agenda">{t('backToAgenda')}</Link>
      </p>
    </NotFoundBoundary>
  )
}
