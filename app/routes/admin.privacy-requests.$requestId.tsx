import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import * as z from 'zod'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import {
  PRIVACY_DECISIONS,
  privacyDecisionSchema,
} from '#app/domain/privacy/privacy-requests.schema.ts'
import {
  decidePrivacyRequest,
  getPrivacyRequestForAdmin,
} from '#app/domain/privacy/privacy-requests.server.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { privacyAdminMessages } from '#app/i18n/messages/index.ts'
import { auditActorOf, parseOrNotFound } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Privacy request | Dermadesk' },
]

const ParamsSchema = z.object({ requestId: z.uuid() })

/**
 * One privacy request for an admin (ADR 051): the request, the patient, for an erasure what it
 * would remove and keep (the same plan the decision performs), and the decision. Viewing is
 * audited.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const { requestId } = parseOrNotFound(ParamsSchema, params, 'No such request.')
  const locale = await requestLocale(request)
  const view = getPrivacyRequestForAdmin({
    requestId,
    actor: auditActorOf(user, context),
    now: new Date(),
  })
  if (!view) throw new Response('No such request.', { status: 404 })
  const settings = getClinicSettings()
  const date = (at: Date) => formatDateInZone(at, settings.timeZone, locale)
  const t = translator(privacyAdminMessages, locale)
  const preview = view.erasure
  const counts = preview?.summary.counts
  return {
    title: t('detailTitle'),
    request: {
      id: view.request.id,
      kind: view.request.kind,
      status: view.request.status,
      details: view.request.details,
      asked: date(view.request.createdAt),
      due: date(view.request.dueAt),
      overdue: view.request.overdue,
      decidedOn: view.request.decidedAt ? date(view.request.decidedAt) : null,
      reason: view.request.decisionReason,
    },
    patient: {
      id: view.patient.id,
      name: view.patient.erasedAt ? null : view.patient.fullName,
      erasedOn: view.patient.erasedAt ? date(view.patient.erasedAt) : null,
      restricted: view.patient.restrictedAt !== null,
      hold: view.patient.legalHoldReason,
    },
    preview:
      preview && counts && view.request.status === 'open'
        ? {
            summary:
              preview.plan.outcome === 'granted'
                ? t('previewGranted')
                : preview.plan.outcome === 'partly_granted'
                  ? t('previewPartly', {
                      date: date(preview.plan.keepUntil),
                      years: String(settings.clinicalRecordRetentionYears),
                    })
                  : preview.plan.reason === 'legal-hold'
                    ? t('previewRefusedHold', { reason: view.patient.legalHoldReason ?? '' })
                    : t('previewRefusedErased'),
            removes:
              preview.plan.outcome === 'refused'
                ? []
                : preview.plan.removes.map((item) =>
                    t(`removed.${item}`, {
                      count: String(
                        item === 'contactDetails' ? 1 : (counts[item as keyof typeof counts] ?? 0),
                      ),
                    }),
                  ),
            keeps:
              preview.plan.outcome === 'refused'
                ? []
                : preview.plan.keeps.map((item) =>
                    t(`kept.${item}`, {
                      count: String(
                        item === 'bookings' ? counts.bookings : counts.screeningSubmissions,
                      ),
                      consents: String(counts.consents),
                      treatments: String(counts.treatmentRecords),
                      photos: String(counts.photos),
                    }),
                  ),
          }
        : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const { requestId } = parseOrNotFound(ParamsSchema, params, 'No such request.')
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, privacyDecisionSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = decidePrivacyRequest({
    requestId,
    decision: parsed.data.decision,
    reason: parsed.data.reason,
    actor: { ...auditActorOf(user, context), id: user.id },
    now: new Date(),
  })
  if (result.ok) return redirect(`/admin/privacy-requests/${requestId}?decided=${result.status}`)
  if (result.reason === 'not-found') throw new Response('No such request.', { status: 404 })
  return formError({ formErrors: [translate(privacyAdminMessages, locale, 'alreadyDecided')] }, 409)
}

export default function PrivacyRequestRoute() {
  const { request, patient, preview } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const t = useT(privacyAdminMessages)
  const locale = useLocale()
  const schema = useMemo(() => privacyDecisionSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData)
  const decided = searchParams.get('decided')
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1>{t('detailHeading', { kind: t('kindName', { kind: request.kind }) })}</h1>
      {decided && !actionData ? (
        <p className="notice notice--success" role="status">
          {t('savedDecision', { status: t('status', { status: decided }) })}
        </p>
      ) : null}
      <p>
        {t('asked', { date: request.asked })} · {t('due', { date: request.due })}{' '}
        {request.overdue ? <span className="badge badge--bad">{t('overdue')}</span> : null}
      </p>
      <p>{t('status', { status: request.status })}</p>
      <section aria-labelledby="patient-heading" className="stack">
        <h2 id="patient-heading">{t('patientHeading')}</h2>
        {patient.name ? (
          <p>
            <Link to={`/staff/patients/${patient.id}`}>
              {t('chartLink', { name: patient.name })}
            </Link>
          </p>
        ) : (
          <p>{t('erasedNow', { date: patient.erasedOn ?? '' })}</p>
        )}
        {patient.restricted ? <p>{t('restrictedNow')}</p> : null}
        {patient.hold ? <p>{t('holdNow', { reason: patient.hold })}</p> : null}
      </section>
      <section aria-labelledby="details-heading" className="stack">
        <h2 id="details-heading">{t('detailsHeading')}</h2>
        <p>{request.details || t('noDetails')}</p>
      </section>
      {preview ? (
        <section aria-labelledby="preview-heading" className="stack">
          <h2 id="preview-heading">{t('previewHeading')}</h2>
          <p>{preview.summary}</p>
          {preview.removes.length ? (
            <>
              <h3>{t('removesHeading')}</h3>
              <ul>
                {preview.removes.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.keeps.length ? (
            <>
              <h3>{t('keepsHeading')}</h3>
              <ul>
                {preview.keeps.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {request.status === 'open' ? (
        <section aria-labelledby="decide-heading" className="stack">
          <h2 id="decide-heading">{t('decideHeading')}</h2>
          {request.kind === 'correction' ? <p>{t('correctionHelp')}</p> : null}
          {request.kind === 'restriction' ? <p>{t('restrictionHelp')}</p> : null}
          <Form {...formProps} className="stack" aria-labelledby="decide-heading">
            <FormErrorList errors={actionData?.formErrors} />
            <ChoiceGroup
              legend={t('decisionLegend')}
              type="radio"
              options={PRIVACY_DECISIONS.map((value) => ({
                value,
                label: t(`decision.${value}`),
              }))}
              chosen={[]}
              {...fields.choices('decision')}
            />
            <TextareaField
              label={t('reasonLabel')}
              hint={t('reasonHint')}
              {...fields.textarea('reason', { rows: 4 })}
            />
            <SubmitButton pending={pending}>{t('decideSubmit')}</SubmitButton>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="decided-heading" className="stack">
          <h2 id="decided-heading">{t('decidedHeading')}</h2>
          <p>{t('decidedOn', { date: request.decidedOn ?? '' })}</p>
          <p>{request.reason}</p>
        </section>
      )}
      <p>
        <Link to="/admin/privacy-requests">{t('back')}</Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
