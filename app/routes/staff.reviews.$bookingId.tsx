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
import { reviewPageActionSchema } from '#app/domain/screening/screening.schema.ts'
import { findingIn } from '#app/domain/screening/screening.rules.ts'
import { approveEarlierDate } from '#app/domain/screening/screening-window.server.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formatCalendarDate, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useRichT, useT } from '#app/i18n/locale-context.tsx'
import { adminPrivacyNoticeMessages, screeningStaffMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// The not-found message stays in English: it is thrown before the page's language matters and
// the error boundary shows its own title.
const NOT_FOUND = 'We could not find that booking.'

const EVENT_LABELS = {
  approved: 'eventApproved',
  declined: 'eventDeclined',
  info_requested: 'eventAsked',
  info_provided: 'eventAnswered',
} as const

const SOURCE_LABELS = {
  booking: 'givenBooking',
  patient_update: 'givenPatientUpdate',
  staff_update: 'givenStaffUpdate',
} as const

export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args, NOT_FOUND)
  const review = getReviewForClinician({ bookingId, actor, now: new Date() })
  if (!review) throw notFound(NOT_FOUND)
  const locale = await requestLocale(args.request)
  const zone = review.booking.timeZone
  const at = (instant: number) =>
    `${formatDateInZone(instant, zone, locale)}, ${formatTimeInZone(instant, zone, locale)}`
  return {
    ...review,
    title: translate(screeningStaffMessages, locale, 'reviewTitle'),
    // The rules' words in the reader's language (the stored record keeps every language).
    submission: review.submission
      ? {
          ...review.submission,
          findings: review.submission.findings.map((f) => findingIn(f, locale)),
          submittedAtLabel: at(review.submission.submittedAt),
        }
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

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args, NOT_FOUND)
  const locale = await requestLocale(args.request)
  const t = (key: 'stale' | 'noWindow' | 'beforeWindowEnd' | 'notPending') =>
    translate(screeningStaffMessages, locale, key)
  const parsed = await parseForm(args.request, reviewPageActionSchema(locale))
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
            ? t('stale')
            : approved.reason === 'no-window'
              ? t('noWindow')
              : t('beforeWindowEnd'),
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
          formErrors: [t('stale')],
          values: parsed.values,
        },
        409,
      )
    default:
      return formError(
        {
          formErrors: [t('notPending')],
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
  const t = useT(screeningStaffMessages)
  const noticeT = useT(adminPrivacyNoticeMessages)
  const noticeRichT = useRichT(adminPrivacyNoticeMessages)
  const locale = useLocale()
  const { booking, patient, submission } = data
  const decisive = submission?.findings.filter((f) => f.kind !== 'info') ?? []
  const info = submission?.findings.filter((f) => f.kind === 'info') ?? []
  return (
    <div className="stack page--medium">
      <p>
        <Link to="/staff/reviews">{t('allReviews')}</Link>
      </p>
      <h1>{t('reviewHeading', { name: patient.fullName })}</h1>
      {searchParams.get('asked') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('asked')}
        </p>
      ) : null}
      {searchParams.get('earlier') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('earlierSaved')}
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
          [t('rowWith'), booking.practitionerName],
          [
            t('rowPatient'),
            t('patientLine', {
              name: patient.fullName,
              date: formatCalendarDate(patient.dateOfBirth, locale),
              age: String(patient.age),
            }),
          ],
          [t('rowContact'), `${patient.phone}, ${patient.email}`],
        ]}
      />
      {submission ? (
        <>
          <section aria-labelledby="flags-heading">
            <h2 id="flags-heading">{t('flagsHeading')}</h2>
            <p className="cluster">
              <span>
                {t(SOURCE_LABELS[submission.source], {
                  version: String(submission.bookingVersion),
                  when: submission.submittedAtLabel,
                  ruleSet: String(submission.ruleSetVersion),
                })}
              </span>
              {submission.validity === 'renewal_due' ? (
                <span className="badge badge--warn">{t('renewalDue')}</span>
              ) : null}
            </p>
            <p>
              {submission.privacyNoticeVersion === null
                ? noticeT('staffNotShown')
                : noticeRichT('staffShown', {
                    n: submission.privacyNoticeVersion,
                    a: (chunks) => (
                      <Link to={`/privacy?version=${submission.privacyNoticeVersion}`}>
                        {chunks}
                      </Link>
                    ),
                  })}
            </p>
            <FindingsList findings={decisive} />
          </section>
          {info.length > 0 ? (
            <section aria-labelledby="info-heading">
              <h2 id="info-heading">{t('infoHeading')}</h2>
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
            <p className="notice">{t('nothingToDecide')}</p>
          )}
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t('allAnswers')}</h2>
            <AnswersList answers={submission.answers} audience="clinician" />
          </section>
        </>
      ) : (
        <p className="notice notice--warning">{t('noAnswers')}</p>
      )}
      {data.events.length > 0 ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t('historyHeading')}</h2>
          <ul className="conversation">
            {data.events.map((event) => (
              <li key={`${event.kind}-${event.at}-${event.by}`}>
                <strong>{t(EVENT_LABELS[event.kind])}</strong>{' '}
                {t('eventBy', { name: event.by, when: event.at })}
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
          <h2 id="earlier-heading">{t('earlierHeading')}</h2>
          <ul>
            {data.earlier.map((s) => (
              <li key={s.id}>
                {t('earlierVersion', { version: String(s.bookingVersion), when: s.submittedAt })}{' '}
                <OutcomeBadge outcome={s.outcome} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <ReviewNotFound />
}

function ReviewNotFound() {
  const t = useT(screeningStaffMessages)
  return (
    <NotFoundBoundary title={t('bookingNotFound')}>
      <p>
        <Link to="/staff/reviews">{t('backToReviews')}</Link>
      </p>
    </NotFoundBoundary>
  )
}
