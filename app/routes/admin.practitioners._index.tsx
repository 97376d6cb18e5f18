import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import {
  ActiveBadge,
  credentialLabel,
  PractitionerRowHeader,
} from '#app/components/admin/admin-lists.tsx'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { TableHead } from '#app/components/table-head.tsx'
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
          <TableHead columns={['Name', 'Credential', 'Works on', 'Services', 'Status']} />
          <tbody>
            {practitioners.map((p) => (
              <tr key={p.id}>
                <PractitionerRowHeader practitioner={p} />
                <td>{credentialLabel(p.credential)}</td>
                <td>
                  {p.workingDays.length === 0
                    ? 'No weekly hours'
                    : p.workingDays.map((day) => DAY_NAMES.get(day)).join(', ')}
                </td>
                <td>{p.services.length === 0 ? 'None' : p.services.join(', ')}</td>
                <td>
                  <ActiveBadge active={p.isActive} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
