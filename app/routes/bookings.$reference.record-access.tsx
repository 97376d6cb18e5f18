import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { RecordAccessTable } from '#app/components/privacy/record-access-table.tsx'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { getPatientRecordAccess } from '#app/domain/privacy/record-access.server.ts'
import { describeRecordAccess } from '#app/domain/privacy/record-access.view.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { privacyMessages } from '#app/i18n/messages/index.ts'
import { requirePatientBooking } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Who has looked at your record | Dermadesk' },
]

// "Who looked at my record" (issue 19): the same access as the booking page (a session that
// proved the booking's email; another patient's booking is a 404). The read is audited.
export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { booking: report } = await requirePatientBooking(args, getPatientRecordAccess)
  return {
    title: translate(privacyMessages, locale, 'title'),
    reference: report.reference,
    clinicPhone: getClinicSettings().phone,
    ...describeRecordAccess(report, locale),
  }
}

export default function RecordAccessRoute() {
  const data = useLoaderData<typeof loader>()
  const t = useT(privacyMessages)
  const rich = useRichT(privacyMessages)
  const tel = `tel:${data.clinicPhone.replace(/\s/g, '')}`
  return (
    <div className="stack page--medium">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <p className="muted">{data.since}</p>
      {data.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <RecordAccessTable rows={data.rows} caption={t('caption')} recordHeading={t('colRecord')} />
      )}
      {data.truncated ? (
        <p className="notice">{t('truncated', { limit: String(data.limit) })}</p>
      ) : null}
      <p>
        {rich('questions', {
          phone: data.clinicPhone,
          tel: (chunks) => <a href={tel}>{chunks}</a>,
        })}
      </p>
      <p>
        <Link to={`/bookings/${data.reference}`}>{t('back')}</Link>
      </p>
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
