import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
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
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Tier</th>
              <th scope="col">Length</th>
              <th scope="col">Deepest needling</th>
              <th scope="col">Price</th>
              <th scope="col">Active practitioners</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
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
                  {s.isActive ? (
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
