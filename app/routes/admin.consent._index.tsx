import { translator } from '#app/i18n/catalogue.ts'
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
import { newDraftSchema } from '#app/domain/consent/consent-admin.schema.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { adminConsentMessages, adminMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Consent forms | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminConsentMessages, locale)
  const overview = getConsentAdminOverview()
  const zone = overview.timeZone
  const day = (at: number) => formatDateInZone(at, zone, locale)
  const summary = (v: NonNullable<(typeof overview.forms)[number]['current']>) => ({
    id: v.id,
    versionNumber: v.versionNumber,
    appliesFrom: day(v.effectiveFrom),
    published: t('publishedAt', {
      date: day(v.publishedAt),
      time: formatTimeInZone(v.publishedAt, zone, locale),
    }),
    publishedBy: v.publishedByName ?? t('installedWithApp'),
  })
  return {
    title: translator(adminMessages, locale)('pageTitle', { page: t('consentForms') }),
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
  const parsed = await parseForm(request, newDraftSchema(await requestLocale(request)))
  if (!parsed.ok) return formError(parsed.errors)
  const { userId, ipAddress, requestId } = staffActorOf(user, context)
  const result = createConsentDraft({
    tier: parsed.data.tier,
    actor: { userId, ipAddress, requestId },
  })
  // A draft already open for this form: go and edit it.
  return redirect(`/admin/consent/${result.versionId}`)
}

export default function AdminConsentRoute() {
  const { forms } = useLoaderData<typeof loader>()
  const creating = useIsPending('new-draft')
  const t = useT(adminConsentMessages)
  const richT = useRichT(adminConsentMessages)
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('consentForms')}</h1>
      <SavedNotice />
      <p>{t('intro')}</p>
      {forms.map((form) => (
        <section key={form.tier} aria-labelledby={`${form.tier}-heading`} className="card stack">
          <h2 id={`${form.tier}-heading`}>
            {t('tierLabel', { tier: form.tier })}: {form.title}
          </h2>
          {form.current ? (
            <p>
              {richT('inUseNow', {
                n: form.current.versionNumber,
                date: form.current.appliesFrom,
                a: (chunks) => <Link to={`/admin/consent/${form.current?.id}`}>{chunks}</Link>,
              })}
            </p>
          ) : null}
          {form.scheduled.map((v) => (
            <p key={v.id} className="notice">
              {richT('scheduledLine', {
                n: v.versionNumber,
                date: v.appliesFrom,
                a: (chunks) => <Link to={`/admin/consent/${v.id}`}>{chunks}</Link>,
              })}
            </p>
          ))}
          {form.draft ? (
            <p>
              <Link className="button button--secondary" to={`/admin/consent/${form.draft.id}`}>
                {t('editDraft', { n: form.draft.versionNumber })}
              </Link>
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="new-draft" />
              <input type="hidden" name="tier" value={form.tier} />
              <SubmitButton pending={creating} pendingText={t('starting')}>
                {t('writeVersion', { n: form.nextVersion })}
              </SubmitButton>
            </Form>
          )}
          <div className="table-wrap">
            <table>
              <caption>{t('historyCaption', { tier: form.tier })}</caption>
              <TableHead
                columns={[t('colVersion'), t('colForSessionsFrom'), t('colPublished'), t('colBy')]}
              />
              <tbody>
                {form.history.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`/admin/consent/${v.id}`}>
                        {t('versionRow', { n: v.versionNumber })}
                      </Link>
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
