import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useT } from '#app/i18n/locale-context.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import { Link, useLoaderData } from '@remix-run/react'
import {
  ActiveBadge,
  credentialLabel,
  PractitionerRowHeader,
} from '#app/components/admin/admin-lists.tsx'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { listAdminPractitioners } from '#app/domain/clinic/admin.server.ts'
import { adminMessages, adminPractitionersMessages } from '#app/i18n/messages/index.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Practitioners | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminMessages, await requestLocale(request))
  return {
    practitioners: listAdminPractitioners(),
    title: t('pageTitle', { page: t('practitioners') }),
  }
}

export default function AdminPractitionersRoute() {
  const { practitioners } = useLoaderData<typeof loader>()
  const t = useT(adminPractitionersMessages)
  const ta = useT(adminMessages)
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('practitioners')}</h1>
      <p>{t('listIntro')}</p>
      <p>
        <Link to="/admin/practitioners/new" className="button">
          {t('addPractitioner')}
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t('allPractitioners')}</caption>
          <TableHead
            columns={[
              ta('colName'),
              ta('colCredential'),
              t('colWorksOn'),
              ta('colServices'),
              ta('colStatus'),
            ]}
          />
          <tbody>
            {practitioners.map((p) => (
              <tr key={p.id}>
                <PractitionerRowHeader practitioner={p} />
                <td>{credentialLabel(p.credential, ta)}</td>
                <td>
                  {p.workingDays.length === 0
                    ? t('noWeeklyHours')
                    : p.workingDays.map((day) => t('weekday', { weekday: String(day) })).join(', ')}
                </td>
                <td>{p.services.length === 0 ? t('none') : p.services.join(', ')}</td>
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
