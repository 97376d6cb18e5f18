import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TableHead } from '#app/components/table-head.tsx'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { PRIVACY_REQUEST_KINDS } from '#app/domain/privacy/privacy.constants.ts'
import { privacyRequestSchema } from '#app/domain/privacy/privacy-requests.schema.ts'
import {
  getPatientPrivacyRequests,
  makePrivacyRequest,
} from '#app/domain/privacy/privacy-requests.server.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { privacyRequestsMessages } from '#app/i18n/messages/index.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Ask about your data | Dermadesk' },
]

// A patient's privacy requests (issue 19, ADR 051): the same access as the booking page (a
// session that proved the booking's email; another patient's booking is a 404).
export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { booking: mine } = await requirePatientBooking(args, getPatientPrivacyRequests)
  const settings = getClinicSettings()
  const date = (at: Date) => formatDateInZone(at, settings.timeZone, locale)
  return {
    title: translate(privacyRequestsMessages, locale, 'title'),
    reference: mine.reference,
    years: settings.clinicalRecordRetentionYears,
    requests: mine.requests.map((request) => ({
      id: request.id,
      kind: request.kind,
      status: request.status,
      asked: date(request.createdAt),
      due: date(request.dueAt),
      reason: request.decisionReason,
      keepUntil: request.keepUntil ? date(request.keepUntil) : null,
      refusal: request.refusal,
    })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const locale = await requestLocale(request)
  const t = translator(privacyRequestsMessages, locale)
  const parsed = await parseForm(request, privacyRequestSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = makePrivacyRequest({
    session,
    reference,
    now: new Date(),
    actor: patientActor(context),
    kind: parsed.data.kind,
    details: parsed.data.details,
  })
  if (result.ok) return redirect(`/bookings/${reference}/privacy-request?sent=1`)
  if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  return formError(
    {
      formErrors: [t(result.reason === 'already-open' ? 'alreadyOpen' : 'alreadyErased')],
      values: parsed.values,
    },
    409,
  )
}

export default function PrivacyRequestRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const t = useT(privacyRequestsMessages)
  const locale = useLocale()
  const schema = useMemo(() => privacyRequestSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData)
  const newest = data.requests[0]
  const chosen = actionData?.values?.kind
  return (
    <div className="stack page--medium">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      {searchParams.get('sent') === '1' && newest && !actionData ? (
        <p className="notice notice--success" role="status">
          {t('sent', { date: newest.due })}
        </p>
      ) : null}
      <section aria-labelledby="requests-heading" className="stack">
        <h2 id="requests-heading">{t('listHeading')}</h2>
        {data.requests.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="record-access-table">
              <caption>{t('caption')}</caption>
              <TableHead
                columns={[t('colAsked'), t('colWhat'), t('colStatus'), t('colDue'), t('colAnswer')]}
              />
              <tbody>
                {data.requests.map((request) => (
                  <tr key={request.id}>
                    <td>{request.asked}</td>
                    <td>{t('kindName', { kind: request.kind })}</td>
                    <td>{t('status', { status: request.status })}</td>
                    <td>{request.due}</td>
                    <td>
                      {request.status === 'open' ? (
                        t('noAnswer')
                      ) : (
                        <div className="stack">
                          {request.keepUntil ? (
                            <p>{t('partlyKept', { date: request.keepUntil })}</p>
                          ) : null}
                          {request.refusal === 'legal-hold' ? <p>{t('refusedHold')}</p> : null}
                          {request.refusal === 'already-erased' ? (
                            <p>{t('refusedErased')}</p>
                          ) : null}
                          {request.reason ? <p>{request.reason}</p> : null}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="form-heading" className="stack">
        <h2 id="form-heading">{t('formHeading')}</h2>
        <Form {...formProps} className="stack" aria-labelledby="form-heading">
          <FormErrorList errors={actionData?.formErrors} />
          <ChoiceGroup
            legend={t('kindLegend')}
            type="radio"
            options={PRIVACY_REQUEST_KINDS.map((kind) => ({
              value: kind,
              label: t(`kind.${kind}`, { years: String(data.years) }),
            }))}
            chosen={typeof chosen === 'string' ? [chosen] : []}
            {...fields.choices('kind')}
          />
          <TextareaField
            label={t('detailsLabel')}
            hint={t('detailsHint')}
            {...fields.textarea('details', { rows: 4 })}
          />
          <SubmitButton pending={pending}>{t('submit')}</SubmitButton>
        </Form>
      </section>
      <p>
        <Link to={`/bookings/${data.reference}`}>{t('back')}</Link>
      </p>
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'
