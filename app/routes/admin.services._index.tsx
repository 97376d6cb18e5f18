import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { translator } from '#app/i18n/catalogue.ts'
import { Link, useLoaderData } from '@remix-run/react'
import { ActiveBadge, depthText } from '#app/components/admin/admin-lists.tsx'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { listAdminServices } from '#app/domain/clinic/admin.server.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages, adminServicesMessages } from '#app/i18n/messages/index.ts'
import { formatPrice } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Services | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminMessages, await requestLocale(request))
  return { services: listAdminServices(), title: t('pageTitle', { page: t('services') }) }
}

export default function AdminServicesRoute() {
  const { services } = useLoaderData<typeof loader>()
  const t = useT(adminServicesMessages)
  const ta = useT(adminMessages)
  const locale = useLocale()
  return (
    <div className="stack">
      <AdminNav />
      <h1>{ta('services')}</h1>
      <p>{t('listIntro')}</p>
      <p>
        <Link to="/admin/services/new" className="button">
          {ta('addService')}
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t('allServices')}</caption>
          <TableHead
            columns={[
              ta('colService'),
              ta('colTier'),
              t('colLength'),
              ta('colDeepestNeedling'),
              ta('colPrice'),
              t('colActivePractitioners'),
              ta('colStatus'),
            ]}
          />
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/admin/services/${s.id}`}>{s.name}</Link>
                </th>
                <td>{t('tierText', { kind: s.kind, tier: s.tier })}</td>
                <td>{t('minutesShort', { minutes: s.durationMinutes })}</td>
                <td>{depthText(s.maxNeedleDepthUm, locale, ta)}</td>
                <td>{formatPrice(s.priceCents, locale) ?? '—'}</td>
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
