import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ConsentDocument } from '#app/components/consent/consent-document.tsx'
import {
  ConsentRecordDetails,
  consentRecordSummary,
  ConsentStatusBadge,
} from '#app/components/consent/consent-record.tsx'
import { ConsentSigning } from '#app/components/consent/consent-signing.tsx'
import { getPatientConsentPage } from '#app/domain/consent/consent-patient.server.ts'
import { signConsent, submitConsentCheck } from '#app/domain/consent/consent-signing.server.ts'
import { answersFromForm, consentPageFormSchema } from '#app/domain/consent/consent.schema.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { consentMessages } from '#app/i18n/messages/index.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { checkFailure, signFailure, signingContextOf } from '#app/utils/consent-responses.server.ts'
import { formatAppointment } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Your consent | Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { booking: page } = await requirePatientBooking(args, ({ session, reference, now }) =>
    getPatientConsentPage({
      ctx: signingContextOf(args.request, args.context, session, now, locale),
      reference,
    }),
  )
  const { booking, record, signing } = page
  return {
    title: translate(consentMessages, locale, 'pageMetaTitle'),
    reference: booking.reference,
    serviceName: booking.serviceName,
    when: formatAppointment(booking.startAt, booking.endAt, booking.timeZone, locale),
    timeZone: booking.timeZone,
    status: page.status,
    resignReason: page.resignReason,
    record: record
      ? {
          title: record.title,
          versionNumber: record.versionNumber,
          locale: record.locale ?? ('en' as Locale),
          sections: record.sections,
          details: consentRecordSummary(record),
        }
      : null,
    signing: signing
      ? {
          reading: signing.reading,
          expectedName: signing.expectedName,
          checkPassed: signing.checkPassed,
        }
      : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, consentPageFormSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const ctx = signingContextOf(request, context, session, undefined, locale)
  const target = { kind: 'booking', reference } as const
  const page = `/bookings/${reference}/consent`
  if (parsed.data.intent === 'check') {
    const result = submitConsentCheck({
      ctx,
      target,
      versionId: parsed.data.versionId,
      answers: answersFromForm(parsed.data),
    })
    if (result.ok) return redirect(`${page}?checked=1#sign-heading`)
    return (
      checkFailure(result, parsed.values, locale) ?? notSignable(result.reason, 'check', locale)
    )
  }
  const { intent: _intent, ...form } = parsed.data
  const result = await signConsent({ ctx, target, form })
  if (result.ok) return redirect(`${page}?signed=1`)
  return signFailure(result, parsed.values, locale) ?? notSignable(result.reason, 'sign', locale)
}

/** Not this patient's booking (404), or nothing to sign: a consultation, a past or cancelled visit. */
function notSignable(reason: string, intent: 'check' | 'sign', locale: Locale) {
  if (reason === 'not-found') throw new Response('Not found', { status: 404 })
  return formError(
    {
      formErrors: [translate(consentMessages, locale, 'notNeededNow')],
      values: { intent },
    },
    409,
  )
}

export { reloadWhenConsentChanged as shouldRevalidate } from '#app/components/consent/consent-signing.tsx'

export default function PatientConsentRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT(consentMessages)
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/bookings/${data.reference}`}>
          {t('backToBooking', { reference: data.reference })}
        </Link>
      </p>
      <h1>{t('pageHeading', { reference: data.reference })}</h1>
      <p className="lead">{t('pageLead', { serviceName: data.serviceName, when: data.when })}</p>
      {searchParams.get('signed') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('signedThanks')}
        </p>
      ) : null}
      <p>
        {t('statusLabel')} <ConsentStatusBadge status={data.status} />
      </p>
      {data.signing ? (
        <>
          {data.status === 'withdrawn' ? (
            <p className="notice notice--warning">{t('withdrewSignAgain')}</p>
          ) : data.resignReason === 'new-version' ? (
            <p className="notice notice--warning">{t('newVersionSignAgain')}</p>
          ) : data.resignReason === 'expired' ? (
            <p className="notice notice--warning">{t('expiredSignAgain')}</p>
          ) : null}
          <ConsentSigning
            model={data.signing}
            actionData={actionData}
            justChecked={searchParams.get('checked') === '1'}
            submitLabel={t('signTheConsent')}
          />
        </>
      ) : null}
      {data.record ? (
        <section aria-labelledby="signed-heading" className="stack">
          <h2 id="signed-heading">
            {data.signing ? t('signedBeforeHeading') : t('signedHeading')}
          </h2>
          <ConsentRecordDetails record={data.record.details} timeZone={data.timeZone} />
          <p>
            <a
              className="button button--secondary"
              href={`/bookings/${data.reference}/consent.pdf`}
              download={`consent-${data.reference}.pdf`}
            >
              {t('downloadPdf')}
            </a>
          </p>
          <p className="muted">{t('paperCopy')}</p>
          {data.signing ? null : (
            <ConsentDocument
              title={data.record.title}
              versionNumber={data.record.versionNumber}
              sections={data.record.sections}
              headingLevel={3}
              lang={data.record.locale}
            />
          )}
        </section>
      ) : data.signing ? null : (
        <p>{t('noSignedConsent')}</p>
      )}
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
