import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActiveBadge } from '#app/components/admin/admin-lists.tsx'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { listAdminServices } from '#app/domain/clinic/admin.server.ts'
import { formatDepthMm, formatPrice } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Services | Clinic settings | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { services: listAdminServices() }
}

export default function AdminServicesRoute() {
  const { services } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <AdminNav />
      <h1>Services</h1>
      <p>Patients see active services in this order. Open one to edit it.</p>
      <p>
        <Link to="/admin/services/new" className="button">
          Add a service
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>All services</caption>
          <TableHead
            columns={[
              'Service',
              'Tier',
              'Length',
              'Deepest needling',
              'Price',
              'Active practitioners',
              'Status',
            ]}
          />
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/admin/services/${s.id}`}>{s.name}</Link>
                </th>
                <td>
                  {s.kind === 'consultation' ? 'Consultation, ' : ''}
                  {s.tier === 'medical' ? 'medical' : 'cosmetic'}
                </td>
                <td>{s.durationMinutes} min</td>
                <td>{formatDepthMm(s.maxNeedleDepthUm)}</td>
                <td>{formatPrice(s.priceCents) ?? '—'}</td>
                <td>{s.practitionerCount}</td>
                <td>
                  <ActiveBadge active={s.isActive} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
