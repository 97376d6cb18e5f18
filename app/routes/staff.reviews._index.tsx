import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { TableHead } from '#app/components/table-head.tsx'
import { listPendingReviews } from '#app/domain/screening/screening-review.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Eligibility reviews | Dermadesk' }]

const STATE_LABELS = {
  new: { label: 'To review', tone: 'warn' },
  waiting_for_patient: { label: 'Waiting for the patient', tone: 'neutral' },
  patient_replied: { label: 'Patient replied', tone: 'warn' },
} as const

const DONE_TEXT: Record<string, string> = {
  approved: 'Approved: the booking is confirmed and the patient is being emailed.',
  declined: 'Declined: the time is free again and the patient is being emailed.',
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'clinician')
  return {
    reviews: listPendingReviews().map((item) => ({
      bookingId: item.bookingId,
      reference: item.reference,
      when: `${formatDateInZone(item.startAt, item.timeZone)}, ${formatTimeInZone(item.startAt, item.timeZone)}`,
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
  const done = DONE_TEXT[searchParams.get('done') ?? '']
  return (
    <div className="stack">
      <p>
        <Link to="/staff">Staff home</Link>
      </p>
      <h1>Eligibility reviews</h1>
      <p className="lead">
        Bookings waiting for a clinician because a screening rule asked for review, soonest
        appointment first.
      </p>
      {done ? (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      ) : null}
      {reviews.length === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {reviews.length === 1 ? '1 booking' : `${reviews.length} bookings`} pending review
            </caption>
            <TableHead
              columns={['Appointment', 'Patient', 'Treatment', 'With', 'Flags', 'State']}
            />
            <tbody>
              {reviews.map((review) => (
                <tr key={review.bookingId}>
                  <td>
                    <Link to={`/staff/reviews/${review.bookingId}`}>
                      {review.when}
                      <span className="visually-hidden">: review {review.patientName}</span>
                    </Link>
                  </td>
                  <td>{review.patientName}</td>
                  <td>{review.serviceName}</td>
                  <td>{review.practitionerName}</td>
                  <td>{review.reviewCount}</td>
                  <td>
                    <span className={`badge badge--${STATE_LABELS[review.state].tone}`}>
                      {STATE_LABELS[review.state].label}
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
