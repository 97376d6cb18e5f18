import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { translator } from '#app/i18n/catalogue.ts'
import { Link, useLoaderData } from '@remix-run/react'
import {
  credentialLabel,
  depthText,
  PractitionerRowHeader,
} from '#app/components/admin/admin-lists.tsx'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getAdminOverview } from '#app/domain/clinic/admin.server.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages } from '#app/i18n/messages/index.ts'
import { describeTimeZone, formatCalendarDate, formatPrice } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const overview = getAdminOverview()
  return {
    title: translator(adminMessages, locale)('overviewTitle'),
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
  const t = useT(adminMessages)
  const locale = useLocale()
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('overviewHeading')}</h1>
      <p>{t('overviewIntro')}</p>
      {!settings.phone || !settings.address || !settings.email ? (
        <p className="notice notice--warning" role="status">
          {t('overviewMissingDetails')} <Link to="/admin/clinic">{t('addClinicDetails')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="clinic-heading">
        <h2 id="clinic-heading">{t('clinicDetails')}</h2>
        <dl className="details">
          <dt>{t('name')}</dt>
          <dd>{settings.name}</dd>
          <dt>{t('phone')}</dt>
          <dd>{settings.phone || t('notSet')}</dd>
          <dt>{t('email')}</dt>
          <dd>{settings.email || t('notSet')}</dd>
          <dt>{t('address')}</dt>
          <dd>{settings.address || t('notSet')}</dd>
        </dl>
        <p>
          <Link to="/admin/clinic">{t('editClinicDetails')}</Link>
        </p>
      </section>
      <section aria-labelledby="policies-heading">
        <h2 id="policies-heading">{t('bookingPolicies')}</h2>
        <dl className="details">
          <dt>{t('clinic')}</dt>
          <dd>{settings.name}</dd>
          <dt>{t('timeZone')}</dt>
          <dd>{describeTimeZone(settings.timeZone, locale)}</dd>
          <dt>{t('slotStep')}</dt>
          <dd>{t('minutesValue', { count: settings.slotStepMinutes })}</dd>
          <dt>{t('minimumNotice')}</dt>
          <dd>{t('hoursValue', { count: settings.minNoticeHours })}</dd>
          <dt>{t('bookUpTo')}</dt>
          <dd>{t('daysAhead', { count: settings.maxAdvanceDays })}</dd>
          <dt>{t('slotHold')}</dt>
          <dd>{t('minutesValue', { count: settings.holdMinutes })}</dd>
          <dt>{t('freeCancellationUntil')}</dt>
          <dd>{t('hoursBefore', { count: settings.cancellationWindowHours })}</dd>
          <dt>{t('betweenNeedling')}</dt>
          <dd>{t('atLeastDays', { count: settings.minDaysBetweenNeedling })}</dd>
          <dt>{t('upcomingPerEmail')}</dt>
          <dd>{t('atMost', { count: settings.maxUpcomingBookingsPerEmail })}</dd>
        </dl>
        <p>
          <Link to="/admin/policies">{t('editBookingPolicies')}</Link>
        </p>
      </section>
      <section aria-labelledby="practitioners-heading">
        <h2 id="practitioners-heading">{t('practitioners')}</h2>
        <p className="cluster">
          <Link to="/admin/practitioners">{t('managePractitioners')}</Link>
          <Link to="/admin/practitioners/new">{t('addPractitioner')}</Link>
        </p>
        <div className="table-wrap">
          <table>
            <TableHead
              columns={[
                t('colName'),
                t('colCredential'),
                t('colDeepestNeedling'),
                t('colServices'),
                t('colStatus'),
              ]}
            />
            <tbody>
              {practitioners.map((p) => (
                <tr key={p.id}>
                  <PractitionerRowHeader practitioner={p} />
                  <td>
                    {credentialLabel(p.credential, t)}
                    <br />
                    <span className="muted">{p.registration}</span>
                  </td>
                  <td>{depthText(p.maxNeedleDepthUm, locale, t)}</td>
                  <td>{p.services.join(', ')}</td>
                  <td>{p.isActive ? t('active') : t('inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="services-heading">
        <h2 id="services-heading">{t('services')}</h2>
        <p className="cluster">
          <Link to="/admin/services">{t('manageServices')}</Link>
          <Link to="/admin/services/new">{t('addService')}</Link>
        </p>
        <div className="table-wrap">
          <table>
            <TableHead
              columns={[
                t('colService'),
                t('colTier'),
                t('colTime'),
                t('colDeepestNeedling'),
                t('colCourse'),
                t('colPrice'),
              ]}
            />
            <tbody>
              {services.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/admin/services/${s.id}`}>{s.name}</Link>
                    {s.isActive ? null : <span className="muted"> {t('inactiveSuffix')}</span>}
                  </th>
                  <td>
                    {s.kind === 'consultation'
                      ? t('consultation')
                      : s.tier === 'medical'
                        ? t('medical')
                        : t('cosmetic')}
                  </td>
                  <td>
                    {t('durationWithBuffer', {
                      duration: s.durationMinutes,
                      buffer: s.bufferAfterMinutes,
                    })}
                  </td>
                  <td>{depthText(s.maxNeedleDepthUm, locale, t)}</td>
                  <td>
                    {s.courseSessions === 1
                      ? t('singleVisit')
                      : t('courseOf', {
                          sessions: s.courseSessions,
                          weeks: s.courseIntervalWeeks,
                        })}
                  </td>
                  <td>{formatPrice(s.priceCents, locale) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="closures-heading">
        <h2 id="closures-heading">{t('clinicClosures')}</h2>
        {nextClosures.length === 0 ? (
          <p>{t('noClosures')}</p>
        ) : (
          <ul>
            {nextClosures.map((closure) => (
              <li key={closure.id}>
                {t('closureLine', {
                  date: formatCalendarDate(closure.date, locale),
                  reason: closure.reason,
                })}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/admin/closures">
            {closureCount > nextClosures.length
              ? t('allUpcomingClosures', { count: closureCount })
              : t('manageClosures')}
          </Link>
        </p>
      </section>
    </div>
  )
}
