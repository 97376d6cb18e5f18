import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { TableHead } from '#app/components/table-head.tsx'
import { listPendingReviews } from '#app/domain/screening/screening-review.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { requireClinicalRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { screeningStaffMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

const STATE_LABELS = {
  new: { label: 'stateNew', tone: 'warn' },
  waiting_for_patient: { label: 'stateWaiting', tone: 'neutral' },
  patient_replied: { label: 'stateReplied', tone: 'warn' },
} as const

const DONE_TEXT = { approved: 'doneApproved', declined: 'doneDeclined' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireClinicalRole(request)
  const locale = await requestLocale(request)
  return {
    title: translate(screeningStaffMessages, locale, 'queueTitle'),
    reviews: listPendingReviews().map((item) => ({
      bookingId: item.bookingId,
      reference: item.reference,
      when: `${formatDateInZone(item.startAt, item.timeZone, locale)}, ${formatTimeInZone(item.startAt, item.timeZone, locale)}`,
      patientName: item.patientName,
      serviceName: item.serviceName,
      practitionerName: item.practitionerName,
      reviewCount: item.reviewCount,
      state: item.state,
    })),
  }
}

export default function ReviewQueueRoute() {
  const { reviews } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const t = useT(screeningStaffMessages)
  const doneKey = searchParams.get('done')
  const done = doneKey === 'approved' || doneKey === 'declined' ? t(DONE_TEXT[doneKey]) : undefined
  return (
    <div className="stack">
      <p>
        <Link to="/staff">{t('staffHome')}</Link>
      </p>
      <h1>{t('queueHeading')}</h1>
      <p className="lead">{t('queueLead')}</p>
      {done ? (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      ) : null}
      {reviews.length === 0 ? (
        <p>{t('queueEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('queueCaption', { count: reviews.length })}</caption>
            <TableHead
              columns={[
                t('colAppointment'),
                t('colPatient'),
                t('colTreatment'),
                t('colWith'),
                t('colFlags'),
                t('colState'),
              ]}
            />
            <tbody>
              {reviews.map((review) => (
                <tr key={review.bookingId}>
                  <td>
                    <Link to={`/staff/reviews/${review.bookingId}`}>
                      {review.when}
                      <span className="visually-hidden">
                        {t('reviewPatient', { name: review.patientName })}
                      </span>
                    </Link>
                  </td>
                  <td>{review.patientName}</td>
                  <td>{review.serviceName}</td>
                  <td>{review.practitionerName}</td>
                  <td>{review.reviewCount}</td>
                  <td>
                    <span className={`badge badge--${STATE_LABELS[review.state].tone}`}>
                      {t(STATE_LABELS[review.state].label)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
