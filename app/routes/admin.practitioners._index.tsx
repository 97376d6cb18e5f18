import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { WEEKDAYS } from '#app/domain/clinic/admin.schema.ts'
import { listAdminPractitioners } from '#app/domain/clinic/admin.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Practitioners | Clinic settings | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { practitioners: listAdminPractitioners() }
}

const DAY_NAMES = new Map<number, string>(WEEKDAYS.map((day) => [day.weekday, day.name]))

export default function AdminPractitionersRoute() {
  const { practitioners } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <AdminNav />
      <h1>Practitioners</h1>
      <p>
        Open a practitioner to change their profile, services, weekly hours, time off and extra
        hours.
      </p>
      <p>
        <Link to="/admin/practitioners/new" className="button">
          Add a practitioner
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>All practitioners</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Credential</th>
              <th scope="col">Works on</th>
              <th scope="col">Services</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {practitioners.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/admin/practitioners/${p.id}`}>{p.displayName}</Link>
                  <br />
                  <span className="muted">{p.title}</span>
                </th>
                <td>{p.credential === 'medical' ? 'Medical' : 'Aesthetic'}</td>
                <td>
                  {p.workingDays.length === 0
                    ? 'No weekly hours'
                    : p.workingDays.map((day) => DAY_NAMES.get(day)).join(', ')}
                </td>
                <td>{p.services.length === 0 ? 'None' : p.services.join(', ')}</td>
                <td>
                  {p.isActive ? (
                    <span className="badge badge--ok">Active</span>
                  ) : (
                    <span className="badge badge--neutral">Inactive</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
