import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { RecordAccessTable } from '#app/components/privacy/record-access-table.tsx'
import { getRecordAccessForStaff } from '#app/domain/privacy/record-access.server.ts'
import { describeRecordAccess } from '#app/domain/privacy/record-access.view.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { privacyMessages } from '#app/i18n/messages/index.ts'
import { auditActorOf, notFound } from '#app/utils/admin-responses.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { requireOpenPatient } from '#app/utils/restricted-guards.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Record access | Dermadesk' },
]

// "Who looked at my record", read by staff answering the patient (issue 19). Admins (who answer
// data requests) and clinicians (who hold the record); not the front desk: the list names the
// health records opened (answers, consent, treatment), which reception never sees (ADR 041).
// A merged record opens the survivor's list, which holds both. Each read is audited.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['admin', 'clinician'])
  const locale = await requestLocale(request, user)
  const patientId = params.patientId ?? ''
  await requireOpenPatient(request, user, patientId)
  const result = getRecordAccessForStaff({
    patientId,
    actor: auditActorOf(user, context),
    now: new Date(),
  })
  if (!result.ok) {
    if (result.reason === 'merged')
      throw redirect(`/staff/patients/${result.survivorId}/record-access`)
    throw notFound()
  }
  return {
    title: translate(privacyMessages, locale, 'staffTitle'),
    patientId: result.report.patientId,
    patientName: result.patientName,
    ...describeRecordAccess(result.report, locale),
  }
}

export default function StaffRecordAccessRoute() {
  const data = useLoaderData<typeof loader>()
  const t = useT(privacyMessages)
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/patients/${data.patientId}`}>{t('staffBack')}</Link>
      </p>
      <h1>{t('staffHeading', { name: data.patientName })}</h1>
      <p>{t('staffLead')}</p>
      <p className="muted">{data.since}</p>
      {data.rows.length === 0 ? (
        <p>{t('staffEmpty')}</p>
      ) : (
        <RecordAccessTable
          rows={data.rows}
          caption={t('staffCaption')}
          recordHeading={t('staffColRecord')}
        />
      )}
      {data.truncated ? (
        <p className="notice">{t('staffTruncated', { limit: String(data.limit) })}</p>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
