import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getRetentionOverview } from '#app/domain/privacy/retention.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { retentionMessages } from '#app/i18n/messages/index.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Data retention | Dermadesk' },
]

/** What the app keeps and for how long, and when each retention job last ran (ADR 049). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(retentionMessages, locale)
  const overview = getRetentionOverview()
  return {
    title: t('title'),
    timeZone: describeTimeZone(overview.timeZone, locale),
    rules: overview.rules.map((rule) => ({
      key: rule.key,
      howLong:
        'years' in rule
          ? t('howLong.clinical_records', { years: rule.years })
          : t(`howLong.${rule.key}`, { days: rule.days }),
    })),
    jobs: overview.jobs.map(({ job, lastRun }) => ({
      job,
      lastRun: lastRun
        ? {
            iso: lastRun.ranAt.toISOString(),
            text: t('at', {
              date: formatDateInZone(lastRun.ranAt, overview.timeZone, locale),
              time: formatTimeInZone(lastRun.ranAt, overview.timeZone, locale),
            }),
            removed: t(`removed.${job}`, {
              drafts: 0,
              lapsedHolds: 0,
              patients: 0,
              codes: 0,
              emails: 0,
              ...lastRun.counts,
            }),
          }
        : null,
    })),
  }
}

export default function AdminRetentionRoute() {
  const { rules, jobs, timeZone } = useLoaderData<typeof loader>()
  const t = useT(retentionMessages)
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('heading')}</h1>
      <p>{t('intro', { zone: timeZone })}</p>
      <p className="notice">{t('fixedPolicy')}</p>
      <section aria-labelledby="rules-heading" className="stack">
        <h2 id="rules-heading">{t('rulesHeading')}</h2>
        <div className="table-wrap">
          <table aria-labelledby="rules-heading">
            <TableHead columns={[t('colWhat'), t('colHowLong'), t('colWhy')]} />
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.key}>
                  <th scope="row">{t(`what.${rule.key}`)}</th>
                  <td>{rule.howLong}</td>
                  <td>{t(`why.${rule.key}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="jobs-heading" className="stack">
        <h2 id="jobs-heading">{t('jobsHeading')}</h2>
        <p>{t('jobsIntro')}</p>
        <div className="table-wrap">
          <table aria-labelledby="jobs-heading">
            <TableHead columns={[t('colJob'), t('colLastRan'), t('colRemoved')]} />
            <tbody>
              {jobs.map((job) => (
                <tr key={job.job}>
                  <th scope="row">{t(`job.${job.job}`)}</th>
                  <td>
                    {job.lastRun ? (
                      <time dateTime={job.lastRun.iso}>{job.lastRun.text}</time>
                    ) : (
                      t('neverRan')
                    )}
                  </td>
                  <td>{job.lastRun ? job.lastRun.removed : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
