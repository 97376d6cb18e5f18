import { useT } from '#app/i18n/locale-context.tsx'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { AuditEntries } from '#app/components/admin/audit-entries.tsx'
import { AuditExportForm } from '#app/components/admin/audit-export-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SelectField, SubmitButton } from '#app/components/forms/fields.tsx'
import {
  AUDIT_FILTER_FIELDS,
  AuditActionSchema,
  AuditFilterSchema,
} from '#app/domain/audit/audit.schema.ts'
import { formatDetails } from '#app/domain/audit/audit.rules.ts'
import { listAuditEvents, verifyAuditChainForAdmin } from '#app/domain/audit/audit-browse.server.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import {
  describeTimeZone,
  formatDateInZone,
  formatTimeWithSecondsInZone,
} from '#app/utils/format.ts'
import { type Translator, translator } from '#app/i18n/catalogue.ts'
import { auditMessages } from '#app/i18n/messages/index.ts'
import { formError, parseForm, toFormErrors } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Audit log | Clinic settings | Dermadesk' },
]

type Filters = Partial<Record<(typeof AUDIT_FILTER_FIELDS)[number], string>>

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(auditMessages, locale)
  const title = t('title')
  const query = Object.fromEntries(new URL(request.url).searchParams)
  const filters: Filters = Object.fromEntries(
    AUDIT_FILTER_FIELDS.flatMap((field) => (query[field] ? [[field, query[field]]] : [])),
  )
  const parsed = AuditFilterSchema.safeParse(query)
  if (!parsed.success) {
    const errors = toFormErrors(parsed.error, {})
    return data({ title, filters, fieldErrors: errors.fieldErrors, page: null }, { status: 400 })
  }
  const page = listAuditEvents({ filters: parsed.data, actor: auditActorOf(user, context) })
  const at = (instant: Date) =>
    t('at', {
      date: formatDateInZone(instant, page.timeZone, locale),
      time: formatTimeWithSecondsInZone(instant, page.timeZone),
    })
  return {
    title,
    filters,
    fieldErrors: {} as Record<string, string[] | undefined>,
    page: {
      timeZone: describeTimeZone(page.timeZone, locale),
      subjectTypes: page.subjectTypes.map((type) => ({
        type,
        label: recordTypeLabel(type, t),
      })),
      unknownActorEmail: page.unknownActorEmail,
      newerAfter: page.newerAfter,
      olderBefore: page.olderBefore,
      entries: page.entries.map((entry) => ({
        seq: entry.seq,
        iso: entry.occurredAt.toISOString(),
        when: at(entry.occurredAt),
        action: entry.action,
        actionLabel: actionLabel(entry.action, t),
        actor: describeActor(entry, t),
        ipAddress: entry.ipAddress,
        subject: entry.subjectType
          ? `${entry.subjectType}${entry.subjectId ? ` ${entry.subjectId}` : ''}`
          : null,
        patientId: entry.patientId,
        details: formatDetails(entry.details),
      })),
    },
  }
}

type AuditT = Translator<keyof (typeof auditMessages)['en'] & string>

/** The readable name of a stored action code ("Signed in"), or null for a code without one. */
function actionLabel(code: string, t: AuditT): string | null {
  const key = `action.${code}`
  return Object.hasOwn(auditMessages.en, key) ? t(key as Parameters<AuditT>[0]) : null
}

/** The readable name of a stored record type ("Booking"), or null for a type without one. */
function recordTypeLabel(code: string, t: AuditT): string | null {
  const key = `record.${code}`
  return Object.hasOwn(auditMessages.en, key) ? t(key as Parameters<AuditT>[0]) : null
}

function describeActor(
  entry: {
    actorType: string
    actorId: string | null
    actorName: string | null
    actorEmail: string | null
  },
  t: Translator<keyof (typeof auditMessages)['en'] & string>,
): string {
  if (entry.actorType === 'staff')
    return entry.actorName
      ? `${entry.actorName} (${entry.actorEmail})`
      : entry.actorId
        ? t('actorStaff', { id: entry.actorId })
        : t('actorStaffUnknown')
  if (entry.actorType === 'patient')
    return entry.actorId ? t('actorPatient', { id: entry.actorId }) : t('actorPatientUnknown')
  if (entry.actorType === 'system') return t('actorSystem')
  return t('actorAnonymous')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, AuditActionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const check = verifyAuditChainForAdmin({ actor: auditActorOf(user, context) })
  return { chain: { ...check, checkedAt: check.checkedAt.toISOString() } }
}

export default function AdminAuditRoute() {
  const { filters, fieldErrors, page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const verifying = useIsPending()
  const t = useT(auditMessages)
  const pageLink = (cursor: { before?: number; after?: number }) => {
    const params = new URLSearchParams(filters as Record<string, string>)
    if (cursor.before !== undefined) params.set('before', String(cursor.before))
    if (cursor.after !== undefined) params.set('after', String(cursor.after))
    return `?${params}`
  }
  const error = (name: string) => fieldErrors[name]?.[0]
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('heading')}</h1>
      <p className="muted">
        {t('intro')}
        {page ? ` ${t('timesIn', { zone: page.timeZone })}` : null}
      </p>

      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t('checkChain')}</h2>
        <Form method="post" aria-labelledby="verify-heading">
          <input type="hidden" name="intent" value="verify" />
          <SubmitButton pending={verifying} pendingText={t('checking')}>
            {t('verifyChain')}
          </SubmitButton>
        </Form>
        {actionData && 'formErrors' in actionData ? (
          <FormErrorList errors={actionData.formErrors} />
        ) : null}
        {actionData && 'chain' in actionData ? (
          actionData.chain.ok ? (
            <p className="notice notice--success" role="status">
              {t('chainIntact', { rows: String(actionData.chain.rows) })}{' '}
              <span className="hash">{actionData.chain.head}</span>
            </p>
          ) : (
            <p className="notice notice--warning" role="alert">
              {t('chainBroken', {
                seq: String(actionData.chain.firstBadSeq),
                reason: String(actionData.chain.reason),
              })}
            </p>
          )
        ) : null}
      </section>

      <AuditExportForm />

      <section aria-labelledby="filter-heading">
        <h2 id="filter-heading">{t('filter')}</h2>
        <Form method="get" aria-labelledby="filter-heading" noValidate>
          <FormErrorList
            errors={Object.keys(fieldErrors).length ? [t('checkFilters')] : undefined}
          />
          <div className="audit-filters">
            <Field
              label={t('actionStartsWith')}
              hint={t('actionHint')}
              error={error('action')}
              inputProps={{ name: 'action', defaultValue: filters.action, autoComplete: 'off' }}
            />
            <Field
              label={t('who')}
              hint={t('whoHint')}
              error={error('actor')}
              inputProps={{ name: 'actor', defaultValue: filters.actor, autoComplete: 'off' }}
            />
            <Field
              label={t('patientId')}
              error={error('patient')}
              inputProps={{ name: 'patient', defaultValue: filters.patient, autoComplete: 'off' }}
            />
            <SelectField
              label={t('recordType')}
              error={error('subjectType')}
              selectProps={{ name: 'subjectType', defaultValue: filters.subjectType ?? '' }}
            >
              <option value="">{t('any')}</option>
              {[
                ...(page?.subjectTypes ?? []),
                ...(filters.subjectType &&
                !page?.subjectTypes.some(({ type }) => type === filters.subjectType)
                  ? [{ type: filters.subjectType, label: null }]
                  : []),
              ].map(({ type, label }) => (
                <option key={type} value={type}>
                  {label ? t('codeNamed', { label, code: type }) : type}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('recordId')}
              error={error('subjectId')}
              inputProps={{
                name: 'subjectId',
                defaultValue: filters.subjectId,
                autoComplete: 'off',
              }}
            />
            <Field
              label={t('from')}
              error={error('from')}
              inputProps={{ name: 'from', type: 'date', defaultValue: filters.from }}
            />
            <Field
              label={t('to')}
              error={error('to')}
              inputProps={{ name: 'to', type: 'date', defaultValue: filters.to }}
            />
          </div>
          <p className="cluster">
            <button type="submit" className="button">
              {t('showEntries')}
            </button>
            <Link to="/admin/audit">{t('clearFilters')}</Link>
          </p>
        </Form>
      </section>

      {page ? <AuditEntries page={page} pageLink={pageLink} /> : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
