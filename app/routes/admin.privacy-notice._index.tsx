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
import { NoticeNewDraftSchema } from '#app/domain/privacy/privacy-notice-admin.schema.ts'
import {
  createPrivacyNoticeDraft,
  getPrivacyNoticeAdminOverview,
} from '#app/domain/privacy/privacy-notice.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages, adminPrivacyNoticeMessages } from '#app/i18n/messages/index.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Privacy notice | Clinic settings | Dermadesk' },
]

/** The privacy notice's versions (ADR 050): the one in force, the draft, the history. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminPrivacyNoticeMessages, locale)
  const { versions, timeZone } = getPrivacyNoticeAdminOverview()
  const current = versions.find((v) => v.status === 'published')!
  const draft = versions.find((v) => v.status === 'draft') ?? null
  return {
    title: translator(adminMessages, locale)('pageTitle', { page: t('heading') }),
    current: {
      id: current.id,
      versionNumber: current.versionNumber,
      date: formatDateInZone(current.publishedAt!, timeZone, locale),
    },
    draft: draft ? { id: draft.id, versionNumber: draft.versionNumber } : null,
    nextVersion: (versions[0]?.versionNumber ?? 0) + 1,
    history: versions.map((v) => ({
      id: v.id,
      versionNumber: v.versionNumber,
      status: v.status,
      published: v.publishedAt
        ? t('publishedAt', {
            date: formatDateInZone(v.publishedAt, timeZone, locale),
            time: formatTimeInZone(v.publishedAt, timeZone, locale),
          })
        : '',
      by: v.status === 'draft' ? '' : (v.publishedByName ?? t('installedWithApp')),
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, NoticeNewDraftSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = createPrivacyNoticeDraft({ actor: staffActorOf(user, context) })
  // A draft already open: go and edit it.
  return redirect(`/admin/privacy-notice/${result.versionId}`)
}

export default function AdminPrivacyNoticeRoute() {
  const { current, draft, nextVersion, history } = useLoaderData<typeof loader>()
  const creating = useIsPending('new-draft')
  const t = useT(adminPrivacyNoticeMessages)
  const richT = useRichT(adminPrivacyNoticeMessages)
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('heading')}</h1>
      <SavedNotice />
      <p>{t('intro')}</p>
      <p>
        {richT('inUseNow', {
          n: current.versionNumber,
          date: current.date,
          a: (chunks) => <Link to={`/admin/privacy-notice/${current.id}`}>{chunks}</Link>,
        })}
      </p>
      {draft ? (
        <p>
          <Link className="button button--secondary" to={`/admin/privacy-notice/${draft.id}`}>
            {t('editDraft', { n: draft.versionNumber })}
          </Link>
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="new-draft" />
          <SubmitButton pending={creating} pendingText={t('starting')}>
            {t('writeVersion', { n: nextVersion })}
          </SubmitButton>
        </Form>
      )}
      <div className="table-wrap">
        <table>
          <caption>{t('historyCaption')}</caption>
          <TableHead columns={[t('colVersion'), t('colStatus'), t('colPublished'), t('colBy')]} />
          <tbody>
            {history.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <Link to={`/admin/privacy-notice/${v.id}`}>
                    {t('versionRow', { n: v.versionNumber })}
                  </Link>
                </th>
                <td>{t('status', { status: v.status })}</td>
                <td>{v.published}</td>
                <td>{v.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
