import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { credentialLabel, PractitionerRowHeader } from '#app/components/admin/admin-lists.tsx'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getAdminOverview } from '#app/domain/clinic/admin.server.ts'
import {
  describeTimeZone,
  formatCalendarDate,
  formatDepthMm,
  formatPrice,
} from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Clinic settings | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const overview = getAdminOverview()
  return {
    settings: overview.settings,
    practitioners: overview.practitioners,
    nextClosures: overview.nextClosures,
    closureCount: overview.closureCount,
    services: overview.services.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      tier: s.tier,
      durationMinutes: s.durationMinutes,
      bufferAfterMinutes: s.bufferAfterMinutes,
      maxNeedleDepthUm: s.maxNeedleDepthUm,
      courseSessions: s.courseSessions,
      courseIntervalWeeks: s.courseIntervalWeeks,
      priceCents: s.priceCents,
      isActive: s.isActive,
    })),
  }
}

export default function AdminOverviewRoute() {
  const { settings, practitioners, services, nextClosures, closureCount } =
    useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <AdminNav />
      <h1>Clinic settings</h1>
      <p>
        Who works when, what patients can book, and the rules for booking. Changes that would leave
        an upcoming booking without an available, qualified practitioner show you the bookings and
        ask what to do first.
      </p>
      {!settings.phone || !settings.address || !settings.email ? (
        <p className="notice notice--warning" role="status">
          Patients need the clinic&apos;s phone, email and address before they book.{' '}
          <Link to="/admin/clinic">Add the clinic details</Link>
        </p>
      ) : null}
      <section aria-labelledby="clinic-heading">
        <h2 id="clinic-heading">Clinic details</h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{settings.name}</dd>
          <dt>Phone</dt>
          <dd>{settings.phone || 'not set'}</dd>
          <dt>Email</dt>
          <dd>{settings.email || 'not set'}</dd>
          <dt>Address</dt>
          <dd>{settings.address || 'not set'}</dd>
        </dl>
        <p>
          <Link to="/admin/clinic">Edit clinic details</Link>
        </p>
      </section>
      <section aria-labelledby="policies-heading">
        <h2 id="policies-heading">Booking policies</h2>
        <dl className="details">
          <dt>Clinic</dt>
          <dd>{settings.name}</dd>
          <dt>Time zone</dt>
          <dd>{describeTimeZone(settings.timeZone)}</dd>
          <dt>Slot step</dt>
          <dd>{settings.slotStepMinutes} minutes</dd>
          <dt>Minimum notice</dt>
          <dd>{settings.minNoticeHours} hours</dd>
          <dt>Book up to</dt>
          <dd>{settings.maxAdvanceDays} days ahead</dd>
          <dt>Slot hold</dt>
          <dd>{settings.holdMinutes} minutes</dd>
          <dt>Free cancellation until</dt>
          <dd>{settings.cancellationWindowHours} hours before</dd>
          <dt>Between needling sessions</dt>
          <dd>at least {settings.minDaysBetweenNeedling} days</dd>
          <dt>Upcoming bookings per email address</dt>
          <dd>at most {settings.maxUpcomingBookingsPerEmail}</dd>
        </dl>
        <p>
          <Link to="/admin/policies">Edit booking policies</Link>
        </p>
      </section>
      <section aria-labelledby="practitioners-heading">
        <h2 id="practitioners-heading">Practitioners</h2>
        <p className="cluster">
          <Link to="/admin/practitioners">Manage practitioners, hours and time off</Link>
          <Link to="/admin/practitioners/new">Add a practitioner</Link>
        </p>
        <div className="table-wrap">
          <table>
            <TableHead columns={['Name', 'Credential', 'Deepest needling', 'Services', 'Status']} />
            <tbody>
              {practitioners.map((p) => (
                <tr key={p.id}>
                  <PractitionerRowHeader practitioner={p} />
                  <td>
                    {credentialLabel(p.credential)}
                    <br />
                    <span className="muted">{p.registration}</span>
                  </td>
                  <td>{formatDepthMm(p.maxNeedleDepthUm)}</td>
                  <td>{p.services.join(', ')}</td>
                  <td>{p.isActive ? 'Active' : 'Inactive'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="services-heading">
        <h2 id="services-heading">Services</h2>
        <p className="cluster">
          <Link to="/admin/services">Manage services</Link>
          <Link to="/admin/services/new">Add a service</Link>
        </p>
        <div className="table-wrap">
          <table>
            <TableHead
              columns={['Service', 'Tier', 'Time', 'Deepest needling', 'Course', 'Price']}
            />
            <tbody>
              {services.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/admin/services/${s.id}`}>{s.name}</Link>
                    {s.isActive ? null : <span className="muted"> (inactive)</span>}
                  </th>
                  <td>
                    {s.kind === 'consultation'
                      ? 'Consultation'
                      : s.tier === 'medical'
                        ? 'Medical'
                        : 'Cosmetic'}
                  </td>
                  <td>
                    {s.durationMinutes} min + {s.bufferAfterMinutes} min buffer
                  </td>
                  <td>{formatDepthMm(s.maxNeedleDepthUm)}</td>
                  <td>
                    {s.courseSessions === 1
                      ? 'Single visit'
                      : `${s.courseSessions} sessions, ${s.courseIntervalWeeks} weeks apart`}
                  </td>
                  <td>{formatPrice(s.priceCents) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="closures-heading">
        <h2 id="closures-heading">Clinic closures</h2>
        {nextClosures.length === 0 ? (
          <p>No closures from today on.</p>
        ) : (
          <ul>
            {nextClosures.map((closure) => (
              <li key={closure.id}>
                {formatCalendarDate(closure.date)}: {closure.reason}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/admin/closures">
            {closureCount > nextClosures.length
              ? `All ${closureCount} upcoming closures`
              : 'Manage closures'}
          </Link>
        </p>
      </section>
    </div>
  )
}
