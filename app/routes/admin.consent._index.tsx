import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { SubmitButton } from '#app/components/forms/fields.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { createConsentDraft } from '#app/domain/consent/consent-admin.server.ts'
import { getConsentAdminOverview } from '#app/domain/consent/consent-admin-views.server.ts'
import { NewDraftSchema } from '#app/domain/consent/consent-admin.schema.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Consent forms | Clinic settings | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const overview = getConsentAdminOverview()
  const zone = overview.timeZone
  const day = (at: number) => formatDateInZone(at, zone)
  const summary = (v: NonNullable<(typeof overview.forms)[number]['current']>) => ({
    id: v.id,
    versionNumber: v.versionNumber,
    appliesFrom: day(v.effectiveFrom),
    published: `${day(v.publishedAt)} at ${formatTimeInZone(v.publishedAt, zone)}`,
    publishedBy: v.publishedByName ?? 'Installed with the app',
  })
  return {
    forms: overview.forms.map((form) => ({
      tier: form.tier,
      title: form.title,
      current: form.current ? summary(form.current) : null,
      scheduled: form.scheduled.map(summary),
      draft: form.draft,
      nextVersion: (form.history[0]?.versionNumber ?? 0) + 1,
      history: form.history.map(summary),
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, NewDraftSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { userId, ipAddress, requestId } = staffActorOf(user, context)
  const result = createConsentDraft({
    tier: parsed.data.tier,
    actor: { userId, ipAddress, requestId },
  })
  // A draft already open for this form: go and edit it.
  return redirect(`/admin/consent/${result.versionId}`)
}

const TIER_LABELS = { medical: 'Medical needling', cosmetic: 'Cosmetic needling' } as const

export default function AdminConsentRoute() {
  const { forms } = useLoaderData<typeof loader>()
  const creating = useIsPending('new-draft')
  return (
    <div className="stack">
      <AdminNav />
      <h1>Consent forms</h1>
      <SavedNotice />
      <p>
        Patients sign the consent form of their treatment&apos;s tier before booking. A published
        version never changes: to change the text, write a new version and publish it. From the date
        it applies, patients who signed an older version are asked to sign again before their next
        session.
      </p>
      {forms.map((form) => (
        <section key={form.tier} aria-labelledby={`${form.tier}-heading`} className="card stack">
          <h2 id={`${form.tier}-heading`}>
            {TIER_LABELS[form.tier]}: {form.title}
          </h2>
          {form.current ? (
            <p>
              In use now:{' '}
              <Link to={`/admin/consent/${form.current.id}`}>
                version {form.current.versionNumber}
              </Link>
              , for sessions from {form.current.appliesFrom}.
            </p>
          ) : null}
          {form.scheduled.map((v) => (
            <p key={v.id} className="notice">
              Scheduled: <Link to={`/admin/consent/${v.id}`}>version {v.versionNumber}</Link>{' '}
              applies to sessions from {v.appliesFrom}.
            </p>
          ))}
          {form.draft ? (
            <p>
              <Link className="button button--secondary" to={`/admin/consent/${form.draft.id}`}>
                Edit the draft of version {form.draft.versionNumber}
              </Link>
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="new-draft" />
              <input type="hidden" name="tier" value={form.tier} />
              <SubmitButton pending={creating} pendingText="Starting…">
                Write version {form.nextVersion}
              </SubmitButton>
            </Form>
          )}
          <div className="table-wrap">
            <table>
              <caption>
                Published versions of the {TIER_LABELS[form.tier].toLowerCase()} form
              </caption>
              <TableHead columns={['Version', 'For sessions from', 'Published', 'By']} />
              <tbody>
                {form.history.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`/admin/consent/${v.id}`}>Version {v.versionNumber}</Link>
                    </th>
                    <td>{v.appliesFrom}</td>
                    <td>{v.published}</td>
                    <td>{v.publishedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  )
}
