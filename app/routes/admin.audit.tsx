import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { AuditEntries } from '#app/components/admin/audit-entries.tsx'
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
import { formError, parseForm, toFormErrors } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Audit log | Clinic settings | Dermadesk' }]

type Filters = Partial<Record<(typeof AUDIT_FILTER_FIELDS)[number], string>>

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const query = Object.fromEntries(new URL(request.url).searchParams)
  const filters: Filters = Object.fromEntries(
    AUDIT_FILTER_FIELDS.flatMap((field) => (query[field] ? [[field, query[field]]] : [])),
  )
  const parsed = AuditFilterSchema.safeParse(query)
  if (!parsed.success) {
    const errors = toFormErrors(parsed.error, {})
    return data({ filters, fieldErrors: errors.fieldErrors, page: null }, { status: 400 })
  }
  const page = listAuditEvents({ filters: parsed.data, actor: auditActorOf(user, context) })
  const at = (instant: Date) =>
    `${formatDateInZone(instant, page.timeZone)}, ${formatTimeWithSecondsInZone(instant, page.timeZone)}`
  return {
    filters,
    fieldErrors: {} as Record<string, string[] | undefined>,
    page: {
      timeZone: describeTimeZone(page.timeZone),
      subjectTypes: page.subjectTypes,
      unknownActorEmail: page.unknownActorEmail,
      newerAfter: page.newerAfter,
      olderBefore: page.olderBefore,
      entries: page.entries.map((entry) => ({
        seq: entry.seq,
        iso: entry.occurredAt.toISOString(),
        when: at(entry.occurredAt),
        action: entry.action,
        actor: describeActor(entry),
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

function describeActor(entry: {
  actorType: string
  actorId: string | null
  actorName: string | null
  actorEmail: string | null
}): string {
  if (entry.actorType === 'staff')
    return entry.actorName
      ? `${entry.actorName} (${entry.actorEmail})`
      : `Staff ${entry.actorId ?? ''}`.trim()
  if (entry.actorType === 'patient') return `Patient ${entry.actorId ?? ''}`.trim()
  if (entry.actorType === 'system') return 'System'
  return 'Not signed in'
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
      <h1>Audit log</h1>
      <p className="muted">
        Every sign-in, change and view of patient records, newest first. Entries cannot be changed
        or removed, and each one is chained to the one before it by a hash.
        {page ? ` Times are ${page.timeZone}.` : null}
      </p>

      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">Check the chain</h2>
        <Form method="post" aria-labelledby="verify-heading">
          <input type="hidden" name="intent" value="verify" />
          <SubmitButton pending={verifying} pendingText="Checking every entry…">
            Verify chain
          </SubmitButton>
        </Form>
        {actionData && 'formErrors' in actionData ? (
          <FormErrorList errors={actionData.formErrors} />
        ) : null}
        {actionData && 'chain' in actionData ? (
          actionData.chain.ok ? (
            <p className="notice notice--success" role="status">
              The chain is intact: {actionData.chain.rows} entries checked. Latest hash:{' '}
              <span className="hash">{actionData.chain.head}</span>
            </p>
          ) : (
            <p className="notice notice--warning" role="alert">
              The chain is broken at entry #{actionData.chain.firstBadSeq} (
              {actionData.chain.reason}). Entries from there on cannot be trusted. Keep the database
              file as it is and tell the clinic&apos;s privacy officer.
            </p>
          )
        ) : null}
      </section>

      <section aria-labelledby="filter-heading">
        <h2 id="filter-heading">Filter</h2>
        <Form method="get" aria-labelledby="filter-heading" noValidate>
          <FormErrorList
            errors={Object.keys(fieldErrors).length ? ['Check the filters below.'] : undefined}
          />
          <div className="audit-filters">
            <Field
              label="Action starts with"
              hint="For example auth. or booking."
              error={error('action')}
              inputProps={{ name: 'action', defaultValue: filters.action, autoComplete: 'off' }}
            />
            <Field
              label="Who"
              hint="A staff email, or the id of a user or patient."
              error={error('actor')}
              inputProps={{ name: 'actor', defaultValue: filters.actor, autoComplete: 'off' }}
            />
            <Field
              label="Patient id"
              error={error('patient')}
              inputProps={{ name: 'patient', defaultValue: filters.patient, autoComplete: 'off' }}
            />
            <SelectField
              label="Record type"
              error={error('subjectType')}
              selectProps={{ name: 'subjectType', defaultValue: filters.subjectType ?? '' }}
            >
              <option value="">Any</option>
              {[
                ...new Set([
                  ...(page?.subjectTypes ?? []),
                  ...(filters.subjectType ? [filters.subjectType] : []),
                ]),
              ].map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </SelectField>
            <Field
              label="Record id"
              error={error('subjectId')}
              inputProps={{
                name: 'subjectId',
                defaultValue: filters.subjectId,
                autoComplete: 'off',
              }}
            />
            <Field
              label="From"
              error={error('from')}
              inputProps={{ name: 'from', type: 'date', defaultValue: filters.from }}
            />
            <Field
              label="To"
              error={error('to')}
              inputProps={{ name: 'to', type: 'date', defaultValue: filters.to }}
            />
          </div>
          <p className="cluster">
            <button type="submit" className="button">
              Show entries
            </button>
            <Link to="/admin/audit">Clear filters</Link>
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
