import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import {
  listPrivacyRequests,
  QUEUE_FILTERS,
  type QueueFilter,
} from '#app/domain/privacy/privacy-requests.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { privacyAdminMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Privacy requests | Dermadesk' },
]

/** The admins' queue of privacy requests (ADR 051): open first by due date, overdue marked. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const asked = new URL(request.url).searchParams.get('show')
  const filter: QueueFilter | null = (QUEUE_FILTERS as readonly string[]).includes(asked ?? '')
    ? (asked as QueueFilter)
    : asked === 'all'
      ? null
      : 'open'
  const { timeZone } = getClinicSettings()
  const date = (at: Date) => formatDateInZone(at, timeZone, locale)
  return {
    title: translate(privacyAdminMessages, locale, 'queueTitle'),
    filter: filter ?? 'all',
    rows: listPrivacyRequests({ filter, now: new Date() }).map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      asked: date(row.createdAt),
      due: date(row.dueAt),
      overdue: row.overdue,
      patientName: row.erasedAt ? null : row.patientName,
    })),
  }
}

export default function PrivacyRequestsQueueRoute() {
  const { rows, filter } = useLoaderData<typeof loader>()
  const t = useT(privacyAdminMessages)
  const filters = [
    { value: 'open', label: t('filterOpen') },
    { value: 'decided', label: t('filterDecided') },
    { value: 'all', label: t('filterAll') },
  ]
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('queueHeading')}</h1>
      <p>{t('queueLead')}</p>
      <nav aria-label={t('filterLabel')}>
        <ul className="cluster">
          {filters.map((option) => (
            <li key={option.value}>
              <Link
                to={`/admin/privacy-requests?show=${option.value}`}
                aria-current={filter === option.value ? 'page' : undefined}
              >
                {option.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t('queueEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('queueCaption')}</caption>
            <TableHead
              columns={[t('colDue'), t('colKind'), t('colPatient'), t('colStatus'), t('colAsked')]}
            />
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {row.due}{' '}
                    {row.overdue ? <span className="badge badge--bad">{t('overdue')}</span> : null}
                  </td>
                  <td>
                    <Link to={`/admin/privacy-requests/${row.id}`}>
                      {t('kindName', { kind: row.kind })}
                    </Link>
                  </td>
                  <td>{row.patientName ?? t('erasedPatient')}</td>
                  <td>{t('status', { status: row.status })}</td>
                  <td>{row.asked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
