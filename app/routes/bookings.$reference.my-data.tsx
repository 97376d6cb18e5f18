import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getMyDataPage } from '#app/domain/privacy/my-data.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { myDataMessages } from '#app/i18n/messages/index.ts'
import { requirePatientBooking } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Your data | Dermadesk' },
]

const WHAT = [
  'what.contact',
  'what.bookings',
  'what.screening',
  'what.consents',
  'what.treatments',
  'what.photos',
  'what.emails',
  'what.other',
] as const

// "My data" (issue 19): what the download holds and the two files. The same access as the
// booking page, and the address proved with a code (a manage link proves one booking only).
// Opening the page is audited.
export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { booking: page } = await requirePatientBooking(args, getMyDataPage)
  return { title: translate(myDataMessages, locale, 'title'), ...page }
}

export default function MyDataRoute() {
  const data = useLoaderData<typeof loader>()
  const t = useT(myDataMessages)
  const base = `/bookings/${data.reference}/my-data`
  return (
    <div className="stack page--medium">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      {data.needsCode ? (
        <section className="notice notice--warning" aria-labelledby="code-heading">
          <h2 id="code-heading">{t('needsCodeHeading')}</h2>
          <p>{t('needsCodeText')}</p>
          <p>
            <Link className="button" to={`/bookings?reference=${data.reference}`}>
              {t('needsCodeButton')}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="what-heading">
            <h2 id="what-heading">{t('whatHeading')}</h2>
            <ul>
              {WHAT.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="formats-heading">
            <h2 id="formats-heading">{t('formatsHeading')}</h2>
            <p className="notice">{t('keepSafe')}</p>
            <div className="stack">
              <div>
                <p>{t('pdfText')}</p>
                <a className="button" href={`${base}.pdf`} download>
                  {t('pdfButton')}
                </a>
              </div>
              <div>
                <p>{t('jsonText')}</p>
                <a className="button button--secondary" href={`${base}.json`} download>
                  {t('jsonButton')}
                </a>
              </div>
            </div>
            <p className="muted">{t('logged')}</p>
          </section>
        </>
      )}
      <p>
        <Link to={`/bookings/${data.reference}`}>{t('back')}</Link>
      </p>
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
