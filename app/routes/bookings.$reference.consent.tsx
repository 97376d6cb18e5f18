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
import { answersFromForm, ConsentPageFormSchema } from '#app/domain/consent/consent.schema.ts'
import { checkFailure, signFailure, signingContextOf } from '#app/utils/consent-responses.server.ts'
import { formatAppointment } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your consent | Dermadesk' }]

export async function loader(args: LoaderFunctionArgs) {
  const { booking: page } = await requirePatientBooking(args, ({ session, reference, now }) =>
    getPatientConsentPage({
      ctx: signingContextOf(args.request, args.context, session, now),
      reference,
    }),
  )
  const { booking, record, signing } = page
  return {
    reference: booking.reference,
    serviceName: booking.serviceName,
    when: formatAppointment(booking.startAt, booking.endAt, booking.timeZone),
    timeZone: booking.timeZone,
    status: page.status,
    resignReason: page.resignReason,
    record: record
      ? {
          title: record.title,
          versionNumber: record.versionNumber,
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
  const parsed = await parseForm(request, ConsentPageFormSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const ctx = signingContextOf(request, context, session)
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
    return checkFailure(result, parsed.values) ?? notSignable(result.reason, 'check')
  }
  const { intent: _intent, ...form } = parsed.data
  const result = await signConsent({ ctx, target, form })
  if (result.ok) return redirect(`${page}?signed=1`)
  return signFailure(result, parsed.values) ?? notSignable(result.reason, 'sign')
}

/** Not this patient's booking (404), or nothing to sign: a consultation, a past or cancelled visit. */
function notSignable(reason: string, intent: 'check' | 'sign') {
  if (reason === 'not-found') throw new Response('Not found', { status: 404 })
  return formError(
    { formErrors: ['This booking does not need a consent now.'], values: { intent } },
    409,
  )
}

export { reloadWhenConsentChanged as shouldRevalidate } from '#app/components/consent/consent-signing.tsx'

export default function PatientConsentRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/bookings/${data.reference}`}>Back to your booking {data.reference}</Link>
      </p>
      <h1>Your consent for booking {data.reference}</h1>
      <p className="lead">
        {data.serviceName}, {data.when}.
      </p>
      {searchParams.get('signed') === '1' ? (
        <p className="notice notice--success" role="status">
          Thank you: your consent is signed. You can download a copy below.
        </p>
      ) : null}
      <p>
        Status: <ConsentStatusBadge status={data.status} />
      </p>
      {data.signing ? (
        <>
          {data.status === 'withdrawn' ? (
            <p className="notice notice--warning">
              You withdrew your consent. To go ahead with your visit, read the form again and sign.
            </p>
          ) : data.resignReason === 'new-version' ? (
            <p className="notice notice--warning">
              We have updated our consent form since you signed. Please read the new version and
              sign it before your visit.
            </p>
          ) : data.resignReason === 'expired' ? (
            <p className="notice notice--warning">
              Your consent was signed more than 12 months before this visit. Please read and sign it
              again.
            </p>
          ) : null}
          <ConsentSigning
            model={data.signing}
            actionData={actionData}
            justChecked={searchParams.get('checked') === '1'}
            submitLabel="Sign the consent"
          />
        </>
      ) : null}
      {data.record ? (
        <section aria-labelledby="signed-heading" className="stack">
          <h2 id="signed-heading">{data.signing ? 'What you signed before' : 'What you signed'}</h2>
          <ConsentRecordDetails record={data.record.details} timeZone={data.timeZone} />
          <p>
            <a
              className="button button--secondary"
              href={`/bookings/${data.reference}/consent.pdf`}
              download={`consent-${data.reference}.pdf`}
            >
              Download your signed consent (PDF)
            </a>
          </p>
          <p className="muted">
            You can also ask the clinic for a paper copy at any time, for free.
          </p>
          {data.signing ? null : (
            <ConsentDocument
              title={data.record.title}
              versionNumber={data.record.versionNumber}
              sections={data.record.sections}
              headingLevel={3}
            />
          )}
        </section>
      ) : data.signing ? null : (
        <p>There is no signed consent for this booking.</p>
      )}
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
