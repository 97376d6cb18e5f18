import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getClinicDay } from '#app/domain/clinic/clinic.server.ts'
import { countPendingReviews } from '#app/domain/screening/screening-review.server.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { describeTimeZone, formatCalendarDate, formatMinutesOfDay } from '#app/utils/format.ts'

export const meta: MetaFunction = () => [{ title: 'Staff home | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  return {
    user: { name: user.name, roles: user.roles },
    day: getClinicDay(),
    pendingReviews: user.roles.includes('clinician') ? countPendingReviews() : null,
  }
}

export default function StaffHomeRoute() {
  const { user, day, pendingReviews } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1>Hello, {user.name}</h1>
      <p className="muted">
        Signed in as {user.roles.join(' and ')}. For your safety you are signed out after 15 minutes
        without activity.
      </p>
      {user.roles.includes('clinician') || user.roles.includes('admin') ? (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">Agenda</h2>
          <p>
            <Link to="/staff/agenda">
              {user.roles.includes('admin')
                ? 'Every practitioner’s appointments today and this week'
                : 'Your appointments today and this week'}
            </Link>
          </p>
        </section>
      ) : null}
      {pendingReviews !== null ? (
        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">Eligibility reviews</h2>
          <p>
            <Link to="/staff/reviews">
              {pendingReviews === 0
                ? 'No bookings waiting for review'
                : pendingReviews === 1
                  ? '1 booking waiting for review'
                  : `${pendingReviews} bookings waiting for review`}
            </Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="today-heading">
        <h2 id="today-heading">Today at the clinic</h2>
        <p>
          {formatCalendarDate(day.date)}, {describeTimeZone(day.timeZone)}
        </p>
        {day.closedFor ? (
          <p className="notice">The clinic is closed today: {day.closedFor}.</p>
        ) : day.practitioners.length === 0 ? (
          <p>Nobody is scheduled to work today.</p>
        ) : (
          <ul className="grid" aria-label="Practitioners working today">
            {day.practitioners.map((p) => (
              <li key={p.displayName} className="card">
                <h3>{p.displayName}</h3>
                <p className="muted">{p.title}</p>
                <p>
                  {p.intervals
                    .map(
                      ([start, end]) => `${formatMinutesOfDay(start)}–${formatMinutesOfDay(end)}`,
                    )
                    .join(', ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul>
        {user.roles.includes('admin') ? (
          <li>
            <Link to="/admin">Clinic settings, practitioners and services</Link>
          </li>
        ) : null}
        <li>
          <Link to="/staff/security">Two-step sign-in for your account</Link>
        </li>
      </ul>
    </div>
  )
}
